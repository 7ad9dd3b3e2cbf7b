import { formatMinutes, remainingAt, type ReceivedCountdown } from '../app/wallboard/countdown';
import { boardFrom, withSlaChange } from '../app/wallboard/board';
import type { Card, StartData } from '../app/wallboard/queries';

const received = 1_000_000;
const countdown = (extra: Partial<ReceivedCountdown> = {}): ReceivedCountdown => ({
  at: '2025-03-03T16:30:00.000Z',
  remainingWorkingMinutes: 90,
  ticking: true,
  changesAt: '2025-03-03T17:00:00.000Z',
  realTime: true,
  receivedAt: received,
  ...extra,
});

describe('the countdown the wallboard runs between events', () => {
  it('on the real clock a working minute passes per minute until the close, then the figure holds', () => {
    expect(remainingAt(countdown(), received + 10 * 60_000)).toBe(80);
    // 30 minutes to the close: 90 - 30 = 60, however long the night is.
    expect(remainingAt(countdown(), received + 45 * 60_000)).toBe(60);
    expect(remainingAt(countdown(), received + 12 * 3_600_000)).toBe(60);
  });

  it('outside working hours and on the test clock it stands still', () => {
    expect(remainingAt(countdown({ ticking: false }), received + 10 * 60_000)).toBe(90);
    expect(remainingAt(countdown({ realTime: false }), received + 10 * 60_000)).toBe(90);
  });

  it('shows hours and minutes, late ones below zero', () => {
    expect(formatMinutes(120)).toBe('2 h 00 min');
    expect(formatMinutes(25.4)).toBe('25 min');
    expect(formatMinutes(59.99)).toBe('59 min');
    expect(formatMinutes(-70.2)).toBe('-1 h 11 min');
  });
});

describe("today's compliance as clocks end (R-SLA-12)", () => {
  const card = (status: string): Card => ({
    id: 't1',
    number: 'T-2025-000001',
    title: 'Printer',
    status,
    priority: 'HIGH',
    organizationId: 'o1',
    registeredAt: '2025-03-03T07:00:00.000Z',
    contractId: 'c1',
    sla: { state: 'ON_TRACK', nextDeadline: null, timers: [] },
  });
  const start: StartData = {
    me: { id: 'u', role: 'ADMIN', name: 'Admin', organizationId: null },
    organizations: { edges: [{ node: { id: 'o1', name: 'Acme' } }] },
    contracts: {
      edges: [
        {
          node: {
            id: 'c1',
            number: 'C-1',
            organizationId: 'o1',
            slaToday: { date: '2025-03-03', total: 1, met: 1, breached: 0, metShare: 1 },
          },
        },
      ],
    },
    tickets: { totalCount: 1, edges: [{ node: card('REGISTERED') }] },
  };
  const change = (type: string, metric: string, status = 'IN_ANALYSIS') => ({
    type,
    at: '2025-03-03T08:00:00.000Z',
    ticketId: 't1',
    cursor: String(Math.random()),
    timer: { metric, party: 'PROVIDER' },
    ticket: card(status),
  });

  it('a met clock and a breach count; auto-close does not; a breach is a warning in the feed', () => {
    let board = boardFrom(start, received);
    board = withSlaChange(board, change('MET', 'REACTION'), received);
    board = withSlaChange(board, change('BREACHED', 'ANALYSIS'), received);
    board = withSlaChange(board, change('MET', 'AUTO_CLOSE'), received);
    expect(board.contracts[0]!.slaToday).toEqual({
      date: '2025-03-03',
      total: 3,
      met: 2,
      breached: 1,
      metShare: 2 / 3,
    });
    expect(board.warnings.map((w) => w.text)).toEqual(['T-2025-000001 ANALYSIS (PROVIDER) BREACHED']);
    expect(board.tickets.get('t1')!.status).toBe('IN_ANALYSIS');
  });

  it('a closed ticket leaves the open queue', () => {
    const board = withSlaChange(boardFrom(start, received), change('MET', 'RESOLUTION', 'CLOSED'), received);
    expect(board.tickets.size).toBe(0);
  });
});
