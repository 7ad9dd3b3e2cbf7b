import { createHash } from 'node:crypto';
import { AppError, type Domain, ErrorCode } from '@reglament/shared/domain';
import { type DeliveredEvent, type EventBus, inSpan, type Logger, type Stoppable } from '@reglament/shared/platform';
import {
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { GatewayContext } from '../context';
import { type Change, changeOf } from './changes';
import { DelegatedQueries, PayloadBatch } from './payload-batch';
import { selectionKey, type SubscriptionScope, subscriptionScope, visibilityKey } from './scope';
import { Subscriber } from './subscriber';
import { SubscriberQueue } from './subscriber-queue';

/** Runs a federated query (the gateway's own executor) as a given caller. */
export type FederatedExecutor = (
  query: string,
  variables: Record<string, unknown>,
  context: GatewayContext,
) => Promise<ExecutionResult>;

/** What the hub reports as it works (metrics). */
export interface HubObserver {
  eventReceived(domain: Domain): void;
  executed(): void;
  /** Federated queries sent for payload fields (at most one per event and visibility scope touched). */
  fetched(count: number): void;
  fannedOut(count: number): void;
  dropped(): void;
}

export interface HubOptions {
  bus: EventBus;
  schema: GraphQLSchema;
  executeFederated: FederatedExecutor;
  log: Logger;
  queueCapacity?: number;
  observer?: HubObserver;
}

/**
 * Subscribers with the same document, variables and visibility share a group; a group resolves
 * each event once (one graphql-js execution) for all its members, and the groups of one
 * visibility an event touches load its payload entities with one federated query together.
 * A replay group serves subscriptions that resume from a cursor until they catch up.
 */
interface Group {
  key: string;
  scope: SubscriptionScope;
  args: ExecutionArgs;
  /** The first subscriber's identity (same role and organization as every member), marked internal. */
  context: GatewayContext;
  members: Set<Subscriber>;
  replay: boolean;
  /** Results of one group are delivered in event order. */
  chain: Promise<void>;
  /** `visibilityKey` of the members: groups with the same one share an event's federated query. */
  visibility: string;
  /** Events this group has resolved (a replay group is shared only before its first). */
  resolved: number;
  tailKey: string;
}

interface Tail {
  groups: Set<Group>;
  handle: Promise<Stoppable>;
}

/** What the payload resolvers get as the root: the change, the batch that loads its entities, where their partial errors go. */
interface PayloadSource {
  change: Change;
  batch: PayloadBatch;
  partialErrors: GraphQLError[];
}

/**
 * Fans events out to graphql-ws subscribers. Events come from a bus tail per (domain,
 * organization), so a customer's subscription only ever receives its organization's subjects.
 * The cost of an event grows with the number of distinct groups, not subscribers.
 */
export class SubscriptionHub {
  private readonly groups = new Map<string, Group>();
  private readonly replays = new Map<string, Group>();
  private readonly tails = new Map<string, Tail>();
  private readonly queries = new DelegatedQueries();
  /** Group executions (one per event and group touched) and the federated queries they sent. */
  executions = 0;
  federatedFetches = 0;

  constructor(private readonly options: HubOptions) {}

  get subscriberCount(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.members.size;
    return n;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  /**
   * Checks what a subscription asks for against its caller (arguments, the organization, the
   * ticket it names); graphql-ws calls this in `onSubscribe`, so a refusal is an `error` message.
   */
  async authorize(args: ExecutionArgs): Promise<SubscriptionScope> {
    const context = args.contextValue as GatewayContext;
    const scope = subscriptionScope(args, context.caller);
    return scope.ticketId ? this.narrowToTicket(scope, context) : scope;
  }

  /** graphql-ws's `subscribe`: joins (or creates) the group, returns the stream. `rootValue` may carry the authorized scope. */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as GatewayContext;
    try {
      const scope = isScope(args.rootValue) ? args.rootValue : await this.authorize(args);
      const key = hash([selectionKey(args), visibilityKey(context.caller, scope.recipientId)]);
      const group = await this.liveGroup(key, scope, args, context);
      let replay: Group | null = null;
      const queue = new SubscriberQueue(
        this.options.queueCapacity ?? 100,
        () => {
          this.leave(group, subscriber);
          if (replay) this.leave(replay, subscriber);
        },
        () => this.options.observer?.dropped(),
      );
      const subscriber: Subscriber = new Subscriber(queue, this.options.queueCapacity ?? 100, () => {
        if (replay) this.leave(replay, subscriber);
      });
      if (scope.fromSeq !== null) subscriber.startCatchUp(scope.fromSeq);
      group.members.add(subscriber);
      if (scope.fromSeq !== null) replay = await this.joinReplay(key, scope, args, context, subscriber);
      return queue;
    } catch (error) {
      if (error instanceof AppError) {
        return { errors: [new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } })] };
      }
      throw error;
    }
  }

  /**
   * A subscription to one ticket: the caller must be able to see the ticket (asked through the
   * supergraph as the caller), and its events come from the ticket's organization only.
   */
  private async narrowToTicket(scope: SubscriptionScope, context: GatewayContext): Promise<SubscriptionScope> {
    const result = await this.options.executeFederated(
      'query Subscription_ticketVisibility($id: ID!) { ticket(id: $id) { organizationId } }',
      { id: scope.ticketId },
      { ...context, internal: true },
    );
    const organizationId = (result.data as { ticket?: { organizationId?: string } | null } | null)?.ticket
      ?.organizationId;
    if (!organizationId || (scope.organizationId && scope.organizationId !== organizationId)) {
      const code = result.errors?.[0]?.extensions?.code;
      throw new AppError(
        code === ErrorCode.FORBIDDEN ? ErrorCode.FORBIDDEN : ErrorCode.NOT_FOUND,
        `Ticket ${scope.ticketId} was not found among the tickets you may see`,
      );
    }
    return { ...scope, organizationId };
  }

  private async liveGroup(
    key: string,
    scope: SubscriptionScope,
    args: ExecutionArgs,
    context: GatewayContext,
  ): Promise<Group> {
    const existing = this.groups.get(key);
    if (existing) {
      await this.tails.get(existing.tailKey)?.handle;
      return existing;
    }
    const group = this.newGroup(key, scope, args, context, false, `${scope.domain}:${scope.organizationId ?? '*'}`);
    this.groups.set(key, group);
    const tail = this.tails.get(group.tailKey) ?? this.openTail(group, null);
    tail.groups.add(group);
    try {
      await tail.handle;
    } catch (error) {
      this.groups.delete(key);
      this.tails.delete(group.tailKey);
      throw error;
    }
    return group;
  }

  /** Joins (or starts) the replay from the subscriber's cursor; shared only by those starting at the same place. */
  private async joinReplay(
    key: string,
    scope: SubscriptionScope,
    args: ExecutionArgs,
    context: GatewayContext,
    subscriber: Subscriber,
  ): Promise<Group> {
    const replayKey = `${key}@${scope.fromSeq}`;
    const shared = this.replays.get(replayKey);
    if (shared && shared.resolved === 0) {
      shared.members.add(subscriber);
      return shared;
    }
    const replay = this.newGroup(replayKey, scope, args, context, true, `replay:${replayKey}:${Math.random()}`);
    if (!shared) this.replays.set(replayKey, replay);
    replay.members.add(subscriber);
    await this.openTail(replay, scope.fromSeq).handle;
    return replay;
  }

  private newGroup(
    key: string,
    scope: SubscriptionScope,
    args: ExecutionArgs,
    context: GatewayContext,
    replay: boolean,
    tailKey: string,
  ): Group {
    return {
      key,
      scope,
      args,
      context: { ...context, internal: true },
      members: new Set(),
      replay,
      chain: Promise.resolve(),
      visibility: visibilityKey(context.caller, scope.recipientId),
      resolved: 0,
      tailKey,
    };
  }

  /** Opens a tail with its first group already in it (the in-process bus replays synchronously). */
  private openTail(first: Group, fromSeq: number | null): Tail {
    const { scope, tailKey } = first;
    const groups = new Set<Group>([first]);
    const handle = this.options.bus.tail({
      domain: scope.domain,
      ...(scope.organizationId ? { organizationId: scope.organizationId } : {}),
      ...(fromSeq ? { fromSeq } : {}),
      onEvent: (delivered) => this.dispatch(groups, delivered),
    });
    const tail = { groups, handle };
    this.tails.set(tailKey, tail);
    return tail;
  }

  private dispatch(groups: Set<Group>, delivered: DeliveredEvent): void {
    this.options.observer?.eventReceived(delivered.domain);
    const change = changeOf(delivered);
    if (!change) return;
    const batches = new Map<string, PayloadBatch>();
    for (const group of groups) {
      const { scope } = group;
      if (scope.ticketId && scope.ticketId !== change.ticketId) continue;
      if (scope.organizationId && scope.organizationId !== change.organizationId) continue;
      if (change.staffOnly && !scope.staff) continue;
      if ((scope.recipientId || change.recipientId) && scope.recipientId !== change.recipientId) continue;
      let batch = batches.get(group.visibility);
      if (!batch) {
        batch = new PayloadBatch(
          (query, variables) => this.options.executeFederated(query, variables, group.context),
          this.queries,
          () => {
            this.federatedFetches++;
            this.options.observer?.fetched(1);
          },
        );
        batches.set(group.visibility, batch);
      }
      const shared = batch;
      const { event } = delivered;
      group.chain = group.chain
        // A span per group and event, child of the span that emitted the event: one registration
        // can be followed to the push (docs/operations.md "Traces").
        .then(() =>
          inSpan(
            `${group.scope.fieldName} push`,
            'consumer',
            event,
            {
              'messaging.destination.name': event.type,
              'messaging.message.id': event.id,
              'reglament.subscribers': group.members.size,
            },
            () => this.resolveFor(group, change, shared),
          ),
        )
        .catch((error: unknown) => this.options.log.error({ err: error }, 'subscription resolution failed'));
    }
  }

  /** One execution per group and event; every member gets the same result. */
  private async resolveFor(group: Group, change: Change, batch: PayloadBatch): Promise<void> {
    if (group.members.size === 0) return;
    group.resolved++;
    this.executions++;
    this.options.observer?.executed();
    const source: PayloadSource = { change, batch, partialErrors: [] };
    let result = (await execute({
      ...group.args,
      contextValue: group.context,
      rootValue: { [group.scope.fieldName]: source },
      fieldResolver: this.fieldResolver,
    })) as ExecutionResult;
    if (source.partialErrors.length > 0)
      result = { ...result, errors: [...(result.errors ?? []), ...source.partialErrors] };
    let delivered = 0;
    for (const member of group.members) {
      if (group.replay) {
        if (member.replayed(change.seq, change.ticketId, result)) delivered++;
      } else {
        member.live(change.seq, change.ticketId, result);
        delivered++;
      }
    }
    this.options.observer?.fannedOut(delivered);
  }

  /** Payload fields come from the change; `ticket` and `timer` are loaded through the federated executor. */
  private readonly fieldResolver: GraphQLFieldResolver<unknown, GatewayContext> = (source, _args, _context, info) => {
    const parent = info.parentType.name;
    if (parent === 'Subscription') {
      const value = (source as Record<string, unknown>)[info.fieldName];
      if (info.fieldName !== 'notificationAdded') return value;
      // The notification itself is the payload: loaded (as its recipient) from the notifications subgraph.
      const { change, batch, partialErrors } = value as PayloadSource;
      return batch.load(info, 'notification', change.notificationId!, partialErrors);
    }
    if (parent === 'TicketChange' || parent === 'SlaChange') {
      const { change, batch, partialErrors } = source as PayloadSource;
      if (info.fieldName === 'ticket')
        return change.ticketId ? batch.load(info, 'ticket', change.ticketId, partialErrors) : null;
      if (info.fieldName === 'timer')
        return change.timerId ? batch.load(info, 'slaTimer', change.timerId, partialErrors) : null;
      return change[info.fieldName as keyof Change];
    }
    // Below `ticket`/`timer` the data is the federated result, keyed by response name (alias).
    return (source as Record<string, unknown> | null)?.[info.path.key as string];
  };

  private leave(group: Group, subscriber: Subscriber): void {
    if (!group.members.delete(subscriber) || group.members.size > 0) return;
    const registry = group.replay ? this.replays : this.groups;
    if (registry.get(group.key) === group) registry.delete(group.key);
    const tail = this.tails.get(group.tailKey);
    if (!tail) return;
    tail.groups.delete(group);
    if (tail.groups.size === 0) {
      this.tails.delete(group.tailKey);
      void tail.handle.then((h) => h.stop()).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const group of [...this.groups.values()]) for (const member of [...group.members]) member.queue.close();
    for (const tail of this.tails.values()) await (await tail.handle.catch(() => null))?.stop();
    this.tails.clear();
    this.replays.clear();
  }
}

function isScope(value: unknown): value is SubscriptionScope {
  return typeof value === 'object' && value !== null && 'fieldName' in value && 'domain' in value;
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
