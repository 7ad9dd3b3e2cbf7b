import { type ConstDirectiveNode, Kind, parse } from 'graphql';

/**
 * Which subgraphs can resolve each field of the supergraph, read from its `@join__type` and
 * `@join__field` directives. The guard uses it to see where an operation leaves one subgraph
 * for another: every such step is an entity fetch per item, which costs more than a field.
 */
export class SubgraphMap {
  private constructor(private readonly fields: Map<string, readonly string[]>) {}

  /** Subgraphs that resolve `type.field` (empty: unknown, e.g. a type the gateway adds itself). */
  graphsOf(type: string, field: string): readonly string[] {
    return this.fields.get(`${type}.${field}`) ?? [];
  }

  static empty(): SubgraphMap {
    return new SubgraphMap(new Map());
  }

  static fromSupergraph(sdl: string): SubgraphMap {
    const fields = new Map<string, readonly string[]>();
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) {
        continue;
      }
      const typeGraphs = graphArguments(definition.directives, 'join__type');
      for (const field of definition.fields ?? []) {
        const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
        // A field without @join__field is resolved by every subgraph that defines the type.
        const graphs = joins.length === 0 ? typeGraphs : graphArguments(joins, 'join__field', true);
        fields.set(`${definition.name.value}.${field.name.value}`, graphs);
      }
    }
    return new SubgraphMap(fields);
  }
}

function graphArguments(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
  skipExternal = false,
): string[] {
  const graphs: string[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== name) continue;
    const argument = (key: string) => directive.arguments?.find((a) => a.name.value === key)?.value;
    const graph = argument('graph');
    const external = argument('external');
    if (skipExternal && external?.kind === Kind.BOOLEAN && external.value) continue;
    if (graph?.kind === Kind.ENUM && !graphs.includes(graph.value)) graphs.push(graph.value);
  }
  return graphs;
}
