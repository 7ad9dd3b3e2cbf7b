/**
 * Throughput of the business-time engine against dayjs-business-time and moment-business-time,
 * on the Moscow production calendar 09:00-18:00 over 2024-2026, plus an agreement check on
 * the inputs the libraries can express. Run: pnpm --filter @reglament/sla bench:calendar
 * (a script, not a test: figures depend on the machine; see bench/README.md).
 */
// The libraries compute in the process's local zone: make it Moscow before any Date is made.
process.env['TZ'] = 'Europe/Moscow';

import os from 'node:os';
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import momentBusinessTime from 'moment-business-time';
import ru2024 from '../data/production-calendar/ru/2024.json';
import ru2025 from '../data/production-calendar/ru/2025.json';
import ru2026 from '../data/production-calendar/ru/2026.json';
import { BusinessCalendar, getCalendar } from '../src/calendar';

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.parse('2024-01-01T00:00:00+03:00');
const TO = Date.parse('2027-01-01T00:00:00+03:00');

// --- inputs: whole minutes (the libraries count whole minutes), spread over 2024-2026 ---
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20250101);
const N = 1 << 20;
const starts = new Float64Array(N);
const amounts = new Float64Array(N);
const ends = new Float64Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = FROM + Math.floor(next() * ((TO - FROM) / MINUTE)) * MINUTE;
  amounts[i] = 1 + Math.floor(next() * 2400); // up to 5 working days
  ends[i] = starts[i]! + Math.floor((next() * (7 * DAY)) / MINUTE) * MINUTE; // spans up to a week
}

// --- the calendars ---
const full = getCalendar('msk-0900-1800'); // production calendar: holidays, working Saturdays, short days
const weekdayHolidays = [ru2024, ru2025, ru2026].flatMap((year) => year.nonWorkingWeekdays);
/** What the two libraries can express: Mon-Fri 09:00-18:00 plus weekday holidays. */
const expressible = new BusinessCalendar({
  id: 'msk-0900-1800-libraries',
  name: 'Moscow 09:00-18:00, weekday holidays only',
  timeZone: 'Europe/Moscow',
  weeklyHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '09:00', to: '18:00' }]]),
  ),
  holidays: weekdayHolidays,
});

dayjs.extend(dayjsBusinessTime);
const day = [{ start: '09:00:00', end: '18:00:00' }];
dayjs.setBusinessTime({
  sunday: null,
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: null,
});
dayjs.setHolidays(weekdayHolidays);

const moment = momentBusinessTime;
const hours = ['09:00:00', '18:00:00'];
moment.updateLocale(moment.locale(), {
  workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null },
  holidays: weekdayHolidays,
} as never);

// --- timing ---
let sink = 0;
function opsPerSecond(count: number, run: (i: number) => number, rounds = 5): number {
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const began = process.hrtime.bigint();
    for (let i = 0; i < count; i++) sink += run(i);
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    best = Math.max(best, count / seconds);
  }
  return best;
}

type Operation = 'addWorkingMinutes' | 'workingMinutesBetween';
const operations: Record<
  Operation,
  { ours: (i: number) => number; dayjs: (i: number) => number; moment: (i: number) => number }
> = {
  addWorkingMinutes: {
    ours: (i) => full.addWorkingMinutes(starts[i]!, amounts[i]!),
    dayjs: (i) => dayjs(starts[i]).addBusinessMinutes(amounts[i]!).valueOf(),
    moment: (i) => moment(starts[i]).addWorkingTime(amounts[i]!, 'minutes').valueOf(),
  },
  workingMinutesBetween: {
    ours: (i) => full.workingMinutesBetween(starts[i]!, ends[i]!),
    dayjs: (i) => dayjs(starts[i]).businessMinutesDiff(dayjs(ends[i])),
    moment: (i) => moment(ends[i]).workingDiff(moment(starts[i]), 'minutes'),
  },
};
const expressibleAnswer: Record<Operation, (i: number) => number> = {
  addWorkingMinutes: (i) => expressible.addWorkingMinutes(starts[i]!, amounts[i]!),
  workingMinutesBetween: (i) => expressible.workingMinutesBetween(starts[i]!, ends[i]!),
};
const fullAnswer: Record<Operation, (i: number) => number> = {
  addWorkingMinutes: (i) => full.addWorkingMinutes(starts[i]!, amounts[i]!),
  workingMinutesBetween: (i) => full.workingMinutesBetween(starts[i]!, ends[i]!),
};

const LIBRARY_OPS = 3000;
const CHECKED = 3000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const iso = (ms: number) => new Date(ms).toISOString();

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'} x${os.cpus().length}, node ${process.version}, ${os.platform()} ${os.arch()}`,
);
console.log(`inputs: ${fmt(N)} random starts over 2024-2026 (Moscow), 1..2400 minutes / spans up to 7 days\n`);

for (const name of Object.keys(operations) as Operation[]) {
  const op = operations[name];
  // Warm up, then take the best of several rounds; the engine runs over all N inputs.
  for (let i = 0; i < N; i++) sink += op.ours(i);
  const ours = opsPerSecond(N, op.ours);
  const dayjsRate = opsPerSecond(LIBRARY_OPS, op.dayjs, 2);
  const momentRate = opsPerSecond(LIBRARY_OPS, op.moment, 2);
  const faster = Math.max(dayjsRate, momentRate);
  console.log(`${name}`);
  console.log(`  reglament engine        ${fmt(ours).padStart(12)} ops/s`);
  console.log(`  dayjs-business-time     ${fmt(dayjsRate).padStart(12)} ops/s   (engine x${fmt(ours / dayjsRate)})`);
  console.log(`  moment-business-time    ${fmt(momentRate).padStart(12)} ops/s   (engine x${fmt(ours / momentRate)})`);
  console.log(`  vs the faster library   x${fmt(ours / faster)}\n`);
}

// --- agreement on what the libraries can express ---
for (const name of Object.keys(operations) as Operation[]) {
  const op = operations[name];
  const disagreements = { dayjs: [] as number[], moment: [] as number[] };
  let fullDiffers = 0;
  for (let i = 0; i < CHECKED; i++) {
    const expected = expressibleAnswer[name](i);
    if (fullAnswer[name](i) !== expected) fullDiffers++;
    if (op.dayjs(i) !== expected) disagreements.dayjs.push(i);
    if (op.moment(i) !== expected) disagreements.moment.push(i);
  }
  console.log(`${name}: ${CHECKED} inputs`);
  console.log(
    `  full production calendar vs weekday-holidays-only calendar: ${fullDiffers} differ (working Saturdays, shortened days)`,
  );
  for (const library of ['dayjs', 'moment'] as const) {
    const list = disagreements[library];
    console.log(`  ${library}-business-time vs engine on the same (expressible) calendar: ${list.length} disagree`);
    for (const i of list.slice(0, 3)) {
      const shown =
        name === 'addWorkingMinutes'
          ? `${iso(starts[i]!)} + ${amounts[i]} min`
          : `[${iso(starts[i]!)}, ${iso(ends[i]!)})`;
      const answer = (value: number) => (name === 'addWorkingMinutes' ? iso(value) : String(value));
      console.log(`    e.g. ${shown}: library ${answer(op[library](i))}, engine ${answer(expressibleAnswer[name](i))}`);
    }
  }
  console.log('');
}
if (sink === 42) console.log('');
