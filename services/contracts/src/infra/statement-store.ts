import type { DataSource } from 'typeorm';
import type { MonthKey } from '../domain/months';
import type { LedgerLine } from '../domain/prepaid';
import type { StatementWork } from '../domain/statement';
import type { WorkBilling } from '../domain/billing';

/**
 * What a monthly statement is read from (R-CON-3..7): one contract's ledger rows and logged work
 * of one month. The caller has already checked the contract is visible to it.
 */
export class StatementStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every ledger row of the month, one by one (not summed: the statement counts them). */
  async ledgerRows(contractId: string, month: MonthKey): Promise<LedgerLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT kind, minutes, package_id FROM prepaid_ledger WHERE contract_id = $1 AND month = $2 ORDER BY id`,
      [contractId, month],
    )) as { kind: LedgerLine['kind']; minutes: number; package_id: string | null }[];
    return rows.map((row) => ({ kind: row.kind, minutes: Number(row.minutes), packageId: row.package_id }));
  }

  /** The month's work summed per ticket, service, kind and billing (amounts in cents). */
  async work(contractId: string, month: MonthKey): Promise<StatementWork[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.ticket_id, k.number, t.service_code, t.kind, t.billing,
              count(*)::int AS entries, SUM(t.minutes)::int AS minutes,
              COALESCE(SUM(t.actual_minutes), 0)::int AS actual_minutes,
              SUM(t.debited_minutes)::int AS debited_minutes,
              COALESCE(ROUND(SUM(t.amount) * 100), 0)::bigint::text AS amount_cents
         FROM time_entries t LEFT JOIN known_tickets k ON k.ticket_id = t.ticket_id
        WHERE t.contract_id = $1 AND t.month = $2
        GROUP BY t.ticket_id, k.number, t.service_code, t.kind, t.billing`,
      [contractId, month],
    )) as {
      ticket_id: string;
      number: string | null;
      service_code: string | null;
      kind: 'TIME' | 'SERVICE_WORK';
      billing: WorkBilling;
      entries: number;
      minutes: number;
      actual_minutes: number;
      debited_minutes: number;
      amount_cents: string;
    }[];
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      ticketNumber: row.number,
      serviceCode: row.service_code,
      kind: row.kind,
      billing: row.billing,
      entries: row.entries,
      minutes: row.minutes,
      actualMinutes: row.actual_minutes,
      debitedMinutes: row.debited_minutes,
      amountCents: Number(row.amount_cents),
    }));
  }

  /** Customisation spent in the months before `month` (R-CON-7), in cents. */
  async customizationBeforeCents(contractId: string, month: MonthKey): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT COALESCE(ROUND(SUM(amount) * 100), 0)::bigint::text AS cents FROM time_entries
        WHERE contract_id = $1 AND billing = 'CUSTOMIZATION' AND month < $2`,
      [contractId, month],
    )) as { cents: string }[];
    return Number(row?.cents ?? 0);
  }

  /** The last month whose grants and carry-over are written (null: none). */
  async openedThrough(contractId: string): Promise<MonthKey | null> {
    const [row] = (await this.dataSource.query(`SELECT opened_through FROM prepaid_accounts WHERE contract_id = $1`, [
      contractId,
    ])) as { opened_through: string | null }[];
    return row?.opened_through ?? null;
  }
}
