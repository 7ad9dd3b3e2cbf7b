import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, type BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { DateTimeScalar } from './scalars';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/** The root types' descriptions, the same in every subgraph (composition keeps one). */
export const QUERY_DESCRIPTION =
  'Reads. Every field answers as the caller: a customer sees its own organization only (docs/api.md "Roles").';
export const MUTATION_DESCRIPTION =
  'Changes. Each is checked against the caller\'s role and the state; a refusal is a typed error and changes nothing (docs/api.md "Errors").';

export type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

/**
 * type-graphql builds the schema from the decorated classes; @apollo/subgraph turns it into a
 * federation subgraph (entities, `_service`, `_entities`). Reference resolvers (the
 * `__resolveReference` of each entity) are added beside the generated resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate' | 'scalarsMap'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  // type-graphql has no way to describe the root types themselves.
  const query = schema.getQueryType();
  if (query && !query.description) query.description = QUERY_DESCRIPTION;
  const mutation = schema.getMutationType();
  if (mutation && !mutation.description) mutation.description = MUTATION_DESCRIPTION;
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [type, extra] of Object.entries(referenceResolvers)) {
    resolvers[type] = { ...resolvers[type], ...extra };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}
