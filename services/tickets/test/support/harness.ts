import {
  type AnyEventEnvelope,
  type Caller,
  type ContractFacts,
  type EventPayloads,
  type EventType,
  makeEvent,
  newId,
  signCaller,
  type StaffRole,
} from '@reglament/shared/domain';
import {
  closePlatform,
  createPlatform,
  type DeliveredEvent,
  type Platform,
  type RunningService,
  type Stoppable,
  type TestClock,
} from '@reglament/shared/platform';
import {
  createTestDatabase,
  createTestNats,
  eventually,
  TEST_SECRET,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { startTickets } from '../../src';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A customer organization as tickets knows it: its contract, a contact, and callers to act as. */
export interface Tenant {
  organizationId: string;
  contractId: string;
  contactId: string;
  contactName: string;
  customer: Caller;
  contract: ContractFacts;
}

let counter = 0;

/**
 * The tickets service alone on a real PostgreSQL (its own database) and real NATS (its own
 * prefix), called over HTTP with a signed caller exactly as the gateway calls it. Other
 * services' events are published by the test itself to seed the read models.
 */
export class TicketsHarness {
  readonly staff: Record<StaffRole, Caller & { kind: 'user' }>;
  readonly system: Caller = { kind: 'system', name: 'sla' };

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNats,
    readonly platforms: Platform[],
    readonly services: RunningService[],
  ) {
    this.staff = {
      DISPATCHER: staffCaller('DISPATCHER', 'Dora Dispatcher'),
      ENGINEER: staffCaller('ENGINEER', 'Egor Engineer'),
      ADMIN: staffCaller('ADMIN', 'Alla Admin'),
    };
  }

  static async start(options: { attachmentMaxBytes?: number; instances?: number } = {}): Promise<TicketsHarness> {
    const db = await createTestDatabase();
    const nats = createTestNats();
    const platforms: Platform[] = [];
    const services: RunningService[] = [];
    try {
      for (let i = 0; i < (options.instances ?? 1); i++) {
        const platform = await createPlatform({
          name: `tickets-${i}`,
          natsUrl: nats.url,
          eventPrefix: nats.prefix,
          internalSecret: TEST_SECRET,
          testClock: true,
          logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
        });
        platforms.push(platform);
        // Monday 3 March 2025, 10:00 Moscow.
        (platform.clock as TestClock).set(new Date('2025-03-03T07:00:00Z'));
        services.push(
          await startTickets(platform, {
            port: 0,
            dataDir: '.data/test-unused',
            databaseUrl: db.url,
            ...(options.attachmentMaxBytes ? { attachmentMaxBytes: options.attachmentMaxBytes } : {}),
          }),
        );
      }
      const harness = new TicketsHarness(db, nats, platforms, services);
      await harness.registerStaff();
      return harness;
    } catch (error) {
      for (const service of services) await service.stop().catch(() => undefined);
      for (const platform of platforms) await closePlatform(platform).catch(() => undefined);
      await db.drop().catch(() => undefined);
      await nats.destroy().catch(() => undefined);
      throw error;
    }
  }

  get service(): RunningService {
    return this.services[0]!;
  }

  get clock(): TestClock {
    return this.platforms[0]!.clock as TestClock;
  }

  /** Moves every instance's clock. */
  setClock(at: string): void {
    for (const platform of this.platforms) (platform.clock as TestClock).set(new Date(at));
  }

  async stop(): Promise<void> {
    for (const service of this.services) await service.stop();
    for (const platform of this.platforms) await closePlatform(platform);
    await this.db.drop();
    await this.nats.destroy();
  }

  /** POSTs an operation to the subgraph as `caller` (signed like the gateway signs). */
  async gql<T = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
    instance = 0,
  ): Promise<GraphQLResult<T>> {
    const response = await fetch(this.services[instance]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCaller(caller, TEST_SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async ok<T = Record<string, unknown>>(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const result = await this.gql<T>(caller, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** The error code of an operation that must fail (fails the test when it succeeds). */
  async refused(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const result = await this.gql(caller, query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }

  /** Publishes another service's event (as that service would, through its outbox relay). */
  async publish<T extends EventType>(type: T, organizationId: string | null, data: EventPayloads[T]) {
    const event = makeEvent(type, organizationId, data, {
      source: type.split('.')[0]!,
      occurredAt: this.clock.now(),
    });
    await this.platforms[0]!.bus.publish(event as AnyEventEnvelope);
    return event;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.service.runtime.dataSource.query(sql, params)) as T[];
  }

  /** Waits until this service's consumers applied every event published so far to `consumer`. */
  async applied(eventId: string): Promise<void> {
    await eventually(async () => (await this.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);
  }

  /** An organization with an active contract under `preset` and one active contact, known to tickets. */
  async tenant(preset = 'imc-typical', contract: Partial<ContractFacts> = {}): Promise<Tenant> {
    counter++;
    const organizationId = newId();
    const contractId = newId();
    const contactId = newId();
    const facts: ContractFacts = {
      contractId,
      organizationId,
      number: `C-${counter}`,
      preset,
      status: 'ACTIVE',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      products: [],
      coverage: null,
      timeZone: 'Europe/Moscow',
      prerequisites: [],
      ...contract,
    };
    await this.publish('contracts.contract.created', organizationId, facts);
    const contact = await this.publish('contracts.contact.registered', organizationId, {
      contactId,
      organizationId,
      fullName: `Customer ${counter}`,
      email: `c${counter}@customer.example`,
      phone: '+7 900 000-00-00',
      active: true,
    });
    await this.applied(contact.id);
    return {
      organizationId,
      contractId,
      contactId,
      contactName: `Customer ${counter}`,
      contract: facts,
      customer: { kind: 'user', id: contactId, role: 'CUSTOMER', organizationId, name: `Customer ${counter}` },
    };
  }

  /** Every tickets.* event on the stream so far (from JetStream itself, not from the service). */
  async ticketEvents(until: (events: AnyEventEnvelope[]) => boolean): Promise<AnyEventEnvelope[]> {
    const seen: DeliveredEvent[] = [];
    let tail: Stoppable | null = null;
    try {
      tail = await this.platforms[0]!.bus.tail({ domain: 'tickets', fromSeq: 1, onEvent: (d) => void seen.push(d) });
      await eventually(() => until(seen.map((d) => d.event)));
      return seen.map((d) => d.event);
    } finally {
      await tail?.stop();
    }
  }

  private async registerStaff(): Promise<void> {
    let last = '';
    for (const member of Object.values(this.staff)) {
      const event = await this.publish('contracts.staff.registered', null, {
        staffId: member.id,
        fullName: member.name!,
        email: `${member.role.toLowerCase()}@provider.example`,
        role: member.role as StaffRole,
        active: true,
      });
      last = event.id;
    }
    await this.applied(last);
  }
}

function staffCaller(role: StaffRole, name: string): Caller & { kind: 'user' } {
  return { kind: 'user', id: newId(), role, organizationId: null, name };
}

export const TICKET_FIELDS = `id number status version category priority assigneeId plannedResolutionAt closeReason
  resolvedAt closedAt reworkCount`;
