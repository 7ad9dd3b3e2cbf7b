import type { StaffRole } from '@reglament/shared/domain';
import type { Language, NotificationKind } from './kinds';
import type { Audience, Intent } from './rules';

/** A ticket as notifications knows it (read model of tickets.* events). */
export interface TicketView {
  ticketId: string;
  number: string;
  organizationId: string;
  contractId: string;
  requesterId: string | null;
  assigneeId: string | null;
  title: string;
}

/** A contact or staff member as notifications knows them (read model of contracts.* events). */
export interface PersonView {
  id: string;
  kind: 'CONTACT' | 'STAFF';
  /** Contacts: their organization; staff: null. */
  organizationId: string | null;
  role: 'CUSTOMER' | StaffRole;
  fullName: string;
  email: string;
  language: Language;
  active: boolean;
  /** Kinds this person turned e-mail off for (legally required kinds are sent regardless). */
  emailOff: readonly NotificationKind[];
}

export type Side = 'CUSTOMER' | 'PROVIDER';

export interface Recipient {
  person: PersonView;
  side: Side;
}

/** What the resolution sees: the event's organization, its ticket (if any) and the people that may be told. */
export interface Directory {
  organizationId: string | null;
  ticket: TicketView | null;
  people: readonly PersonView[];
  /** Contacts following the ticket (FOLLOWERS); only those of the ticket's organization are told. */
  followerIds?: readonly string[];
  /** Contacts the event names, or told of its advisory (NAMED_CONTACTS, ADVISORY_RECIPIENTS); only those of the event's organization are told. */
  namedContactIds?: readonly string[];
}

/**
 * The people an intent reaches (pure). Customer audiences resolve only to active contacts of
 * the event's (and the ticket's) organization, so another organization's customer gets nothing
 * even when an id points at them; the actor of the change is not told of it; one person is told
 * once per intent even when two audiences name them.
 */
export function recipientsOf(intent: Intent, directory: Directory, actorId: string | null): Recipient[] {
  const { ticket, people } = directory;
  const organizationId = ticket?.organizationId ?? directory.organizationId;
  const byId = (id: string | null) => (id ? people.find((p) => p.id === id && p.active) : undefined);
  const contact = (p: PersonView | undefined) =>
    p && p.kind === 'CONTACT' && organizationId !== null && p.organizationId === organizationId ? p : undefined;
  const staff = (p: PersonView | undefined) => (p && p.kind === 'STAFF' ? p : undefined);
  const withRole = (role: StaffRole) => people.filter((p) => p.kind === 'STAFF' && p.active && p.role === role);

  const found = new Map<string, Recipient>();
  const add = (person: PersonView | undefined, side: Side) => {
    if (!person || (person.id === actorId && !intent.tellActor) || found.has(person.id)) return;
    found.set(person.id, { person, side });
  };
  const resolve: Record<Audience, () => void> = {
    REQUESTER: () => add(contact(byId(ticket?.requesterId ?? null)), 'CUSTOMER'),
    ASSIGNEE: () => add(staff(byId(ticket?.assigneeId ?? null)), 'PROVIDER'),
    HANDLER: () => {
      const assignee = staff(byId(ticket?.assigneeId ?? null));
      if (assignee) add(assignee, 'PROVIDER');
      else withRole('DISPATCHER').forEach((p) => add(p, 'PROVIDER'));
    },
    DISPATCHERS: () => withRole('DISPATCHER').forEach((p) => add(p, 'PROVIDER')),
    ADMINS: () => withRole('ADMIN').forEach((p) => add(p, 'PROVIDER')),
    ORGANIZATION_CONTACTS: () => people.filter((p) => p.active).forEach((p) => add(contact(p), 'CUSTOMER')),
    FOLLOWERS: () => (ticket ? (directory.followerIds ?? []) : []).forEach((id) => add(contact(byId(id)), 'CUSTOMER')),
    NAMED_CONTACTS: () => (directory.namedContactIds ?? []).forEach((id) => add(contact(byId(id)), 'CUSTOMER')),
    ADVISORY_RECIPIENTS: () => (directory.namedContactIds ?? []).forEach((id) => add(contact(byId(id)), 'CUSTOMER')),
  };
  for (const audience of intent.audiences) resolve[audience]();
  return [...found.values()];
}
