import { createHash } from 'node:crypto';
import {
  AppError,
  type Caller,
  type DeliveredEvent,
  type Domain,
  ErrorCode,
  type EventBus,
  isUuid,
  type Logger,
  type Stoppable,
} from '@reglament/shared';
import {
  defaultFieldResolver,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  getArgumentValues,
  getOperationAST,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  print,
} from 'graphql';
import type { GatewayContext } from '../context';
import { type Change, changeOf, FIELD_DOMAINS } from './changes';
import { delegatedQuery } from './delegate';
import { SubscriberQueue } from './subscriber-queue';

/** Runs a federated query (the gateway's own executor) as a given caller. */
export type FederatedExecutor = (
  query: string,
  variables: Record<string, unknown>,
  context: GatewayContext,
) => Promise<ExecutionResult>;

export interface HubOptions {
  bus: EventBus;
  schema: GraphQLSchema;
  executeFederated: FederatedExecutor;
  log: Logger;
  queueCapacity?: number;
  onExecution?: (count: number) => void;
}

interface Group {
  key: string;
  fieldName: string;
  domain: Domain;
  organizationId: string | null;
  ticketId: string | null;
  args: ExecutionArgs;
  context: GatewayContext;
  members: Set<SubscriberQueue>;
  tailKey: string;
  /** Results of one group are delivered in event order. */
  chain: Promise<void>;
}

interface Tail {
  groups: Set<Group>;
  handle: Promise<Stoppable>;
}

/**
 * Fans events out to graphql-ws subscribers. Subscribers with the same operation, variables
 * and visibility scope form a group that shares one resolution per event, so the cost of an
 * event grows with the number of distinct selections, not subscribers. Events come from a
 * bus tail per (domain, organization): a customer's subscription only ever receives its
 * organization's subjects.
 */
export class SubscriptionHub {
  private readonly groups = new Map<string, Group>();
  private readonly tails = new Map<string, Tail>();
  executions = 0;

