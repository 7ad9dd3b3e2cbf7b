import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DeliveryStatusEnum } from '../types/delivery.types';
import {
  RegisterWebhookInput,
  toWebhook,
  toWebhookDelivery,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookSecret,
} from '../types/webhook.types';
import type { NotificationsContext } from './notification.resolver';

/** Partner webhooks (issue 17): ADMIN, or a partner key bound to an organization for its own. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Mutation(() => Webhook, {
    description:
      "Registers a webhook for one organization's events, signed by the Standard Webhooks convention (ADMIN, or a partner key for its own organization).",
  })
  async registerWebhook(
    @Arg('input', () => RegisterWebhookInput, { description: 'The URL, events, secret and organization.' })
    input: RegisterWebhookInput,
    @Ctx() ctx: NotificationsContext,
  ): Promise<Webhook> {
    return toWebhook(await ctx.app.webhooks.register(ctx.caller, input));
  }

  @Mutation(() => Webhook, { description: "Changes a webhook's URL, events, description or whether it is enabled." })
  async updateWebhook(
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Arg('input', () => UpdateWebhookInput, { description: 'What changes.' }) input: UpdateWebhookInput,
    @Ctx() ctx: NotificationsContext,
  ): Promise<Webhook> {
    return toWebhook(await ctx.app.webhooks.update(ctx.caller, id, input));
  }

  @Mutation(() => Boolean, { description: 'Deletes a webhook and its delivery log; true when done.' })
  async deleteWebhook(
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Ctx() ctx: NotificationsContext,
  ): Promise<boolean> {
    return ctx.app.webhooks.delete(ctx.caller, id);
  }

  @Query(() => [Webhook], {
    description: "The webhooks the caller may see: a partner key its organization's; an admin any organization's.",
  })
  async webhooks(
    @Ctx() ctx: NotificationsContext,
    @Arg('organizationId', () => ID, { description: 'Only this organization (an admin).', nullable: true })
    organizationId?: string | null,
  ): Promise<Webhook[]> {
    return (await ctx.app.webhooks.list(ctx.caller, organizationId)).map(toWebhook);
  }

  @Mutation(() => WebhookSecret, {
    description:
      'Replaces the signing secret (given, or a new random one); the old one signs beside it for 24 hours. The new secret is shown once.',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Ctx() ctx: NotificationsContext,
    @Arg('secret', () => String, {
      description: 'The new whsec_ secret (default: 32 random bytes made here).',
      nullable: true,
    })
    secret?: string | null,
  ): Promise<WebhookSecret> {
    const rotated = await ctx.app.webhooks.rotateSecret(ctx.caller, id, secret);
    return { webhook: toWebhook(rotated.webhook), secret: rotated.secret };
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a signed webhook.ping now, once, and returns its delivery with the outcome (at most 10 tests and redeliveries per webhook and minute).',
  })
  async testWebhook(
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Ctx() ctx: NotificationsContext,
  ): Promise<WebhookDelivery> {
    return toWebhookDelivery(await ctx.app.webhooks.test(ctx.caller, id));
  }

  @Query(() => WebhookDeliveryConnection, { description: "A webhook's deliveries with their attempts, newest first." })
  async webhookDeliveries(
    @Arg('webhookId', () => ID, { description: 'The webhook.' }) webhookId: string,
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first?: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after?: string | null,
    @Arg('status', () => DeliveryStatusEnum, { description: 'Only this status.', nullable: true })
    status?: string | null,
  ) {
    const page = await ctx.app.webhooks.deliveries(ctx.caller, webhookId, {
      first: first ?? null,
      after: after ?? null,
      status: status ?? null,
    });
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toWebhookDelivery(e.node) })) };
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Sends a delivery again (e.g. a DEAD one, with a new 24 h retry window); the webhook must be enabled.',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: 'The delivery (webhookDeliveries).' }) deliveryId: string,
    @Ctx() ctx: NotificationsContext,
  ): Promise<WebhookDelivery> {
    return toWebhookDelivery(await ctx.app.webhooks.redeliver(ctx.caller, deliveryId));
  }
}
