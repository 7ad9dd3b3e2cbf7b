import { DateScalar } from '@reglament/shared/platform';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ProductionCalendarFormat {
  XMLCALENDAR_XML = 'XMLCALENDAR_XML',
  XMLCALENDAR_JSON = 'XMLCALENDAR_JSON',
  REGLAMENT_JSON = 'REGLAMENT_JSON',
}
registerEnumType(ProductionCalendarFormat, {
  name: 'ProductionCalendarFormat',
  description: 'The file format of importProductionCalendar data (at most 256 KB).',
  valuesConfig: {
    XMLCALENDAR_XML: {
      description:
        'The xmlcalendar XML that Russian HR and accounting software reads: <calendar year="2027" country="ru"><days>' +
        '<day d="MM.DD" t="1|2|3"/></days></calendar>; t=1 day off, t=2 shortened working day, t=3 working weekend day.',
    },
    XMLCALENDAR_JSON: {
      description: 'The same in JSON: {"year":2027,"country":"ru","days":[{"d":"01.01","t":1}, ...]}.',
    },
    REGLAMENT_JSON: {
      description:
        'The product\'s own JSON, one year or a list of up to 10: {"year":2027,"holidays":["2027-01-01", ...],' +
        '"workingWeekends":[...],"shortDays":[...],"source":"decree ..."} (dates YYYY-MM-DD).',
    },
  },
});

export enum ProductionCalendarChange {
  ADDED = 'ADDED',
  REPLACED = 'REPLACED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ProductionCalendarChange, {
  name: 'ProductionCalendarChange',
  description: 'What an import did to a year.',
  valuesConfig: {
    ADDED: { description: 'The year was not loaded before.' },
    REPLACED: { description: 'The year was loaded and some dates changed (see days).' },
    UNCHANGED: { description: 'The same dates were loaded already: nothing was written, nothing recomputed.' },
  },
});

export enum ProductionDayKind {
  REGULAR = 'REGULAR',
  DAY_OFF = 'DAY_OFF',
  WORKING_WEEKEND = 'WORKING_WEEKEND',
  SHORTENED = 'SHORTENED',
  SHORTENED_WORKING_WEEKEND = 'SHORTENED_WORKING_WEEKEND',
}
registerEnumType(ProductionDayKind, {
  name: 'ProductionDayKind',
  description: 'What a date is in a production calendar (R-SLA-2).',
  valuesConfig: {
    REGULAR: { description: 'Not listed: Mon-Fri work, Sat/Sun off.' },
    DAY_OFF: { description: 'A holiday or a day off moved by decree (xmlcalendar t=1).' },
    WORKING_WEEKEND: { description: 'A Saturday or Sunday that is worked (t=3).' },
    SHORTENED: { description: 'A working day shortened before a holiday (t=2).' },
    SHORTENED_WORKING_WEEKEND: { description: 'A worked weekend day that is also shortened.' },
  },
});

@ObjectType('ProductionCalendarDayChange', { description: 'A date whose kind an import changed.' })
export class ProductionCalendarDayChange {
  @Field(() => DateScalar, { description: 'Local date.' })
  date!: string;

  @Field(() => ProductionDayKind, { description: 'What the date was before the import.' })
  before!: ProductionDayKind;

  @Field(() => ProductionDayKind, { description: 'What the date is now.' })
  after!: ProductionDayKind;
}

@ObjectType('ProductionCalendarYear', { description: 'One loaded year of a production calendar (R-SLA-2).' })
export class ProductionCalendarYear {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Working days of a five-day week.' })
  workingDays!: number;

  @Field(() => Int, { description: 'Norm of a 40-hour week: 8 h a working day, 1 h less on a shortened day.' })
  workingHours!: number;

  @Field(() => Int, { description: 'Working days shortened before a holiday.' })
  shortenedDays!: number;

  @Field(() => String, { description: 'Where the data comes from (decrees, the imported file).' })
  source!: string;

  @Field(() => Date, { description: 'When this version of the year was loaded (UTC).' })
  loadedAt!: Date;

  @Field(() => ProductionCalendarChange, {
    nullable: true,
    description: 'What the import did to the year; null outside an import answer.',
  })
  change!: ProductionCalendarChange | null;

  @Field(() => [ProductionCalendarDayChange], {
    description: 'The dates the import changed, in date order (empty outside an import answer).',
  })
  days!: ProductionCalendarDayChange[];
}

@ObjectType('ProductionCalendar', { description: 'A national production calendar as stored data (R-SLA-2).' })
export class ProductionCalendar {
  @Field(() => ID, { description: 'e.g. "ru", "kz"; business calendars bind it by this id.' })
  id!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'ISO 3166 alpha-2 country code, e.g. RU.' })
  country!: string;

  @Field(() => String, { description: 'IANA zone whose dates count its days left, e.g. Europe/Moscow.' })
  timeZone!: string;

  @Field(() => [ID], { description: 'The business calendars (businessCalendars ids) that use it.' })
  usedBy!: string[];

  @Field(() => [ProductionCalendarYear], { description: 'Loaded years, ascending.' })
  years!: ProductionCalendarYear[];
}

@ObjectType('CalendarCoverage', {
  description: 'How long a production calendar has data (R-SLA-2: never silent); an alarm from 60 days before the end.',
})
export class CalendarCoverage {
  @Field(() => ID, { description: 'The production calendar id.' })
  calendarId!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Last year of the unbroken run of loaded years from the current one (null: none loaded).',
  })
  lastYear!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last date with data (31 December of lastYear).' })
  coveredUntil!: string | null;

  @Field(() => Int, {
    description: 'Days from today (in the calendar zone) through coveredUntil, today included; 0 once past.',
  })
  daysLeft!: number;

  @Field(() => Boolean, { description: 'daysLeft <= 60: admins are warned weekly; import the next year.' })
  low!: boolean;
}
