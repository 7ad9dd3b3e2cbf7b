import { badInput, type Caller, isUuid, requireUser, requireUuid } from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '@reglament/shared/platform';
import { type DataSource, In, IsNull, LessThan, type FindOptionsWhere } from 'typeorm';
import { NotificationEntity } from '../infra/entities';

const isCursor = (key: unknown): key is { id: string } =>
  typeof key === 'object' &&
  key !== null &&
  typeof (key as { id?: unknown }).id === 'string' &&
  isUuid((key as { id: string }).id);

/** How many ids one markNotificationsRead may name. */
export const MAX_MARK_IDS = 500;

/** A user's own notifications: newest first; nobody reads another user's inbox. */
export class NotificationInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(
    caller: Caller,
    options: { unreadOnly: boolean; first?: number | null; after?: string | null },
  ): Promise<Connection<NotificationEntity>> {
    const user = requireUser(caller, 'read notifications');
    if (user.kind !== 'user') throw badInput('Only users have notification inboxes');
    const limit = pageSize(options.first);
    const after = decodeCursor(options.after, isCursor);
    // A tool token's subject need not be a UUID: such a caller has no inbox.
    if (!isUuid(user.id)) return toConnection([], limit, 0, (row: NotificationEntity) => encodeCursor({ id: row.id }));
    const base: FindOptionsWhere<NotificationEntity> = {
      recipientId: user.id,
      ...(options.unreadOnly ? { readAt: IsNull() } : {}),
    };
    const repo = this.dataSource.getRepository(NotificationEntity);
    const [rows, totalCount] = await Promise.all([
      repo.find({ where: after ? { ...base, id: LessThan(after.id) } : base, order: { id: 'DESC' }, take: limit + 1 }),
      repo.count({ where: base }),
    ]);
    return toConnection(rows, limit, totalCount, (row) => encodeCursor({ id: row.id }), Boolean(after));
  }

  /** How many of the caller's notifications are unread. */
  async unreadCount(caller: Caller): Promise<number> {
    const user = this.owner(caller, 'count notifications');
    if (!user) return 0;
    return this.dataSource.getRepository(NotificationEntity).count({ where: { recipientId: user, readAt: IsNull() } });
  }

  /** One of the caller's own notifications (another's is "not found", never shown). */
  async get(caller: Caller, id: string): Promise<NotificationEntity | null> {
    const user = this.owner(caller, 'read notifications');
    requireUuid(id, 'id');
    if (!user) return null;
    return this.dataSource.getRepository(NotificationEntity).findOneBy({ id, recipientId: user });
  }

  async markAllRead(caller: Caller): Promise<number> {
    const user = this.owner(caller, 'mark notifications read');
    if (!user) return 0;
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ recipientId: user, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }

  /** The caller's inbox owner id (null for a tool token without one); refuses non-users. */
  private owner(caller: Caller, action: string): string | null {
    const user = requireUser(caller, action);
    if (user.kind !== 'user') throw badInput('Only users have notification inboxes');
    return isUuid(user.id) ? user.id : null;
  }

  async markRead(caller: Caller, ids: string[]): Promise<number> {
    const user = requireUser(caller, 'mark notifications read');
    if (user.kind !== 'user') throw badInput('Only users have notification inboxes');
    if (ids.length > MAX_MARK_IDS) {
      throw badInput(`ids may name at most ${MAX_MARK_IDS} notifications at once (got ${ids.length})`, {
        field: 'ids',
        max: MAX_MARK_IDS,
      });
    }
    ids.forEach((id) => requireUuid(id, 'ids'));
    if (ids.length === 0 || !isUuid(user.id)) return 0;
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id: In(ids), recipientId: user.id, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
