import { type AnyEventEnvelope, makeEvent, causedBy, newId, type TicketAfterChange } from '@reglament/shared/domain';
import { type Tx } from '@reglament/shared/platform';
import { DEFAULT_LANGUAGE, type Language, LANGUAGES } from '../domain/kinds';
import { type Directory, type PersonView, recipientsOf, type TicketView } from '../domain/recipients';
import { intentsFor, type Intent } from '../domain/rules';
import {
  KnownContractEntity,
  KnownPersonEntity,
  KnownTicketEntity,
  KnownTimerEntity,
  TicketFollowerEntity,
} from '../infra/entities';
import type { TextRenderer } from './render';

/** Called for each notification recorded (e-mail queues its delivery in the same transaction). */
export type RecordedHook = (tx: Tx, notification: RecordedNotification) => Promise<void>;

export interface RecordedNotification {
  id: string;
  kind: Intent['kind'];
  person: PersonView;
  side: 'CUSTOMER' | 'PROVIDER';
  ticket: TicketView | null;
  organizationId: string | null;
  title: string;
  body: string;
  values: Record<string, unknown>;
  timeZone: string;
  createdAt: Date;
}

/** Thrown when an event names a ticket this service has not heard of yet: the consumer retries it in place. */
export class TicketNotKnownYet extends Error {}

/**
 * Applies the rules table to one event inside its inbox transaction: works out the recipients
 * from the read models, renders each text in the recipient's language and records it once per
 * (once-key, recipient, kind) (R-NTF-3), announcing each new one as
 * `notifications.notification.created` through the outbox.
 */
export class NotificationRecorder {
  constructor(
    private readonly renderer: TextRenderer,
    private readonly hooks: RecordedHook[] = [],
  ) {}

  async record(event: AnyEventEnvelope, tx: Tx): Promise<number> {
    const intents = intentsFor(event);
    if (intents.length === 0) return 0;
    const data = event.data as unknown as Record<string, unknown>;
    const ticket = await this.ticketOf(event, tx);
    const actor = (data.actor as { id?: string | null } | undefined)?.id ?? null;
    const organizationId = ticket?.organizationId ?? event.organizationId;
    const followerIds = await this.followersOf(tx, intents, ticket);
    const namedContactIds = await this.namedContactsOf(tx, intents, data, organizationId);
    const people = await this.people(tx, intents, ticket, organizationId, [...followerIds, ...namedContactIds]);
    const directory: Directory = { organizationId, ticket, people, followerIds, namedContactIds };
    const contractId = ticket?.contractId ?? (typeof data.contractId === 'string' ? data.contractId : null);
    const contract = contractId ? await tx.manager.findOneBy(KnownContractEntity, { contractId }) : null;
    const timers = ticket ? await tx.manager.findBy(KnownTimerEntity, { ticketId: ticket.ticketId }) : [];
    const running = (metric: string) =>
      timers.find((t) => t.metric === metric && (t.status === 'RUNNING' || t.status === 'PAUSED'))?.deadline ?? null;
    const assignee = people.find((p) => p.id === ticket?.assigneeId);
    let recorded = 0;
    for (const intent of intents) {
      for (const { person, side } of recipientsOf(intent, directory, actor)) {
        const values: Record<string, unknown> = {
          ...intent.facts,
          number: ticket?.number ?? null,
          title: ticket?.title ?? null,
          ticketId: ticket?.ticketId ?? null,
          customer: side === 'CUSTOMER',
          name: person.fullName,
          assigneeName: assignee?.fullName ?? null,
          answerBy: running('CLARIFICATION')?.toISOString() ?? null,
          acceptBy: running('CUSTOMER_ACCEPTANCE')?.toISOString() ?? null,
          contractNumber: contract?.number ?? null,
        };
        const timeZone = contract?.timeZone ?? 'Europe/Moscow';
        const text = this.renderer.render({ kind: intent.kind, language: person.language, timeZone, values });
        const id = newId();
        const createdAt = new Date(event.occurredAt);
        const inserted = (await tx.manager.query(
          `INSERT INTO notifications (id, recipient_id, recipient_side, organization_id, ticket_id, kind, title, body,
             source_event_id, once_key, facts, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (once_key, recipient_id, kind) DO NOTHING RETURNING id`,
          [
            id,
            person.id,
            side,
            organizationId,
            ticket?.ticketId ?? null,
            intent.kind,
            text.title,
            text.body,
            event.id,
            intent.key,
            JSON.stringify(values),
            createdAt,
          ],
        )) as unknown[];
        if (inserted.length === 0) continue;
        recorded++;
        tx.emit(
          makeEvent(
            'notifications.notification.created',
            organizationId,
            {
              notificationId: id,
              recipientId: person.id,
              organizationId,
              ticketId: ticket?.ticketId ?? null,
              kind: intent.kind,
            },
            causedBy(event, 'notifications', createdAt),
          ),
        );
        const notification: RecordedNotification = {
          id,
          kind: intent.kind,
          person,
          side,
          ticket,
          organizationId,
          ...text,
          values,
          timeZone,
          createdAt,
        };
        for (const hook of this.hooks) await hook(tx, notification);
      }
    }
    return recorded;
  }

