import { notFound } from '@reglament/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TicketsContext } from './context';
import { Attachment } from './types/thread.types';

@Resolver(() => Attachment)
export class AttachmentFieldsResolver {
  @FieldResolver(() => String, { description: 'The file, base64-encoded (loaded only when asked for).' })
  async contentBase64(@Root() attachment: Attachment, @Ctx() ctx: TicketsContext): Promise<string> {
    const content = await ctx.loaders.attachmentContent.load(attachment.id);
    if (!content) throw notFound('Attachment content', attachment.id);
    return content.toString('base64');
  }
}
