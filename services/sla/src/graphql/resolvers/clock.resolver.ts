import { AppError, ErrorCode, requireRole } from '@reglament/shared/domain';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SlaContext } from '../context';

const DISABLED = 'The test clock is off: start the system with TEST_CLOCK=1 to set or advance time';

/** The shared test clock (docs/api.md "Test clock"); FORBIDDEN unless started with TEST_CLOCK=1. */
@Resolver()
export class ClockResolver {
  @Query(() => Date, { description: 'The platform clock (TEST_CLOCK=1 only).' })
  now(@Ctx() ctx: SlaContext): Date {
    if (!ctx.app.clockControl) throw new AppError(ErrorCode.FORBIDDEN, DISABLED);
    return ctx.app.clock.now();
  }

  @Mutation(() => Date, { description: 'ADMIN: every service moves to this instant (TEST_CLOCK=1 only).' })
  async setClock(
    @Arg('at', () => Date, { description: 'The instant every part moves to.' }) at: Date,
    @Ctx() ctx: SlaContext,
  ): Promise<Date> {
    const control = ctx.app.clockControl;
    if (!control) throw new AppError(ErrorCode.FORBIDDEN, DISABLED);
    requireRole(ctx.caller, ['ADMIN'], 'set the clock');
    const now = await control.set(at);
    await ctx.app.scheduler.runDue();
    return now;
  }

  @Mutation(() => Date, { description: 'ADMIN: due timers fire as if the time had passed (TEST_CLOCK=1 only).' })
  async advanceClock(
    @Arg('minutes', () => Int, { description: 'Calendar minutes to move forward, from 1.' }) minutes: number,
    @Ctx() ctx: SlaContext,
  ): Promise<Date> {
    const control = ctx.app.clockControl;
    if (!control) throw new AppError(ErrorCode.FORBIDDEN, DISABLED);
    requireRole(ctx.caller, ['ADMIN'], 'advance the clock');
    if (minutes < 0 || minutes > 10 * 366 * 24 * 60) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'minutes must be from 0 to 5,270,400 (ten years); time does not go back',
      );
    }
    const now = await control.advance(minutes);
    // Due timers fire as if the time had passed, before the answer returns.
    await ctx.app.scheduler.runDue();
    return now;
  }
}
