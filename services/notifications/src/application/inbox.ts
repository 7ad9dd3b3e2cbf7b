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
    return toConnection(rows, limit, totalCount, (row) => encodeCursor({ id: row.id }));
  }

  async markRead(caller: Caller, ids: string[]): Promise<number> {
    const user = requireUser(caller, 'mark notifications read');
    if (user.kind !== 'user') throw badInput('Only users have notification inboxes');
    if (ids.length > 500) throw badInput('ids may name at most 500 notifications at once', { field: 'ids' });
    ids.forEach((id) => requireUuid(id, 'ids'));
    if (ids.length === 0 || !isUuid(user.id)) return 0;
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id: In(ids), recipientId: user.id, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
