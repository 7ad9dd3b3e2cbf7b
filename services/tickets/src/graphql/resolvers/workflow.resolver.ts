import { type CloseReason, type Priority } from '@reglament/shared/domain';
import { CloseReasonEnum, PriorityEnum } from '@reglament/shared/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { TRANSITIONS } from '../../domain/transitions';
import type { TicketsContext } from '../context';
import { toAttachment, toMessage, toTicket } from '../mappers';
import { AttachmentInput, TriageTicketInput } from '../types/inputs';
import { Attachment, Message } from '../types/thread.types';
import { Ticket } from '../types/ticket.types';

/** The moves of the transition table (R-TKT-14), one mutation each; the table decides, these translate. */
@Resolver(() => Ticket)
export class WorkflowResolver {
  @Mutation(() => Ticket, {
    description: `REGISTERED -> IN_ANALYSIS, the first response. ${TRANSITIONS.ACKNOWLEDGE.needs}`,
  })
  async acknowledgeTicket(
    @Arg('id', () => ID) id: string,
    @Arg('message', () => String, { nullable: true }) message: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ACKNOWLEDGE', { message: message ?? null }));
  }

  @Mutation(() => Ticket, { description: `IN_ANALYSIS -> IN_PROGRESS. Needs ${TRANSITIONS.TRIAGE.needs}.` })
  async triageTicket(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TriageTicketInput) input: TriageTicketInput,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'TRIAGE', {
        category: input.category,
        priority: input.priority,
        assigneeId: input.assigneeId,
        plannedResolutionAt: input.plannedResolutionAt ?? null,
      }),
    );
  }

  @Mutation(() => Ticket, { description: 'IN_ANALYSIS or IN_PROGRESS -> AWAITING_CLARIFICATION (R-TKT-9).' })
  async requestClarification(
    @Arg('id', () => ID) id: string,
    @Arg('question', () => String) question: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'REQUEST_CLARIFICATION', { question }));
  }

  @Mutation(() => Ticket, { description: 'Customer: AWAITING_CLARIFICATION -> back to where it was (R-TKT-9).' })
  async answerClarification(
    @Arg('id', () => ID) id: string,
    @Arg('answer', () => String) answer: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ANSWER_CLARIFICATION', { answer }));
  }

  @Mutation(() => Ticket, { description: 'IN_PROGRESS -> RESOLVED (R-TKT-11).' })
  async provideSolution(
    @Arg('id', () => ID) id: string,
    @Arg('solution', () => String) solution: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'PROVIDE_SOLUTION', { solution }));
  }

  @Mutation(() => Ticket, { description: 'Customer: RESOLVED -> CLOSED (ACCEPTED) (R-TKT-11).' })
  async acceptSolution(@Arg('id', () => ID) id: string, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ACCEPT_SOLUTION', {}));
  }

  @Mutation(() => Ticket, { description: 'Customer: RESOLVED -> IN_PROGRESS with remarks (rework, R-TKT-11).' })
  async returnSolution(
    @Arg('id', () => ID) id: string,
    @Arg('remarks', () => String) remarks: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'RETURN_SOLUTION', { remarks }));
  }

  @Mutation(() => Ticket, {
    description:
      'Any open status -> CLOSED with a reason (R-TKT-14): ACCEPTED from RESOLVED; AUTO_CLOSED by the system only; NO_CLARIFICATION only after the clarification deadline passed (R-TKT-9); DUPLICATE by staff; WITHDRAWN by the customer or staff. Refused while a failure report is pending (R-SLA-11).',
  })
  async closeTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => CloseReasonEnum) reason: CloseReason,
    @Arg('comment', () => String, { nullable: true }) comment: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'CLOSE', { reason, comment: comment ?? null }));
  }

  @Mutation(() => Ticket, { description: 'Staff; running SLA deadlines are recomputed by the SLA service (R-SLA-10).' })
  async changePriority(
    @Arg('id', () => ID) id: string,
    @Arg('priority', () => PriorityEnum) priority: Priority,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'CHANGE_PRIORITY', { priority, reason: reason ?? null }),
    );
  }

  @Mutation(() => Ticket, {
    description:
      'Staff: a new planned resolution date, e.g. the execution term extended by agreement (R-TKT-10, R-SLA-5).',
  })
  async changePlannedDate(
    @Arg('id', () => ID) id: string,
    @Arg('plannedResolutionAt', () => Date) plannedResolutionAt: Date,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'CHANGE_PLANNED_DATE', {
        plannedResolutionAt,
        reason: reason ?? null,
      }),
    );
  }

  @Mutation(() => Ticket, { description: 'Staff: assigns an active staff member.' })
  async assignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ASSIGN', { assigneeId }));
  }

  @Mutation(() => Message, {
    description: 'A public message, or an internal note (provider staff only; never shown to the customer).',
  })
  async addMessage(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('body', () => String) body: string,
    @Arg('internal', () => Boolean, { nullable: true }) internal: boolean | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Message> {
    return toMessage(await ctx.app.workflow.addMessage(ctx.caller, ticketId, body, internal ?? false));
  }

  @Mutation(() => Attachment, {
    description: 'Attaches a file (base64 content; size limit TICKETS_ATTACHMENT_MAX_BYTES).',
  })
  async addAttachment(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('input', () => AttachmentInput) input: AttachmentInput,
    @Ctx() ctx: TicketsContext,
  ): Promise<Attachment> {
    return toAttachment(
      await ctx.app.workflow.addAttachment(ctx.caller, ticketId, { ...input, internal: input.internal ?? false }),
    );
  }

  @Mutation(() => Ticket, {
    description: 'Customer (or dispatcher for it): asks for an engineer on site; starts ON_SITE (003).',
  })
  async requestOnSiteVisit(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'REQUEST_ON_SITE', { note: note ?? null }));
  }

  @Mutation(() => Ticket, { description: 'Engineer: arrived on site; stops ON_SITE (003).' })
  async recordOnSiteArrival(@Arg('id', () => ID) id: string, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'RECORD_ON_SITE_ARRIVAL', {}));
  }
}
