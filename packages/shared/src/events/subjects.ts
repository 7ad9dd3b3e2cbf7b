/**
 * Subjects: `<prefix>.<domain>.<entity>.<action>.<organization>`. The organization is the
 * last token (`_` for events of no organization) so a subscriber can be limited to one
 * organization by the subject filter itself (`<prefix>.sla.*.*.<org>`), never after the fact.
 * One JetStream stream per domain; a stream's sequence is the cursor subscriptions resume from.
 */
export const DOMAINS = ['tickets', 'sla', 'contracts', 'notifications'] as const;
export type Domain = (typeof DOMAINS)[number];

export const NO_ORGANIZATION = '_';

export function domainOf(type: string): Domain {
  const domain = type.split('.')[0];
  if (!(DOMAINS as readonly string[]).includes(domain ?? '')) {
    throw new Error(`Event type ${type} does not start with a known domain (${DOMAINS.join(', ')})`);
  }
  return domain as Domain;
}

export function subjectFor(prefix: string, type: string, organizationId: string | null): string {
  return `${prefix}.${type}.${organizationId ?? NO_ORGANIZATION}`;
}

/** All events of a domain, optionally only one organization's. */
export function domainFilter(prefix: string, domain: Domain, organizationId?: string): string {
  return organizationId ? `${prefix}.${domain}.*.*.${organizationId}` : `${prefix}.${domain}.>`;
}

export function streamName(prefix: string, domain: Domain): string {
  return `${prefix}_${domain}`.toUpperCase();
}
