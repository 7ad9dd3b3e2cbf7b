import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ContractsContext } from '../context';
import { toViewer } from '../mappers';
import { AuthPayload, Viewer } from '../types/people.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description:
      'Logs a contact or staff member in: a JWT for Authorization: Bearer. A wrong password and an unknown e-mail ' +
      'answer the same (UNAUTHENTICATED); repeated failures are slowed down per e-mail and client address, and per ' +
      'client address (RATE_LIMITED with retryAfterSeconds, real time).',
  })
  async login(
    @Arg('email', () => String, { description: 'The login e-mail of a contact or staff member.' }) email: string,
    @Arg('password', () => String, { description: 'The password.' }) password: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<AuthPayload> {
    const result = await ctx.app.auth.login(email, password, ctx.clientAddress ?? null);
    return { token: result.token, expiresAt: result.expiresAt, user: toViewer(result.viewer) };
  }

  @Query(() => Viewer, { description: 'The caller: id, role, organizationId, name.' })
  async me(@Ctx() ctx: ContractsContext): Promise<Viewer> {
    return toViewer(await ctx.app.auth.me(ctx.caller));
  }

  @Mutation(() => Boolean, { description: "Changes the caller's own password." })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The password in use now.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password, 8-200 characters.' }) newPassword: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<boolean> {
    return ctx.app.auth.changePassword(ctx.caller, currentPassword, newPassword);
  }

  @Mutation(() => Int, {
    description:
      'ADMIN: lifts login locks and forgets the failed logins behind them: of an e-mail (from every address), of ' +
      'a client address (every e-mail from it), or of that e-mail from that address when both are given. Returns ' +
      'how many throttle records were removed (0: nothing was locked or counted).',
  })
  async liftLoginLocks(
    @Arg('email', () => String, { nullable: true, description: 'The login e-mail whose locks to lift.' })
    email: string | null,
    @Arg('address', () => String, {
      nullable: true,
      description: 'The client IP address whose locks to lift, as the gateway saw it (e.g. 203.0.113.5).',
    })
    address: string | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<number> {
    return ctx.app.auth.liftLoginLocks(ctx.caller, { email, address });
  }
}
