import { connectionType } from '@reglament/shared/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dutyNote } from '../../application/duty-occurrences';
import type { TicketEntity } from '../../infra/entities';
import type { TicketsContext } from '../context';
import { toTicket } from '../mappers';
import { DutyOccurrence, DutyOccurrenceFilter, DutyOccurrenceStatusEnum } from '../types/duty.types';
import { AttachmentInput } from '../types/inputs';
import { Ticket } from '../types/ticket.types';

export const DutyOccurrenceConnection = connectionType(DutyOccurrence, 'DutyOccurrence');

function toOccurrence(row: TicketEntity): DutyOccurrence {
  const duty = row.duty!;
  return {
    id: row.id,
    dutyId: duty.dutyId,
    contractId: row.contractId,
    title: row.title,
    party: duty.party,
    periodStart: new Date(duty.periodStart),
    periodStartsOn: duty.periodStartsOn,
    dueWorkingDays: duty.dueWorkingDays,
    seedClause: duty.seedClause,
    status: row.status === 'CLOSED' ? DutyOccurrenceStatusEnum.DONE : DutyOccurrenceStatusEnum.OPEN,
    completedAt: duty.completedAt ? new Date(duty.completedAt) : null,
    completedBy: duty.completedBy,
    note: duty.note,
    attachmentId: duty.attachmentId,
  };
}

/** Issue 18: occurrences of contract duties (DUTY tickets) and their completion; thin translations. */
@Resolver(() => DutyOccurrence)
export class DutyResolver {
  @Query(() => DutyOccurrenceConnection, {
    description:
      "Occurrences of contract duties the caller may see (a customer: its organization's only), in the order they opened.",
  })
  async dutyOccurrences(
    @Arg('filter', () => DutyOccurrenceFilter, { description: 'Which ones (optional).', nullable: true })
    filter: DutyOccurrenceFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor of the last occurrence seen.', nullable: true })
    after: string | null,
    @Ctx() ctx: TicketsContext,
  ) {
    const page = await ctx.app.dutyOccurrences.list(
      ctx.caller,
      {
        contractId: filter?.contractId ?? null,
        dutyId: filter?.dutyId ?? null,
        party: filter?.party ?? null,
        status: filter?.status ?? null,
        periodFrom: filter?.periodFrom ?? null,
        periodTo: filter?.periodTo ?? null,
      },
      first,
      after,
    );
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toOccurrence(edge.node) })) };
  }

  @Mutation(() => DutyOccurrence, {
    description:
      "Completes an occurrence of a contract duty with a note or a file (or both): its DUTY ticket closes as DONE and its clock stops (MET, or BREACHED if late). A customer completes its organization's CUSTOMER duties; staff any.",
  })
  async completeDutyOccurrence(
    @Arg('id', () => ID, { description: 'The occurrence (its DUTY ticket).' }) id: string,
    @Arg('note', () => String, { description: 'What was done, at most 4000 characters.', nullable: true })
    note: string | null | undefined,
    @Arg('file', () => AttachmentInput, {
      description: 'A file showing it (the attachment size limit applies); public to the customer.',
      nullable: true,
    })
    file: AttachmentInput | null | undefined,
    @Ctx() ctx: TicketsContext,
  ): Promise<DutyOccurrence> {
    const row = await ctx.app.workflow.completeDuty(
      ctx.caller,
      id,
      dutyNote(note),
      file
        ? { name: file.name, contentType: file.contentType, contentBase64: file.contentBase64, internal: false }
        : null,
    );
    return toOccurrence(row);
  }

  @FieldResolver(() => Ticket, { description: 'The DUTY ticket: its clock is Ticket.sla.', nullable: true })
  async ticket(@Root() occurrence: DutyOccurrence, @Ctx() ctx: TicketsContext): Promise<Ticket | null> {
    const row = await ctx.loaders.ticket.load(occurrence.id);
    return row ? toTicket(row) : null;
  }
}
