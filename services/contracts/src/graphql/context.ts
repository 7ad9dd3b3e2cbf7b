import type { Caller } from '@reglament/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Contracts } from '../application/contracts';
import type { Organizations } from '../application/organizations';
import { ContractEntity } from '../infra/entities';

export interface ContractsApp {
  dataSource: DataSource;
  organizations: Organizations;
  contracts: Contracts;
}

export interface ContractsContext {
  caller: Caller;
  app: ContractsApp;
  loaders: ReturnType<typeof createLoaders>;
}

/** One set per request: every list field and reference is batched. */
export function createLoaders(app: ContractsApp) {
  return {
    contractsByOrganization: new DataLoader<string, ContractEntity[]>(async (ids) => {
      const rows = await app.dataSource.getRepository(ContractEntity).find({
        where: { organizationId: In([...ids]) },
        order: { createdAt: 'ASC' },
      });
      return ids.map((id) => rows.filter((row) => row.organizationId === id));
    }),
  };
}
