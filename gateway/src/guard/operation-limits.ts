import {
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** What the guard measures of an operation before it runs. */
export interface OperationMeasure {
  /** Deepest nesting of fields (`{ a { b } }` is 2), fragments expanded, introspection not counted. */
  depth: number;
  /** Estimated work: every field 1, times the sizes of the lists it sits in. */
  cost: number;
  /** Selects `__schema` or `__type`. */
  introspection: boolean;
}

/** A list of unknown length is taken as this long; a connection without `first` as its default page. */
export const ASSUMED_LIST_SIZE = 10;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * Depth, cost and introspection of one operation. Lists count `first` when given (a literal or
 * a variable), connections their default page, other lists ASSUMED_LIST_SIZE; `edges` of a
 * connection count its page size.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  let introspection = false;
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
    if (typeof value === 'number' && Number.isFinite(value)) return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
    // A `first` whose value is not known here is taken at its largest.
    return MAX_PAGE_SIZE;
  };

  /** Returns [depth, cost] of a selection set under `parent`, each field multiplied by `multiplier`. */
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    multiplier: number,
    connectionPage: number | null,
    visiting: Set<string>,
  ): [number, number] => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') {
          introspection = true;
          continue;
        }
        if (name.startsWith('__')) {
          // __typename still costs its place in the answer (a million of them is a million fields).
          cost += multiplier;
          depth = Math.max(depth, 1);
          continue;
        }
        const definition = fieldOf(parent, name);
        const type = definition?.type;
        const named = type ? getNamedType(type) : null;
        const isConnection = !!named && named.name.endsWith('Connection');
        const page = pageSizeOf(selection.arguments);
        let itemMultiplier = multiplier;
        if (type && isList(type)) {
          const size = name === 'edges' && connectionPage !== null ? connectionPage : (page ?? ASSUMED_LIST_SIZE);
          itemMultiplier = multiplier * size;
        }
        cost += multiplier;
        if (selection.selectionSet) {
          const [d, c] = walk(
            selection.selectionSet,
            named,
            itemMultiplier,
            isConnection ? (page ?? DEFAULT_PAGE_SIZE) : null,
            visiting,
          );
          depth = Math.max(depth, d + 1);
          cost += c;
        } else {
          depth = Math.max(depth, 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const [d, c] = walk(selection.selectionSet, condition, multiplier, connectionPage, visiting);
        depth = Math.max(depth, d);
        cost += c;
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        const condition = schema.getType(fragment.typeCondition.name.value);
        const [d, c] = walk(fragment.selectionSet, condition, multiplier, connectionPage, visiting);
        visiting.delete(name);
        depth = Math.max(depth, d);
        cost += c;
      }
    }
    return [depth, cost];
  };

  const [depth, cost] = walk(operation.selectionSet, root, 1, null, new Set());
  return { depth, cost, introspection };
}

function fieldOf(parent: GraphQLNamedType | null | undefined, name: string): GraphQLField<unknown, unknown> | null {
  if (!parent) return null;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name] ?? null;
  if (isAbstractType(parent)) return null; // unions have no fields but __typename
  return null;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
