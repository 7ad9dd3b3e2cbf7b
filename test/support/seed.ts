import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { type Gateway, mintToken } from './system';

/**
 * The seeding kit of the end-to-end tests: customers (an organization, its contact, a contract
 * under a preset), staff of each role, tickets in a given state and the tokens to act as any of
 * them, made through the public API at the gateway, as an administrator would. Every name and
 * e-mail a test does not give is made unique, so a test may seed as many as it likes.
 */

/** The administrator every test acts as (a token minted for it; no staff row behind it). */
export const ADMIN_ID = '00000000-0000-7000-8000-000000000001';

export function adminToken(name: string | null = 'Admin'): Promise<string> {
  return mintToken({ sub: ADMIN_ID, role: 'ADMIN', ...(name === null ? {} : { name }) });
}

export interface SeededCustomer {
  organizationId: string;
  contractId: string;
  contactId: string;
  /** A CUSTOMER token of the contact (registered contacts may file tickets, R-ACC-1). */
  token: string;
  /** The contact's login (with `password` when it has one). */
  email: string;
  password: string | null;
}

export interface SeededStaff {
  id: string;
  role: StaffRole;
  fullName: string;
  email: string;
  password: string;
  /** A token of the staff member's role. */
  token: string;
}

export interface SeededTicket {
  id: string;
  number: string;
}

export interface OrganizationSeed {
  name?: string;
  email?: string;
  emailDomains?: string[];
}

export interface ContactSeed {
  fullName?: string;
  email?: string;
  phone?: string | null;
  /** A portal password; without one the contact cannot log in (its token is minted). */
  password?: string | null;
}

/** CreateContractInput fields besides organizationId (number, preset, period and the rest). */
export type ContractSeed = Record<string, unknown> & {
  number?: string;
  preset?: string;
  startsOn?: string;
  endsOn?: string;
};

export interface CustomerSeed {
  /** The contract's preset (default imc-typical). */
  preset?: string;
  organization?: OrganizationSeed;
  contact?: ContactSeed;
  contract?: ContractSeed;
  /**
   * The `name` claim of the contact's minted token: its full name by default; null for none
   * (the gateway then names the caller by its id).
   */
  tokenName?: string | null;
  /** Get the token by logging in with the contact's password instead of minting it. */
  login?: boolean;
}

/** Ticket states the kit drives a new ticket to, along the ordinary path (R-TKT-14). */
export type TicketState =
  'REGISTERED' | 'IN_ANALYSIS' | 'IN_PROGRESS' | 'AWAITING_CLARIFICATION' | 'RESOLVED' | 'CLOSED';

export interface TicketSeed {
  /** Where to leave the ticket (default REGISTERED). */
  state?: TicketState;
  /** RegisterTicketInput fields besides contractId (channel PORTAL, a title and a description by default). */
  input?: Record<string, unknown>;
  /** Who acknowledges and triages (a DISPATCHER) and solves (the ENGINEER it is assigned to); needed past REGISTERED. */
  team?: { dispatcher: SeededStaff; engineer: SeededStaff };
  /** Triage: ERROR / NORMAL and a planned date (Friday 7 March 2025, 18:00 Moscow) by default; null for none. */
  triage?: { category?: string; priority?: string; plannedResolutionAt?: string | null };
}

export class Seed {
  private count = 0;

  constructor(
    /** Where operations go: a TestSystem, or gatewayAt(url) for a system started another way. */
    readonly sys: Gateway,
    /** The administrator's token the kit seeds with. */
    readonly admin: string,
  ) {}

  /** A kit acting as ADMIN_ID; with `clock`, every part's clock is set there first. */
  static async on(sys: Gateway, options: { clock?: string; adminName?: string | null } = {}): Promise<Seed> {
    const seed = new Seed(sys, await adminToken(options.adminName === undefined ? 'Admin' : options.adminName));
    if (options.clock) await seed.setClock(options.clock);
    return seed;
  }

