import { contractDate, type ContractView } from './registration';

/**
 * The contract an e-mail is registered under (R-TKT-4; seed 004: "the contract number in the
 * subject picks the contract"): a contract of the organization whose number the subject names;
 * else the one in force today; of several in force, the latest started (then the lowest number).
 * A contract that is not in force is still returned when it is the only one, so registration
 * refuses with its reason (R-CON-1). Null: the organization has no contract.
 */
export function emailContract<C extends ContractView>(contracts: C[], subject: string, at: Date): C | null {
  const text = subject.toLowerCase();
  const named = contracts
    .filter((c) => {
      const number = c.number.toLowerCase();
      const i = text.indexOf(number);
      if (i < 0) return false;
      const before = i === 0 ? '' : text[i - 1]!;
      const after = text[i + number.length] ?? '';
      return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
    })
    .sort((a, b) => b.number.length - a.number.length);
  if (named[0]) return named[0];
  const inForce = contracts.filter((c) => {
    const today = contractDate(c, at);
    return c.status === 'ACTIVE' && c.startsOn <= today && today <= c.endsOn;
  });
  const order = (a: C, b: C) =>
    a.startsOn === b.startsOn ? a.number.localeCompare(b.number) : b.startsOn.localeCompare(a.startsOn);
  return [...inForce].sort(order)[0] ?? [...contracts].sort(order)[0] ?? null;
}

/** The contract a request without a named contract (a phone call) comes under: as for e-mail with no number in the subject. */
export function contractInForce<C extends ContractView>(contracts: C[], at: Date): C | null {
  return emailContract(contracts, '', at);
}
