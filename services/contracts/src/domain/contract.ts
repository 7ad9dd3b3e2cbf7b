import { badInput, plainText, type ContractPrerequisite } from '@reglament/shared/domain';
import { type SupportContacts, validateSupportContacts } from './support-contacts';
import { DateTime, IANAZone } from 'luxon';
import { findPreset, PRESETS, type PresetDefinition } from './presets';

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'EXPIRED';

export interface Prerequisite extends ContractPrerequisite {
  /** Only this product's support depends on it; null: the whole contract (R-CON-1). */
  product: string | null;
}

/** The terms a contract can carry beyond its period (all optional at creation). */
export interface ContractTerms {
  totalValue: number | null;
  products: string[];
  /** R-CON-8, e.g. 8x5x4 or 24x7; null: the preset's default. */
  coverage: string | null;
  prerequisites: Prerequisite[];
  /** R-CON-1 (000): warranty support, at most the preset's limit (12 months). */
  warranty: boolean;
  /** R-CON-7: price of an hour of customisation work. */
  customizationHourlyRate: number | null;
  /** R-CON-7: the cap as a share of totalValue, percent (default: the preset's, 15). */
  customizationCapPercent: number | null;
  /** Days off of the contract's calendar (kz-supplier: the holiday list the contract fills). */
  holidays: string[];
  /** R-CON-8: the contract's own IANA zone (its calendar's hours, its prepaid months); null: the preset's. */
  timeZone?: string | null;
  /** 001: the contract's own contact points of the provider; null: the preset's. */
  supportContacts?: SupportContacts | null;
}

export interface NewContract extends ContractTerms {
  organizationId: string;
  number: string;
  preset: string;
  startsOn: string;
  endsOn: string;
}

export interface ValidContract extends NewContract {
  presetDefinition: PresetDefinition;
  coverage: string;
  timeZone: string;
  customizationCapPercent: number;
}

const COVERAGE = /^(\d{1,2}(?:\.\d{1,2})?)x([1-7])(?:x(\d{1,3}(?:\.\d{1,2})?))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** R-CON-8: "<hours a day>x<days a week>[x<hours to the answer for priority 1>]", e.g. 8x5x4, 24x7. */
export function validateCoverage(value: string): string {
  const coverage = value.trim().toLowerCase().replace(/[*х×]/g, 'x');
  const match = COVERAGE.exec(coverage);
  if (!match || Number(match[1]) <= 0 || Number(match[1]) > 24 || (match[3] !== undefined && Number(match[3]) <= 0)) {
    throw badInput(
      `coverage must be <hours a day>x<days a week>[x<hours to the answer for priority 1>], e.g. 8x5x4 or 24x7 (hours 1-24, days 1-7), got "${value}"`,
      { field: 'coverage' },
    );
  }
  return coverage;
}

/** R-CON-8: a contract may name its own zone, e.g. Asia/Yekaterinburg for a customer in the Urals. */
export function validateTimeZone(value: string): string {
  const zone = value.trim();
  if (zone.length > 64 || !IANAZone.isValidZone(zone) || !zone.includes('/')) {
    throw badInput(`timeZone must be an IANA zone such as Europe/Moscow or Asia/Almaty, got "${value}"`, {
      field: 'timeZone',
    });
  }
  return zone;
}

function validDate(value: string, field: string): string {
  if (!DATE.test(value) || !DateTime.fromISO(value).isValid) {
    throw badInput(`${field} must be a calendar date YYYY-MM-DD, got "${value}"`, { field });
  }
  return value;
}

export function validateNumber(number: string): string {
  const trimmed = plainText(number.trim(), 'number');
  if (trimmed.length < 1 || trimmed.length > 100)
    throw badInput('number must be 1 to 100 characters', { field: 'number' });
  return trimmed;
}

function validateMoney(value: number | null, field: string): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 1e12) {
    throw badInput(`${field} must be a non-negative amount below 10^12`, { field });
  }
  return Math.round(value * 100) / 100;
}

export function validateProducts(products: string[]): string[] {
  const list = [...new Set(products.map((p) => plainText(p.trim(), 'products')).filter((p) => p.length > 0))];
  for (const product of list) {
    if (product.length > 200) throw badInput('a product name must be at most 200 characters', { field: 'products' });
  }
  return list;
}

