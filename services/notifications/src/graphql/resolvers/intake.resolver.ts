import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EmailIntakeResult, QuarantinedEmail, QuarantinedEmailConnection } from '../types/intake.types';
import type { NotificationsContext } from './notification.resolver';

@Resolver(() => QuarantinedEmail)
export class IntakeResolver {
  @Mutation(() => EmailIntakeResult, {
    description:
      'Hands in one inbound e-mail (ADMIN; for providers that post mail to a webhook): the same intake as the SMTP listener.',
  })
  async receiveEmail(
    @Ctx() ctx: NotificationsContext,
    @Arg('raw', () => String, {
      description: 'The whole message as RFC 5322 text (headers and body), at most EMAIL_IN_MAX_BYTES.',
    })
    raw: string,
  ) {
    return ctx.app.intake.receiveFromApi(ctx.caller, raw);
  }

  @Query(() => QuarantinedEmailConnection, {
    description: 'E-mails from unknown senders waiting for an administrator (ADMIN), newest first.',
  })
  async emailQuarantine(
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first?: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after?: string | null,
  ) {
    return ctx.app.quarantine.list(ctx.caller, { first: first ?? null, after: after ?? null });
  }

  @Mutation(() => EmailIntakeResult, {
    description:
      "Registers a quarantined e-mail for a chosen active contact (ADMIN): a new ticket, or a message on the contact's ticket it names.",
  })
  async releaseQuarantinedEmail(
    @Ctx() ctx: NotificationsContext,
    @Arg('id', () => ID, { description: 'The quarantined e-mail.' }) id: string,
    @Arg('contactId', () => ID, { description: 'The registered, active contact it is registered for.' })
    contactId: string,
  ) {
    return ctx.app.quarantine.release(ctx.caller, id, contactId);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a quarantined e-mail (ADMIN); its record stays without the content.',
  })
  async dropQuarantinedEmail(
    @Ctx() ctx: NotificationsContext,
    @Arg('id', () => ID, { description: 'The quarantined e-mail.' }) id: string,
  ) {
    return ctx.app.quarantine.drop(ctx.caller, id);
  }
}
