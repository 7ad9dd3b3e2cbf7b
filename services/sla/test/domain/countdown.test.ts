import { BusinessCalendar } from '../../src/calendar';
import { countdownOf, countsCalendarTime, type CountdownTimer } from '../../src/domain/countdown';
import { PRESET_POLICIES } from '../../src/domain/presets';
import { at, definition, iso, weekdays } from '../calendar/support';

// Mon-Fri 09:00-13:00 and 14:00-18:00 Moscow (UTC+3), no production calendar: 8 working hours a day.
const calendar = new BusinessCalendar(definition('Europe/Moscow', weekdays('09:00-13:00', '14:00-18:00')));
const running = (deadline: string, extra: Partial<CountdownTimer> = {}): CountdownTimer => ({
  metric: 'RESOLUTION',
  party: 'PROVIDER',
  status: 'RUNNING',
  category: 'ERROR',
  priority: 'HIGH',
  deadline: at(deadline),
  ...extra,
});

describe('the countdown a wallboard runs by itself, in working time (R-SLA-1)', () => {
  it('in working hours it ticks until the lunch break, counting only working minutes to the deadline', () => {
    // Wed 11:30 -> Thu 10:00: 1.5 h + 4 h on Wednesday, 1 h on Thursday = 390 working minutes.
    const figures = countdownOf(running('2025-01-16T10:00+03:00'), calendar, false, at('2025-01-15T11:30+03:00'))!;
    expect(figures.remainingMinutes).toBe(390);
    expect(figures.ticking).toBe(true);
    expect(iso(figures.changesAt!)).toBe('2025-01-15T10:00:00.000Z'); // 13:00 Moscow
  });

  it('over the weekend it stands still and says when Monday opens', () => {
    // Sat 12:00 -> Mon 11:00: 2 working hours.
    const figures = countdownOf(running('2025-01-20T11:00+03:00'), calendar, false, at('2025-01-18T12:00+03:00'))!;
    expect(figures.remainingMinutes).toBe(120);
    expect(figures.ticking).toBe(false);
    expect(iso(figures.changesAt!)).toBe('2025-01-20T06:00:00.000Z'); // Monday 09:00 Moscow
  });

  it('late clocks count below zero in working minutes', () => {
    // Deadline Wed 10:00, now Wed 15:00: 3 h before lunch + 1 h after = 240 working minutes late.
    const figures = countdownOf(running('2025-01-15T10:00+03:00'), calendar, false, at('2025-01-15T15:00+03:00'))!;
    expect(figures.remainingMinutes).toBe(-240);
    expect(iso(figures.changesAt!)).toBe('2025-01-15T15:00:00.000Z'); // 18:00 Moscow
  });

  it('calendar-time targets tick in real time, all night long', () => {
    const figures = countdownOf(running('2025-01-18T12:00+03:00'), calendar, true, at('2025-01-17T22:00+03:00'))!;
    expect(figures).toEqual({
      at: at('2025-01-17T22:00+03:00'),
      remainingMinutes: 840,
      ticking: true,
      changesAt: null,
    });
  });

  it('paused, stopped and deadline-less clocks have no countdown', () => {
    const now = at('2025-01-15T11:30+03:00');
    for (const status of ['PAUSED', 'MET', 'BREACHED', 'NOT_GUARANTEED', 'CANCELLED'] as const) {
      expect(countdownOf(running('2025-01-16T10:00+03:00', { status }), calendar, false, now)).toBeNull();
    }
    expect(countdownOf(running('2025-01-16T10:00+03:00', { deadline: null }), calendar, false, now)).toBeNull();
  });

  it('a working stretch ends at its close; outside working time the stretch end is the instant itself', () => {
    expect(iso(calendar.workingStretchEnd(at('2025-01-15T14:00+03:00')))).toBe('2025-01-15T15:00:00.000Z');
    expect(calendar.workingStretchEnd(at('2025-01-15T13:30+03:00'))).toBe(at('2025-01-15T13:30+03:00'));
  });

  it("auto-close is measured in calendar time, the provider's resolution in working time (imc-typical)", () => {
    const policy = PRESET_POLICIES.get('imc-typical')!;
    const autoClose = policy.targets.find((t) => t.metric === 'AUTO_CLOSE');
    if (autoClose) {
      expect(
        countsCalendarTime(policy, running('2025-01-16T10:00+03:00', { metric: 'AUTO_CLOSE', party: autoClose.party })),
      ).toBe(autoClose.measure.kind === 'CALENDAR_MINUTES');
    }
    const resolution = policy.targets.find((t) => t.metric === 'RESOLUTION')!;
    expect(countsCalendarTime(policy, running('2025-01-16T10:00+03:00', { party: resolution.party }))).toBe(false);
  });
});
