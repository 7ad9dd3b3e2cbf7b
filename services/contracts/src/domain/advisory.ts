import { type AdvisorySeverity, badInput, plainText, visibleText } from '@reglament/shared/domain';

/** R-NTF-2: how serious an advisory is (the customer reads it in the subject). */
export const ADVISORY_SEVERITIES: readonly AdvisorySeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export const ADVISORY_TITLE_MAX = 200;
export const ADVISORY_BODY_MAX = 20_000;
/** A discovery reported later than this is refused: the 3-day clock (R-SLA-6) would mean nothing. */
export const DISCOVERY_LOOKBACK_DAYS = 30;
/** Each advisory is an e-mail to every contact of every affected customer: a cap against a stolen admin token. */
export const ADVISORIES_PER_PRODUCT_PER_DAY = 10;
export const ADVISORIES_PER_DAY = 30;
/** One advisory reaches at most this many contacts (more is refused, not truncated). */
export const ADVISORY_MAX_RECIPIENTS = 5_000;

export interface AdvisoryInput {
  title: string;
  body: string;
  severity: string;
  discoveredAt: Date;
}

export interface ValidAdvisory {
  title: string;
  body: string;
  severity: AdvisorySeverity;
  discoveredAt: Date;
}

export function validateAdvisory(input: AdvisoryInput, now: Date): ValidAdvisory {
  const title = plainText(input.title.trim(), 'title');
  if (title.length < 1 || title.length > ADVISORY_TITLE_MAX || /[\r\n]/.test(title)) {
    throw badInput(`title must be 1 to ${ADVISORY_TITLE_MAX} characters on one line (got ${title.length})`, {
      field: 'title',
    });
  }
  const body = visibleText(input.body.trim());
  if (body.length < 1 || body.length > ADVISORY_BODY_MAX) {
    throw badInput(`body must be 1 to ${ADVISORY_BODY_MAX} characters (got ${body.length})`, { field: 'body' });
  }
  if (!(ADVISORY_SEVERITIES as readonly string[]).includes(input.severity)) {
    throw badInput(`severity must be one of ${ADVISORY_SEVERITIES.join(', ')}`, { field: 'severity' });
  }
  const at = input.discoveredAt;
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) {
    throw badInput(`discoveredAt must not be in the future (now is ${now.toISOString()})`, { field: 'discoveredAt' });
  }
  if (now.getTime() - at.getTime() > DISCOVERY_LOOKBACK_DAYS * 24 * 3600_000) {
    throw badInput(
      `discoveredAt must be within the last ${DISCOVERY_LOOKBACK_DAYS} days (now is ${now.toISOString()})`,
      {
        field: 'discoveredAt',
      },
    );
  }
  return { title, body, severity: input.severity as AdvisorySeverity, discoveredAt: at };
}
