import {
  canSeeOrganization,
  type Caller,
  type Clock,
  makeEvent,
  newId,
  notFound,
  requireRole,
  requireUuid,
  type Transactions,
  visibilityOf,
} from '@reglament/shared';
import type { DataSource } from 'typeorm';
import { type NewOrganization, validateNewOrganization } from '../domain/organization';
import { OrganizationEntity } from '../infra/entities';

export class Organizations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: NewOrganization): Promise<OrganizationEntity> {
    requireRole(caller, ['ADMIN', 'DISPATCHER'], 'create organizations');
    const valid = validateNewOrganization(input);
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const organization: OrganizationEntity = { id: newId(), ...valid, createdAt: now };
      await tx.manager.insert(OrganizationEntity, organization);
      tx.emit(
        makeEvent(
          'contracts.organization.created',
          organization.id,
          { organizationId: organization.id, name: valid.name, email: valid.email, emailDomains: valid.emailDomains },
          { source: 'contracts', occurredAt: now },
        ),
      );
      return organization;
    });
  }

  /** An organization the caller may see, or NOT_FOUND (never a hint that it exists elsewhere). */
  async get(caller: Caller, id: string): Promise<OrganizationEntity> {
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneBy({ id: requireUuid(id, 'id') });
    if (!organization || !canSeeOrganization(visibilityOf(caller), organization.id)) throw notFound('Organization', id);
    return organization;
  }
}
