import {
  badInput,
  type Caller,
  forbidden,
  isStaff,
  isUuid,
  notFound,
  requireUser,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '@reglament/shared/platform';
import type { DataSource } from 'typeorm';
import { KnownTicketEntity, TicketFollowerEntity } from '../infra/entities';

/** How many contacts may follow one ticket. */
export const MAX_FOLLOWERS_PER_TICKET = 50;
/** How many tickets one contact may follow at once. */
export const MAX_FOLLOWED_PER_CONTACT = 500;

/**
 * Followers: contacts of a ticket's organization who chose to hear what its requester hears (the
 * customer side of the rules table). Only a customer contact follows, and only tickets of her own
 * organization: another organization's ticket is "not found", as everywhere.
 */
export class Followers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The ticket's notifications as the caller may see them (R-TKT-13; see ticketNotices). */
  notices(
    caller: Caller,
    ticketId: string,
    options: { first?: number | null; after?: string | null },
  ): Promise<Connection<TicketNotice>> {
    return ticketNotices(this.dataSource, caller, ticketId, options);
  }

  async follow(caller: Caller, ticketId: string): Promise<{ id: string }> {
    const { contactId, ticket } = await this.own(caller, ticketId, 'follow a ticket');
    await this.dataSource.transaction(async (manager) => {
      // One follow at a time per contact: the two counts below hold under concurrent calls.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ticket_followers:' || $1))`, [contactId]);
      const repo = manager.getRepository(TicketFollowerEntity);
      if (await repo.existsBy({ ticketId: ticket.ticketId, contactId })) return;
      const followed = await repo.countBy({ contactId });
      if (followed >= MAX_FOLLOWED_PER_CONTACT) {
        throw badInput(
          `A contact may follow at most ${MAX_FOLLOWED_PER_CONTACT} tickets at once: unfollow one (unfollowTicket) first`,
          { field: 'id', max: MAX_FOLLOWED_PER_CONTACT },
        );
      }
      const followers = await repo.countBy({ ticketId: ticket.ticketId });
      if (followers >= MAX_FOLLOWERS_PER_TICKET) {
        throw badInput(`Ticket ${ticket.number} already has ${MAX_FOLLOWERS_PER_TICKET} followers, the most allowed`, {
          field: 'id',
          max: MAX_FOLLOWERS_PER_TICKET,
        });
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(TicketFollowerEntity)
        .values({
          ticketId: ticket.ticketId,
          contactId,
          organizationId: ticket.organizationId,
          createdAt: this.clock.now(),
        })
        .orIgnore()
        .execute();
    });
    return { id: ticket.ticketId };
  }

  async unfollow(caller: Caller, ticketId: string): Promise<{ id: string }> {
    const { contactId, ticket } = await this.own(caller, ticketId, 'unfollow a ticket');
    await this.dataSource.getRepository(TicketFollowerEntity).delete({ ticketId: ticket.ticketId, contactId });
    return { id: ticket.ticketId };
  }

  /** Whether the caller follows the ticket (staff and other organizations never do). */
  async follows(caller: Caller, ticketId: string): Promise<boolean> {
    if (caller.kind !== 'user' || caller.role !== 'CUSTOMER' || !isUuid(caller.id) || !isUuid(ticketId)) return false;
    return this.dataSource.getRepository(TicketFollowerEntity).existsBy({ ticketId, contactId: caller.id });
  }

  /**
   * Who follows the ticket (at most MAX_FOLLOWERS_PER_TICKET), oldest first: staff see them,
   * a customer those of her own organization's ticket, anyone else nobody.
   */
  async followersOf(caller: Caller, ticketId: string): Promise<TicketFollowerView[]> {
    if (!isUuid(ticketId)) return [];
    const visibility = visibilityOf(caller);
    if (!isStaff(caller)) {
      if (visibility.kind !== 'organization') return [];
      const ticket = await this.dataSource.getRepository(KnownTicketEntity).findOneBy({ ticketId });
      if (!ticket || ticket.organizationId !== visibility.organizationId) return [];
    }
    const rows = (await this.dataSource.query(
      `SELECT f.contact_id AS "contactId", p.full_name AS "name", f.created_at AS "since"
       FROM ticket_followers f JOIN known_tickets t ON t.ticket_id = f.ticket_id
       LEFT JOIN known_people p ON p.person_id = f.contact_id
       WHERE f.ticket_id = $1 AND f.organization_id = t.organization_id
       ORDER BY f.created_at, f.contact_id LIMIT ${MAX_FOLLOWERS_PER_TICKET}`,
      [ticketId],
    )) as TicketFollowerView[];
    return rows;
  }

  /** The caller as a customer contact, and the ticket of her own organization (else refused / not found). */
  private async own(caller: Caller, ticketId: string, action: string) {
    const user = requireUser(caller, action);
    if (user.kind !== 'user' || user.role !== 'CUSTOMER' || !user.organizationId) {
      throw forbidden(`Only a customer's contacts ${action}; staff hear of a ticket as its assignee or as dispatchers`);
    }
    requireUuid(ticketId, 'id');
    const ticket = await this.dataSource.getRepository(KnownTicketEntity).findOneBy({ ticketId });
    if (!ticket || ticket.organizationId !== user.organizationId) throw notFound('Ticket', ticketId);
    return { contactId: user.id, ticket };
  }
}

/** A contact following a ticket. */
export interface TicketFollowerView {
  contactId: string;
  name: string | null;
  since: Date;
}

/** One notification in a ticket's history (R-TKT-13), with the name of the person told. */
export interface TicketNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  recipientName: string | null;
  recipientSide: string;
  createdAt: Date;
}

