/**
 * The plain-JSON shape of a business calendar. The SLA service stores custom calendars (e.g. a
 * contract's own holiday list) in this shape; `parseCalendarDefinition` validates it.
 */

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** One working interval of a local day, wall clock: [from, to). "24:00" = end of day. */
export interface WorkingIntervalDefinition {
  readonly from: string;
  readonly to: string;
}

/** Working intervals per weekday; a missing or empty day has no working time. */
export type WeeklyHoursDefinition = Partial<Readonly<Record<WeekdayKey, readonly WorkingIntervalDefinition[]>>>;

/** Binds a national production calendar (R-SLA-2) to a calendar's weekly hours. */
export interface ProductionCalendarBinding {
  /** Id of a loaded production calendar, e.g. "ru". */
  readonly id: string;
  /** How much earlier a shortened (pre-holiday) day closes, in minutes. Default 60. */
  readonly shortDayMinutes?: number;
  /**
   * Hours of a weekend day that the production calendar makes a working day. Default: the
   * weekly hours of Monday (the week's reference working day); when Monday has none, of the
   * first day of Tue..Sun that has hours.
   */
  readonly workingWeekendHours?: readonly WorkingIntervalDefinition[];
}

export interface CalendarDefinition {
  /** Stable id, e.g. "msk-0900-1800". */
  readonly id: string;
  readonly name: string;
  /** IANA time zone in which the hours are wall-clock times, e.g. "Europe/Moscow". */
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHoursDefinition;
  /** Local dates "YYYY-MM-DD" without working time. */
  readonly holidays?: readonly string[];
  /**
   * Local dates whose hours replace the weekly hours (a working Saturday, a shortened day, a
   * special shift; an empty list = no working time). They win over `holidays` and over the
   * production calendar for the same date: the more specific rule.
   */
  readonly dateHours?: Readonly<Record<string, readonly WorkingIntervalDefinition[]>>;
  readonly productionCalendar?: ProductionCalendarBinding;
}
