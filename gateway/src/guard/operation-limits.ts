import { ATTACHMENT_INLINE_MAX_BYTES } from '@reglament/shared/domain';
import {
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { SubgraphMap } from './subgraph-map';

/** What the guard measures of an operation before it runs. */
export interface OperationMeasure {
  /** Deepest nesting of fields (`{ a { b } }` is 2), fragments expanded, introspection not counted. */
  depth: number;
  /** Estimated work: every field 1 (some more), times the sizes of the lists it sits in. */
  cost: number;
  /** Selects `__schema` or `__type`. */
  introspection: boolean;
  /**
   * Selections the analysis visited. Each named fragment is walked once per subgraph it is
   * entered from, so this stays within a small multiple of the document's size however the
   * fragments nest (the expanded operation may be exponentially larger).
   */
  steps: number;
  /** The first limit found passed; the analysis stopped there (its figure is then a lower bound). */
  exceeded: 'depth' | 'cost' | null;
}

export interface MeasureOptions {
  /** Stop as soon as one of these is passed (default: measure everything). */
  maxDepth?: number;
  maxCost?: number;
  /** Which subgraph resolves which field (default: none known, no entity-fetch weight). */
  subgraphs?: SubgraphMap;
}

/** A list of unknown length is taken as this long; a connection without `first` as its default page. */
export const ASSUMED_LIST_SIZE = 10;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/**
 * Leaving one subgraph for another costs an entity fetch per item: a request to the other
 * subgraph and its own loading, much more than a field read with its row.
 */
export const ENTITY_FETCH_WEIGHT = 20;
/** Fields whose answer is much larger than a scalar's: weighed by their largest size, 1 per KiB. */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // Base64 of a file up to the inline limit: 4/3 of its bytes.
  'Attachment.contentBase64': Math.ceil((ATTACHMENT_INLINE_MAX_BYTES * 4) / 3 / 1024),
};

/** Unit cost of a selection set for one parent item: `fixed + perPage * P`, P the page it is read under. */
interface Weighed {
  depth: number;
  fixed: number;
  /** Cost that scales with the page of the enclosing connection (its `edges`). */
  perPage: number;
}

class LimitPassed extends Error {
  constructor(
    readonly limit: 'depth' | 'cost',
    /** The figure found past the limit: a lower bound of the whole operation's. */
    readonly found: number,
  ) {
    super(limit);
  }
}

