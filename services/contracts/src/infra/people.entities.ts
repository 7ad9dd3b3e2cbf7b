import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@reglament/shared/domain';

/** R-ACC-1: an employee of a customer organization registered with the provider. */
@Entity({ name: 'contacts' })
@Index('contacts_organization_idx', ['organizationId'])
export class ContactEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_contacts' })
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Language of notifications to them (RU or EN). */
  @Column({ type: 'text', default: 'RU' })
  language!: string;

  /** Notification kinds they get no e-mail for (never a legally required one). */
  @Column({ type: 'text', array: true, name: 'email_off', default: () => "'{}'" })
  emailOff!: string[];

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** The provider's people: dispatchers, engineers, admins. */
@Entity({ name: 'staff' })
export class StaffEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_staff' })
  id!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Language of notifications to them (RU or EN). */
  @Column({ type: 'text', default: 'RU' })
  language!: string;

  /** Notification kinds they get no e-mail for (never a legally required one). */
  @Column({ type: 'text', array: true, name: 'email_off', default: () => "'{}'" })
  emailOff!: string[];

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** One login per e-mail across contacts and staff; the password as a scrypt hash. */
@Entity({ name: 'credentials' })
@Index('credentials_email_uq', ['email'], { unique: true })
export class CredentialEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'PK_credentials' })
  userId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  kind!: 'CONTACT' | 'STAFF';

  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/**
 * Failed logins, counted per (e-mail, client address) and per client address (R-ACC-1
 * hardening). The e-mail is kept as a SHA-256 only, so guessed e-mails are not stored as typed;
 * the address is kept so an administrator can lift its lock. Rows nobody repeats for a day go.
 */
@Entity({ name: 'login_throttle' })
@Index('login_throttle_last_failure_idx', ['lastFailureAt'])
@Index('login_throttle_email_idx', ['emailHash'])
@Index('login_throttle_address_idx', ['address'])
export class LoginThrottleEntity {
  /** SHA-256 of the scope, e-mail and address. */
  @PrimaryColumn({ type: 'text', name: 'throttle_key', primaryKeyConstraintName: 'PK_login_throttle' })
  key!: string;

  @Column({ type: 'text' })
  scope!: 'EMAIL_ADDRESS' | 'ADDRESS';

  /** SHA-256 of the normalized e-mail (null for an address row). */
  @Column({ type: 'text', name: 'email_hash', nullable: true })
  emailHash!: string | null;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'timestamptz', name: 'last_failure_at' })
  lastFailureAt!: Date;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}
