import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
}
