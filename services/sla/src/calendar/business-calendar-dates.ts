import type { BusinessCalendar } from './business-calendar';
import type { Instant } from './instant';

/** The operations of a BusinessCalendar with Date results, for callers that hold Dates. */
export class BusinessCalendarDates {
  constructor(private readonly calendar: BusinessCalendar) {}

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
