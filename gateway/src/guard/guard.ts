import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type Caller, ErrorCode, isStaff } from '@reglament/shared/domain';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { GatewayContext } from '../context';
import { measureOperation, type OperationMeasure } from './operation-limits';
import { SubgraphMap } from './subgraph-map';

export interface GuardOptions {
  maxDepth: number;
  maxCost: number;
  /** Aliases per operation, fragments expanded (`__typename` counts too). */
  maxAliases: number;
  /** Directives per operation, fragments expanded. */
  maxDirectives: number;
  /** Development: introspection for everyone. Otherwise only provider staff may introspect. */
  development: boolean;
  /** Which subgraph resolves which field (entity fetches weigh more); default: none known. */
  subgraphs?: SubgraphMap;
  /** Told how many selections each measurement visited. */
  onMeasured?: (steps: number) => void;
}

/**
 * The checks every operation passes before it runs, over HTTP and graphql-ws alike: aliases
 * and directives (graphql-armor's counting rules, which expand each fragment once), depth and
 * cost (our own measure, aware of page sizes and subgraphs), and introspection only for staff
 * outside development. Refusals are typed errors that say what the limit is.
 */
export class OperationGuard {
  private readonly measures = new WeakMap<OperationDefinitionNode, OperationMeasure>();
  private readonly rules: ValidationRule[];
  private readonly subgraphs: SubgraphMap;

  constructor(private readonly options: GuardOptions) {
    this.subgraphs = options.subgraphs ?? SubgraphMap.empty();
    const refuse = (what: string, limit: number) => (context: ValidationContext | null, error: GraphQLError) => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
      context?.reportError(
        new GraphQLError(
          `The operation has ${Number.isFinite(found) ? found : 'too many'} ${what}; at most ${limit} are allowed`,
          { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, limit } },
        ),
      );
    };
    this.rules = [
      // Aliases of __typename count as well: they are fields of the answer like any other.
      maxAliasesRule({
        n: options.maxAliases,
        allowList: [],
        propagateOnRejection: false,
        onReject: [refuse('aliases', options.maxAliases)],
      }),
      maxDirectivesRule({
        n: options.maxDirectives,
        propagateOnRejection: false,
        onReject: [refuse('directives', options.maxDirectives)],
      }),
    ];
  }

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    caller: Caller,
  ): void {
    const [counted] = validate(schema, document, this.rules);
    if (counted) throw counted;
    const measure = this.measure(schema, document, operation, variables);
    if (measure.introspection && !this.options.development && !isStaff(caller)) {
      throw new GraphQLError('Introspection is available to provider staff only', {
        extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
      });
    }
    if (measure.exceeded === 'depth') {
      throw new GraphQLError(
        `The operation nests fields at least ${measure.depth} levels deep; at most ${this.options.maxDepth} are allowed`,
        { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, depth: measure.depth } },
      );
    }
    if (measure.exceeded === 'cost') {
      throw new GraphQLError(
        `The operation's estimated cost is at least ${measure.cost}; at most ${this.options.maxCost} is allowed ` +
          '(every field counts 1, times the page sizes of the lists it is in; a field from another subgraph ' +
          'counts more: ask for smaller pages or fewer fields)',
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
    const measure = measureOperation(schema, operation, fragments, variables, {
      maxDepth: this.options.maxDepth,
      maxCost: this.options.maxCost,
      subgraphs: this.subgraphs,
    });
    this.options.onMeasured?.(measure.steps);
    if (!operation.variableDefinitions?.length) this.measures.set(operation, measure);
    return measure;
  }

  /** The same checks inside Apollo Server's request pipeline (HTTP, and queries sent over graphql-ws). */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operation, request, contextValue }) => {
          // The gateway's own operations (subscription payloads) were checked when their subscriber subscribed.
          if (!operation || contextValue.internal) return;
          this.check(schema, document, operation, request.variables, contextValue.caller);
        },
      }),
    };
  }
}
