import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
import { type DelegatedField, delegatedQuery } from './delegate';

/** Runs a federated query (the gateway's own executor) for the group's subscriber scope. */
export type FederatedFetch = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

interface Pending extends DelegatedField {
  id: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Collects the payload fields (`ticket`, `timer`) that one execution of a subscription result
 * asks for and loads them with ONE federated query: graphql-js calls the resolvers of sibling
 * fields in one synchronous pass, so a microtask later the batch is complete. The query text
 * is built once per group (its document never changes) and reused for every event.
 */
export class PayloadBatch {
  private pending: Pending[] = [];
  /** Errors inside data that did arrive (a null field deep down): added to the result. */
  readonly partialErrors: GraphQLError[] = [];
  /** Federated queries this batch sent (one per execution, or none when no payload field needs one). */
  fetches = 0;

  constructor(
    private readonly fetch: FederatedFetch,
    private readonly queries: Map<string, string>,
  ) {}

  load(info: GraphQLResolveInfo, rootField: string, id: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const index = this.pending.length;
      this.pending.push({ alias: `e${index}`, rootField, idVariable: `__e${index}`, info, id, resolve, reject });
      if (index === 0) queueMicrotask(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const signature = batch.map((p) => `${String(p.info.path.key)}:${p.rootField}`).join(',');
    let query = this.queries.get(signature);
    if (!query) {
      query = delegatedQuery(batch);
      this.queries.set(signature, query);
    }
    const variables: Record<string, unknown> = { ...(batch[0]!.info.variableValues as Record<string, unknown>) };
    for (const p of batch) variables[p.idVariable] = p.id;
    this.fetches++;
    let result: ExecutionResult;
    try {
      result = await this.fetch(query, variables);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    const errors = (result.errors ?? []) as readonly GraphQLFormattedError[];
    const data = (result.data ?? null) as Record<string, unknown> | null;
    for (const p of batch) {
      const value = data?.[p.alias] ?? null;
      const own = errors.filter((e) => !e.path || e.path[0] === p.alias);
      if (value === null && own.length > 0) {
        p.reject(asGraphQLError(own[0]!, []));
        continue;
      }
      const at = pathOf(p.info);
      for (const error of own) {
        if (error.path) this.partialErrors.push(asGraphQLError(error, [...at, ...error.path.slice(1)]));
      }
      p.resolve(value);
    }
  }
}

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) keys.unshift(p.key);
  return keys;
}

function asGraphQLError(error: GraphQLFormattedError, path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, {
    ...(path.length > 0 ? { path } : {}),
    extensions: error.extensions ?? {},
  });
}
