import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared';
import { Contracts } from './application/contracts';
import { Organizations } from './application/organizations';
import { type ContractsApp, createLoaders } from './graphql/context';
import { buildContractsSchema } from './graphql/schema';
import { ContractEntity, OrganizationEntity } from './infra/entities';
import { OrganizationsContracts1763700000100 } from './infra/migrations/1763700000100-organizations-contracts';

export const contractsEntities = [OrganizationEntity, ContractEntity];
export const contractsMigrations = [OrganizationsContracts1763700000100];

export interface ContractsSettings extends StorageSettings {
  port: number;
  /** HS256 key of the access tokens `login` issues (the gateway verifies them with the same key). */
  jwtSecret?: string;
  /** The first admin, created at first start (API.md "Auth"). */
  adminEmail?: string;
  adminPassword?: string;
  /** Embedded demo: one customer under each preset, with printed logins. */
  demoData?: boolean;
}

/** The composition root of the contracts subgraph: DB -> migrations -> relay -> server. */
export async function startContracts(platform: Platform, settings: ContractsSettings): Promise<RunningService> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'contracts',
    ...settings,
    entities: contractsEntities,
    migrations: contractsMigrations,
  });
  try {
    const { dataSource, transactions } = runtime;
    const app: ContractsApp = {
      dataSource,
      organizations: new Organizations(dataSource, transactions, platform.clock),
      contracts: new Contracts(dataSource, transactions, platform.clock),
    };
    const server = await runtime.serve(await buildContractsSchema(), settings.port, (caller) => ({
      caller,
      app,
      loaders: createLoaders(app),
    }));
    return { name: 'contracts', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
