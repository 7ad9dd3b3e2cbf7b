import {
  type Actor,
  badInput,
  plainText,
  visibleText,
  type Category,
  type Channel,
  type Priority,
  isWishService,
  PLANNING_HORIZON_MS,
  type TicketKind,
} from '@reglament/shared/domain';
import { DateTime } from 'luxon';
import type { CustomFieldValue } from './custom-fields';
import { MESSAGE_MAX } from './text';

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
  /** R-TKT-3: the call-back the hotline promised an unanswered caller (logCall). */
  callbackBy?: Date | null;
  /** R-TKT-2: the ticket during whose work this new problem was found. */
  linkedTicketId: string | null;
  /** R-TKT-5 (001 §2): the date the customer expects the resolution by. */
  expectedResolutionAt?: Date | null;
  /** The preset's own fields (002 §2.2), checked against its declarations. */
  customFields?: readonly CustomFieldValue[] | null;
  /** REQUEST (default) or WISH (004); DUTY tickets come from contracts, never from registration. */
  kind?: TicketKind | null;
}

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = MESSAGE_MAX;
/** As long as contracts allows a product name (the SLA service indexes it). */
export const PRODUCT_MAX = 200;
/** The shape of the service catalog's codes (seed 000: 1 ... 6.3; infocraft: IC.1 ...). */
const SERVICE_CODE = /^[A-Z0-9]{1,6}(\.[0-9]{1,3}){0,4}$/;

/** R-TKT-3: who registers through which channel (the engineer takes the phone; partners use the API). */
export const REGISTRATION_CHANNELS: { readonly [R in Actor['role']]: readonly Channel[] } = {
  CUSTOMER: ['PORTAL', 'API'],
  PARTNER: ['API'],
  DISPATCHER: ['PORTAL', 'EMAIL', 'PHONE', 'API'],
  ENGINEER: ['PORTAL', 'EMAIL', 'PHONE', 'API'],
  ADMIN: ['PORTAL', 'EMAIL', 'PHONE', 'API'],
  SYSTEM: ['PORTAL', 'EMAIL', 'PHONE', 'API'],
};

/** R-TKT-5: the fields of a registration, trimmed and checked; a refusal names the field. */
export function validateRegistration(input: RegistrationInput, role: Actor['role']): RegistrationInput {
  const title = plainText(input.title.trim(), 'title');
  if (title.length < 1 || title.length > TITLE_MAX) {
    throw badInput(`title must be 1 to ${TITLE_MAX} characters`, { field: 'title' });
  }
  const description = visibleText(input.description.trim());
  if (description.length < 1 || description.length > DESCRIPTION_MAX) {
    throw badInput(`description must be 1 to ${DESCRIPTION_MAX} characters`, { field: 'description' });
  }
  const channels = REGISTRATION_CHANNELS[role];
  if (!channels.includes(input.channel)) {
    throw badInput(
      `A ${role} registers through ${channels.join(' or ')}, not ${input.channel}` +
        (input.channel === 'PHONE' ? ' (phone calls are recorded by provider staff, R-TKT-3)' : ''),
      { field: 'channel' },
    );
  }
  if (input.channel === 'PHONE' && input.answeredOnCall === null) {
    throw badInput(
      'answeredOnCall is required for PHONE tickets: false records a call-back the provider owes (R-TKT-3)',
      { field: 'answeredOnCall' },
    );
  }
  if (input.channel !== 'PHONE' && input.answeredOnCall !== null) {
    throw badInput('answeredOnCall applies only to PHONE tickets', { field: 'answeredOnCall' });
  }
  const product = input.product?.trim() ? plainText(input.product.trim(), 'product') : null;
  if (product !== null && product.length > PRODUCT_MAX) {
    throw badInput(`product must be at most ${PRODUCT_MAX} characters`, { field: 'product' });
  }
  const serviceCode = input.serviceCode?.trim() || null;
  if (serviceCode !== null && !SERVICE_CODE.test(serviceCode)) {
    throw badInput(
      `serviceCode must be a code of the service catalog (serviceCatalog), like 4.2, 6.2.1 or IC.3; got ${JSON.stringify(serviceCode.slice(0, 40))}`,
      { field: 'serviceCode' },
    );
  }
  return { ...input, title, description, product, serviceCode };
}

/**
 * The kind of a new ticket: what the caller said (REQUEST or WISH; DUTY is refused), and a
 * service the preset counts as a wish makes a WISH (004: infocraft-365 IC.7).
 */
export function registrationKind(
  kind: TicketKind | null | undefined,
  preset: string,
  serviceCode: string | null,
): TicketKind {
  if (kind === 'DUTY') {
    throw badInput('kind DUTY is not registered: duties come from the contract (REQUEST or WISH here)', {
      field: 'kind',
    });
  }
  return kind === 'WISH' || isWishService(preset, serviceCode) ? 'WISH' : 'REQUEST';
}

