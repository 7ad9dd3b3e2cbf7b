import type { ApolloServerPlugin } from '@apollo/server';
import { type Caller, ErrorCode, isStaff } from '@reglament/shared';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context';
import { measureOperation, type OperationMeasure } from './operation-limits';

export interface GuardOptions {
  maxDepth: number;
  maxCost: number;
  /** Development: introspection for everyone. Otherwise only provider staff may introspect. */
  development: boolean;
}

/**
 * The checks every operation passes before it runs, over HTTP and graphql-ws alike: depth and
 * cost limits, and introspection only for staff outside development. Refusals are typed
 * errors that say what the limit is.
 */
export class OperationGuard {
  private readonly measures = new WeakMap<OperationDefinitionNode, OperationMeasure>();

  constructor(private readonly options: GuardOptions) {}

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    caller: Caller,
  ): void {
    const measure = this.measure(schema, document, operation, variables);
    if (measure.introspection && !this.options.development && !isStaff(caller)) {
      throw new GraphQLError('Introspection is available to provider staff only', {
        extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
      });
    }
    if (measure.depth > this.options.maxDepth) {
      throw new GraphQLError(
        `The operation nests fields ${measure.depth} levels deep; at most ${this.options.maxDepth} are allowed`,
        { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, depth: measure.depth } },
      );
    }
    if (measure.cost > this.options.maxCost) {
      throw new GraphQLError(
        `The operation's estimated cost is ${measure.cost}; at most ${this.options.maxCost} is allowed ` +
          '(every field counts 1, times the page sizes of the lists it is in: ask for smaller pages or fewer fields)',
        { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, cost: measure.cost } },
      );
    }
  }

  /** Measured once per parsed operation unless list sizes come from variables. */
  private measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): OperationMeasure {
    const cached = this.measures.get(operation);
    if (cached) return cached;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const measure = measureOperation(schema, operation, fragments, variables);
    if (!operation.variableDefinitions?.length) this.measures.set(operation, measure);
    return measure;
  }

  /** The same checks inside Apollo Server's request pipeline (HTTP, and queries sent over graphql-ws). */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operation, request, contextValue }) => {
          if (!operation) return;
          this.check(schema, document, operation, request.variables, contextValue.caller);
        },
      }),
    };
  }
}
