import type { ContractEntity, OrganizationEntity } from '../infra/entities';
import type { ContractStatus } from '../domain/contract';
import { type Contract, ContractStatusEnum, type Organization } from './types';

export function toOrganization(row: OrganizationEntity): Organization {
  return { id: row.id, name: row.name, email: row.email, emailDomains: row.emailDomains };
}

export function toContract(row: ContractEntity, status: ContractStatus): Contract {
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    status: ContractStatusEnum[status],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    preset: row.preset,
    totalValue: row.totalValue === null ? null : Number(row.totalValue),
    products: row.products,
  };
}
