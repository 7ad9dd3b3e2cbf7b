import { badInput, plainText, STAFF_ROLES, type StaffRole } from '@reglament/shared/domain';
import { isEmail, normalizeEmail } from './organization';

/** R-ACC-1 (000): the customer's employees registered for portal access, and the provider's staff. */
export interface NewContact {
  organizationId: string;
  fullName: string;
  email: string;
  phone: string | null;
  /** Without one the contact is registered (e-mail intake, R-TKT-4) but cannot log in yet. */
  password: string | null;
}

export interface NewStaff {
  fullName: string;
  email: string;
  role: StaffRole;
  password: string;
}

const PHONE = /^\+?[0-9 ()-]{5,30}$/;

export function validateFullName(value: string): string {
  const fullName = plainText(value.trim(), 'fullName').replace(/\s+/g, ' ');
  if (fullName.length < 1 || fullName.length > 200) {
    throw badInput('fullName must be 1 to 200 characters', { field: 'fullName' });
  }
  return fullName;
}

export function validateEmail(value: string): string {
  const email = normalizeEmail(value);
  if (!isEmail(email)) throw badInput(`email must be an e-mail address, got "${value}"`, { field: 'email' });
  return email;
}

export function validatePhone(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const phone = value.trim();
  if (!PHONE.test(phone)) {
    throw badInput(`phone must be a phone number of digits, spaces, ()- and an optional leading +, got "${value}"`, {
      field: 'phone',
    });
  }
  return phone;
}

export function validateStaffRole(role: string): StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    throw badInput(`role of a staff member must be one of ${STAFF_ROLES.join(', ')}, got ${role}`, { field: 'role' });
  }
  return role as StaffRole;
}

export function validateNewContact(input: NewContact): NewContact {
  return {
    organizationId: input.organizationId,
    fullName: validateFullName(input.fullName),
    email: validateEmail(input.email),
    phone: validatePhone(input.phone),
    password: input.password,
  };
}

export function validateNewStaff(input: NewStaff): NewStaff {
  return {
    fullName: validateFullName(input.fullName),
    email: validateEmail(input.email),
    role: validateStaffRole(input.role),
    password: input.password,
  };
}
