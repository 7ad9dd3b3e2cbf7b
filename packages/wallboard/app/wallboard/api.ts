import { type Client, createClient } from 'graphql-ws';

/** The gateway this page came from: HTTP and graphql-ws on /graphql of the same origin. */
export const HTTP_URL = new URL('../graphql', location.href).href;
export const WS_URL = HTTP_URL.replace(/^http/, 'ws');

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** One operation over HTTP (the first query, the login). */
export async function request<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  const response = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorBody[] };
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code ?? null);
  }
  return body.data;
}

export async function login(email: string, password: string): Promise<string> {
  const data = await request<{ login: { token: string } }>(
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
    null,
  );
  return data.login.token;
}

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'refused';

/**
 * graphql-ws with reconnects for ever (backing off up to 10 s). On a reconnect graphql-ws sends
 * each subscription's payload object again: the page keeps `variables.after` at the last cursor
 * it saw, so a subscription resumes right after the last event shown (nothing lost, nothing twice).
 */
export function connect(token: string, onState: (state: LinkState, reason?: string) => void): Client {
  let refused = false;
  return createClient({
    url: WS_URL,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: (event) => {
      // 4403: the token is no good (expired, revoked): a new login is needed, retrying would not help.
      const code = (event as { code?: number } | null)?.code;
      if (code === 4403 || code === 4401) {
        refused = true;
        onState('refused', (event as { reason?: string }).reason);
        return false;
      }
      return true;
    },
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries)));
    },
    on: {
      connecting: () => onState('connecting'),
      connected: () => onState('live'),
      closed: () => {
        if (!refused) onState('reconnecting');
      },
    },
  });
}
