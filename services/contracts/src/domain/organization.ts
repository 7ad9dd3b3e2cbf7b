import { badInput, plainText } from '@reglament/shared/domain';

export interface NewOrganization {
  name: string;
  email: string;
  emailDomains: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** Validates and normalizes a new organization; a refusal names the field and what is allowed. */
export function validateNewOrganization(input: NewOrganization): NewOrganization {
  const name = plainText(input.name.trim(), 'name');
  if (name.length < 1 || name.length > 200) {
    throw badInput('name must be 1 to 200 characters', { field: 'name' });
  }
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) throw badInput(`email must be an e-mail address, got "${input.email}"`, { field: 'email' });
  const emailDomains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase()))];
  for (const domain of emailDomains) {
    if (!DOMAIN.test(domain)) {
      throw badInput(`emailDomains must be domain names like example.com, got "${domain}"`, { field: 'emailDomains' });
    }
  }
  return { name, email, emailDomains };
}
