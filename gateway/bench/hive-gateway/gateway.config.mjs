// @ts-check
/**
 * @graphql-hive/gateway for the comparison benchmark (gateway/bench/versus-hive.bench.ts): the
 * same supergraph, the same work at the door as ours: verify the HS256 JWT, then send every
 * subgraph the caller signed with INTERNAL_SECRET (the subgraphs refuse anything else).
 */
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { createInlineSigningKeyProvider, defineConfig, extractFromHeader } from '@graphql-hive/gateway';

const jwtSecret = process.env.JWT_SECRET ?? '';
const internalSecret = process.env.INTERNAL_SECRET ?? '';

/** @param {Record<string, unknown> | undefined} claims */
function signedCaller(claims) {
  const caller = claims
    ? {
        kind: 'user',
        id: claims.sub,
        role: claims.role,
        organizationId: typeof claims.org === 'string' ? claims.org : null,
        name: typeof claims.name === 'string' ? claims.name : null,
      }
    : { kind: 'anonymous' };
  const body = Buffer.from(JSON.stringify({ caller, iat: Date.now() })).toString('base64url');
  return {
    'x-reglament-caller': body,
    'x-reglament-signature': createHmac('sha256', internalSecret).update(body).digest('hex'),
  };
}

export const gatewayConfig = defineConfig({
  jwt: {
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
    signingKeyProviders: [createInlineSigningKeyProvider(jwtSecret)],
    reject: { missingToken: false, invalidToken: true },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ context }) =>
      signedCaller(/** @type {{ jwt?: { payload?: Record<string, unknown> } }} */ (context).jwt?.payload),
  },
  graphiql: false,
  logging: 'warn',
});