export function validatePrerequisites(list: Prerequisite[]): Prerequisite[] {
  return list.map((p, i) => {
    const kind = p.kind.trim();
    if (kind.length < 1 || kind.length > 50) {
      throw badInput(`prerequisites[${i}].kind must be 1 to 50 characters, e.g. ITS`, { field: 'prerequisites' });
    }
    return {
      kind,
      description: p.description.trim(),
      validUntil: p.validUntil === null ? null : validDate(p.validUntil, `prerequisites[${i}].validUntil`),
      product: p.product?.trim() || null,
    };
  });
}

export function validateCapPercent(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw badInput(`customizationCapPercent must be a percentage from 0 to 100, got ${value}`, {
      field: 'customizationCapPercent',
    });
  }
  return value;
}

export function validateHolidays(list: string[]): string[] {
  return [...new Set(list.map((d) => validDate(d, 'holidays')))].sort();
}

/** Checks the period against the preset's warranty limit (R-CON-1: at most 12 months). */
export function validatePeriod(startsOn: string, endsOn: string, warranty: boolean, preset: PresetDefinition): void {
  validDate(startsOn, 'startsOn');
  validDate(endsOn, 'endsOn');
  if (endsOn < startsOn) {
    throw badInput(`endsOn (${endsOn}) must not be before startsOn (${startsOn})`, { field: 'endsOn' });
  }
  if (warranty) {
    const limit = preset.warrantyMaxMonths;
    if (limit === null) {
      throw badInput(`preset ${preset.id} has no warranty support; warranty is allowed under: ${warrantyPresets()}`, {
        field: 'warranty',
      });
    }
    const latest = DateTime.fromISO(startsOn).plus({ months: limit }).minus({ days: 1 }).toISODate()!;
    if (endsOn > latest) {
      throw badInput(
        `warranty support lasts at most ${limit} months (R-CON-1): a warranty starting ${startsOn} ends on ${latest} at the latest, got ${endsOn}`,
        { field: 'endsOn' },
      );
    }
  }
}

function warrantyPresets(): string {
  return PRESETS.filter((p) => p.warrantyMaxMonths !== null)
    .map((p) => p.id)
    .join(', ');
}

export function requirePreset(id: string): PresetDefinition {
  const preset = findPreset(id);
  if (!preset) {
    throw badInput(`preset "${id}" is unknown; allowed: ${PRESETS.map((p) => p.id).join(', ')}`, { field: 'preset' });
  }
  return preset;
}

export function validateNewContract(input: NewContract): ValidContract {
  const preset = requirePreset(input.preset);
  const number = validateNumber(input.number);
  validatePeriod(input.startsOn, input.endsOn, input.warranty, preset);
  return {
    ...input,
    number,
    presetDefinition: preset,
    totalValue: validateMoney(input.totalValue, 'totalValue'),
    products: validateProducts(input.products),
    coverage: validateCoverage(input.coverage ?? preset.defaultCoverage),
    timeZone: input.timeZone == null ? preset.timeZone : validateTimeZone(input.timeZone),
    prerequisites: validatePrerequisites(input.prerequisites),
    customizationHourlyRate: validateMoney(input.customizationHourlyRate, 'customizationHourlyRate'),
    customizationCapPercent: validateCapPercent(input.customizationCapPercent ?? preset.customizationCapPercent),
    holidays: validateHolidays(input.holidays),
    supportContacts: input.supportContacts ? validateSupportContacts(input.supportContacts) : null,
  };
}

export { validateMoney };

/**
 * A contract's status on a day of its own zone. The period is inclusive: a contract ending on
 * 31 March is active all that day and EXPIRED from 1 April 00:00 in its zone. SUSPENDED: by
 * hand, or while a contract-wide prerequisite (e.g. the 1C:ITS subscription, R-CON-1) has lapsed.
 */
export function contractStatusOn(
  contract: { startsOn: string; endsOn: string; suspended: boolean; prerequisites: Prerequisite[] },
  today: string,
): ContractStatus {
  if (today > contract.endsOn) return 'EXPIRED';
  if (today < contract.startsOn) return 'DRAFT';
  if (contract.suspended) return 'SUSPENDED';
  if (contract.prerequisites.some((p) => p.product === null && p.validUntil !== null && p.validUntil < today)) {
    return 'SUSPENDED';
  }
  return 'ACTIVE';
}
