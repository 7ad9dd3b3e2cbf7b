import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { execute, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Introspection answered from the schema clients really get: the supergraph's API schema plus
 * the Subscription type the gateway serves over graphql-ws (`withSubscriptions`). Without it
 * @apollo/gateway would answer from its own schema, which has no Subscription, and codegen tools
 * pointed at the endpoint could not generate subscription types. Who may introspect is still
 * the guard's decision (it runs earlier, in didResolveOperation).
 */
export function clientIntrospectionPlugin(
  clientSchema: () => GraphQLSchema | null,
): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      responseForOperation: async ({ document, operation, request, contextValue }) => {
        const schema = clientSchema();
        if (!schema || !operation || !isIntrospectionOnly(operation)) return null;
        const result = await execute({
          schema,
          document,
          ...(request.operationName ? { operationName: request.operationName } : {}),
          variableValues: request.variables ?? {},
          contextValue,
        });
        return {
          http: { headers: new HeaderMap() },
          body: {
            kind: 'single',
            singleResult: {
              ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
              ...(result.data !== undefined ? { data: result.data } : {}),
            },
          },
        };
      },
    }),
  };
}

/** A query whose root selects only `__schema`, `__type` or `__typename` (no fragment spreads at the root). */
export function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.length > 0 &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
    )
  );
}
