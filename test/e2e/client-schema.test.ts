import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type GraphQLObjectType,
  type IntrospectionQuery,
  printSchema,
} from 'graphql';
import { Seed } from '../support/seed';
import { mintToken, TestSystem } from '../support/system';

/**
 * The client schema: HTTP introspection shows the Subscription type the gateway serves over
 * graphql-ws, so codegen tools pointed at the endpoint generate subscription types; the committed
 * gateway/schema.graphql (written by `pnpm compose`) is the same schema, printed.
 */
describe('client schema', () => {
  let sys: TestSystem;
  const committed = readFileSync(join(__dirname, '../../gateway/schema.graphql'), 'utf8');

  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  async function introspect(token: string | null, query: string) {
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: IntrospectionQuery; errors?: { extensions?: { code?: string } }[] },
    };
  }

  const fullIntrospection = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });

  it('answers staff introspection with the Subscription type: buildClientSchema finds ticketChanged and slaChanged', async () => {
    const staff = await mintToken({ sub: '01950000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
    const { status, body } = await introspect(staff, fullIntrospection);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const schema = buildClientSchema(body.data!);
    const subscription = schema.getSubscriptionType() as GraphQLObjectType;
    expect(subscription.name).toBe('Subscription');
    const fields = subscription.getFields();
    expect(Object.keys(fields).sort()).toEqual(expect.arrayContaining(['slaChanged', 'ticketChanged']));
    expect(String(fields.ticketChanged!.type)).toBe('TicketChange!');
    expect(fields.ticketChanged!.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual([
      'organizationId: ID',
      'ticketId: ID',
      'after: String',
    ]);
    expect(String(fields.slaChanged!.type)).toBe('SlaChange!');
    // The payload's ticket is the whole federated Ticket, fields of other subgraphs included.
    const ticket = schema.getType('Ticket') as GraphQLObjectType;
    expect(Object.keys(ticket.getFields())).toEqual(expect.arrayContaining(['number', 'sla', 'contract']));
    // No federation machinery leaks into what clients see.
    expect(Object.keys(schema.getTypeMap()).filter((name) => /^(join__|link__)/.test(name))).toEqual([]);
  });

  it('the committed gateway/schema.graphql is the schema HTTP introspection gives, printed', async () => {
    const admin = await mintToken({ sub: '01950000-0000-7000-8000-0000000000d2', role: 'ADMIN' });
    const { body } = await introspect(admin, fullIntrospection);
    const printed = printSchema(buildClientSchema(body.data!));
    const withoutHeader = committed.replace(/^(#[^\n]*\n)+\n/, '');
    expect(withoutHeader.trim()).toBe(printed.trim());
    const fromFile = buildSchema(committed).getSubscriptionType()?.getFields();
    expect(String(fromFile?.ticketChanged?.type)).toBe('TicketChange!');
  });

  it('still refuses introspection, Subscription included, to callers who are not staff', async () => {
    const customer = await mintToken({
      sub: '01950000-0000-7000-8000-0000000000d3',
      role: 'CUSTOMER',
      org: '01950000-0000-7000-8000-0000000000da',
    });
    for (const token of [customer, null]) {
      const { status, body } = await introspect(token, '{ __type(name: "Subscription") { fields { name } } }');
      expect(status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('connections give Relay-complete pageInfo: walking organizations two at a time forward', async () => {
    const seed = await Seed.on(sys);
    const admin = seed.admin;
    for (const name of ['Paging One', 'Paging Two', 'Paging Three']) {
      await seed.organization({ name, email: 'it@paging.example' });
    }
    type Page = {
      organizations: {
        totalCount: number;
        edges: { cursor: string }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
    };
    const query = `query($after: String) { organizations(first: 2, after: $after) {
      totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const first = (await sys.ok<Page>(query, { after: null }, admin)).organizations;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[1]!.cursor,
    });
    const second = (await sys.ok<Page>(query, { after: first.pageInfo.endCursor }, admin)).organizations;
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: second.edges[0]!.cursor,
      endCursor: second.edges[0]!.cursor,
    });
  });
});