  /** Sets the shared test clock (every part follows it over NATS). */
  async setClock(at: string): Promise<void> {
    await this.sys.ok(`mutation($at: DateTime!) { setClock(at: $at) }`, { at }, this.admin);
  }

  /** A token from `login` (the contracts service checks the password; the gateway accepts what it issues). */
  async login(email: string, password: string): Promise<string> {
    const { login } = await this.sys.ok<{ login: { token: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: email, p: password },
    );
    return login.token;
  }

  async organization(input: OrganizationSeed = {}): Promise<{ id: string; name: string }> {
    const tag = this.tag();
    const name = input.name ?? `Customer ${tag}`;
    const { createOrganization } = await this.sys.ok<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          name,
          email: input.email ?? `it@${tag}.example`,
          ...(input.emailDomains ? { emailDomains: input.emailDomains } : {}),
        },
      },
      this.admin,
    );
    return { id: createOrganization.id, name };
  }

  async contact(
    organizationId: string,
    input: ContactSeed = {},
  ): Promise<{ id: string; fullName: string; email: string; password: string | null }> {
    const fullName = input.fullName ?? 'Anna Petrova';
    const email = input.email ?? `contact-${this.tag()}@customer.example`;
    const password = input.password ?? null;
    const { addContact } = await this.sys.ok<{ addContact: { id: string } }>(
      `mutation($input: AddContactInput!) { addContact(input: $input) { id } }`,
      {
        input: {
          organizationId,
          fullName,
          email,
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(password !== null ? { password } : {}),
        },
      },
      this.admin,
    );
    return { id: addContact.id, fullName, email, password };
  }

  /** A contract of the organization: imc-typical over 2025 unless told otherwise. */
  async contract(organizationId: string, input: ContractSeed = {}): Promise<{ id: string }> {
    const { createContract } = await this.sys.ok<{ createContract: { id: string } }>(
      `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`,
      {
        input: {
          number: `C-${this.tag()}`,
          preset: 'imc-typical',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          ...input,
          organizationId,
        },
      },
      this.admin,
    );
    return createContract;
  }

  /** One tenant: an organization, a contract under `preset` and a contact with its token. */
  async customer(options: CustomerSeed = {}): Promise<SeededCustomer> {
    const organization = await this.organization(options.organization);
    const contract = await this.contract(organization.id, {
      ...(options.preset ? { preset: options.preset } : {}),
      ...options.contract,
    });
    const contact = await this.contact(organization.id, options.contact);
    let token: string;
    if (options.login) {
      if (contact.password === null) throw new Error('customer({ login: true }) needs contact.password');
      token = await this.login(contact.email, contact.password);
    } else {
      const name = options.tokenName === undefined ? contact.fullName : options.tokenName;
      token = await mintToken({
        sub: contact.id,
        role: 'CUSTOMER',
        org: organization.id,
        ...(name === null ? {} : { name }),
      });
    }
    return {
      organizationId: organization.id,
      contractId: contract.id,
      contactId: contact.id,
      token,
      email: contact.email,
      password: contact.password,
    };
  }

  /** A staff member of `role` (only an ADMIN adds staff), with a minted token of that role. */
  async staff(
    role: StaffRole,
    input: { fullName?: string; email?: string; password?: string; tokenName?: string | null } = {},
  ): Promise<SeededStaff> {
    const fullName = input.fullName ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${this.tag()}`;
    const email = input.email ?? `${role.toLowerCase()}-${this.tag()}@provider.example`;
    const password = input.password ?? 'correct-horse-battery';
    const { addStaff } = await this.sys.ok<{ addStaff: { id: string } }>(
      `mutation($input: AddStaffInput!) { addStaff(input: $input) { id } }`,
      { input: { fullName, email, role, password } },
      this.admin,
    );
    const name = input.tokenName === undefined ? fullName : input.tokenName;
    const token = await mintToken({ sub: addStaff.id, role, ...(name === null ? {} : { name }) });
    return { id: addStaff.id, role, fullName, email, password, token };
  }

  /** One staff member of each role. */
  async staffOfEachRole(): Promise<Record<StaffRole, SeededStaff>> {
    return {
      DISPATCHER: await this.staff('DISPATCHER'),
      ENGINEER: await this.staff('ENGINEER'),
      ADMIN: await this.staff('ADMIN'),
    };
  }

  /**
   * Registers a ticket as the customer, retrying while the tickets service has not yet learned
   * the contract and the contact from contracts' events; then moves it to `state`.
   */
  async ticket(customer: { contractId: string; token: string }, options: TicketSeed = {}): Promise<SeededTicket> {
    const ticket = await eventually(async () => {
      const result = await this.sys.gql<{ registerTicket: SeededTicket }>(
        `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id number } }`,
        {
          input: {
            contractId: customer.contractId,
            channel: 'PORTAL',
            title: 'Posting fails',
            description: 'Error 42 when posting an invoice',
            ...options.input,
          },
        },
        customer.token,
      );
      if (result.errors?.length) throw new Error(`registerTicket: ${JSON.stringify(result.errors)}`);
      return result.data?.registerTicket;
    });
    const path: TicketState[] = ['REGISTERED', 'IN_ANALYSIS', 'IN_PROGRESS', 'AWAITING_CLARIFICATION'];
    const target = options.state ?? 'REGISTERED';
    const reach = target === 'RESOLVED' || target === 'CLOSED' ? 3 : path.indexOf(target);
    if (reach === 0) return ticket;
    const team = options.team;
    if (!team) throw new Error(`ticket({ state: ${target} }) needs a team (a dispatcher and an engineer)`);
    const move = (token: string, mutation: string, variables: Record<string, unknown> = {}) =>
      this.sys.ok(mutation, { id: ticket.id, ...variables }, token);
    await move(team.dispatcher.token, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`);
    if (reach >= 2) {
      const triage = options.triage ?? {};
      const planned =
        triage.plannedResolutionAt === undefined ? '2025-03-07T18:00:00+03:00' : triage.plannedResolutionAt;
      await move(
        team.dispatcher.token,
        `mutation($id: ID!, $input: TriageTicketInput!) { triageTicket(id: $id, input: $input) { id } }`,
        {
          input: {
            category: triage.category ?? 'ERROR',
            priority: triage.priority ?? 'NORMAL',
            assigneeId: team.engineer.id,
            ...(planned === null ? {} : { plannedResolutionAt: planned }),
          },
        },
      );
    }
    if (target === 'AWAITING_CLARIFICATION') {
      await move(
        team.engineer.token,
        `mutation($id: ID!) { requestClarification(id: $id, question: "Which release do you run?") { id } }`,
      );
    }
    if (target === 'RESOLVED' || target === 'CLOSED') {
      await move(
        team.engineer.token,
        `mutation($id: ID!) { provideSolution(id: $id, solution: "Fixed in 2.4.1") { id } }`,
      );
    }
    if (target === 'CLOSED') await move(customer.token, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`);
    return ticket;
  }

  /** Six hex digits, new every time: unique names and e-mails across tests sharing a system. */
  private tag(): string {
    this.count += 1;
    return `${randomBytes(2).toString('hex')}${this.count.toString(16).padStart(2, '0')}`;
  }
}

/** One tenant, through the public API: an organization, a contract under imc-typical, a contact. */
export function seedCustomer(sys: Gateway, admin: string, name = 'Acme'): Promise<SeededCustomer> {
  const tag = randomBytes(3).toString('hex');
  return new Seed(sys, admin).customer({
    organization: { name: `${name} ${tag}`, email: `it@${tag}.example`, emailDomains: [`${tag}.example`] },
    contract: { number: `C-${tag}` },
    contact: { fullName: 'Anna Petrova', email: `anna@${tag}.example` },
  });
}
