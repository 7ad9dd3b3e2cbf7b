import {
  canSeeOrganization,
  type Caller,
  type Clock,
  makeEvent,
  newId,
  notFound,
  PRESET_IDS,
  requireRole,
  requireUuid,
  type Transactions,
  visibilityOf,
} from '@reglament/shared';
import type { DataSource } from 'typeorm';
import { contractStatusOn, type NewContract, validateNewContract } from '../domain/contract';
import { ContractEntity, OrganizationEntity } from '../infra/entities';

export class Contracts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: NewContract): Promise<ContractEntity> {
    requireRole(caller, ['ADMIN', 'DISPATCHER'], 'create contracts');
    requireUuid(input.organizationId, 'organizationId');
    const valid = validateNewContract(input, PRESET_IDS);
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const organization = await tx.manager.findOneBy(OrganizationEntity, { id: valid.organizationId });
      if (!organization) throw notFound('Organization', valid.organizationId);
      const contract: ContractEntity = {
        id: newId(),
        organizationId: valid.organizationId,
        number: valid.number,
        preset: valid.preset,
        startsOn: valid.startsOn,
        endsOn: valid.endsOn,
        totalValue: valid.totalValue === null ? null : String(valid.totalValue),
        products: valid.products,
        createdAt: now,
      };
      await tx.manager.insert(ContractEntity, contract);
      tx.emit(
        makeEvent(
          'contracts.contract.created',
          contract.organizationId,
          {
            contractId: contract.id,
            organizationId: contract.organizationId,
            number: contract.number,
            preset: contract.preset,
            status: this.statusOf(contract),
            startsOn: contract.startsOn,
            endsOn: contract.endsOn,
            products: contract.products,
            coverage: null,
            timeZone: 'Europe/Moscow',
            prerequisites: [],
          },
          { source: 'contracts', occurredAt: now },
        ),
      );
      return contract;
    });
  }

  async get(caller: Caller, id: string): Promise<ContractEntity> {
    const contract = await this.dataSource.getRepository(ContractEntity).findOneBy({ id: requireUuid(id, 'id') });
    if (!contract || !canSeeOrganization(visibilityOf(caller), contract.organizationId)) throw notFound('Contract', id);
    return contract;
  }

  statusOf(contract: ContractEntity) {
    return contractStatusOn(contract, this.clock.now().toISOString().slice(0, 10));
  }
}