  constructor(private readonly options: HubOptions) {}

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.members.size;
    return n;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  /** graphql-ws's `subscribe`: validates scope, joins (or creates) the group, returns the stream. */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as GatewayContext;
    try {
      const { fieldName, organizationId, ticketId, fromSeq } = this.scopeOf(args, context.caller);
      const domain = FIELD_DOMAINS[fieldName]!;
      const scope = scopeKey(context.caller);
      const key = hash([
        print(args.document),
        args.operationName ?? '',
        JSON.stringify(args.variableValues ?? {}),
        scope,
      ]);
      // A resumed subscription replays from its own cursor: it gets a private group and tail.
      const groupKey = fromSeq ? `${key}:resume:${Math.random()}` : key;
      let group = this.groups.get(groupKey);
      if (!group) {
        const tailKey = fromSeq ? groupKey : `${domain}:${organizationId ?? '*'}`;
        group = {
          key: groupKey,
          fieldName,
          domain,
          organizationId,
          ticketId,
          args,
          context,
          members: new Set(),
          tailKey,
          chain: Promise.resolve(),
        };
        this.groups.set(groupKey, group);
        await this.attach(group, fromSeq);
      }
      const joined = group;
      const queue = new SubscriberQueue(this.options.queueCapacity ?? 100, () => this.leave(joined, queue));
      joined.members.add(queue);
      return queue;
    } catch (error) {
      if (error instanceof AppError) {
        return { errors: [new GraphQLError(error.message, { extensions: { code: error.code } })] };
      }
      throw error;
    }
  }

  private scopeOf(args: ExecutionArgs, caller: Caller) {
    const operation = getOperationAST(args.document, args.operationName);
    const field = operation?.selectionSet.selections[0] as FieldNode | undefined;
    if (!operation || operation.operation !== 'subscription' || !field || field.kind !== 'Field') {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Expected a subscription with one root field');
    }
    const fieldName = field.name.value;
    const subscriptionType = args.schema.getSubscriptionType() as GraphQLObjectType;
    const definition = subscriptionType.getFields()[fieldName];
    if (!definition || !FIELD_DOMAINS[fieldName]) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Unknown subscription ${fieldName}; available: ticketChanged, slaChanged`,
      );
    }
    const values = getArgumentValues(definition, field, args.variableValues ?? {}) as {
      organizationId?: string | null;
      ticketId?: string | null;
      after?: string | null;
    };
    if (caller.kind === 'anonymous')
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Subscriptions need a valid token in connection_init');
    const ownOrganization =
      caller.kind === 'user' && (caller.role === 'CUSTOMER' || caller.role === 'PARTNER')
        ? caller.organizationId
        : null;
    if (caller.kind === 'user' && caller.role === 'CUSTOMER' && !ownOrganization) {
      throw new AppError(ErrorCode.FORBIDDEN, 'A customer token must carry its organization');
    }
    if (values.organizationId && !isUuid(values.organizationId)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'organizationId must be an id (a UUID)');
    }
    if (ownOrganization && values.organizationId && values.organizationId !== ownOrganization) {
      throw new AppError(ErrorCode.FORBIDDEN, 'You may subscribe only to your own organization');
    }
    if (values.ticketId && !isUuid(values.ticketId))
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'ticketId must be an id (a UUID)');
    let fromSeq: number | null = null;
    if (values.after !== undefined && values.after !== null) {
      const seq = Number(values.after);
      if (!Number.isSafeInteger(seq) || seq < 0) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'after must be a cursor from an earlier change (a non-negative integer)',
        );
      }
      fromSeq = seq + 1;
    }
    return {
      fieldName,
      organizationId: ownOrganization ?? values.organizationId ?? null,
      ticketId: values.ticketId ?? null,
      fromSeq,
    };
  }

  /** Joins the group to its tail; resolves once the tail receives events. */
  private async attach(group: Group, fromSeq: number | null): Promise<void> {
    let tail = this.tails.get(group.tailKey);
    if (!tail) {
      const groups = new Set<Group>();
      const handle = this.options.bus.tail({
        domain: group.domain,
        ...(group.organizationId ? { organizationId: group.organizationId } : {}),
        ...(fromSeq ? { fromSeq } : {}),
        onEvent: (delivered) => this.dispatch(groups, delivered),
      });
      tail = { groups, handle };
      this.tails.set(group.tailKey, tail);
    }
    tail.groups.add(group);
    try {
      await tail.handle;
    } catch (error) {
      this.tails.delete(group.tailKey);
      this.groups.delete(group.key);
      throw error;
    }
  }

  private dispatch(groups: Set<Group>, delivered: DeliveredEvent): void {
    const change = changeOf(delivered);
    if (!change) return;
    let executions = 0;
    for (const group of groups) {
      if (group.ticketId && group.ticketId !== change.ticketId) continue;
      if (group.organizationId && group.organizationId !== change.organizationId) continue;
      executions++;
      group.chain = group.chain
        .then(() => this.resolveFor(group, change))
        .catch((error: unknown) => {
          this.options.log.error({ err: error }, 'subscription resolution failed');
        });
    }
    this.executions += executions;
    if (executions > 0) this.options.onExecution?.(executions);
  }

  /** One execution per group and event; every member gets the same result. */
  private async resolveFor(group: Group, change: Change): Promise<void> {
    if (group.members.size === 0) return;
    const result = (await execute({
      ...group.args,
      contextValue: group.context,
      rootValue: { [group.fieldName]: change },
      fieldResolver: this.fieldResolver,
    })) as ExecutionResult;
    for (const member of group.members) member.push({ key: change.ticketId, result });
  }

  /** Payload fields come from the change; `ticket` and `timer` go through the federated executor. */
  private readonly fieldResolver: GraphQLFieldResolver<unknown, GatewayContext> = async (
    source,
    args,
    context,
    info,
  ) => {
    const parent = info.parentType.name;
    if (parent === 'Subscription') return defaultFieldResolver(source, args, context, info);
    if (parent === 'TicketChange' || parent === 'SlaChange') {
      const change = source as Change;
      if (info.fieldName === 'ticket') return this.fetch(info, 'ticket', change.ticketId, context);
      if (info.fieldName === 'timer') return this.fetch(info, 'slaTimer', change.timerId, context);
      return defaultFieldResolver(source, args, context, info);
    }
    // Below `ticket`/`timer` the data is the federated result, keyed by response name (alias).
    return (source as Record<string, unknown> | null)?.[info.path.key as string];
  };

  private async fetch(
    info: Parameters<GraphQLFieldResolver<unknown, GatewayContext>>[3],
    rootField: string,
    id: string | null,
    context: GatewayContext,
  ): Promise<unknown> {
    if (!id) return null;
    const result = await this.options.executeFederated(
      delegatedQuery(info, rootField),
      { ...(info.variableValues as Record<string, unknown>), __id: id },
      context,
    );
    if (result.errors?.length) {
      const first = result.errors[0]!;
      throw new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    }
    return (result.data as { entity?: unknown } | null | undefined)?.entity ?? null;
  }

  private leave(group: Group, queue: SubscriberQueue): void {
    group.members.delete(queue);
    if (group.members.size > 0) return;
    this.groups.delete(group.key);
    const tail = this.tails.get(group.tailKey);
    if (!tail) return;
    tail.groups.delete(group);
    if (tail.groups.size === 0) {
      this.tails.delete(group.tailKey);
      void tail.handle.then((h) => h.stop()).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const group of [...this.groups.values()]) for (const member of [...group.members]) member.close();
    for (const tail of this.tails.values()) await (await tail.handle).stop();
    this.tails.clear();
  }
}

function scopeKey(caller: Caller): string {
  if (caller.kind !== 'user') return caller.kind;
  return `${caller.role}:${caller.organizationId ?? '*'}`;
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
