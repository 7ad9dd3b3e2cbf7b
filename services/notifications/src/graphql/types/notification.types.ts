import { connectionType } from '@reglament/shared/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/kinds';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  valuesConfig: {
    TICKET_REGISTERED: { description: 'A ticket was registered; carries its number (R-TKT-1).' },
    STATUS_CHANGED: { description: 'A ticket moved to another status.' },
    PLANNED_DATE_CHANGED: { description: 'The planned resolution date was set or moved.' },
    PLANNED_DATE_PROPOSED: {
      description: 'The provider proposed the execution term: the customer agrees or objects (seed 003 item 2).',
    },
    PLANNED_DATE_AGREED: { description: 'The customer agreed the proposed term: it is the planned date now.' },
    PLANNED_DATE_OBJECTED: { description: 'The customer objected to the proposed term, with the reason.' },
    PRIORITY_CHANGED: { description: 'The priority changed.' },
    ASSIGNED: { description: 'An engineer was assigned.' },
    MESSAGE_ADDED: { description: 'A new message on a ticket.' },
    CLARIFICATION_REQUESTED: {
      description: 'The provider asked a question: the customer has 3 working days (R-TKT-9).',
    },
    CLARIFICATION_ANSWERED: { description: 'The customer answered a question.' },
    SOLUTION_PROVIDED: { description: "A solution is waiting for the customer's acceptance." },
    SOLUTION_RETURNED: { description: 'The customer returned a solution with remarks.' },
    TICKET_CLOSED: { description: 'A ticket was closed.' },
    SLA_WARNING: { description: 'A deadline is near (R-SLA-9).' },
    SLA_BREACHED: { description: 'A deadline passed (R-SLA-11).' },
    FAILURE_REPORT_REQUIRED: { description: 'A failure report is needed before the ticket can close (R-SLA-11).' },
    FAILURE_REPORT_SUBMITTED: { description: 'A failure report was submitted.' },
    PREPAID_EXHAUSTED: { description: "The contract's prepaid time is used up: reaction is not guaranteed (R-CON-6)." },
    CUSTOMIZATION_CAP_NEARING: {
      description: "Customisation work passed 80 % of the contract's cap (15 % of its value, R-CON-7).",
    },
    CALENDAR_COVERAGE_LOW: {
      description: "A production calendar's data ends within 60 days (R-SLA-2): import the next year.",
    },
    ADVISORY: { description: 'A security advisory about a product (R-NTF-2).' },
    ADVISORY_FIXED: { description: 'The fix of an advisory is out: the release it shipped in (001 §8-9).' },
    RELEASE_PUBLISHED: { description: 'A new release of a product under contract is out (002).' },
    EMAIL_REFUSED: {
      description:
        "A contact's e-mail could not be registered (e.g. no contract in force, R-CON-1); the sender is told why.",
    },
    EMAIL_FORWARDED: {
      description:
        "An e-mail from the organization's domain by someone who is not a registered contact, forwarded to the organization (R-TKT-4).",
    },
    WEBHOOK_DISABLED: {
      description: "An organization's webhook failed for days and was disabled (updateWebhook enables it again).",
    },
  },
  name: 'NotificationKind',
  description: 'What a notification is about (the rules table: README "Notifications").',
});

/** The tickets subgraph's entity; notifications only names it by id. */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID, { description: "The ticket's id." })
  id!: string;
}

/** The contracts subgraph's advisory (R-NTF-2); notifications adds how far its e-mails got. */
@Directive('@key(fields: "id")')
@ObjectType('Advisory')
export class Advisory {
  @Field(() => ID, { description: "The advisory's id." })
  id!: string;
}

@ObjectType('Notification', { description: 'An in-app notification (R-NTF-1), only ever shown to its recipient.' })
export class Notification {
  @Field(() => ID, { description: "The notification's id." })
  id!: string;

  @Field(() => NotificationKindEnum, { description: 'What it is about.' })
  kind!: NotificationKind;

  @Field(() => String, { description: "Short title, in the recipient's language." })
  title!: string;

  @Field(() => String, { description: "The text, in the recipient's language." })
  body!: string;

  @Field(() => ID, { description: 'The ticket it is about, if any.', nullable: true })
  ticketId!: string | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket it is about (federated), if any.' })
  ticket!: Ticket | null;

  @Field(() => Date, { description: 'When it was created (UTC).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the recipient marked it read; null: unread.', nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = connectionType(Notification, 'Notification');
