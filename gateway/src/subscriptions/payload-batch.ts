import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
import { type DelegatedField, delegatedQuery, delegatedVariables } from './delegate';

/** Runs a federated query (the gateway's own executor) for the group's subscriber scope. */
export type FederatedFetch = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

interface Pending extends DelegatedField {
  id: string;
  /** Where errors inside data that did arrive go: the result of the execution that asked. */
  partialErrors: GraphQLError[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Federated query texts by what a batch asked for (documents and fields), shared by all batches. */
export class DelegatedQueries {
  private readonly texts = new Map<string, string>();
  private readonly operationIds = new WeakMap<object, number>();
  private nextId = 0;

  constructor(private readonly capacity = 2000) {}

  textFor(batch: Pending[]): string {
    const signature = batch
      .map((p) => `${this.operationId(p.info.operation)}:${String(p.info.path.key)}:${p.rootField}`)
      .join(',');
    let text = this.texts.get(signature);
    if (!text) {
      // Groups come and go (each new group has a document of its own): forget old texts wholesale.
      if (this.texts.size >= this.capacity) this.texts.clear();
      text = delegatedQuery(batch);
      this.texts.set(signature, text);
    }
    return text;
  }

  private operationId(operation: object): number {
    let id = this.operationIds.get(operation);
    if (id === undefined) this.operationIds.set(operation, (id = this.nextId++));
    return id;
  }
}

/**
 * Collects the payload fields (`ticket`, `timer`) that the executions of one event ask for and
 * loads them with ONE federated query. graphql-js calls the resolvers of sibling fields in one
 * synchronous pass, and the executions of the groups an event touches start in the same round
 * of microtasks, so a microtask after the first field the batch is complete. One batch serves
 * the groups of one visibility scope (the same role and organization: the federated query runs
 * as that caller), so the cost of an event in federated queries is one per scope touched.
 */
export class PayloadBatch {
  private pending: Pending[] = [];

  constructor(
    private readonly fetch: FederatedFetch,
    private readonly queries: DelegatedQueries,
    /** Called for each federated query sent. */
    private readonly onFetch: () => void = () => undefined,
  ) {}

  load(info: GraphQLResolveInfo, rootField: string, id: string, partialErrors: GraphQLError[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const index = this.pending.length;
      this.pending.push({
        alias: `e${index}`,
        rootField,
        idVariable: `__e${index}`,
        info,
        id,
        partialErrors,
        resolve,
        reject,
      });
      if (index === 0) queueMicrotask(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const query = this.queries.textFor(batch);
    const variables = delegatedVariables(batch);
    for (const p of batch) variables[p.idVariable] = p.id;
    this.onFetch();
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
        if (error.path) p.partialErrors.push(asGraphQLError(error, [...at, ...error.path.slice(1)]));
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
