import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReleaseKind } from '../domain/release';

/** A release in a product's schedule (R-SLA-7). */
@Entity({ name: 'releases' })
@Index('releases_product_planned_idx', ['product', 'plannedAt'])
export class ReleaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_releases' })
  id!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ type: 'text' })
  kind!: ReleaseKind;

  @Column({ type: 'timestamptz', name: 'planned_at' })
  plannedAt!: Date;

  @Column({ type: 'text', nullable: true })
  version!: string | null;

  /** When the release went out (publishRelease); null: only scheduled. */
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
