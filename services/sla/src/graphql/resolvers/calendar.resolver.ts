import { badInput, requireUser } from '@reglament/shared/domain';
import type { SlaContext } from '../context';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type BusinessCalendar as Engine, CalendarError } from '../../calendar';

@ObjectType('BusinessCalendar', { description: 'Working time of a calendar (R-SLA-1, R-SLA-2).' })
export class BusinessCalendar {
  @Field(() => ID, { description: 'Calendar id, e.g. msk-0900-1800 (zone and working hours).' })
  id!: string;

  @Field(() => String, { description: 'Human-readable name, e.g. "Moscow 09:00-18:00, production calendar".' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Moscow' })
  timeZone!: string;

  engine!: Engine;
}

const MAX_MINUTES = 10 * 366 * 24 * 60;
const MAX_SPAN_MS = MAX_MINUTES * 60_000;

/** Calendar errors (e.g. an instant out of range) are the caller's input. */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarError) throw badInput(error.message);
    throw error;
  }
}

@Resolver(() => BusinessCalendar)
export class CalendarResolver {
  @Query(() => [BusinessCalendar], { description: 'The business calendars the SLA policies use.' })
  async businessCalendars(@Ctx() ctx: SlaContext): Promise<BusinessCalendar[]> {
    requireUser(ctx.caller, 'read business calendars');
    // With the production calendars as stored now (an import on any replica is seen at once).
    await ctx.app.ticketSla.refreshCalendars();
    return ctx.app.catalog
      .list()
      .map((engine) => ({ id: engine.id, name: engine.name, timeZone: engine.timeZone, engine }));
  }

  @FieldResolver(() => Date, {
    description: 'The instant `minutes` of working time after `from` (negative: before), e.g. a deadline.',
  })
  addWorkingTime(
    @Root() calendar: BusinessCalendar,
    @Arg('from', () => Date, { description: "The instant to count from (any offset; counted in the calendar's zone)." })
    from: Date,
    @Arg('minutes', () => Int, { description: 'Working minutes to add, from 0.' }) minutes: number,
  ): Date {
    if (Math.abs(minutes) > MAX_MINUTES)
      throw badInput(`minutes must be within ±${MAX_MINUTES} (ten years)`, { field: 'minutes' });
    return guard(() => new Date(calendar.engine.addWorkingMinutes(from.getTime(), minutes)));
  }

  @FieldResolver(() => Int, {
    description: 'Whole working minutes in [from, to) (negative when to is before from), e.g. "due in 3 h 20 min".',
  })
  workingMinutesBetween(
    @Root() calendar: BusinessCalendar,
    @Arg('from', () => Date, { description: 'Start of the interval (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the interval (exclusive).' }) to: Date,
  ): number {
    if (Math.abs(to.getTime() - from.getTime()) > MAX_SPAN_MS) {
      throw badInput('from and to may be at most ten years apart', { field: 'to' });
    }
    return guard(() => Math.trunc(calendar.engine.workingMinutesBetween(from.getTime(), to.getTime())));
  }
}
