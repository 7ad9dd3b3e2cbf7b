/**
 * Every TypeORM entity of this part: the classes (defined in the `*.entities.ts` files beside
 * this one) and the list its data source opens. `infra/entities.ts` means this in every service.
 */
import { OrganizationEntity, ContractEntity } from './contract.entities';
import { ContactEntity, StaffEntity, CredentialEntity, LoginThrottleEntity } from './people.entities';
import {
  HourPackageEntity,
  PrepaidAccountEntity,
  LedgerEntryEntity,
  PaymentEntity,
  TimeEntryEntity,
} from './prepaid.entities';
import { ReleaseEntity } from './release.entities';
import { AdvisoryEntity, AdvisoryRecipientEntity } from './advisory.entities';
import { ContractDutyEntity, DutyOccurrenceEntity } from './duty.entities';
import { KnownTicketEntity } from './read-model.entities';

export * from './contract.entities';
export * from './people.entities';
export * from './prepaid.entities';
export * from './release.entities';
export * from './advisory.entities';
export * from './duty.entities';
export * from './read-model.entities';

export const contractsEntities = [
  OrganizationEntity,
  ContractEntity,
  ContactEntity,
  StaffEntity,
  CredentialEntity,
  LoginThrottleEntity,
  HourPackageEntity,
  PrepaidAccountEntity,
  LedgerEntryEntity,
  PaymentEntity,
  TimeEntryEntity,
  ReleaseEntity,
  AdvisoryEntity,
  AdvisoryRecipientEntity,
  KnownTicketEntity,
  ContractDutyEntity,
  DutyOccurrenceEntity,
];
