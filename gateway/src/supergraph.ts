import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApolloGateway,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  IntrospectAndCompose,
} from '@apollo/gateway';
import { ErrorCode, outageOf, serviceUnavailable } from '@reglament/shared/domain';
import type { GraphQLFormattedError } from 'graphql';
import { type Dispatcher, Pool } from 'undici';
import { traceHeaders } from '@reglament/shared/platform';
import { CallerSigner } from './caller-signer';
import type { GatewayContext } from './context';
import { buildOperationsSchema, OPERATIONS_SUBGRAPH, operationsDataSource } from './operations/parked-events';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** Loads the supergraph composed at build time (`pnpm compose`), never composed at run time. */
export function loadSupergraph(path = SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * Every request to a subgraph carries the caller, signed with INTERNAL_SECRET. Subgraph URLs
 * come from configuration (the ones in the supergraph file are defaults for local runs).
 * `introspect` (development only) composes from the running subgraphs instead.
 */
export function createGateway(options: {
  supergraphSdl: string | null;
  subgraphUrls: Partial<Record<string, string>>;
  internalSecret: string;
}): { gateway: ApolloGateway; close(): Promise<void> } {
  const sources: SubgraphDataSource[] = [];
  const signer = new CallerSigner(options.internalSecret);
  const parts = subgraphEndpoints(options.supergraphSdl, options.subgraphUrls);
  const operations = buildOperationsSchema(() => parts, signer);
  const gateway = new ApolloGateway({
    ...(options.supergraphSdl
      ? { supergraphSdl: options.supergraphSdl }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(options.subgraphUrls).map(([name, url]) => ({ name, url: url! })),
          }),
        }),
    buildService: ({ name, url }) => {
      if (name === OPERATIONS_SUBGRAPH) return operationsDataSource(operations);
      const source = new SubgraphDataSource(name, options.subgraphUrls[name] ?? url!, signer);
      sources.push(source);
      return source;
    },
  });
  return { gateway, close: async () => void (await Promise.all(sources.map((s) => s.close()))) };
}

/**
 * How the gateway calls a subgraph: a keep-alive connection pool (undici) per subgraph, the
 * JSON body written once, the signed caller reused (CallerSigner), not rebuilt per fetch. This is
 * the hot path of every federated operation; Apollo's RemoteGraphQLDataSource builds a
 * node-fetch Request and Headers per fetch, which costs more than the call itself on a LAN.
 */
/** The longest a subgraph may take to answer. */
export const SUBGRAPH_TIMEOUT_MS = 15_000;

export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    readonly name: string,
    url: string,
    private readonly signer: CallerSigner,
  ) {
    const parsed = new URL(url);
    this.path = parsed.pathname + parsed.search;
    // A subgraph that hangs fails the request after 15 s instead of holding it (and every
    // subscription group waiting behind it) for undici's default five minutes.
    this.pool = new Pool(parsed.origin, {
      connections: 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: SUBGRAPH_TIMEOUT_MS,
      bodyTimeout: SUBGRAPH_TIMEOUT_MS,
    });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const { request } = options;
    const context = options.context as Partial<GatewayContext> | undefined;
    const body = JSON.stringify({
      query: request.query,
      ...(request.operationName ? { operationName: request.operationName } : {}),
      ...(request.variables ? { variables: request.variables } : {}),
    });
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        path: this.path,
        method: 'POST',
        // The trace context travels to the subgraph (docs/operations.md "Traces"; empty when tracing is off).
        headers: { 'content-type': 'application/json', ...this.signer.headersFor(context), ...traceHeaders() },
        body,
      });
    } catch (error) {
      const outage = outageOf(error);
      if (!outage.outage) throw error;
      // Refused: nothing ran, safe to send again. Broken mid-way: a query may be sent again, a
      // mutation may have taken effect.
      const mutation = /^\s*mutation\b/.test(request.query ?? '');
      return { errors: [unavailable(this.name, outage.connect || !mutation)] };
    }
    const type = String(response.headers['content-type'] ?? '');
    if (!type.includes('json')) {
      const text = await response.body.text();
      // A proxy or a part that is starting or stopping: an outage, not a bug.
      if (response.statusCode === 502 || response.statusCode === 503 || response.statusCode === 504) {
        return { errors: [unavailable(this.name, response.statusCode !== 504)] };
      }
      throw new Error(`Subgraph ${this.name} answered HTTP ${response.statusCode} without JSON: ${text.slice(0, 200)}`);
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of response.body) {
        // Counted as it arrives: an answer past the request's cap is dropped, not held whole.
        context?.budget?.take((chunk as Buffer).length);
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      response.body.destroy();
      throw error;
    }
    const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      data?: Record<string, unknown> | null;
      errors?: unknown;
    };
    if (response.statusCode >= 300 && !Array.isArray(result.errors)) {
      throw new Error(`Subgraph ${this.name} answered HTTP ${response.statusCode}`);
    }
    return {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(Array.isArray(result.errors) ? { errors: result.errors as GraphQLFormattedError[] } : {}),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The error a subgraph that cannot be reached answers in (typed, with whether a retry is safe). */
function unavailable(service: string, retryable: boolean): GraphQLFormattedError {
  const error = serviceUnavailable(`The ${service} service`, retryable);
  return { message: error.message, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...error.details } };
}

/** Every subgraph of a supergraph with the URL it is called at: configuration, else the supergraph's default. */
export function subgraphEndpoints(
  supergraphSdl: string | null,
  configured: Partial<Record<string, string>>,
): Record<string, string> {
  const endpoints: Record<string, string> = {};
  for (const match of (supergraphSdl ?? '').matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)) {
    endpoints[match[1]!] = match[2]!;
  }
  for (const [name, url] of Object.entries(configured)) if (url) endpoints[name] = url;
  // The gateway's own subgraph is served in its process: nothing to call or probe.
  delete endpoints[OPERATIONS_SUBGRAPH];
  return endpoints;
}
