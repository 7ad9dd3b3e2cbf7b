import {
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type NameNode,
  type OperationDefinitionNode,
  print,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';

/** One payload field to fetch: `ticket` (as `ticket(id:)`) or `timer` (as `slaTimer(id:)`). */
export interface DelegatedField {
  /** Response name in the federated query (`e0`, `e1`, ...). */
  alias: string;
  /** The supergraph query field that loads the entity by id. */
  rootField: string;
  /** The variable carrying the id. */
  idVariable: string;
  info: GraphQLResolveInfo;
}

/**
 * Builds ONE federated query for all payload fields of one event in one visibility scope, e.g.
 * `slaChanged { ticket { number sla { nextDeadline } } timer { deadline } }` becomes
 * `query($__e0: ID!, $__e1: ID!) { e0: ticket(id: $__e0) { number sla { nextDeadline } }
 *  e1: slaTimer(id: $__e1) { deadline } }`, keeping the fragments, aliases, directives and
 * variables the selections use, so they behave exactly as in a query. Every selection set
 * also asks `__typename`, which the gateway's executor needs to resolve abstract types.
 *
 * The fields may come from several subscription documents (groups with the same visibility
 * touched by one event): then each document's fragments and variables are renamed with its
 * own prefix (`o1_Head`, `$o1_withSla`), so equal names of different documents never meet.
 * `delegatedVariables` gives the matching variable values.
 */
export function delegatedQuery(fields: DelegatedField[]): string {
  const prefixes = operationPrefixes(fields);
  const definitions: VariableDefinitionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  for (const [operation, prefix] of prefixes) {
    const info = fields.find((field) => field.info.operation === operation)!.info;
    const own = fields.filter((field) => field.info.operation === operation).flatMap(selectionsOf);
    const used = collectFragments(own, info.fragments);
    const usedVariables = collectVariables([...own, ...used]);
    for (const fragment of used) fragments.push(renamed(withTypename(fragment), prefix));
    for (const definition of operation.variableDefinitions ?? []) {
      if (usedVariables.has(definition.variable.name.value)) definitions.push(renamed(definition, prefix));
    }
  }
  const rootFields: FieldNode[] = fields.map((field) => ({
    kind: Kind.FIELD,
    alias: name(field.alias),
    name: name(field.rootField),
    arguments: [{ kind: Kind.ARGUMENT, name: name('id'), value: variable(field.idVariable) }],
    selectionSet: renamed(
      withTypename({ kind: Kind.SELECTION_SET, selections: selectionsOf(field) }),
      prefixes.get(field.info.operation)!,
    ),
  }));
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: name(`Subscription_${fields[0]!.info.parentType.name}`),
    variableDefinitions: [
      ...fields.map((field): VariableDefinitionNode => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: variable(field.idVariable),
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
      })),
      ...definitions,
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: rootFields },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return print(document);
}

/** The variable values of `delegatedQuery(fields)` (the ids excepted), under the same prefixes. */
export function delegatedVariables(fields: DelegatedField[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [operation, prefix] of operationPrefixes(fields)) {
    const values = fields.find((field) => field.info.operation === operation)!.info.variableValues;
    for (const [key, value] of Object.entries(values)) variables[`${prefix}${key}`] = value;
  }
  return variables;
}

/** One document keeps its names (no prefix); with several, the n-th gets `o<n>_`. */
function operationPrefixes(fields: DelegatedField[]): Map<OperationDefinitionNode, string> {
  const operations = [...new Set(fields.map((field) => field.info.operation))];
  return new Map(operations.map((operation, i) => [operation, operations.length === 1 ? '' : `o${i}_`]));
}

const selectionsOf = (field: DelegatedField): SelectionNode[] =>
  field.info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);

/** Prefixes every fragment name (definitions and spreads) and variable in `node`. */
function renamed<T extends ASTNode>(node: T, prefix: string): T {
  if (!prefix) return node;
  const rename = (n: NameNode) => name(`${prefix}${n.value}`);
  return visit(node, {
    FragmentDefinition: (f) => ({ ...f, name: rename(f.name) }),
    FragmentSpread: (f) => ({ ...f, name: rename(f.name) }),
    Variable: (v) => ({ ...v, name: rename(v.name) }),
  });
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const variable = (value: string) => ({ kind: Kind.VARIABLE, name: name(value) }) as const;
const TYPENAME: FieldNode = { kind: Kind.FIELD, name: name('__typename') };

function withTypename<T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T {
  return visit(node, {
    SelectionSet(set) {
      const has = set.selections.some((s) => s.kind === Kind.FIELD && !s.alias && s.name.value === '__typename');
      return has ? undefined : { ...set, selections: [...set.selections, TYPENAME] };
    },
  });
}

function collectFragments(
  selections: readonly SelectionNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (nodes: readonly SelectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[node.name.value];
        if (fragment && !found.has(node.name.value)) {
          found.set(node.name.value, fragment);
          walk(fragment.selectionSet.selections);
        }
      } else if (node.selectionSet) {
        walk(node.selectionSet.selections);
      }
    }
  };
  walk(selections);
  return [...found.values()];
}

function collectVariables(nodes: readonly (SelectionNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(v) {
        names.add(v.name.value);
      },
    });
  }
  return names;
}
