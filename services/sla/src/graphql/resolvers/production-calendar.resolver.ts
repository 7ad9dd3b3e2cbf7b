import { requireRole, requireUser, STAFF_ROLES } from '@reglament/shared/domain';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ImportedYear } from '../../application/production-calendar-imports';
import type { SlaContext } from '../context';
import {
  CalendarCoverage,
  ProductionCalendar,
  ProductionCalendarChange,
  ProductionCalendarFormat,
  ProductionCalendarYear,
  type ProductionDayKind,
} from '../types/production-calendar.types';

function toYear(
  year: Omit<ImportedYear, 'change' | 'days'> & { change?: ImportedYear['change']; days?: ImportedYear['days'] },
) {
  const result: ProductionCalendarYear = {
    year: year.year,
    workingDays: year.workingDays,
    workingHours: year.workingHours,
    shortenedDays: year.shortenedDays,
    source: year.source,
    loadedAt: year.loadedAt,
    change: year.change ? ProductionCalendarChange[year.change] : null,
    days: (year.days ?? []).map((d) => ({
      date: d.date,
      before: d.before as ProductionDayKind,
      after: d.after as ProductionDayKind,
    })),
  };
  return result;
}

@Resolver()
export class ProductionCalendarResolver {
  @Query(() => [ProductionCalendar], {
    description: 'The national production calendars the business calendars use (R-SLA-2), with their loaded years.',
  })
  async productionCalendars(@Ctx() ctx: SlaContext): Promise<ProductionCalendar[]> {
    requireUser(ctx.caller, 'read production calendars');
    await ctx.app.ticketSla.refreshCalendars();
    return (await ctx.app.calendarImports.list()).map(({ calendar, years }) => ({
      id: calendar.id,
      name: calendar.name,
      country: calendar.country,
      timeZone: calendar.timeZone,
      usedBy: ctx.app.catalog.calendarsUsing(calendar.id),
      years: years.map((row) => toYear({ ...row, days: undefined })),
    }));
  }

  @Query(() => [CalendarCoverage], {
    description:
      'Staff: per production calendar, the last year loaded and the days left; low from 60 days before the end ' +
      '(admins then get a weekly sla.calendar.coverage_low notification).',
  })
  async calendarCoverage(@Ctx() ctx: SlaContext): Promise<CalendarCoverage[]> {
    requireRole(ctx.caller, STAFF_ROLES, 'read calendar coverage');
    return ctx.app.coverage.coverage();
  }

  @Mutation(() => [ProductionCalendarYear], {
    description:
      'ADMIN: loads the years of a file into a production calendar (R-SLA-2). A year is validated first (real ' +
      'dates of that year, no conflicting entries, 240-255 working days); a refused file changes nothing. A ' +
      'changed year replaces the stored one and says which dates changed; the open tickets on it are recomputed ' +
      'in batches and every moved deadline is published (DEADLINE_CHANGED). An unchanged year changes nothing.',
  })
  async importProductionCalendar(
    @Arg('id', () => ID, { description: 'The production calendar, e.g. "ru" or "kz".' }) id: string,
    @Arg('format', () => ProductionCalendarFormat, { description: 'The format of data.' })
    format: ProductionCalendarFormat,
    @Arg('data', () => String, { description: 'The file content, at most 256 KB (a year is a few KB).' }) data: string,
    @Ctx() ctx: SlaContext,
  ): Promise<ProductionCalendarYear[]> {
    return (await ctx.app.calendarImports.importFile(ctx.caller, id, format, data)).map(toYear);
  }
}
