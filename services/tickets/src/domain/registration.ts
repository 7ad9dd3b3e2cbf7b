import { badInput, type Category, type Channel, type Priority } from '@reglament/shared';

export interface RegistrationInput {
  contractId: string;
  requesterId: string | null;
  channel: Channel;
  title: string;
  description: string;
  category: Category | null;
  priority: Priority | null;
  product: string | null;
  serviceCode: string | null;
  answeredOnCall: boolean | null;
}

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 20_000;

/** R-TKT-5: the fields of a registration, trimmed and checked; a refusal names the field. */
export function validateRegistration(input: RegistrationInput): RegistrationInput {
  const title = input.title.trim();
  if (title.length < 1 || title.length > TITLE_MAX) {
    throw badInput(`title must be 1 to ${TITLE_MAX} characters`, { field: 'title' });
  }
  const description = input.description.trim();
  if (description.length < 1 || description.length > DESCRIPTION_MAX) {
    throw badInput(`description must be 1 to ${DESCRIPTION_MAX} characters`, { field: 'description' });
  }
  if (input.answeredOnCall !== null && input.channel !== 'PHONE') {
    throw badInput('answeredOnCall applies only to PHONE tickets', { field: 'answeredOnCall' });
  }
  return {
    ...input,
    title,
    description,
    product: input.product?.trim() || null,
    serviceCode: input.serviceCode?.trim() || null,
  };
}

/** R-TKT-1: a human-readable registration number, unique and never reused: T-2025-000042. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `T-${year}-${String(sequence).padStart(6, '0')}`;
}
