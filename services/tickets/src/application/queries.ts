import { type Caller, notFound, requireUser, requireUuid, visibilityOf, type Visibility } from '@reglament/shared';
import type { DataSource } from 'typeorm';
import { TicketEntity } from '../infra/entities';

/** Reads always go through the caller's visibility: a customer's query cannot reach another organization. */
export class TicketQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byId(caller: Caller, id: string): Promise<TicketEntity> {
    requireUser(caller, 'read tickets');
    const ticket = await this.findVisible(visibilityOf(caller), { id: requireUuid(id, 'id') });
    if (!ticket) throw notFound('Ticket', id);
    return ticket;
  }

  async byNumber(caller: Caller, number: string): Promise<TicketEntity> {
    requireUser(caller, 'read tickets');
    const ticket = await this.findVisible(visibilityOf(caller), { number: number.trim() });
    if (!ticket) throw notFound('Ticket', number);
    return ticket;
  }

  private async findVisible(
    visibility: Visibility,
    where: { id: string } | { number: string },
  ): Promise<TicketEntity | null> {
    if (visibility.kind === 'none') return null;
    const scoped = visibility.kind === 'organization' ? { ...where, organizationId: visibility.organizationId } : where;
    return this.dataSource.getRepository(TicketEntity).findOneBy(scoped);
  }
}
