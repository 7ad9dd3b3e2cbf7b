import { type RunningSystem, startSystem } from '@reglament/launcher';
import { type Role } from '@reglament/shared/domain';
import {
  createTestDatabase,
  createTestNats,
  TEST_SECRET,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { type Client, createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';

export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * The whole system against a real PostgreSQL (a database of its own) and real NATS (a subject
 * prefix of its own), every part in this process but talking over HTTP and NATS as if apart.
 */
export class TestSystem {
  private constructor(
    readonly system: RunningSystem,
    readonly db: TestDatabase,
    readonly nats: TestNats,
  ) {}

  static async start(
    options: {
      testClock?: boolean;
      gateway?: Parameters<typeof startSystem>[0]['gateway'];
      /** E-mail of the notifications part (default: .eml files under an unused data dir). */
      mail?: Parameters<typeof startSystem>[0]['mail'];
      /** The inbound e-mail channel (the SMTP intake listener, issue 15). */
      emailIn?: Parameters<typeof startSystem>[0]['emailIn'];
      /** Partner webhooks of the notifications part (e.g. a short WEBHOOK_RETRY_BASE_MS). */
      webhooks?: Parameters<typeof startSystem>[0]['webhooks'];
    } = {},
  ): Promise<TestSystem> {
    const db = await createTestDatabase();
    const nats = createTestNats();
    try {
      const system = await startSystem({
        databaseUrl: db.url,
        natsUrl: nats.url,
        eventPrefix: nats.prefix,
        dataDir: '.data/test-unused',
        internalSecret: TEST_SECRET,
        jwtSecret: TEST_JWT_SECRET,
        testClock: options.testClock ?? true,
        logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
        ports: { gateway: 0, tickets: 0, sla: 0, contracts: 0, notifications: 0 },
        ...(options.gateway ? { gateway: options.gateway } : {}),
        ...(options.mail ? { mail: options.mail } : {}),
        ...(options.emailIn ? { emailIn: options.emailIn } : {}),
        ...(options.webhooks ? { webhooks: options.webhooks } : {}),
      });
      return new TestSystem(system, db, nats);
    } catch (error) {
      await db.drop().catch(() => undefined);
      await nats.destroy().catch(() => undefined);
      throw error;
    }
  }

  get url(): string {
    return this.system.gateway.url;
  }

  /** POSTs a GraphQL operation to the gateway. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    return gatewayAt(this.url).gql<T>(query, variables, token);
  }

  /** Like gql, but fails the test with the errors when there are any. */
  ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    return gatewayAt(this.url).ok<T>(query, variables, token);
  }

  wsClient(token: string | null): Client {
    return createClient({
      url: this.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
    });
  }

  async stop(): Promise<void> {
    await this.system.stop();
    await this.db.drop();
    await this.nats.destroy();
  }
}

/** What a test sends operations through: a gateway's HTTP endpoint. */
export interface Gateway {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
}

/** The gateway at `url` (a TestSystem's, or a whole system started some other way). */
export function gatewayAt(url: string): Gateway {
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    gql,
    async ok<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
      const result = await gql<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
  };
}

export async function mintToken(
  claims: { sub: string; role: Role; org?: string | null; name?: string },
  expiresIn = '1h',
) {
  return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}), name: claims.name ?? claims.sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** Collects what a graphql-ws subscription delivers. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: { data?: T; errors?: unknown[]; extensions?: Record<string, unknown> }[] = [];
  let error: unknown = null;
  let completed = false;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => void received.push(value as (typeof received)[number]),
      error: (e) => void (error = e),
      complete: () => void (completed = true),
    },
  );
  return {
    received,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    unsubscribe,
  };
}
