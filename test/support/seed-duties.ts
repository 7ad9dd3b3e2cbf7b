import { eventually } from '@reglament/shared/testing';
import { mintToken, type TestSystem } from './system';

/** A customer organization under one preset, its contact's token, an engineer and a dispatcher. */
export interface Party {
  organizationId: string;
  contactId: string;
  customer: string;
  engineer: string;
  engineerId: string;
  dispatcher: string;
  contractId: string;
}

export const ADMIN_ID = '00000000-0000-7000-8000-000000000001';

/** Helpers of the seed-duties-*.test.ts suites (issue 18): parties, the clock, registering, timers. */
export class SeedWalk {
  constructor(
    readonly sys: TestSystem,
    readonly admin: string,
  ) {}

  static async on(sys: TestSystem): Promise<SeedWalk> {
    return new SeedWalk(sys, await mintToken({ sub: ADMIN_ID, role: 'ADMIN' }));
  }

  /** Every part moves to `iso` (the clock travels over NATS) before the next step. */
  async clockAt(iso: string): Promise<void> {
    const target = new Date(iso).getTime();
    await this.sys.ok(`mutation($at: DateTime!) { setClock(at: $at) }`, { at: iso }, this.admin);
    await eventually(() => this.sys.system.platforms.every((p) => p.clock.nowMs() === target));
  }

  async customerUnder(
    preset: string,
    options: { products?: string[]; startsOn?: string; endsOn?: string } = {},
  ): Promise<Party> {
    const suffix = Math.random().toString(36).slice(2, 8);
    const { createOrganization: org } = await this.sys.ok<{ createOrganization: { id: string } }>(
      `mutation($n: String!, $e: String!) { createOrganization(input: { name: $n, email: $e }) { id } }`,
      { n: `${preset} customer ${suffix}`, e: `it-${suffix}@${preset}.example` },
      this.admin,
    );
    const { addContact: contact } = await this.sys.ok<{ addContact: { id: string } }>(
      `mutation($o: ID!, $e: String!) { addContact(input: { organizationId: $o, fullName: "Anna Smirnova", email: $e }) { id } }`,
      { o: org.id, e: `anna-${suffix}@${preset}.example` },
      this.admin,
    );
    const staff = async (role: string, name: string) =>
      (
        await this.sys.ok<{ addStaff: { id: string } }>(
          `mutation($e: String!, $n: String!) { addStaff(input: { fullName: $n, email: $e, role: ${role}, password: "staff-pass-123" }) { id } }`,
          { e: `${role.toLowerCase()}-${suffix}@provider.example`, n: name },
          this.admin,
        )
      ).addStaff.id;
    const engineerId = await staff('ENGINEER', 'Pavel Engineer');
    const dispatcherId = await staff('DISPATCHER', 'Olga Dispatcher');
    const { createContract: contract } = await this.sys.ok<{ createContract: { id: string } }>(
      `mutation($o: ID!, $n: String!, $p: String!, $products: [String!], $s: Date!, $e: Date!) {
         createContract(input: { organizationId: $o, number: $n, preset: $p, startsOn: $s, endsOn: $e, products: $products }) { id } }`,
      {
        o: org.id,
        n: `${preset}-${suffix}`,
        p: preset,
        products: options.products ?? [],
        s: options.startsOn ?? '2025-01-01',
        e: options.endsOn ?? '2025-12-31',
      },
      this.admin,
    );
    return {
      organizationId: org.id,
      contactId: contact.id,
      customer: await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id }),
      engineer: await mintToken({ sub: engineerId, role: 'ENGINEER' }),
      engineerId,
      dispatcher: await mintToken({ sub: dispatcherId, role: 'DISPATCHER' }),
      contractId: contract.id,
    };
  }

  /** Registers as the customer; retries while the tickets service has not learned the contract yet. */
  async register(party: Party, input: Record<string, unknown> = {}, token = party.customer): Promise<string> {
    const ticket = await eventually(async () => {
      const result = await this.sys.gql<{ registerTicket: { id: string } }>(
        `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id } }`,
        {
          input: {
            contractId: party.contractId,
            channel: 'PORTAL',
            title: 'Seed duty',
            description: 'Walking a duty of the regulation',
            ...input,
          },
        },
        token,
      );
      return result.data?.registerTicket;
    });
    return ticket.id;
  }

  async timers(
    ticketId: string,
  ): Promise<Record<string, { status: string; deadline: string | null; elapsedWorkingMinutes: number }>> {
    const { ticket } = await this.sys.ok<{
      ticket: {
        sla: {
          timers: {
            metric: string;
            cycle: number;
            status: string;
            deadline: string | null;
            elapsedWorkingMinutes: number;
          }[];
        };
      };
    }>(
      `query($id: ID!) { ticket(id: $id) { sla { timers { metric cycle status deadline elapsedWorkingMinutes } } } }`,
      { id: ticketId },
      this.admin,
    );
    return Object.fromEntries(
      ticket.sla.timers.map((t) => [
        `${t.metric}#${t.cycle}`,
        { status: t.status, deadline: t.deadline, elapsedWorkingMinutes: t.elapsedWorkingMinutes },
      ]),
    );
  }

  /** Waits until the clocks show `expected` (a subset of the ticket's timers). */
  async expectTimers(ticketId: string, expected: Record<string, Record<string, unknown>>): Promise<void> {
    await eventually(async () => {
      expect(await this.timers(ticketId)).toMatchObject(expected);
      return true;
    });
  }

  /** Runs a mutation that must succeed; returns its data. */
  async act<T = Record<string, unknown>>(token: string, mutation: string, variables: Record<string, unknown>) {
    const result = await this.sys.gql<T>(mutation, variables, token);
    if (result.errors) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Runs a mutation that must be refused; returns the error code and message. */
  async refused(token: string, mutation: string, variables: Record<string, unknown>) {
    const result = await this.sys.gql(mutation, variables, token);
    const error = result.errors?.[0];
    if (!error) throw new Error(`${mutation} was not refused`);
    return { code: error.extensions?.code, message: error.message };
  }
}
