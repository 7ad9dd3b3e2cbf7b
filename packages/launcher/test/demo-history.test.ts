import { ReplayClock } from '@reglament/shared/platform';
import { historyStart } from '../src/demo-history';

describe("the demo data's day of history (first start)", () => {
  it('starts at 09:30 Moscow (06:30 UTC) of the latest weekday at least seven hours back', () => {
    // Thursday 2026-12-10 15:00 Moscow: 09:30 is only 5.5 h back -> Wednesday 2026-12-09 09:30 Moscow.
    expect(historyStart(new Date('2026-12-10T12:00:00Z')).toISOString()).toBe('2026-12-09T06:30:00.000Z');
    // Thursday 2026-12-10 16:30 Moscow: 09:30 is exactly 7 h back -> that same morning.
    expect(historyStart(new Date('2026-12-10T13:30:00Z')).toISOString()).toBe('2026-12-10T06:30:00.000Z');
    // Monday 2026-12-07 00:30 Moscow (still Sunday in UTC) -> Friday 2026-12-04.
    expect(historyStart(new Date('2026-12-06T21:30:00Z')).toISOString()).toBe('2026-12-04T06:30:00.000Z');
    // Sunday -> Friday.
    expect(historyStart(new Date('2026-12-13T10:00:00Z')).toISOString()).toBe('2026-12-11T06:30:00.000Z');
  });

  it('never starts on a fixed public holiday', () => {
    // Saturday 2027-01-09 -> Friday 8 January and back through the New Year holidays
    // (1-8 January, and 31 December) to Wednesday 2026-12-30.
    expect(historyStart(new Date('2027-01-09T10:00:00Z')).toISOString()).toBe('2026-12-30T06:30:00.000Z');
    // Monday 2027-06-14 -> Friday 11 June (Saturday 12 June, Russia Day, falls on a weekend anyway).
    expect(historyStart(new Date('2027-06-14T10:00:00Z')).toISOString()).toBe('2027-06-11T06:30:00.000Z');
    // Friday 2027-11-05 -> Thursday 4 November is a holiday -> Wednesday 3 November.
    expect(historyStart(new Date('2027-11-05T10:00:00Z')).toISOString()).toBe('2027-11-03T06:30:00.000Z');
  });

  it('stands in the past, moves only forward and never past real time, then follows real time', () => {
    const start = new Date(Date.now() - 86_400_000);
    const clock = new ReplayClock(start);
    const seen: number[] = [];
    clock.onChange((now) => seen.push(now.getTime()));
    expect(clock.nowMs()).toBe(start.getTime());
    clock.set(new Date(start.getTime() + 60_000));
    clock.set(new Date(start.getTime())); // back: ignored
    expect(clock.nowMs()).toBe(start.getTime() + 60_000);
    clock.set(new Date(Date.now() + 3_600_000)); // past real time: held at real time
    expect(clock.nowMs()).toBeLessThanOrEqual(Date.now());
    clock.release();
    expect(clock.replaying).toBe(false);
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(1_000);
    // Listeners heard every move, the release included (schedulers wake and fire what is due).
    expect(seen).toHaveLength(4);
  });
});