const isCursor = (key: unknown): key is { id: string } =>
  typeof key === 'object' && key !== null && isUuid(String((key as { id?: unknown }).id ?? ''));

/**
 * The notifications of one ticket, for its history (R-TKT-13): a customer sees those told to
 * the customer side of her own organization's ticket, never the provider's; staff see all.
 */
export async function ticketNotices(
  dataSource: DataSource,
  caller: Caller,
  ticketId: string,
  options: { first?: number | null; after?: string | null },
): Promise<Connection<TicketNotice>> {
  const limit = pageSize(options.first);
  const after = decodeCursor(options.after, isCursor);
  const cursorOf = (row: TicketNotice) => encodeCursor({ id: row.id });
  const nothing = toConnection<TicketNotice>([], limit, 0, cursorOf);
  if (!isUuid(ticketId)) return nothing;
  const visibility = visibilityOf(caller);
  const staff = isStaff(caller);
  if (!staff && visibility.kind !== 'organization') return nothing;
  const query = dataSource
    .createQueryBuilder()
    .from('notifications', 'n')
    .leftJoin('known_people', 'p', 'p.person_id = n.recipient_id')
    .where('n.ticket_id = :ticketId', { ticketId });
  if (!staff && visibility.kind === 'organization') {
    const ticket = await dataSource.getRepository(KnownTicketEntity).findOneBy({ ticketId });
    if (!ticket || ticket.organizationId !== visibility.organizationId) return nothing;
    query
      .andWhere(`n.recipient_side = 'CUSTOMER'`)
      .andWhere('n.organization_id = :org', { org: visibility.organizationId })
      .andWhere(`p.kind = 'CONTACT' AND p.organization_id = :org`);
  }
  const totalCount = await query.clone().select('count(*)', 'count').getRawOne<{ count: string }>();
  if (after) query.andWhere('n.id > :after', { after: after.id });
  const rows = await query
    .select([
      'n.id AS id',
      'n.kind AS kind',
      'n.title AS title',
      'n.body AS body',
      'p.full_name AS "recipientName"',
      'n.recipient_side AS "recipientSide"',
      'n.created_at AS "createdAt"',
    ])
    .orderBy('n.id', 'ASC')
    .limit(limit + 1)
    .getRawMany<TicketNotice>();
  return toConnection(rows, limit, Number(totalCount?.count ?? 0), cursorOf, Boolean(after));
}
