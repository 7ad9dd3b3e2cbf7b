import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';

/**
 * Builds the federated query that resolves one payload field of a subscription, e.g.
 * `ticket { number status sla { nextDeadline } }` becomes
 * `query($__id: ID!) { entity: ticket(id: $__id) { number status sla { nextDeadline } } }`,
 * keeping the fragments and variables the selection uses, so aliases, fragments and
 * directives behave exactly as in a query.
 */
export function delegatedQuery(info: GraphQLResolveInfo, rootField: string): string {
  const selections: SelectionNode[] = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const usedFragments = collectFragments(selections, info.fragments);
  const usedVariables = collectVariables([...selections, ...usedFragments]);
  const variableDefinitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((def) =>
    usedVariables.has(def.variable.name.value),
  );
  const field: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: 'entity' },
    name: { kind: Kind.NAME, value: rootField },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'id' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } },
      },
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: `Subscription_${rootField}` },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
      },
      ...variableDefinitions,
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments] };
  return print(document);
}

function collectFragments(
  selections: readonly SelectionNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (nodes: readonly SelectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        const fragment = fragments[name];
        if (fragment && !found.has(name)) {
          found.set(name, fragment);
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
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  }
  return names;
}
