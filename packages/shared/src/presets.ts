import type { Category, PresetId, Priority } from './domain-types';

/**
 * How a preset's RESOLUTION target is measured for a ticket. Shared because two parts need the
 * same answer: the SLA service computes the deadline, and the tickets service must know at
 * triage whether a planned date is required (not when the target is bound to a release, R-SLA-7,
 * or for SUPPORT/ERROR targets that are plain durations it is still required: R-TKT-10).
 */
export type ResolutionMeasure =
  | 'DURATION'
  | 'NEXT_PLANNED'
  | 'NEXT_UNPLANNED'
  | 'A_FOLLOWING_PLANNED'
  /** The planned date the provider sets is the deadline (asmo non-typical, R-SLA-6). */
  | 'AGREED';

export const RELEASE_BOUND: readonly ResolutionMeasure[] = ['NEXT_PLANNED', 'NEXT_UNPLANNED', 'A_FOLLOWING_PLANNED'];

/** R-SLA-4 (imc-typical, seed 000): Error High/Normal/Low and Improvement are bound to releases. */
export function resolutionMeasure(preset: string, category: Category, priority: Priority): ResolutionMeasure {
  if ((preset as PresetId) === 'imc-typical') {
    if (category === 'ERROR') {
      if (priority === 'HIGH') return 'NEXT_UNPLANNED';
      if (priority === 'NORMAL') return 'NEXT_PLANNED';
      if (priority === 'LOW') return 'A_FOLLOWING_PLANNED';
      return 'DURATION';
    }
    if (category === 'IMPROVEMENT') return 'A_FOLLOWING_PLANNED';
    return 'DURATION';
  }
  if ((preset as PresetId) === 'asmo' && priority === 'LOW') return 'AGREED';
  return 'DURATION';
}

/**
 * 003 §7 with R-SLA-11: the ticket classes a preset counts as a product failure ("сбой"); such a
 * ticket is marked as a failure by itself (staff mark others with markAsFailure) and needs a
 * failure report before it closes. kz-supplier: an urgent error (the product does not work).
 */
export const FAILURE_CLASSES: {
  readonly [P in PresetId]?: { categories: readonly Category[]; priorities: readonly Priority[] };
} = {
  'kz-supplier': { categories: ['ERROR'], priorities: ['URGENT'] },
};

export function isFailureClass(preset: string, category: Category | null, priority: Priority | null): boolean {
  const mapping = FAILURE_CLASSES[preset as PresetId];
  return (
    mapping !== undefined &&
    category !== null &&
    priority !== null &&
    mapping.categories.includes(category) &&
    mapping.priorities.includes(priority)
  );
}

/**
 * Presets whose customers choose and change the priority of their own tickets themselves (003, as
 * in the supplier's Redmine); under the others priority is the provider's (staff-only after registration).
 */
export const CUSTOMER_PRIORITY_PRESETS: readonly PresetId[] = ['kz-supplier'];

export function customerSetsPriority(preset: string): boolean {
  return (CUSTOMER_PRIORITY_PRESETS as readonly string[]).includes(preset);
}

/**
 * 004: "Пожелания фиксируются для дальнейшего анализа": the catalog services whose tickets are
 * wishes (kind WISH, no SLA clock), per preset.
 */
export const WISH_SERVICE_CODES: { readonly [P in PresetId]?: readonly string[] } = {
  'infocraft-365': ['IC.7'],
};

export function isWishService(preset: string, serviceCode: string | null): boolean {
  return serviceCode !== null && (WISH_SERVICE_CODES[preset as PresetId] ?? []).includes(serviceCode);
}

/** A registration field a preset adds to its tickets (R-TKT-5), e.g. 002's "Переработчик профиля Exprof". */
export interface PresetTicketField {
  /** The key clients send and read (Ticket.customFields[].name). */
  name: string;
  labelRu: string;
  labelEn: string;
  /** STRING: any text; NUMBER: a decimal number. */
  type: 'STRING' | 'NUMBER';
  /** Registration is refused without it. */
  required: boolean;
  maxLength: number;
}

/**
 * The extra registration fields per preset. 002 §2.2: the user names the dealer who customised
 * its Exprof profile; optional, because a call or an e-mail may not say it.
 */
export const PRESET_TICKET_FIELDS: { readonly [P in PresetId]?: readonly PresetTicketField[] } = {
  'altec-8x5x4': [
    {
      name: 'profileCustomizer',
      labelRu: 'Переработчик профиля Exprof',
      labelEn: 'Exprof profile customiser (dealer)',
      type: 'STRING',
      required: false,
      maxLength: 200,
    },
  ],
};

export function presetTicketFields(preset: string): readonly PresetTicketField[] {
  return PRESET_TICKET_FIELDS[preset as PresetId] ?? [];
}

/** Triage needs a planned resolution date unless the resolution target is bound to a release. */
export function triageNeedsPlannedDate(preset: string, category: Category, priority: Priority): boolean {
  return !RELEASE_BOUND.includes(resolutionMeasure(preset, category, priority));
}

/**
 * R-SLA-6, seed 001 §8-9: a security fix ships within 3 days of discovery (calendar days: the
 * seed says "в течение 3 дней", not working days). The presets whose seeds are silent hold the
 * provider to the same term (a product decision; each may say otherwise here). One advisory
 * concerns every customer of a product, so its clock takes the shortest term of the presets of
 * the contracts it reaches (the default when it reaches none).
 */
export const SECURITY_FIX_DAYS: { readonly [P in PresetId]?: number } = { asmo: 3 };
export const DEFAULT_SECURITY_FIX_DAYS = 3;
const DAY_MS = 24 * 3600_000;

export function securityFixDueAt(discoveredAt: Date, presets: readonly string[]): Date {
  const terms = presets.map((p) => SECURITY_FIX_DAYS[p as PresetId] ?? DEFAULT_SECURITY_FIX_DAYS);
  const days = terms.length ? Math.min(...terms) : DEFAULT_SECURITY_FIX_DAYS;
  return new Date(discoveredAt.getTime() + days * DAY_MS);
}

/**
 * R-SLA-9 for the fix clock: both parties are warned 1 day before it runs out (a calendar day,
 * as the clock counts; the warning comes halfway through a clock shorter than two days).
 */
export function securityFixWarnAt(startedAt: Date, deadline: Date): Date {
  const span = deadline.getTime() - startedAt.getTime();
  return new Date(span > 2 * DAY_MS ? deadline.getTime() - DAY_MS : startedAt.getTime() + span / 2);
}
