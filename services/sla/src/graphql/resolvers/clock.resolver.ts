import { AppError, ErrorCode, requireRole } from '@reglament/shared/domain';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SlaContext } from '../context';

const DISABLED = 'The test clock is off: start the system with TEST_CLOCK=1 to set or advance time';

/** How long a clock move waits for the timers it made due (below the gateway's 15 s subgraph timeout). */
const FIRE_WAIT_MS = 10_000;

/**
 * Due timers fire as if the time had passed, before the answer returns; a backlog larger than
 * FIRE_WAIT_MS can fire goes on in the background (the scheduler carries on), so the move itself
 * never times out.
 */
async function firedOrLater(ctx: SlaContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const later = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRE_WAIT_MS)));
  await Promise.race([ctx.app.scheduler.runDue(), later]).finally(() => clearTimeout(timer));
}

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
    await firedOrLater(ctx);
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
    await firedOrLater(ctx);
    return now;
  }
}