/** R-TKT-5 (001 §2): an expected date is after the registration and within the planning horizon (10 years). */
export function validExpectedDate(at: Date | null | undefined, now: Date): Date | null {
  if (at === null || at === undefined) return null;
  const latest = now.getTime() + PLANNING_HORIZON_MS;
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime() || at.getTime() > latest) {
    throw badInput(
      `expectedResolutionAt must be after now and within 10 years (now is ${now.toISOString()}, latest ${new Date(latest).toISOString()})`,
      { field: 'expectedResolutionAt' },
    );
  }
  return at;
}

/**
 * The furthest a promised call-back may be set, in calendar time. Only a bound on the input: the
 * rule itself (at most 3 working days, R-TKT-3) needs the contract's business calendar, which is
 * the SLA service's; it holds the CALLBACK clock to the promise or to that limit, whichever is first.
 */
export const CALLBACK_HORIZON_DAYS = 31;

/** R-TKT-3: a promised call-back belongs to an unanswered PHONE call and lies ahead, within the horizon. */
export function validCallbackBy(
  input: Pick<RegistrationInput, 'channel' | 'answeredOnCall' | 'callbackBy'>,
  now: Date,
): Date | null {
  const at = input.callbackBy ?? null;
  if (at === null) return null;
  if (input.channel !== 'PHONE' || input.answeredOnCall !== false) {
    throw badInput('callbackBy applies only to a PHONE call that was not answered (answered: false)', {
      field: 'callbackBy',
    });
  }
  const latest = now.getTime() + CALLBACK_HORIZON_DAYS * 86_400_000;
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime() || at.getTime() > latest) {
    throw badInput(
      `callbackBy must be after now and within ${CALLBACK_HORIZON_DAYS} days (now is ${now.toISOString()}); ` +
        'the call-back clock holds it to at most 3 working days of the contract (R-TKT-3)',
      { field: 'callbackBy' },
    );
  }
  return at;
}

/** R-TKT-1: a human-readable registration number, unique and never reused: T-2025-000042. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `T-${year}-${String(sequence).padStart(6, '0')}`;
}

/** What tickets knows of a contract, from contracts.contract.* events. */
export interface ContractView {
  contractId: string;
  organizationId: string;
  number: string;
  status: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  products: string[];
  prerequisites: { kind: string; description: string; validUntil: string | null; product?: string | null }[];
}

/** What tickets knows of a contact, from contracts.contact.* events. */
export interface ContactView {
  contactId: string;
  organizationId: string;
  fullName: string;
  active: boolean;
}

/** The contract's own calendar date at an instant (its periods are dates in its zone). */
export function contractDate(contract: Pick<ContractView, 'timeZone'>, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: contract.timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'UTC' })).toISODate()!;
}

/**
 * R-ACC-1, R-CON-1: support only for a registered, active contact of the contract's
 * organization, under a contract in force today (in its zone) whose prerequisites are valid,
 * for one of its products. Returns every reason to refuse (empty: eligible).
 */
export function registrationRefusals(
  contract: ContractView,
  requesterId: string,
  requester: ContactView | null,
  product: string | null,
  at: Date,
): string[] {
  const reasons: string[] = [];
  if (!requester) {
    reasons.push(
      `requester ${requesterId} is not a registered contact; only registered contacts file tickets (R-ACC-1)`,
    );
  } else {
    if (requester.organizationId !== contract.organizationId) {
      reasons.push(`contact ${requester.fullName} belongs to another organization than contract ${contract.number}`);
    }
    if (!requester.active) reasons.push(`contact ${requester.fullName} is deactivated (R-ACC-1)`);
  }
  const today = contractDate(contract, at);
  if (contract.status === 'SUSPENDED' || contract.status === 'EXPIRED') {
    reasons.push(
      `contract ${contract.number} is ${contract.status}; support is given only under an active contract (R-CON-1)`,
    );
  } else if (today < contract.startsOn || today > contract.endsOn) {
    reasons.push(
      `contract ${contract.number} is not in force on ${today} (it runs ${contract.startsOn} to ${contract.endsOn}); support is given only under an active contract (R-CON-1)`,
    );
  }
  for (const prerequisite of contract.prerequisites) {
    // A product's prerequisite (e.g. 1C:ITS for a 1C product, 004) binds only that product's tickets.
    const applies = !prerequisite.product || prerequisite.product === product;
    if (applies && prerequisite.validUntil !== null && prerequisite.validUntil < today) {
      reasons.push(
        `prerequisite ${prerequisite.kind} (${prerequisite.description}) of contract ${contract.number} expired on ${prerequisite.validUntil} (R-CON-1)`,
      );
    }
  }
  if (product !== null && contract.products.length > 0 && !contract.products.includes(product)) {
    reasons.push(
      `product "${product}" is not covered by contract ${contract.number} (covered: ${contract.products.join(', ')})`,
    );
  }
  return reasons;
}
