import type { Instant } from './instant';

/**
 * The operations of a BusinessCalendar in epoch milliseconds (BusinessCalendar has them; named
 * here so that this file does not import the calendar that imports it).
 */
interface EpochCalendar {
  isWorkingTime(at: Instant): boolean;
  nextWorkingInstant(at: Instant): number;
  previousClosingInstant(at: Instant): number;
  addWorkingMinutes(start: Instant, minutes: number): number;
  subtractWorkingMinutes(start: Instant, minutes: number): number;
  workingMinutesBetween(from: Instant, to: Instant): number;
  addWorkingDays(start: Instant, days: number): number;
}

/** The operations of a BusinessCalendar with Date results, for callers that hold Dates. */
export class BusinessCalendarDates {
  constructor(private readonly calendar: EpochCalendar) {}

  isWorkingTime(at: Instant): boolean {
    return this.calendar.isWorkingTime(at);
  }

  nextWorkingInstant(at: Instant): Date {
    return new Date(this.calendar.nextWorkingInstant(at));
  }

  previousClosingInstant(at: Instant): Date {
    return new Date(this.calendar.previousClosingInstant(at));
  }

  addWorkingMinutes(start: Instant, minutes: number): Date {
    return new Date(this.calendar.addWorkingMinutes(start, minutes));
  }

  subtractWorkingMinutes(start: Instant, minutes: number): Date {
    return new Date(this.calendar.subtractWorkingMinutes(start, minutes));
  }

  workingMinutesBetween(from: Instant, to: Instant): number {
    return this.calendar.workingMinutesBetween(from, to);
  }

  addWorkingDays(start: Instant, days: number): Date {
    return new Date(this.calendar.addWorkingDays(start, days));
  }
}
