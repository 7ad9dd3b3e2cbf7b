import { extendSchema, type GraphQLSchema, parse } from 'graphql';

/**
 * @apollo/gateway federates queries and mutations only; the gateway adds the Subscription
 * type (docs/api.md "Subscriptions") to the supergraph's API schema and serves it itself.
 * `ticket` and `timer` in the payloads (and `notificationAdded` itself) are full federated types: their selections are
 * resolved through the gateway's own executor.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  "What happened to a ticket (one tickets.ticket.* event; status moves are named by their transition)."
  enum TicketChangeType {
    "A ticket was registered (R-TKT-1)."
    REGISTERED
    "REGISTERED -> IN_ANALYSIS: the first response."
    ACKNOWLEDGED
    "Another status move (from and to say which)."
    STATUS_CHANGED
    "Category or priority set at triage."
    CLASSIFIED
    "An engineer was assigned."
    ASSIGNED
    "The priority changed (R-SLA-10)."
    PRIORITY_CHANGED
    "The category changed after triage (R-SLA-10)."
    CATEGORY_CHANGED
    "Marked as a product failure: a failure report is owed (003 §7)."
    MARKED_AS_FAILURE
    "A message was posted (internal ones reach staff only)."
    MESSAGE_ADDED
    "The provider asked the customer a question (R-TKT-9)."
    CLARIFICATION_REQUESTED
    "The customer answered."
    CLARIFICATION_ANSWERED
    "A solution waits for the customer (R-TKT-11)."
    SOLUTION_PROVIDED
    "The customer accepted the solution."
    SOLUTION_ACCEPTED
    "The customer returned the solution with remarks."
    SOLUTION_RETURNED
    "The ticket was closed."
    CLOSED
    "The planned resolution date was set or moved."
    PLANNED_DATE_CHANGED
    "The provider proposed a planned date to the customer (003 item 2)."
    PLANNED_DATE_PROPOSED
    "The customer agreed the proposed date: the term is agreed (003 item 2)."
    PLANNED_DATE_AGREED
    "The customer objected to the proposed date (003 item 2)."
    PLANNED_DATE_OBJECTED
    "An on-site visit was requested."
    ON_SITE_REQUESTED
    "The engineer arrived on site."
    ON_SITE_ARRIVED
    "A file was attached (internal ones reach staff only)."
    ATTACHMENT_ADDED
    "A change of a kind this gateway does not name yet."
    UPDATED
  }

  "What happened to an SLA clock (one sla.timer.* event)."
  enum SlaChangeType {
    "A clock started."
    STARTED
    "A clock paused (e.g. the ticket waits for the customer, R-SLA-8)."
    PAUSED
    "A paused clock runs again."
    RESUMED
    "A deadline moved (priority change, moved release, agreed date, calendar import: R-SLA-10, R-SLA-7)."
    DEADLINE_CHANGED
    "The warning time came: the deadline is near (R-SLA-9)."
    WARNING
    "The deadline passed (R-SLA-11)."
    BREACHED
    "The clock stopped in time."
    MET
    "The clock no longer applies."
    CANCELLED
  }

  "A change of a ticket, as wallboards and portals see it live."
  type TicketChange {
    "What happened."
    type: TicketChangeType!
    "When it happened (UTC)."
    at: DateTime!
    "The ticket's id."
    ticketId: ID!
    "The ticket's organization."
    organizationId: ID
    "The whole federated ticket, as it is when the change is delivered."
    ticket: Ticket
    "Status before and after, for status moves."
    from: TicketStatus
    "The status after, for status moves."
    to: TicketStatus
    "Pass as \`after\` to resume from this event after a reconnect."
    cursor: String!
  }

  "A change of an SLA clock."
  type SlaChange {
    "What happened."
    type: SlaChangeType!
    "When it happened (UTC)."
    at: DateTime!
    "The ticket's id."
    ticketId: ID!
    "The timer's id."
    timerId: ID!
    "The ticket's organization."
    organizationId: ID
    "The whole federated ticket, as it is when the change is delivered."
    ticket: Ticket
    "The timer that changed (the SLA subgraph's slaTimer)."
    timer: SlaTimer
    "Pass as \`after\` to resume from this event after a reconnect."
    cursor: String!
  }

  extend schema {
    subscription: Subscription
  }

  "Live changes, served by the gateway over graphql-ws on /graphql (docs/api.md, Subscriptions)."
  type Subscription {
    "Ticket changes; a customer sees only its organization's. \`after\`: resume after this cursor."
    ticketChanged(
      "Only this organization's tickets (staff); a customer may leave it out or pass its own."
      organizationId: ID
      "Only this ticket."
      ticketId: ID
      "The cursor of the last change seen: replays what came after it, then goes live."
      after: String
    ): TicketChange!
    "SLA clock changes; a customer sees only its organization's. \`after\`: resume after this cursor."
    slaChanged(
      "Only this organization's tickets (staff); a customer may leave it out or pass its own."
      organizationId: ID
      "Only this ticket."
      ticketId: ID
      "The cursor of the last change seen: replays what came after it, then goes live."
      after: String
    ): SlaChange!
  }
`;

/** Added where the supergraph has the notifications subgraph's `Notification`. */
export const NOTIFICATION_SUBSCRIPTION_SDL = /* GraphQL */ `
  extend type Subscription {
    "The caller's own new notifications (the notifications subgraph's Notification), live."
    notificationAdded: Notification!
  }
`;

export function withSubscriptions(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
  return apiSchema.getType('Notification') ? extendSchema(schema, parse(NOTIFICATION_SUBSCRIPTION_SDL)) : schema;
}