  /** The ticket as the event tells it (tickets.*) or as the read model knows it (sla.*). */
  private async ticketOf(event: AnyEventEnvelope, tx: Tx): Promise<TicketView | null> {
    const data = event.data as unknown as { ticket?: TicketAfterChange; ticketId?: string };
    if (data.ticket) return ticketView(data.ticket);
    if (!data.ticketId) return null;
    const known = await tx.manager.findOneBy(KnownTicketEntity, { ticketId: data.ticketId });
    if (!known) throw new TicketNotKnownYet(`Ticket ${data.ticketId} is not known yet; retrying ${event.type}`);
    return {
      ticketId: known.ticketId,
      number: known.number,
      organizationId: known.organizationId,
      contractId: known.contractId,
      requesterId: known.requesterId,
      assigneeId: known.assigneeId,
      title: known.title,
    };
  }

  /**
   * The contacts the event names (NAMED_CONTACTS), or those of the event's organization told of
   * its advisory (ADVISORY_RECIPIENTS: the ADVISORY notifications recorded, R-NTF-2).
   */
  private async namedContactsOf(
    tx: Tx,
    intents: Intent[],
    data: Record<string, unknown>,
    organizationId: string | null,
  ): Promise<string[]> {
    const audiences = new Set(intents.flatMap((i) => i.audiences));
    const ids: string[] = [];
    if (audiences.has('NAMED_CONTACTS') && Array.isArray(data.contactIds)) {
      ids.push(...data.contactIds.filter((id): id is string => typeof id === 'string'));
    }
    if (audiences.has('ADVISORY_RECIPIENTS') && typeof data.advisoryId === 'string' && organizationId) {
      const rows = (await tx.manager.query(
        `SELECT recipient_id FROM notifications WHERE once_key = $1 AND kind = 'ADVISORY' AND organization_id = $2`,
        [`advisory:${data.advisoryId}`, organizationId],
      )) as { recipient_id: string }[];
      ids.push(...rows.map((r) => r.recipient_id));
    }
    return ids;
  }

  /** The contacts following the ticket, when an intent tells its followers. */
  private async followersOf(tx: Tx, intents: Intent[], ticket: TicketView | null): Promise<string[]> {
    if (!ticket || !intents.some((i) => i.audiences.includes('FOLLOWERS'))) return [];
    const rows = await tx.manager.findBy(TicketFollowerEntity, { ticketId: ticket.ticketId });
    return rows.map((r) => r.contactId);
  }

  /** Only the people the intents may reach: the ticket's two, followers and named contacts, staff of the roles named, the organization's contacts. */
  private async people(
    tx: Tx,
    intents: Intent[],
    ticket: TicketView | null,
    organizationId: string | null,
    contactIds: readonly string[],
  ): Promise<PersonView[]> {
    const audiences = new Set(intents.flatMap((i) => i.audiences));
    const ids = [ticket?.requesterId, ticket?.assigneeId, ...contactIds].filter((id): id is string => !!id);
    const roles = [
      ...(audiences.has('DISPATCHERS') || audiences.has('HANDLER') ? ['DISPATCHER'] : []),
      ...(audiences.has('ADMINS') ? ['ADMIN'] : []),
    ];
    const contactsOf = audiences.has('ORGANIZATION_CONTACTS') ? organizationId : null;
    const rows = (await tx.manager
      .createQueryBuilder(KnownPersonEntity, 'p')
      .where('p.active')
      .andWhere(
        `(p.person_id = ANY(:ids) OR (p.kind = 'STAFF' AND p.role = ANY(:roles))
          OR (p.kind = 'CONTACT' AND p.organization_id = :org))`,
        { ids, roles, org: contactsOf ?? '00000000-0000-0000-0000-000000000000' },
      )
      .getMany()) as KnownPersonEntity[];
    return rows.map(personView);
  }
}

export function ticketView(t: TicketAfterChange): TicketView {
  return {
    ticketId: t.ticketId,
    number: t.number,
    organizationId: t.organizationId,
    contractId: t.contractId,
    requesterId: t.requesterId,
    assigneeId: t.assigneeId,
    title: t.title,
  };
}

export function personView(row: KnownPersonEntity): PersonView {
  return {
    id: row.personId,
    kind: row.kind === 'STAFF' ? 'STAFF' : 'CONTACT',
    organizationId: row.organizationId,
    role: row.role as PersonView['role'],
    fullName: row.fullName,
    email: row.email,
    language: asLanguage(row.language),
    active: row.active,
    emailOff: row.emailOff as PersonView['emailOff'],
  };
}

export function asLanguage(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
}
