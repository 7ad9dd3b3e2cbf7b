import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { badInput, type Party, PARTIES, plainText } from '@reglament/shared/domain';

/**
 * Contract duties (issue 18): work a regulation obliges one of the parties to do, once or on a
 * schedule, with a deadline in the contract's business calendar (003 §9-13, 000). Each
 * occurrence becomes a DUTY ticket with its own clock (docs/adr/0023-contract-duties-as-duty-tickets.md).
 */
export const DUTY_SCHEDULE_KINDS = ['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'CRON'] as const;
export type DutyScheduleKind = (typeof DUTY_SCHEDULE_KINDS)[number];

export interface DutySchedule {
  kind: DutyScheduleKind;
  /** ONCE: the date (contract zone) the period starts; null: the contract's first day. */
  on: string | null;
  /** CRON: a five-field expression (minute hour day month weekday), read in the contract's zone. */
  cron: string | null;
}

export interface DutyTerms {
  title: string;
  description: string;
  party: Party;
  schedule: DutySchedule;
  /** Due by the close of the N-th working day after the period's start date (contract calendar). */
  dueWorkingDays: number;
  /** The last day an occurrence may start (contract zone); null: the contract's last day. */
  endsOn: string | null;
}

/** Limits (each refused with a typed error that names it). */
export const DUTY_LIMITS = {
  perContract: 20,
  titleMax: 200,
  descriptionMax: 2000,
  dueWorkingDaysMax: 60,
  /** A cron schedule may not fire more often than once a day: every occurrence is a ticket. */
  minCronGapHours: 23,
  /** Occurrences one duty may open in one run of the clock job (a clock jump catches up run by run). */
  occurrencesPerRun: 50,
} as const;

/** The fixed schedules as cron expressions: the period starts at 00:00 of its first day. */
const FIXED_CRON: Record<Exclude<DutyScheduleKind, 'ONCE' | 'CRON'>, string> = {
  WEEKLY: '0 0 * * 1',
  MONTHLY: '0 0 1 * *',
  QUARTERLY: '0 0 1 1,4,7,10 *',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string, field: string): string {
  if (!DATE.test(value) || !DateTime.fromISO(value).isValid) {
    throw badInput(`${field} must be a calendar date YYYY-MM-DD, got "${value}"`, { field });
  }
  return value;
}

/** The cron expression a recurring schedule runs on (null: ONCE). */
export function cronOf(schedule: DutySchedule): string | null {
  if (schedule.kind === 'ONCE') return null;
  if (schedule.kind === 'CRON') return schedule.cron;
  return FIXED_CRON[schedule.kind];
}

/** Parses a five-field cron expression with cron-parser; refuses anything else or anything too frequent. */
export function validateCron(expression: string, timeZone: string, from: Date): string {
  const text = expression.trim().replace(/\s+/g, ' ');
  const fields = text.split(' ');
  const refuse = (why: string) =>
    badInput(
      `schedule.cron ${why}; give five fields "minute hour day-of-month month day-of-week", e.g. "0 9 1 */3 *" (09:00 on the first day of every third month), got "${expression}"`,
      { field: 'schedule.cron' },
    );
  if (text.length === 0 || text.length > 100 || fields.length !== 5) throw refuse('is not a five-field expression');
  let times: number[];
  try {
    const parsed = CronExpressionParser.parse(text, { currentDate: from, tz: timeZone, strict: false });
    times = [];
    for (let i = 0; i < 12 && parsed.hasNext(); i++) times.push(parsed.next().toDate().getTime());
  } catch (error) {
    throw refuse(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (times.length === 0) throw refuse('never fires');
  for (let i = 1; i < times.length; i++) {
    if (times[i]! - times[i - 1]! < DUTY_LIMITS.minCronGapHours * 3600_000) {
      throw refuse('fires more often than once a day (every occurrence is a ticket)');
    }
  }
  return text;
}

export interface DutyContract {
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

/**
 * Checks a duty's terms against its contract: typed refusals for an empty or long title, an
 * unknown party, a bad or too frequent cron, a due rule out of range, an end in the past or
 * outside the contract, a one-off date outside the contract or before today.
 */
export function validateDutyTerms(input: DutyTerms, contract: DutyContract, today: string, now: Date): DutyTerms {
  const title = plainText(input.title.trim(), 'title');
  if (title.length < 1 || title.length > DUTY_LIMITS.titleMax) {
    throw badInput(`title must be 1 to ${DUTY_LIMITS.titleMax} characters`, { field: 'title' });
  }
  const description = input.description.trim();
  if (description.length > DUTY_LIMITS.descriptionMax) {
    throw badInput(`description must be at most ${DUTY_LIMITS.descriptionMax} characters`, { field: 'description' });
  }
  if (!(PARTIES as readonly string[]).includes(input.party)) {
    throw badInput(`party must be one of ${PARTIES.join(', ')}, got "${String(input.party)}"`, { field: 'party' });
  }
  if (!Number.isInteger(input.dueWorkingDays) || input.dueWorkingDays < 1) {
    throw badInput(`dueWorkingDays must be a whole number from 1 to ${DUTY_LIMITS.dueWorkingDaysMax}`, {
      field: 'dueWorkingDays',
    });
  }
  if (input.dueWorkingDays > DUTY_LIMITS.dueWorkingDaysMax) {
    throw badInput(
      `dueWorkingDays must be at most ${DUTY_LIMITS.dueWorkingDaysMax} (about a quarter), got ${input.dueWorkingDays}`,
      { field: 'dueWorkingDays' },
    );
  }
  const schedule = validateSchedule(input.schedule, contract, today, now);
  let endsOn: string | null = null;
  if (input.endsOn !== null) {
    endsOn = validDate(input.endsOn, 'endsOn');
    if (endsOn < today) {
      throw badInput(`endsOn ${endsOn} is in the past (today is ${today} in the contract's zone)`, {
        field: 'endsOn',
      });
    }
    if (endsOn > contract.endsOn) {
      throw badInput(`endsOn ${endsOn} is after the contract's end ${contract.endsOn}`, { field: 'endsOn' });
    }
  }
  return { title, description, party: input.party, schedule, dueWorkingDays: input.dueWorkingDays, endsOn };
}

function validateSchedule(schedule: DutySchedule, contract: DutyContract, today: string, now: Date): DutySchedule {
  if (!(DUTY_SCHEDULE_KINDS as readonly string[]).includes(schedule.kind)) {
    throw badInput(`schedule.kind must be one of ${DUTY_SCHEDULE_KINDS.join(', ')}`, { field: 'schedule.kind' });
  }
  if (schedule.kind !== 'CRON' && schedule.cron !== null) {
    throw badInput(`schedule.cron is for kind CRON only; ${schedule.kind} has its own periods`, {
      field: 'schedule.cron',
    });
  }
  if (schedule.kind !== 'ONCE' && schedule.on !== null) {
    throw badInput(`schedule.on is for kind ONCE only`, { field: 'schedule.on' });
  }
  if (schedule.kind === 'ONCE') {
    const on = schedule.on === null ? contract.startsOn : validDate(schedule.on, 'schedule.on');
    if (on < contract.startsOn || on > contract.endsOn) {
      throw badInput(`schedule.on ${on} is outside the contract's period ${contract.startsOn} to ${contract.endsOn}`, {
        field: 'schedule.on',
      });
    }
    if (on < today) {
      throw badInput(`schedule.on ${on} is in the past (today is ${today} in the contract's zone)`, {
        field: 'schedule.on',
      });
    }
    return { kind: 'ONCE', on, cron: null };
  }
  if (schedule.kind === 'CRON') {
    if (schedule.cron === null) throw badInput('schedule.cron is required for kind CRON', { field: 'schedule.cron' });
    return { kind: 'CRON', on: null, cron: validateCron(schedule.cron, contract.timeZone, now) };
  }
  return { kind: schedule.kind, on: null, cron: null };
}

export interface DutyWindow {
  /** The first instant an occurrence may start (epoch ms). */
  from: number;
  /** Occurrences start before this instant (epoch ms): the day after the last day, 00:00. */
  until: number;
}

/**
 * Where a duty's occurrences may start: from the start of the later of the contract's first
 * day and the day the duty was added (a duty owes nothing for periods before it existed),
 * to the end of the earlier of the contract's and the duty's last day; all in the contract's zone.
 */
export function dutyWindow(
  duty: { addedOn: string; endsOn: string | null },
  contract: DutyContract,
): DutyWindow | null {
  const first = duty.addedOn > contract.startsOn ? duty.addedOn : contract.startsOn;
  const last = duty.endsOn !== null && duty.endsOn < contract.endsOn ? duty.endsOn : contract.endsOn;
  if (last < first) return null;
  const zone = contract.timeZone;
  return {
    from: DateTime.fromISO(first, { zone }).startOf('day').toMillis(),
    until: DateTime.fromISO(last, { zone }).plus({ days: 1 }).startOf('day').toMillis(),
  };
}

/** An occurrence's period start: the instant and its date in the contract's zone. */
export interface PeriodStart {
  at: Date;
  startsOn: string;
}

/**
 * The period starts of a duty from `after` (exclusive; null: the window's start, inclusive) up to
 * `upTo` (inclusive) within its window, at most `limit` of them, in order.
 */
export function periodStarts(
  duty: { schedule: DutySchedule },
  window: DutyWindow,
  timeZone: string,
  after: number | null,
  upTo: number,
  limit: number,
): PeriodStart[] {
  const end = Math.min(upTo, window.until - 1);
  const toStart = (ms: number): PeriodStart => ({
    at: new Date(ms),
    startsOn: DateTime.fromMillis(ms, { zone: timeZone }).toISODate()!,
  });
  if (duty.schedule.kind === 'ONCE') {
    const at = DateTime.fromISO(duty.schedule.on!, { zone: timeZone }).startOf('day').toMillis();
    const fresh = after === null ? at >= window.from : at > after;
    return fresh && at <= end ? [toStart(at)] : [];
  }
  const begin = after === null ? window.from - 1 : Math.max(after, window.from - 1);
  if (begin >= end) return [];
  // cron-parser iterates after currentDate (exclusive), in the zone given.
  const parsed = CronExpressionParser.parse(cronOf(duty.schedule)!, {
    currentDate: new Date(begin),
    endDate: new Date(end),
    tz: timeZone,
  });
  const starts: PeriodStart[] = [];
  while (starts.length < limit && parsed.hasNext()) {
    const ms = parsed.next().toDate().getTime();
    if (ms > end) break;
    starts.push(toStart(ms));
  }
  return starts;
}

/** A duty a preset creates with every contract (issue 18), with the seed clause it comes from. */
export interface PresetDuty extends DutyTerms {
  seedClause: string;
}
