import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ContractsContext } from '../context';
import { toViewer } from '../mappers';
import { AuthPayload, Viewer } from '../types/people.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description:
      'Logs a contact or staff member in: a JWT for Authorization: Bearer. A wrong password and an unknown e-mail ' +
      'answer the same (UNAUTHENTICATED); repeated failures for an e-mail are slowed down (RATE_LIMITED).',
  })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<AuthPayload> {
    const result = await ctx.app.auth.login(email, password);
    return { token: result.token, expiresAt: result.expiresAt, user: toViewer(result.viewer) };
  }

  @Query(() => Viewer, { description: 'The caller: id, role, organizationId, name.' })
  async me(@Ctx() ctx: ContractsContext): Promise<Viewer> {
    return toViewer(await ctx.app.auth.me(ctx.caller));
  }

  @Mutation(() => Boolean, { description: "Changes the caller's own password." })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<boolean> {
    return ctx.app.auth.changePassword(ctx.caller, currentPassword, newPassword);
  }
}
