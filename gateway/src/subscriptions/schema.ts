import { extendSchema, type GraphQLSchema, parse } from 'graphql';

/**
 * @apollo/gateway federates queries and mutations only; the gateway adds the Subscription
 * type (docs/api.md "Subscriptions") to the supergraph's API schema and serves it itself.
 * `ticket` and `timer` in the payloads (and `notificationAdded` itself) are full federated types: their selections are
 * resolved through the gateway's own executor.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  enum TicketChangeType {
    REGISTERED
    ACKNOWLEDGED
    STATUS_CHANGED
    CLASSIFIED
    ASSIGNED
    PRIORITY_CHANGED
    MESSAGE_ADDED
    CLARIFICATION_REQUESTED
    CLARIFICATION_ANSWERED
    SOLUTION_PROVIDED
    SOLUTION_ACCEPTED
    SOLUTION_RETURNED
    CLOSED
    PLANNED_DATE_CHANGED
    ON_SITE_REQUESTED
    ON_SITE_ARRIVED
    ATTACHMENT_ADDED
    "A change of a kind this gateway does not name yet."
    UPDATED
  }

  enum SlaChangeType {
    STARTED
    PAUSED
    RESUMED
    DEADLINE_CHANGED
    WARNING
    BREACHED
    MET
    CANCELLED
  }

  "A change of a ticket, as wallboards and portals see it live."
  type TicketChange {
    type: TicketChangeType!
    at: DateTime!
    ticketId: ID!
    organizationId: ID
    "The whole federated ticket, as it is when the change is delivered."
    ticket: Ticket
    "Status before and after, for status moves."
    from: TicketStatus
    to: TicketStatus
    "Pass as \`after\` to resume from this event after a reconnect."
    cursor: String!
  }

  "A change of an SLA clock."
  type SlaChange {
    type: SlaChangeType!
    at: DateTime!
    ticketId: ID!
    timerId: ID!
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

  type Subscription {
    "Ticket changes; a customer sees only its organization's. \`after\`: resume after this cursor."
    ticketChanged(organizationId: ID, ticketId: ID, after: String): TicketChange!
    "SLA clock changes; a customer sees only its organization's. \`after\`: resume after this cursor."
    slaChanged(organizationId: ID, ticketId: ID, after: String): SlaChange!
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
