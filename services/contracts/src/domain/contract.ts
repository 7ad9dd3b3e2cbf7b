import { badInput } from '@reglament/shared';

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'EXPIRED';

export interface NewContract {
  organizationId: string;
  number: string;
  preset: string;
  startsOn: string;
  endsOn: string;
  totalValue: number | null;
  products: string[];
}

export function validateNewContract(input: NewContract, presets: readonly string[]): NewContract {
  const number = input.number.trim();
  if (number.length < 1 || number.length > 100)
    throw badInput('number must be 1 to 100 characters', { field: 'number' });
  if (!presets.includes(input.preset)) {
    throw badInput(`preset "${input.preset}" is unknown; allowed: ${presets.join(', ')}`, { field: 'preset' });
  }
  if (input.endsOn < input.startsOn) {
    throw badInput(`endsOn (${input.endsOn}) must not be before startsOn (${input.startsOn})`, { field: 'endsOn' });
  }
  if (input.totalValue !== null && (!Number.isFinite(input.totalValue) || input.totalValue < 0)) {
    throw badInput('totalValue must be a non-negative amount', { field: 'totalValue' });
  }
  const products = [...new Set(input.products.map((p) => p.trim()).filter((p) => p.length > 0))];
  return { ...input, number, products };
}

/** A contract's status on a given day (in the contract's own calendar dates). */
export function contractStatusOn(contract: { startsOn: string; endsOn: string }, today: string): ContractStatus {
  if (today < contract.startsOn) return 'DRAFT';
  if (today > contract.endsOn) return 'EXPIRED';
  return 'ACTIVE';
}
