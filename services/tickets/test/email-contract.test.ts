import { emailContract } from '../src/domain/email';
import type { ContractView } from '../src/domain/registration';

const contract = (number: string, over: Partial<ContractView> = {}): ContractView => ({
  contractId: number,
  organizationId: 'org',
  number,
  status: 'ACTIVE',
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  timeZone: 'Europe/Moscow',
  products: [],
  prerequisites: [],
  ...over,
});
const AT = new Date('2025-03-03T07:00:00Z');

/** The contract an e-mail is registered under (R-TKT-4; seed 004: the number in the subject picks it). */
describe('emailContract', () => {
  const ic = contract('IC-17');
  const ic1 = contract('IC-1');
  const old = contract('OLD-1', { startsOn: '2024-01-01', endsOn: '2024-12-31', status: 'EXPIRED' });

  it.each([
    ['the number in the subject picks the contract', [ic1, ic], 'Printer (IC-17)', 'IC-17'],
    ['IC-1 is not read inside IC-17', [ic, ic1], 'about IC-17 only', 'IC-17'],
    ['IC-1 named alone', [ic, ic1], 'under ic-1: printer', 'IC-1'],
    ['none named, one in force', [old, ic], 'Printer', 'IC-17'],
    ['none named, two in force from the same day: the lower number', [ic, ic1], 'Printer', 'IC-1'],
    ['a later start wins among those in force', [ic1, contract('IC-9', { startsOn: '2025-02-01' })], 'Printer', 'IC-9'],
    ['only one, not in force: returned so registration refuses with its reason', [old], 'Printer', 'OLD-1'],
    ['a named contract not in force is still the named one', [old, ic], 're OLD-1', 'OLD-1'],
  ])('%s', (_name, contracts, subject, number) => {
    expect(emailContract(contracts, subject, AT)?.number).toBe(number);
  });

  it('no contract at all: null', () => {
    expect(emailContract([], 'Printer', AT)).toBeNull();
  });
});
