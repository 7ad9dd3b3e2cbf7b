import { conflict, makeEvent } from '@reglament/shared/domain';
import { type Tx } from '@reglament/shared/platform';
import { hashPassword, validatePassword } from '../domain/password';
import { ContactEntity, CredentialEntity } from '../infra/people.entities';
import { origin } from './facts';

/**
 * One login per e-mail across contacts and staff (the unique index is the last word; the
 * check first gives the caller a message it can act on).
 */
export async function registerCredential(
  tx: Tx,
  credential: { userId: string; email: string; kind: 'CONTACT' | 'STAFF'; password: string | null; at: Date },
): Promise<void> {
  await requireFreeEmail(tx, credential.email, credential.userId);
  const passwordHash = credential.password === null ? null : await hashPassword(validatePassword(credential.password));
  await tx.manager.insert(CredentialEntity, {
    userId: credential.userId,
    email: credential.email,
    kind: credential.kind,
    passwordHash,
    updatedAt: credential.at,
  });
}

export async function requireFreeEmail(tx: Tx, email: string, userId: string): Promise<void> {
  const taken = await tx.manager.findOneBy(CredentialEntity, { email });
  if (taken && taken.userId !== userId) {
    throw conflict(
      `The e-mail ${email} already belongs to another contact or staff member; each login needs its own e-mail`,
      {
        field: 'email',
      },
    );
  }
}

export async function changeCredential(
  tx: Tx,
  userId: string,
  changes: { email?: string; password?: string | null },
  at: Date,
): Promise<void> {
  const credential = await tx.manager.findOneByOrFail(CredentialEntity, { userId });
  if (changes.email !== undefined && changes.email !== credential.email) {
    await requireFreeEmail(tx, changes.email, userId);
    credential.email = changes.email;
  }
  const passwordChanged = changes.password !== undefined && changes.password !== null;
  if (passwordChanged) credential.passwordHash = await hashPassword(validatePassword(changes.password!));
  credential.updatedAt = at;
  await tx.manager.save(CredentialEntity, credential);
  if (passwordChanged) {
    // Tokens issued before a new password are refused at the gateway (real time, like their iat).
    const organizationId =
      credential.kind === 'CONTACT'
        ? ((await tx.manager.findOneBy(ContactEntity, { id: userId }))?.organizationId ?? null)
        : null;
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
