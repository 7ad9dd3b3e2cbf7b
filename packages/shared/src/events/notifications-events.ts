/** Events of the notifications service (owner: services/notifications). */

export interface NotificationCreatedV1 {
  notificationId: string;
  recipientId: string;
  organizationId: string | null;
  ticketId: string | null;
  kind: string;
}

/** A file of an inbound e-mail, carried to tickets inside the event (size-limited by the intake). */
export interface EmailAttachmentV1 {
  name: string;
  contentType: string;
  contentBase64: string;
}

/**
 * An e-mail from a registered, active contact that is not a reply: tickets registers it on the
 * EMAIL channel as that contact (R-TKT-3, R-TKT-4). `ticketId` is assigned by the intake, so a
 * redelivered or repeated request registers one ticket.
 */
export interface EmailTicketRequestedV1 {
  intakeId: string;
  ticketId: string;
  organizationId: string;
  contactId: string;
  contactName: string;
  /** The Subject (title; a contract number in it picks the contract, seed 004). */
  subject: string;
  /** The text part, quoted history and signature trimmed. */
  description: string;
  messageId: string;
  attachments: EmailAttachmentV1[];
}

/** A reply by a registered, active contact to a ticket of their organization: a public message (R-TKT-9 answer when awaited). */
export interface EmailReplyReceivedV1 {
  intakeId: string;
  ticketId: string;
  organizationId: string;
  contactId: string;
  contactName: string;
  body: string;
  messageId: string;
  attachments: EmailAttachmentV1[];
}

/** A webhook failed for days and was disabled: its organization's contacts and the admins are told. */
export interface WebhookDisabledV1 {
  webhookId: string;
  organizationId: string;
  url: string;
  /** Since when every attempt has failed (ISO). */
  failingSince: string;
  lastError: string | null;
}

export interface NotificationsEventPayloads {
  'notifications.notification.created': NotificationCreatedV1;
  'notifications.email.ticket_requested': EmailTicketRequestedV1;
  'notifications.email.reply_received': EmailReplyReceivedV1;
  'notifications.webhook.disabled': WebhookDisabledV1;
}
