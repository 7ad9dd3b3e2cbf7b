import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
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
 * Builds ONE federated query for all payload fields of a subscription result, e.g.
 * `slaChanged { ticket { number sla { nextDeadline } } timer { deadline } }` becomes
 * `query($__e0: ID!, $__e1: ID!) { e0: ticket(id: $__e0) { number sla { nextDeadline } }
 *  e1: slaTimer(id: $__e1) { deadline } }`, keeping the fragments, aliases, directives and
 * variables the selections use, so they behave exactly as in a query. Every selection set
 * also asks `__typename`, which the gateway's executor needs to resolve abstract types.
 */
export function delegatedQuery(fields: DelegatedField[]): string {
  const info = fields[0]!.info;
  const selectionsOf = (field: DelegatedField): SelectionNode[] =>
    field.info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const all = fields.flatMap(selectionsOf);
  const usedFragments = collectFragments(all, info.fragments).map(
    (fragment) => withTypename(fragment) as FragmentDefinitionNode,
  );
  const usedVariables = collectVariables([...all, ...usedFragments]);
  const variableDefinitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((def) =>
    usedVariables.has(def.variable.name.value),
  );
  const rootFields: FieldNode[] = fields.map((field) => ({
    kind: Kind.FIELD,
    alias: name(field.alias),
    name: name(field.rootField),
    arguments: [{ kind: Kind.ARGUMENT, name: name('id'), value: variable(field.idVariable) }],
    selectionSet: withTypename({ kind: Kind.SELECTION_SET, selections: selectionsOf(field) }) as SelectionSetNode,
  }));
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: name(`Subscription_${info.parentType.name}`),
    variableDefinitions: [
      ...fields.map((field): VariableDefinitionNode => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: variable(field.idVariable),
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
      })),
      ...variableDefinitions,
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: rootFields },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments] };
  return print(document);
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
