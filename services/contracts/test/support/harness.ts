import {
  type AnyEventEnvelope,
  type Category,
  type Caller,
  type EventType,
  makeEvent,
  newId,
  type TicketAfterChange,
} from '@reglament/shared/domain';
import {
  closePlatform,
  createPlatform,
  type Platform,
  ServiceRuntime,
  type TestClock,
} from '@reglament/shared/platform';
import { createTestDatabase, eventually, TEST_SECRET, type TestDatabase, uniqueName } from '@reglament/shared/testing';
import { buildContractsApp, contractsEntities, contractsMigrations, type ContractsApp } from '../../src';
import { ticketsHandlers } from '../../src/messaging/tickets-consumer';
import { KnownTicketEntity } from '../../src/infra/read-model.entities';

export const JWT_SECRET = 'contracts-test-jwt-secret-0123456789';
export const ADMIN: Caller = { kind: 'user', id: newId(), role: 'ADMIN', organizationId: null, name: 'Admin' };
export const DISPATCHER: Caller = {
  kind: 'user',
  id: newId(),
  role: 'DISPATCHER',
  organizationId: null,
  name: 'Dispatcher',
};
export const ENGINEER: Caller = { kind: 'user', id: newId(), role: 'ENGINEER', organizationId: null, name: 'Engineer' };

/**
 * The contracts application on a real PostgreSQL database of its own (pool of 10 connections,
 * as in production), an in-process bus, and a test clock. No HTTP: the use cases directly.
 */
export class ContractsHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly platform: Platform,
    readonly runtime: ServiceRuntime,
    readonly app: ContractsApp,
    private readonly realTime: { shiftMs: number },
  ) {}

  /** Moves the real time login throttling reads (the business clock is `clock`). */
  advanceRealTime(ms: number): void {
    this.realTime.shiftMs += ms;
  }

  static async start(): Promise<ContractsHarness> {
    const db = await createTestDatabase();
    const platform = await createPlatform({
      name: 'contracts-test',
      eventPrefix: uniqueName('c'),
      internalSecret: TEST_SECRET,
      testClock: true,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    const runtime = await ServiceRuntime.start(platform, {
      service: 'contracts',
      databaseUrl: db.url,
      dataDir: '.data/test-unused',
      entities: contractsEntities,
      migrations: contractsMigrations,
    });
    const realTime = { shiftMs: 0 };
    const app = buildContractsApp(runtime, platform, {
      port: 0,
      dataDir: '.data/test-unused',
      jwtSecret: JWT_SECRET,
      realNow: () => Date.now() + realTime.shiftMs,
    });
    await runtime.consume('tickets', ticketsHandlers);
    return new ContractsHarness(db, platform, runtime, app, realTime);
  }

  get clock(): TestClock {
    return this.platform.clock as TestClock;
  }

  setClock(iso: string): void {
    this.clock.set(new Date(iso));
  }

  /** Events of a type written to the outbox (in the same transaction as their change). */
  async events<T extends EventType>(type: T): Promise<Extract<AnyEventEnvelope, { type: T }>[]> {
    const rows = (await this.runtime.dataSource.query('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', [
      type,
    ])) as { payload: Extract<AnyEventEnvelope, { type: T }> }[];
    return rows.map((row) => row.payload);
  }

  /** A ticket as the tickets service would announce it; contracts learns it from the event. */
  async ticket(
    contract: { id: string; organizationId: string; preset: string },
    category: Category | null,
    serviceCode: string | null = null,
    extra: Partial<Pick<TicketAfterChange, 'status' | 'assigneeId'>> = {},
  ) {
    const facts: TicketAfterChange = {
      ticketId: newId(),
      number: `T-${Math.floor(Math.random() * 1e6)}`,
      organizationId: contract.organizationId,
      contractId: contract.id,
      preset: contract.preset,
      requesterId: null,
      channel: 'PORTAL',
      title: 'A question',
      category,
      priority: 'NORMAL',
      status: 'IN_PROGRESS',
      assigneeId: null,
      product: null,
      serviceCode,
      plannedResolutionAt: null,
      registeredAt: this.clock.now().toISOString(),
      resolvedAt: null,
      closedAt: null,
      closeReason: null,
      linkedTicketId: null,
      version: 1,
      ...extra,
    };
    await this.platform.bus.publish(
      makeEvent(
        'tickets.ticket.registered',
        contract.organizationId,
        {
          ticket: facts,
          ticketId: facts.ticketId,
          organizationId: facts.organizationId,
          actor: { id: null, role: 'SYSTEM', name: null },
          answeredOnCall: null,
        },
        { source: 'tickets', occurredAt: this.clock.now() },
      ),
    );
    await eventually(() =>
      this.runtime.dataSource.getRepository(KnownTicketEntity).findOneBy({ ticketId: facts.ticketId }),
    );
    return facts;
  }

  async stop(): Promise<void> {
    await this.runtime.stop();
    await closePlatform(this.platform);
    await this.db.drop();
  }
}

/** An organization and a contract under a preset, through the use cases. */
export async function customer(
  app: ContractsApp,
  preset: string,
  period: { startsOn: string; endsOn: string },
  extra: { totalValue?: number; customizationHourlyRate?: number } = {},
) {
  const organization = await app.organizations.create(ADMIN, {
    name: `Customer ${newId().slice(-6)}`,
    email: `it-${newId().slice(-8)}@customer.example`,
    emailDomains: [],
  });
  const contract = await app.contracts.create(ADMIN, {
    organizationId: organization.id,
    number: `C-${newId().slice(-8)}`,
    preset,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    totalValue: extra.totalValue ?? null,
    products: [],
    coverage: null,
    prerequisites: [],
    warranty: false,
    customizationHourlyRate: extra.customizationHourlyRate ?? null,
    customizationCapPercent: null,
    holidays: [],
  });
  return { organization, contract };
}
