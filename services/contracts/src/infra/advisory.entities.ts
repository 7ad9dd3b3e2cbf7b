import type { AdvisorySeverity } from '@reglament/shared/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A security advisory about a product (R-NTF-2) and its fix (R-SLA-6). */
@Entity({ name: 'advisories' })
@Index('advisories_product_published_idx', ['product', 'publishedAt'])
@Index('advisories_published_idx', ['publishedAt'])
export class AdvisoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_advisories' })
  id!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  severity!: AdvisorySeverity;

  @Column({ type: 'timestamptz', name: 'discovered_at' })
  discoveredAt!: Date;

  /** R-SLA-6: discovery + the shortest fix term of the affected contracts' presets. */
  @Column({ type: 'timestamptz', name: 'fix_due_at' })
  fixDueAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at' })
  publishedAt!: Date;

  @Column({ type: 'uuid', name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'uuid', name: 'fixed_in_release_id', nullable: true })
  fixedInReleaseId!: string | null;

  @Column({ type: 'timestamptz', name: 'fixed_at', nullable: true })
  fixedAt!: Date | null;
}

/** Who an advisory was addressed to: one row per contact, kept so the fix reaches the same people. */
@Entity({ name: 'advisory_recipients' })
@Index('advisory_recipients_org_idx', ['advisoryId', 'organizationId'])
export class AdvisoryRecipientEntity {
  @PrimaryColumn({ type: 'uuid', name: 'advisory_id', primaryKeyConstraintName: 'PK_advisory_recipients' })
  advisoryId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'contact_id', primaryKeyConstraintName: 'PK_advisory_recipients' })
  contactId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** The contact's name and address when told (the contact may change later). */
  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;
}
