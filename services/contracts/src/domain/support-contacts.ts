import { badInput } from '@reglament/shared/domain';

/**
 * Seed 001 ("единая точка приема и обработки заявок"): where a customer reaches the provider: the
 * main line, backup numbers, the support e-mail and the portal. A preset carries what its seed
 * says; a contract may set its own (000 and 003 name the channels but no numbers).
 */
export interface SupportContacts {
  mainPhone: string | null;
  backupPhones: string[];
  email: string | null;
  portalUrl: string | null;
}

export const NO_SUPPORT_CONTACTS: SupportContacts = { mainPhone: null, backupPhones: [], email: null, portalUrl: null };
export const BACKUP_PHONES_MAX = 5;

const PHONE = /^\+?[0-9 ()-]{5,40}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;

/** Checked contact points: phones of digits, spaces, +, (), -; an e-mail address; an http(s) URL. */
export function validateSupportContacts(input: SupportContacts): SupportContacts {
  const phone = (value: string | null, field: string) => {
    const text = value?.trim() || null;
    if (text !== null && !PHONE.test(text)) {
      throw badInput(`${field} must be a phone number of 5-40 digits, spaces, +, ( ) and -`, { field });
    }
    return text;
  };
  if (input.backupPhones.length > BACKUP_PHONES_MAX) {
    throw badInput(`at most ${BACKUP_PHONES_MAX} backup phones`, { field: 'supportContacts.backupPhones' });
  }
  const email = input.email?.trim() || null;
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
    throw badInput('supportContacts.email must be an e-mail address', { field: 'supportContacts.email' });
  }
  const portalUrl = input.portalUrl?.trim() || null;
  if (portalUrl !== null && (portalUrl.length > 500 || !/^https?:\/\/[^\s]+$/.test(portalUrl))) {
    throw badInput('supportContacts.portalUrl must be an http(s) URL of at most 500 characters', {
      field: 'supportContacts.portalUrl',
    });
  }
  return {
    mainPhone: phone(input.mainPhone, 'supportContacts.mainPhone'),
    backupPhones: input.backupPhones.map((p, i) => phone(p, `supportContacts.backupPhones[${i}]`)!).filter(Boolean),
    email,
    portalUrl,
  };
}
