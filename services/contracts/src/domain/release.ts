import { badInput, plainText, PLANNING_HORIZON_MS } from '@reglament/shared/domain';

/** R-SLA-7: releases of a product's schedule; release-bound deadlines follow them. */
export type ReleaseKind = 'PLANNED' | 'UNPLANNED';
export const RELEASE_KINDS: readonly ReleaseKind[] = ['PLANNED', 'UNPLANNED'];

export function validateProduct(value: string): string {
  const product = plainText(value.trim(), 'product');
  if (product.length < 1 || product.length > 200) {
    throw badInput('product must be 1 to 200 characters', { field: 'product' });
  }
  return product;
}

/** A release date within ten years of now either way (a schedule, not an archive). */
export function validatePlannedAt(at: Date, now: Date): Date {
  if (Math.abs(at.getTime() - now.getTime()) > PLANNING_HORIZON_MS) {
    throw badInput(`plannedAt must be within 10 years of now (${now.toISOString()}), got ${at.toISOString()}`, {
      field: 'plannedAt',
    });
  }
  return at;
}

export function validateVersion(value: string | null): string | null {
  if (value === null) return null;
  const version = value.trim();
  if (version.length > 50) throw badInput('version must be at most 50 characters', { field: 'version' });
  return version || null;
}
