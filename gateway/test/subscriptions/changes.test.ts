import { makeEvent } from '@reglament/shared/domain';
import { changeOf } from '../../src/subscriptions/changes';
import { delivered, messageAdded, ORG_A, statusChanged, TICKET_1, TIMER_1, timerEvent } from '../support/events';

describe('the Change a subscription payload is made from', () => {
  it('names a status move by its transition and keeps from/to and the stream position as cursor', () => {
    const change = changeOf(delivered(statusChanged(TICKET_1, ORG_A, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE'), 41));
    expect(change).toEqual({
      type: 'ACKNOWLEDGED',
      at: '2025-03-03T07:00:00.000Z',
      organizationId: ORG_A,
      ticketId: TICKET_1,
      timerId: null,
      from: 'REGISTERED',
      to: 'IN_ANALYSIS',
      seq: 41,
      cursor: '41',
      staffOnly: false,
      recipientId: null,
      notificationId: null,
    });
  });

  it('calls a move without a name of its own STATUS_CHANGED', () => {
    const change = changeOf(delivered(statusChanged(TICKET_1, ORG_A, 'IN_ANALYSIS', 'IN_PROGRESS', 'START_WORK'), 1));
    expect(change?.type).toBe('STATUS_CHANGED');
  });

  it('marks internal messages staff-only (customers must not learn of them)', () => {
    expect(changeOf(delivered(messageAdded(TICKET_1, ORG_A, true), 2))).toMatchObject({
      type: 'MESSAGE_ADDED',
      staffOnly: true,
    });
    expect(changeOf(delivered(messageAdded(TICKET_1, ORG_A, false), 3))?.staffOnly).toBe(false);
  });

  it('maps timer events to SlaChange types with the timer id', () => {
    expect(changeOf(delivered(timerEvent('sla.timer.warning', TICKET_1, ORG_A), 7))).toMatchObject({
      type: 'WARNING',
      ticketId: TICKET_1,
      timerId: TIMER_1,
      cursor: '7',
    });
  });

  it('ignores events that are not changes subscribers see', () => {
    const stateChanged = makeEvent(
      'sla.ticket.state_changed',
      ORG_A,
      {
        ticketId: TICKET_1,
        organizationId: ORG_A,
        state: 'ON_TRACK',
        nextDeadline: null,
        breached: false,
        failureReportPending: false,
      },
      { source: 'sla', occurredAt: new Date('2025-03-03T07:00:00Z') },
    );
    expect(changeOf(delivered(stateChanged, 9))).toBeNull();
  });

  it("names a new notification's recipient and id (notificationAdded goes to that user alone)", () => {
    const event = makeEvent(
      'notifications.notification.created',
      ORG_A,
      {
        notificationId: '01950000-0000-7000-8000-0000000000aa',
        recipientId: '01950000-0000-7000-8000-0000000000bb',
        organizationId: ORG_A,
        ticketId: TICKET_1,
        kind: 'TICKET_REGISTERED',
      },
      { source: 'notifications', occurredAt: new Date('2025-03-03T07:00:00Z') },
    );
    expect(changeOf({ event, seq: 5, domain: 'notifications', redelivered: false })).toMatchObject({
      type: 'NOTIFICATION_ADDED',
      organizationId: ORG_A,
      ticketId: TICKET_1,
      recipientId: '01950000-0000-7000-8000-0000000000bb',
      notificationId: '01950000-0000-7000-8000-0000000000aa',
    });
  });
});
