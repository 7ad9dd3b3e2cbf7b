/** Events of the notifications service (owner: services/notifications). */

export interface NotificationCreatedV1 {
  notificationId: string;
  recipientId: string;
  organizationId: string | null;
  ticketId: string | null;
  kind: string;
}

export interface NotificationsEventPayloads {
  'notifications.notification.created': NotificationCreatedV1;
}
