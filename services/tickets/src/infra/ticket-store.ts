import { conflict, isUuid, type Visibility } from '@reglament/shared/domain';
import { type EntityManager, In } from 'typeorm';
import type { MoveContext, StaffMember } from '../domain/transitions';
import type { TicketState } from '../domain/ticket';
import { formatTicketNumber } from '../domain/registration';
import {
  KnownContactEntity,
  KnownContractEntity,
  KnownStaffEntity,
  TicketEntity,
  TicketSlaStateEntity,
} from './entities';

/** Years whose number sequence a database is known to have (sequences are never dropped). */
const sequencesOf = new WeakMap<object, Set<number>>();

function knownSequences(manager: EntityManager): Set<number> {
  let known = sequencesOf.get(manager.connection);
  if (!known) sequencesOf.set(manager.connection, (known = new Set()));
  return known;
}

/** The write side's access to tickets and the read models a decision consults; always inside a transaction. */
export class TicketStore {
  constructor(private readonly manager: EntityManager) {}

  /** A ticket the caller may see, or null. `lock` serializes changes that never conflict (messages, files). */
  async load(visibility: Visibility, id: string, lock = false): Promise<TicketEntity | null> {
    if (visibility.kind === 'none' || !isUuid(id)) return null;
    const query = this.manager.createQueryBuilder(TicketEntity, 't').where('t.id = :id', { id });
    if (visibility.kind === 'organization') {
      query.andWhere('t.organization_id = :org', { org: visibility.organizationId });
    }
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async insert(ticket: TicketEntity): Promise<void> {
    await this.manager.insert(TicketEntity, ticket);
  }

  /**
   * Writes a change made from `before`: only the changed columns, and only if nobody changed
   * the ticket since it was read (optimistic version check). Otherwise CONFLICT, and the
   * transaction (history, messages, events) rolls back with it.
   */
  async saveChange(before: TicketEntity, changes: Partial<TicketState>): Promise<TicketEntity> {
    const { id: _id, version: _version, ...columns } = changes;
    const result = await this.manager
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ ...columns, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (result.affected !== 1) {
      throw conflict(
        `Ticket ${before.number} was changed by someone else at the same moment (it is no longer at version ${before.version}); reload it and decide again`,
        { ticketId: before.id, expectedVersion: before.version },
      );
    }
    return { ...before, ...columns, version: before.version + 1 };
  }

  /**
   * R-TKT-1: the next number of the year, from the year's own sequence (docs/adr/0019): unique
   * and increasing across replicas without a lock held to the commit, so registrations do not
   * queue behind one another. A number is lost only when its registration fails after it was
   * taken (nothing is refused after this point but a crash or a database error).
   */
  async nextNumber(year: number): Promise<string> {
    if (!Number.isInteger(year) || year < 1970 || year > 9999)
      throw new Error(`no ticket numbers for the year ${year}`);
    const sequence = `ticket_number_${year}`;
    const known = knownSequences(this.manager);
    if (!known.has(year)) {
      if (await this.sequenceExists(sequence)) known.add(year);
      else await this.createSequence(sequence);
    }
    const rows = (await this.manager.query(`SELECT nextval('${sequence}') AS value`)) as { value: string | number }[];
    return formatTicketNumber(year, Number(rows[0]!.value));
  }

  private async sequenceExists(sequence: string): Promise<boolean> {
    const rows = (await this.manager.query('SELECT to_regclass($1) IS NOT NULL AS found', [sequence])) as {
      found: boolean;
    }[];
    return rows[0]!.found;
  }

  /**
   * The first registration of a year makes its sequence, in its own transaction: a second one
   * creating it at the same moment waits for the first, then finds it made (a duplicate error,
   * rolled back to the savepoint). Not remembered as known until seen committed.
   */
  private async createSequence(sequence: string): Promise<void> {
    await this.manager.query('SAVEPOINT ticket_number_sequence');
    try {
      await this.manager.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence} AS integer MINVALUE 1 NO CYCLE`);
      await this.manager.query('RELEASE SAVEPOINT ticket_number_sequence');
    } catch (error) {
      await this.manager.query('ROLLBACK TO SAVEPOINT ticket_number_sequence');
      if (!/duplicate key|already exists/i.test(String(error))) throw error;
    }
  }

  async slaStanding(ticketId: string): Promise<MoveContext['sla']> {
    const row = await this.manager.findOneBy(TicketSlaStateEntity, { ticketId });
    return {
      failureReportPending: row?.failureReportPending ?? false,
      clarificationExpiredAt: row?.clarificationExpiredAt ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async staff(ids: string[]): Promise<Map<string, StaffMember>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows = await this.manager.findBy(KnownStaffEntity, { staffId: In(valid) });
    return new Map(rows.map((r) => [r.staffId, { id: r.staffId, fullName: r.fullName, active: r.active }]));
  }

  async contact(id: string): Promise<KnownContactEntity | null> {
    return isUuid(id) ? this.manager.findOneBy(KnownContactEntity, { contactId: id }) : null;
  }

  contract(id: string): Promise<KnownContractEntity | null> {
    return this.manager.findOneBy(KnownContractEntity, { contractId: id });
  }

  contractsOf(organizationId: string): Promise<KnownContractEntity[]> {
    return this.manager.findBy(KnownContractEntity, { organizationId });
  }

  /** Active contacts whose phone has these digits (the last 10 when both have that many: +7 and 8 prefixes). */
  activeContactsByPhone(digits: string): Promise<KnownContactEntity[]> {
    return this.manager
      .createQueryBuilder(KnownContactEntity, 'c')
      .where('c.active')
      .andWhere(
        `(regexp_replace(c.phone, '\\D', '', 'g') = CAST(:digits AS text)
          OR (length(CAST(:digits AS text)) >= 10
              AND right(regexp_replace(c.phone, '\\D', '', 'g'), 10) = right(CAST(:digits AS text), 10)))`,
        { digits },
      )
      .orderBy('c.contactId')
      .limit(5)
      .getMany();
  }
}
