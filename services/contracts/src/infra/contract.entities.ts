import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SupportContacts } from '../domain/support-contacts';
import type { ContractStatus, Prerequisite } from '../domain/contract';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_organizations' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', array: true, name: 'email_domains', default: () => "'{}'" })
  emailDomains!: string[];

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

@Entity({ name: 'contracts' })
@Index('contracts_organization_idx', ['organizationId'])
@Index('contracts_organization_number_uq', ['organizationId', 'number'], { unique: true })
export class ContractEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_contracts' })
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  preset!: string;

  @Column({ type: 'date', name: 'starts_on' })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on' })
  endsOn!: string;

  @Column({ type: 'numeric', name: 'total_value', nullable: true })
  totalValue!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  products!: string[];

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** The status last published (contracts.contract.status_changed); the clock moves it. */
  @Column({ type: 'text', default: 'DRAFT' })
  status!: ContractStatus;

  @Column({ type: 'boolean', default: false })
  suspended!: boolean;

  @Column({ type: 'text', name: 'suspension_reason', nullable: true })
  suspensionReason!: string | null;

  @Column({ type: 'text' })
  coverage!: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  prerequisites!: Prerequisite[];

  @Column({ type: 'boolean', default: false })
  warranty!: boolean;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'customization_hourly_rate', nullable: true })
  customizationHourlyRate!: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, name: 'customization_cap_percent', default: 15 })
  customizationCapPercent!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  holidays!: string[];

  /** 001: the contract's own contact points of the provider; null: the preset's. */
  @Column({ type: 'jsonb', name: 'support_contacts', nullable: true })
  supportContacts!: SupportContacts | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
