import { ATTACHMENT_INLINE_MAX_BYTES, badInput, forbidden, notFound } from '@reglament/shared/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TicketsContext } from '../context';
import { Attachment } from '../types/thread.types';

@Resolver(() => Attachment)
export class AttachmentFieldsResolver {
  @FieldResolver(() => String, {
    description:
      `The file, base64-encoded, for files up to ${ATTACHMENT_INLINE_MAX_BYTES} bytes (larger ones: download ` +
      'from `url`). Loaded only when asked for.',
  })
  async contentBase64(@Root() attachment: Attachment, @Ctx() ctx: TicketsContext): Promise<string> {
    // Inline content is bounded, so an answer cannot grow by megabytes per alias.
    if (attachment.size > ATTACHMENT_INLINE_MAX_BYTES) {
      throw badInput(
        `${attachment.name} is ${attachment.size} bytes; contentBase64 serves files up to ` +
          `${ATTACHMENT_INLINE_MAX_BYTES} bytes: download it from Attachment.url`,
        { field: 'contentBase64', size: attachment.size, maxBytes: ATTACHMENT_INLINE_MAX_BYTES },
      );
    }
    const content = await ctx.loaders.attachmentContent.load(attachment.id);
    if (!content) throw notFound('Attachment content', attachment.id);
    return content.toString('base64');
  }

  @FieldResolver(() => String, {
    description:
      'A short-lived signed link (5 minutes) to download the file, relative to the gateway (prefix its origin, ' +
      'e.g. https://desk.example.com/attachments/...). It works without the Authorization header, for the caller ' +
      "who asked only, whose rights are checked again when it is used; the answer is the file's bytes with " +
      'Content-Disposition: attachment and byte ranges (Range) supported.',
  })
  url(@Root() attachment: Attachment, @Ctx() ctx: TicketsContext): string {
    if (ctx.caller.kind !== 'user') throw forbidden('Download links are for signed-in callers and partners');
    return ctx.app.links.linkFor(attachment.id, ctx.caller);
  }
}
