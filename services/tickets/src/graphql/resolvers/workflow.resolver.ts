import { type Category, type CloseReason, type Priority } from '@reglament/shared/domain';
import { CategoryEnum, CloseReasonEnum, PriorityEnum } from '@reglament/shared/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { TRANSITIONS } from '../../domain/transitions';
import type { TicketsContext } from '../context';
import { toAttachment, toMessage, toTicket } from '../mappers';
import type { SolutionDelivery } from '../../domain/ticket';
import { SolutionDeliveryEnum } from '../types/enums';
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
    @Arg('id', () => ID, { description: 'The REGISTERED ticket.' }) id: string,
    @Arg('message', () => String, {
      description: 'A first response to the requester (optional), posted as a message.',
      nullable: true,
    })
    message: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ACKNOWLEDGE', { message: message ?? null }));
  }

  @Mutation(() => Ticket, { description: `IN_ANALYSIS -> IN_PROGRESS. Needs ${TRANSITIONS.TRIAGE.needs}.` })
  async triageTicket(
    @Arg('id', () => ID, { description: 'The IN_ANALYSIS ticket.' }) id: string,
    @Arg('input', () => TriageTicketInput, { description: 'Category, priority, assignee and the planned date.' })
    input: TriageTicketInput,
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
    @Arg('id', () => ID, { description: 'The ticket (IN_ANALYSIS or IN_PROGRESS).' }) id: string,
    @Arg('question', () => String, { description: 'What the provider needs to know.' }) question: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'REQUEST_CLARIFICATION', { question }));
  }

  @Mutation(() => Ticket, { description: 'Customer: AWAITING_CLARIFICATION -> back to where it was (R-TKT-9).' })
  async answerClarification(
    @Arg('id', () => ID, { description: 'The AWAITING_CLARIFICATION ticket.' }) id: string,
    @Arg('answer', () => String, { description: "The customer's answer." }) answer: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ANSWER_CLARIFICATION', { answer }));
  }

  @Mutation(() => Ticket, {
    description: 'IN_PROGRESS -> RESOLVED (R-TKT-11), with how the solution was delivered (seed 002).',
  })
  async provideSolution(
    @Arg('id', () => ID, { description: 'The IN_PROGRESS ticket.' }) id: string,
    @Arg('solution', () => String, { description: 'The solution, or what to test.' }) solution: string,
    @Arg('deliveredVia', () => SolutionDeliveryEnum, {
      nullable: true,
      description: 'How it reached the customer (seed 002): PORTAL (the default), EMAIL, PHONE or REMOTE_SESSION.',
    })
    deliveredVia: SolutionDelivery | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'PROVIDE_SOLUTION', {
        solution,
        deliveredVia: deliveredVia ?? 'PORTAL',
      }),
    );
  }

  @Mutation(() => Ticket, { description: 'Customer: RESOLVED -> CLOSED (ACCEPTED) (R-TKT-11).' })
  async acceptSolution(
    @Arg('id', () => ID, { description: 'The RESOLVED ticket.' }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ACCEPT_SOLUTION', {}));
  }

  @Mutation(() => Ticket, { description: 'Customer: RESOLVED -> IN_PROGRESS with remarks (rework, R-TKT-11).' })
  async returnSolution(
    @Arg('id', () => ID, { description: 'The RESOLVED ticket.' }) id: string,
    @Arg('remarks', () => String, { description: 'What is still wrong.' }) remarks: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'RETURN_SOLUTION', { remarks }));
  }

  @Mutation(() => Ticket, {
    description:
      'Any open status -> CLOSED with a reason (R-TKT-14): ACCEPTED from RESOLVED; AUTO_CLOSED by the system only; NO_CLARIFICATION only after the clarification deadline passed (R-TKT-9); DUPLICATE by staff; WITHDRAWN by the customer or staff. Refused while a failure report is pending (R-SLA-11).',
  })
  async closeTicket(
    @Arg('id', () => ID, { description: 'The open ticket.' }) id: string,
    @Arg('reason', () => CloseReasonEnum, { description: 'Why; each reason has its own conditions (see CloseReason).' })
    reason: CloseReason,
    @Arg('comment', () => String, { description: 'A comment kept in the history (optional).', nullable: true })
    comment: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'CLOSE', { reason, comment: comment ?? null }));
  }

  @Mutation(() => Ticket, { description: 'Staff; running SLA deadlines are recomputed by the SLA service (R-SLA-10).' })
  async changePriority(
    @Arg('id', () => ID, { description: 'The ticket, before RESOLVED.' }) id: string,
    @Arg('priority', () => PriorityEnum, {
      description: 'The new priority; running deadlines are recomputed from their start (R-SLA-10).',
    })
    priority: Priority,
    @Arg('reason', () => String, { description: 'Why, kept in the history (optional).', nullable: true })
    reason: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'CHANGE_PRIORITY', { priority, reason: reason ?? null }),
    );
  }

  @Mutation(() => Ticket, {
    description: `Staff: reclassifies the ticket after triage; running SLA deadlines are recomputed from their original start, time spent stays spent (R-SLA-10). Needs ${TRANSITIONS.CHANGE_CATEGORY.needs}.`,
  })
  async changeCategory(
    @Arg('id', () => ID, { description: 'The ticket, before RESOLVED.' }) id: string,
    @Arg('category', () => CategoryEnum, { description: 'The new category (R-TKT-6).' }) category: Category,
    @Arg('reason', () => String, { description: 'Why, kept in the history; 1-2,000 characters.' }) reason: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'CHANGE_CATEGORY', { category, reason }));
  }

  @Mutation(() => Ticket, {
    description:
      'Staff: a new planned resolution date, e.g. the execution term extended by agreement (R-TKT-10, R-SLA-5).',
  })
  async changePlannedDate(
    @Arg('id', () => ID, { description: 'The ticket (IN_PROGRESS or AWAITING_CLARIFICATION).' }) id: string,
    @Arg('plannedResolutionAt', () => Date, { description: 'The new planned resolution instant, in the future.' })
    plannedResolutionAt: Date,
    @Arg('reason', () => String, { description: 'Why, e.g. agreed with the customer (optional).', nullable: true })
    reason: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'CHANGE_PLANNED_DATE', {
        plannedResolutionAt,
        reason: reason ?? null,
      }),
    );
  }

  @Mutation(() => Ticket, {
    description: `Staff: proposes the execution term to the customer (003 item 2). Needs ${TRANSITIONS.PROPOSE_PLANNED_DATE.needs}.`,
  })
  async proposePlannedDate(
    @Arg('id', () => ID, { description: 'The ticket, before RESOLVED.' }) id: string,
    @Arg('plannedResolutionAt', () => Date, { description: 'The proposed planned resolution instant, in the future.' })
    plannedResolutionAt: Date,
    @Arg('note', () => String, { description: 'Why this date (optional), kept in the history.', nullable: true })
    note: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(
      await ctx.app.workflow.move(ctx.caller, id, 'PROPOSE_PLANNED_DATE', { plannedResolutionAt, note: note ?? null }),
    );
  }

  @Mutation(() => Ticket, {
    description: `Customer: agrees the proposed date; it becomes the planned resolution date and the TERM_AGREEMENT clock stops (003 item 2). Needs ${TRANSITIONS.AGREE_PLANNED_DATE.needs}.`,
  })
  async agreePlannedDate(
    @Arg('id', () => ID, { description: 'The ticket with a proposed date.' }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'AGREE_PLANNED_DATE', {}));
  }

  @Mutation(() => Ticket, {
    description:
      'Customer: objects to the proposed date with a reason; the term stays unagreed and TERM_AGREEMENT keeps running (003 item 2).',
  })
  async objectToPlannedDate(
    @Arg('id', () => ID, { description: 'The ticket with a proposed date.' }) id: string,
    @Arg('reason', () => String, { description: 'Why the date does not suit, at most 2,000 characters.' })
    reason: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'OBJECT_TO_PLANNED_DATE', { reason }));
  }

  @Mutation(() => Ticket, {
    description: `Staff: marks the ticket as a product failure ("сбой", 003 §7); it cannot close until its failure report is submitted (submitFailureReport, R-SLA-11). Needs ${TRANSITIONS.MARK_AS_FAILURE.needs}.`,
  })
  async markAsFailure(
    @Arg('id', () => ID, { description: 'The open ticket.' }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'MARK_AS_FAILURE', {}));
  }

  @Mutation(() => Ticket, { description: 'Staff: assigns an active staff member.' })
  async assignTicket(
    @Arg('id', () => ID, { description: 'The open ticket.' }) id: string,
    @Arg('assigneeId', () => ID, { description: 'An active staff member.' }) assigneeId: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'ASSIGN', { assigneeId }));
  }

  @Mutation(() => Message, {
    description: 'A public message, or an internal note (provider staff only; never shown to the customer).',
  })
  async addMessage(
    @Arg('ticketId', () => ID, { description: 'The open ticket.' }) ticketId: string,
    @Arg('body', () => String, { description: 'The text, at most 20,000 characters.' }) body: string,
    @Arg('internal', () => Boolean, {
      description: 'True: a provider-internal note, staff only (default false).',
      nullable: true,
    })
    internal: boolean | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Message> {
    return toMessage(await ctx.app.workflow.addMessage(ctx.caller, ticketId, body, internal ?? false));
  }

  @Mutation(() => Attachment, {
    description: 'Attaches a file (base64 content; size limit TICKETS_ATTACHMENT_MAX_BYTES).',
  })
  async addAttachment(
    @Arg('ticketId', () => ID, { description: 'The open ticket.' }) ticketId: string,
    @Arg('input', () => AttachmentInput, { description: 'The file.' }) input: AttachmentInput,
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
    @Arg('id', () => ID, {
      description: 'The ticket, before RESOLVED; starts the ON_SITE clock (kz-supplier: 3 calendar hours).',
    })
    id: string,
    @Arg('note', () => String, { description: 'Where and why (optional).', nullable: true })
    note: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'REQUEST_ON_SITE', { note: note ?? null }));
  }

  @Mutation(() => Ticket, { description: 'Engineer: arrived on site; stops ON_SITE (003).' })
  async recordOnSiteArrival(
    @Arg('id', () => ID, { description: 'The ticket with a visit pending; stops the ON_SITE clock.' }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.workflow.move(ctx.caller, id, 'RECORD_ON_SITE_ARRIVAL', {}));
  }
}