/**
 * Depth, cost and introspection of one operation. Lists count `first` when given (a literal or
 * a variable), connections their default page, other lists ASSUMED_LIST_SIZE; `edges` of a
 * connection count its page size; a field resolved by another subgraph than its parent adds
 * ENTITY_FETCH_WEIGHT per item; FIELD_WEIGHTS add to their fields.
 *
 * Time is linear in the document: costs are computed per item (the caller multiplies), so a
 * named fragment's figures are computed once per subgraph it is entered from and reused at
 * every spread; the walk stops at the first limit passed (a part's cost or depth is a lower
 * bound of the whole's, as pages count at least 1).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  options: MeasureOptions = {},
): OperationMeasure {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const maxDepth = options.maxDepth ?? Infinity;
  const maxCost = options.maxCost ?? Infinity;
  const subgraphs = options.subgraphs ?? SubgraphMap.empty();
  let introspection = false;
  let steps = 0;
  // Defaults of variable definitions count as if sent: `query($n: Int = 100)` is a page of 100.
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((d) => d.defaultValue?.kind === Kind.INT)
      .map((d) => [d.variable.name.value, Number((d.defaultValue as { value: string }).value)]),
  );
  variables = { ...defaults, ...variables };

  const pageSizeOf = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined) => {
    const first = args?.find((a) => a.name.value === 'first')?.value;
    if (!first) return null;
    const value =
      first.kind === Kind.INT ? Number(first.value) : first.kind === Kind.VARIABLE ? variables[first.name.value] : null;
    // A page of 0 still costs its request: pages count at least 1 (which also keeps every part's
    // cost a lower bound of the whole's, so the walk may stop early).
    if (typeof value === 'number' && Number.isFinite(value)) return Math.min(Math.max(value, 1), MAX_PAGE_SIZE);
    // A `first` whose value is not known here is taken at its largest.
    return MAX_PAGE_SIZE;
  };

  const check = (weighed: Weighed): Weighed => {
    if (weighed.depth > maxDepth) throw new LimitPassed('depth', weighed.depth);
    if (weighed.fixed + weighed.perPage > maxCost) throw new LimitPassed('cost', weighed.fixed + weighed.perPage);
    return weighed;
  };

  const memo = new Map<string, Weighed>();
  const visiting = new Set<string>();

  /** Unit cost of a selection set under `parent`, read from subgraph `graph` (null: not known yet). */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined, graph: string | null) => {
    const result: Weighed = { depth: 0, fixed: 0, perPage: 0 };
    const add = (part: Weighed) => {
      result.depth = Math.max(result.depth, part.depth);
      result.fixed += part.fixed;
      result.perPage += part.perPage;
      check(result);
    };
    for (const selection of selectionSet.selections) {
      steps++;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') {
          introspection = true;
          continue;
        }
        if (name.startsWith('__')) {
          // __typename still costs its place in the answer (a million of them is a million fields).
          add({ depth: 1, fixed: 1, perPage: 0 });
          continue;
        }
        const definition = fieldOf(parent, name);
        const type = definition?.type;
        const named = type ? getNamedType(type) : null;
        const isConnection = !!named && named.name.endsWith('Connection');
        const page = pageSizeOf(selection.arguments);
        let own = 1 + (parent ? (FIELD_WEIGHTS[`${parent.name}.${name}`] ?? 0) : 0);
        let fieldGraph = graph;
        if (parent) {
          const graphs = subgraphs.graphsOf(parent.name, name);
          if (graphs.length > 0 && (graph === null || !graphs.includes(graph))) {
            // The root field picks the subgraph; below it, another subgraph is an entity fetch per item.
            if (graph !== null) own += ENTITY_FETCH_WEIGHT;
            fieldGraph = graphs[0]!;
          }
        }
        if (!selection.selectionSet) {
          add({ depth: 1, fixed: own, perPage: 0 });
          continue;
        }
        const child = walk(selection.selectionSet, named, fieldGraph);
        // `edges` of a connection count under the connection's page; below a connection, its page.
        const childCost =
          child.fixed + child.perPage * (isConnection ? (page ?? DEFAULT_PAGE_SIZE) : ASSUMED_LIST_SIZE);
        const part: Weighed = { depth: child.depth + 1, fixed: own, perPage: 0 };
        if (type && isList(type)) {
          if (name === 'edges' && page === null) part.perPage = childCost;
          else part.fixed += (page ?? ASSUMED_LIST_SIZE) * childCost;
        } else {
          part.fixed += childCost;
        }
        add(part);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(walk(selection.selectionSet, condition, graph));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        const key = `${name}\u0000${graph ?? ''}`;
        let weighed = memo.get(key);
        if (!weighed) {
          visiting.add(name);
          try {
            weighed = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), graph);
          } finally {
            visiting.delete(name);
          }
          memo.set(key, weighed);
        }
        add(weighed);
      }
    }
    return result;
  };

  try {
    const weighed = walk(operation.selectionSet, root, null);
    const cost = weighed.fixed + weighed.perPage * ASSUMED_LIST_SIZE;
    return {
      depth: weighed.depth,
      cost,
      introspection,
      steps,
      exceeded: weighed.depth > maxDepth ? 'depth' : cost > maxCost ? 'cost' : null,
    };
  } catch (error) {
    if (!(error instanceof LimitPassed)) throw error;
    return {
      depth: error.limit === 'depth' ? error.found : 0,
      cost: error.limit === 'cost' ? error.found : 0,
      introspection,
      steps,
      exceeded: error.limit,
    };
  }
}

function fieldOf(parent: GraphQLNamedType | null | undefined, name: string): GraphQLField<unknown, unknown> | null {
  if (!parent) return null;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name] ?? null;
  return null; // unions have no fields but __typename
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
