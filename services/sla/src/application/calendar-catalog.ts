import { IANAZone } from 'luxon';
import type { EntityManager } from 'typeorm';
import {
  BusinessCalendar,
  createPresetCalendar,
  loadProductionCalendar,
  PRESET_CALENDAR_IDS,
  type PresetCalendarId,
  presetCalendarDefinition,
  type ProductionCalendar,
} from '../calendar';
import {
  contractCalendarDefinition,
  coverageAnswerMinutes,
  isAlwaysOn,
  parseCoverage,
} from '../domain/contract-coverage';
import type { SlaPolicy } from '../domain/policy';
import { ProductionCalendarEntity, ProductionCalendarYearEntity } from '../infra/production-calendar.entities';

/** What the clocks need of a contract to pick its calendar (R-CON-8). */
export interface ContractCalendarSettings {
  coverage: string | null;
  timeZone?: string | null;
  holidays: readonly string[];
}

export interface StoredProductionCalendar {
  calendar: ProductionCalendar;
  timeZone: string;
  revision: number;
}

const MAX_DERIVED = 500;

const keyOf = (rows: readonly { id: string; revision: number }[]) => rows.map((r) => `${r.id}:${r.revision}`).join(',');

/**
 * The business calendars of this replica, built from the production calendars stored in the
 * SLA schema. Every replica checks the stored revisions (one small query) before computing
 * clocks, in the same transaction, and reloads when an import changed them: an import on any
 * replica is in force for every computation that starts after its commit, with no restart and
 * no message to wait for. The engine itself stays pure: it is handed new per-year data.
 */
export class CalendarCatalog {
  private key: string | null = null;
  /** Sum of the loaded revisions (they only grow): a reload that finishes late never wins over a newer one. */
  private loadedRevisions = -1;
  private production = new Map<string, StoredProductionCalendar>();
  private presets = new Map<string, BusinessCalendar>();
  private derived = new Map<string, BusinessCalendar>();

  /**
   * Reloads when a production calendar changed since the last look (a version check). It reads
   * through the caller's manager (its transaction, if any) and never waits for another caller's
   * reload: on embedded PGlite a transaction holds the only session, so waiting for a reload that
   * needs it would deadlock. Two stale callers may both reload; the newer data stays.
   */
  async refresh(manager: EntityManager): Promise<void> {
    const rows = (await manager.query('SELECT id, revision FROM sla_production_calendars ORDER BY id')) as {
      id: string;
      revision: number;
    }[];
    if (keyOf(rows) !== this.key) await this.reload(manager);
  }

  private async reload(manager: EntityManager): Promise<void> {
    // One after the other: a transaction's connection runs one query at a time anyway.
    const calendars = await manager.find(ProductionCalendarEntity, { order: { id: 'ASC' } });
    const years = await manager.find(ProductionCalendarYearEntity, { order: { year: 'ASC' } });
    const revisions = calendars.reduce((sum, c) => sum + c.revision, 0);
    if (revisions < this.loadedRevisions) return;
    const production = new Map<string, StoredProductionCalendar>();
    for (const row of calendars) {
      const calendar = loadProductionCalendar(
        { id: row.id, name: row.name, country: row.country },
        years
          .filter((y) => y.calendarId === row.id)
          .map((y) => ({
            year: y.year,
            ...y.days,
            totals: { workingDays: y.workingDays, hours40: y.workingHours },
            sources: [y.source],
          })),
      );
      production.set(row.id, { calendar, timeZone: row.timeZone, revision: row.revision });
    }
    const known = new Map([...production].map(([id, p]) => [id, p.calendar]));
    this.presets = new Map(
      PRESET_CALENDAR_IDS.map((id) => [id, createPresetCalendar(id, { productionCalendars: known })]),
    );
    this.derived = new Map();
    this.production = production;
    this.key = keyOf(calendars);
    this.loadedRevisions = revisions;
  }

  private get known(): ReadonlyMap<string, ProductionCalendar> {
    return new Map([...this.production].map(([id, p]) => [id, p.calendar]));
  }

  /** The production calendars as last loaded (call `refresh` first). */
  productionCalendars(): StoredProductionCalendar[] {
    return [...this.production.values()];
  }

  /** The shipped business calendars with the current production data (call `refresh` first). */
  list(): BusinessCalendar[] {
    return [...this.presets.values()];
  }

  /** Ids of the business calendars that use a production calendar. */
  calendarsUsing(productionCalendarId: string): string[] {
    return this.list()
      .filter((c) => c.coverage.productionCalendar === productionCalendarId)
      .map((c) => c.id);
  }

  /**
   * The calendar a contract's clocks run in and what its coverage changes in the targets
   * (R-CON-8): 24x7 runs all day every day; another coverage, zone or days off derive a calendar
   * from the preset's (cached, bounded, by what it is made of).
   */
  forContract(policy: SlaPolicy, contract: ContractCalendarSettings | null) {
    const presetCoverage = parseCoverage(policy.defaultCoverage);
    const coverage = parseCoverage(contract?.coverage) ?? presetCoverage;
    const answerMinutes = coverageAnswerMinutes(coverage, presetCoverage);
    const base = this.presets.get(policy.calendarId);
    if (!base) throw new Error(`no calendar "${policy.calendarId}" (catalog not loaded?)`);
    if (isAlwaysOn(coverage)) return { calendar: this.presets.get('24x7')!, coverageAnswerMinutes: answerMinutes };
    const holidays = [...new Set(contract?.holidays ?? [])].sort();
    // Contracts validates the zone; one this replica's zone data does not know keeps the preset's.
    const zone = contract?.timeZone ?? null;
    const timeZone = zone && zone !== base.timeZone && IANAZone.isValidZone(zone) ? zone : null;
    const sameShape =
      coverage === null ||
      (presetCoverage !== null &&
        coverage.hoursPerDay === presetCoverage.hoursPerDay &&
        coverage.daysPerWeek === presetCoverage.daysPerWeek);
    if (sameShape && holidays.length === 0 && timeZone === null) {
      return { calendar: base, coverageAnswerMinutes: answerMinutes };
    }
    const shape = sameShape ? policy.defaultCoverage : `${coverage.hoursPerDay}x${coverage.daysPerWeek}`;
    const key = `${policy.calendarId}|${shape}|${timeZone ?? ''}|${holidays.join(',')}`;
    let calendar = this.derived.get(key);
    if (!calendar) {
      const definition = contractCalendarDefinition(
        presetCalendarDefinition(policy.calendarId as PresetCalendarId),
        presetCoverage,
        { coverage, timeZone, holidays },
      );
      calendar = new BusinessCalendar(
        { ...definition, id: `${policy.calendarId}+${shape}${timeZone ? `@${timeZone}` : ''}+${holidays.length}` },
        { productionCalendars: this.known },
      );
      if (this.derived.size >= MAX_DERIVED) this.derived.delete(this.derived.keys().next().value!);
      this.derived.set(key, calendar);
    }
    return { calendar, coverageAnswerMinutes: answerMinutes };
  }
}
