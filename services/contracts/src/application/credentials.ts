import { conflict, makeEvent } from '@reglament/shared/domain';
import { type Tx } from '@reglament/shared/platform';
import { hashPassword, validatePassword } from '../domain/password';
import type { CredentialStore } from '../infra/people-store';
import { origin } from './facts';

/**
 * One login per e-mail across contacts and staff (the unique index is the last word; the
 * check first gives the caller a message it can act on).
 */
export class Credentials {
  constructor(private readonly store: CredentialStore) {}

  async register(
    tx: Tx,
    credential: { userId: string; email: string; kind: 'CONTACT' | 'STAFF'; password: string | null; at: Date },
  ): Promise<void> {
    await this.requireFreeEmail(tx, credential.email, credential.userId);
    const passwordHash =
      credential.password === null ? null : await hashPassword(validatePassword(credential.password));
    await this.store.insert(tx.manager, {
      userId: credential.userId,
      email: credential.email,
      kind: credential.kind,
      passwordHash,
      updatedAt: credential.at,
    });
  }

  async change(tx: Tx, userId: string, changes: { email?: string; password?: string | null }, at: Date): Promise<void> {
    const credential = await this.store.ofUser(tx.manager, userId);
    if (changes.email !== undefined && changes.email !== credential.email) {
      await this.requireFreeEmail(tx, changes.email, userId);
      credential.email = changes.email;
    }
    const passwordChanged = changes.password !== undefined && changes.password !== null;
    if (passwordChanged) credential.passwordHash = await hashPassword(validatePassword(changes.password!));
    credential.updatedAt = at;
    await this.store.save(tx.manager, credential);
    if (passwordChanged) {
      // Tokens issued before a new password are refused at the gateway (real time, like their iat).
      const organizationId =
        credential.kind === 'CONTACT' ? await this.store.organizationOfContact(tx.manager, userId) : null;
      tx.emit(
        makeEvent(
          'contracts.credential.changed',
          organizationId,
          { accountId: userId, kind: credential.kind, organizationId, tokensValidFrom: new Date().toISOString() },
          origin(at),
        ),
      );
    }
  }

  /** Whether a login with this (normalized) e-mail exists. */
  async exists(email: string): Promise<boolean> {
    return (await this.store.byEmail(email)) !== null;
  }

  private async requireFreeEmail(tx: Tx, email: string, userId: string): Promise<void> {
    const taken = await this.store.byEmail(email, tx.manager);
    if (taken && taken.userId !== userId) {
      throw conflict(
        `The e-mail ${email} already belongs to another contact or staff member; each login needs its own e-mail`,
        {
          field: 'email',
        },
      );
    }
  }
}
