import { PRESET_IDS } from '@reglament/shared/domain';
import { contractStatusOn, validateCoverage, validateNewContract, validateTimeZone } from '../../src/domain/contract';
import { dateIn, monthOf, monthStart, monthsFromTo } from '../../src/domain/months';
import { closingOf, packageTerms, rollForward, totalsOf } from '../../src/domain/prepaid';
import { PRESETS } from '../../src/domain/presets';
import { SERVICE_CATALOG } from '../../src/domain/service-catalog';

describe('presets and the service catalog as shipped data', () => {
  it('has the five presets of docs/domain.md with their seeds, calendars and zones', () => {
    expect(PRESETS.map((p) => [p.id, p.seed, p.calendarId, p.timeZone])).toEqual([
      ['imc-typical', '000', 'msk-0900-1800', 'Europe/Moscow'],
      ['asmo', '001', 'msk-0845-1700', 'Europe/Moscow'],
      ['altec-8x5x4', '002', 'msk-0900-1800', 'Europe/Moscow'],
      ['kz-supplier', '003', 'almaty-0900-1800', 'Asia/Almaty'],
      ['infocraft-365', '004', 'msk-0800-1800', 'Europe/Moscow'],
    ]);
    expect(PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    // R-SLA-4: the merged cells of seed 000 are read in the description.
    expect(PRESETS[0]!.description).toContain('Support-High is read as Support-Urgent');
    expect(PRESETS[0]!.description).toContain('Improvement-Low is read as Improvement-Normal');
  });

  it('R-CON-2: the catalog has every numbered service of seed 000, 1 ... 6.3, and flags free work (R-CON-5)', () => {
    expect(SERVICE_CATALOG.filter((s) => s.seed === '000').map((s) => s.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '4.1',
      '4.2',
      '4.3',
      '5',
      '6',
      '6.1',
      '6.2',
      '6.2.1',
      '6.2.2',
      '6.2.3',
      '6.2.4',
      '6.2.5',
      '6.2.6',
      '6.2.7',
      '6.3',
    ]);
    expect(SERVICE_CATALOG.filter((s) => s.free).map((s) => s.code)).toEqual([
      '5',
      '6.1',
      // Seed 002: remote diagnostics, the provider's hardware-system databases, the specification.
      'AL.1',
      'AL.2',
      'AL.4',
      'IC.1',
      'IC.2',
      'IC.6',
      'IC.7',
    ]);
    // A norm exactly where the billing is NORM (R-CON-4).
    for (const s of SERVICE_CATALOG) expect(s.normMinutes !== null).toBe(s.billing === 'NORM');
  });
});

describe('contract rules', () => {
  it('R-CON-8: coverage is hours a day x days a week [x hours to the answer]', () => {
    expect(validateCoverage('8x5x4')).toBe('8x5x4');
    expect(validateCoverage('24*7')).toBe('24x7');
    expect(validateCoverage('8.25х5х2')).toBe('8.25x5x2'); // Cyrillic х, as people type it
    expect(() => validateCoverage('25x7')).toThrow(/coverage must be/);
    expect(() => validateCoverage('8x8')).toThrow(/days 1-7/);
  });

  it("R-CON-8: a contract may name its own IANA zone; none keeps the preset's", () => {
    const base = {
      organizationId: '0190c3d2-0000-7000-8000-000000000001',
      number: 'Z-1',
      preset: 'imc-typical',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      totalValue: null,
      products: [],
      coverage: '12x5x2',
      prerequisites: [],
      warranty: false,
      customizationHourlyRate: null,
      customizationCapPercent: null,
      holidays: [],
    };
    expect(validateNewContract(base).timeZone).toBe('Europe/Moscow');
    expect(validateNewContract({ ...base, timeZone: ' Asia/Yekaterinburg ' }).timeZone).toBe('Asia/Yekaterinburg');
    expect(validateTimeZone('Asia/Almaty')).toBe('Asia/Almaty');
    for (const bad of ['Mars/Olympus', 'UTC+5', 'EST', `Europe/${'x'.repeat(80)}`]) {
      expect(() => validateNewContract({ ...base, timeZone: bad })).toThrow(
        /timeZone must be an IANA zone such as Europe\/Moscow/,
      );
    }
  });

  it('R-CON-1: warranty support lasts at most 12 months under imc-typical', () => {
    const base = {
      organizationId: '0190c3d2-0000-7000-8000-000000000001',
      number: 'W-1',
      preset: 'imc-typical',
      totalValue: null,
      products: [],
      coverage: null,
      prerequisites: [],
      warranty: true,
      customizationHourlyRate: null,
      customizationCapPercent: null,
      holidays: [],
    };
    // 2025-02-15 + 12 months - 1 day = 2026-02-14.
    expect(() => validateNewContract({ ...base, startsOn: '2025-02-15', endsOn: '2026-02-14' })).not.toThrow();
    expect(() => validateNewContract({ ...base, startsOn: '2025-02-15', endsOn: '2026-02-15' })).toThrow(
      'warranty support lasts at most 12 months (R-CON-1): a warranty starting 2025-02-15 ends on 2026-02-14 at the latest, got 2026-02-15',
    );
    expect(() =>
      validateNewContract({ ...base, preset: 'altec-8x5x4', startsOn: '2025-01-01', endsOn: '2025-06-30' }),
    ).toThrow(/preset altec-8x5x4 has no warranty support/);
  });

  it('status by date: inclusive period, lapsed contract-wide prerequisite suspends, product-specific does not', () => {
    const c = { startsOn: '2025-01-01', endsOn: '2025-03-31', suspended: false, prerequisites: [] };
    expect(contractStatusOn(c, '2024-12-31')).toBe('DRAFT');
    expect(contractStatusOn(c, '2025-03-31')).toBe('ACTIVE');
    expect(contractStatusOn(c, '2025-04-01')).toBe('EXPIRED');
    const its = { kind: 'ITS', description: '', validUntil: '2025-02-01' };
    expect(contractStatusOn({ ...c, prerequisites: [{ ...its, product: null }] }, '2025-02-02')).toBe('SUSPENDED');
    expect(contractStatusOn({ ...c, prerequisites: [{ ...its, product: '1C product' }] }, '2025-02-02')).toBe('ACTIVE');
  });
});

describe('months in the contract zone', () => {
  it('Moscow is UTC+3, Almaty UTC+5 since 2024-03-01 (UTC+6 before)', () => {
    expect(monthOf(new Date('2025-03-31T20:59:59Z'), 'Europe/Moscow')).toBe('2025-03');
    expect(monthOf(new Date('2025-03-31T21:00:00Z'), 'Europe/Moscow')).toBe('2025-04');
    expect(monthStart('2025-04', 'Asia/Almaty').toISOString()).toBe('2025-03-31T19:00:00.000Z');
    expect(monthStart('2024-02', 'Asia/Almaty').toISOString()).toBe('2024-01-31T18:00:00.000Z');
    expect(dateIn(new Date('2025-12-31T21:30:00Z'), 'Europe/Moscow')).toBe('2026-01-01');
    expect(monthsFromTo('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('prepaid ledger arithmetic (R-CON-3)', () => {
  const sub = packageTerms(
    {
      id: 's',
      kind: 'SUBSCRIPTION',
      minutesPerMonth: 600,
      startsOn: '2025-03-15',
      endsOn: null,
      allowOverdraft: false,
    },
    '2025-05-31',
  );
  const oneOff = packageTerms(
    { id: 'o', kind: 'ONE_OFF', minutesPerMonth: 300, startsOn: '2025-03-15', endsOn: null, allowOverdraft: false },
    '2025-05-31',
  );

  it('a subscription runs from its month to the contract end; a one-off is one month', () => {
    expect([sub.firstMonth, sub.lastMonth, oneOff.firstMonth, oneOff.lastMonth]).toEqual([
      '2025-03',
      '2025-05',
      '2025-03',
      '2025-03',
    ]);
  });

  it('closing: carry min(balance, subscription grant) when paid on time; the rest expires; overdraft carries nothing', () => {
    const totals = totalsOf(
      '2025-03',
      [
        { kind: 'GRANT', minutes: 600, packageId: 's' },
        { kind: 'GRANT', minutes: 300, packageId: 'o' },
        { kind: 'DEBIT', minutes: -100, packageId: null },
      ],
      [sub, oneOff],
    );
    expect(totals).toMatchObject({ granted: 900, grantedSubscription: 600, used: 100, remaining: 800 });
    expect(closingOf(totals, { paidOnTime: true, subscriptionContinues: true })).toEqual({
      carryOut: 600,
      expiry: 200,
    });
    expect(closingOf(totals, { paidOnTime: false, subscriptionContinues: true })).toEqual({ carryOut: 0, expiry: 800 });
    expect(closingOf({ ...totals, remaining: -50 }, { paidOnTime: true, subscriptionContinues: true })).toEqual({
      carryOut: 0,
      expiry: 0,
    });
  });

  it('rolls several months forward at once, and not past the contract', () => {
    const plan = rollForward({
      openedThrough: null,
      openedTotals: null,
      packages: [sub],
      paidOnTime: (month) => month === '2025-04',
      target: '2025-06',
    });
    expect(plan.entries.map((e) => `${e.month} ${e.kind} ${e.minutes}`)).toEqual([
      '2025-03 GRANT 600',
      '2025-03 CARRY_OUT -600', // April paid on time
      '2025-04 GRANT 600',
      '2025-04 CARRY_IN 600',
      '2025-04 EXPIRY -1200', // May not paid on time: 600 + 600 unused expire
      '2025-05 GRANT 600',
      '2025-05 EXPIRY -600', // June is after the contract: no subscription continues
    ]);
    expect(plan.totals).toMatchObject({ month: '2025-06', granted: 0, remaining: 0 });
  });
});
