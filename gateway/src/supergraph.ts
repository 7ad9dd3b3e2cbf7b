import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type Caller, signCaller } from '@reglament/shared';
import type { GatewayContext } from './context';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** Loads the supergraph composed at build time (`pnpm compose`), never composed at run time. */
export function loadSupergraph(path = SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}

/**
 * Every request to a subgraph carries the caller, signed with INTERNAL_SECRET. Subgraph URLs
 * come from configuration (the ones in the supergraph file are defaults for local runs).
 */
export function createGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Partial<Record<string, string>>;
  internalSecret: string;
}): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SigningDataSource({ url: options.subgraphUrls[name] ?? url }, options.internalSecret),
  });
}

class SigningDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: { url?: string },
    private readonly secret: string,
  ) {
    super(config);
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & object>[0]) {
    const caller: Caller = context?.caller ?? { kind: 'anonymous' };
    for (const [name, value] of Object.entries(signCaller(caller, this.secret))) request.http?.headers.set(name, value);
  }
}
