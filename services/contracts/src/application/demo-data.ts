import type { PresetId, StaffRole } from '@reglament/shared/domain';
import type { Clock, Logger } from '@reglament/shared/platform';
import { DateTime } from 'luxon';
import { presetOf } from '../domain/presets';
import { SYSTEM } from './access';
import type { Contacts } from './contacts';
import type { Contracts } from './contracts';
import type { Credentials } from './credentials';
import type { Organizations } from './organizations';
import type { PrepaidLedger } from './prepaid';
import type { Releases } from './releases';
import type { Staff } from './staff';

/** The embedded demo: one customer under each preset, so a new user sees all five working. */
interface DemoCustomer {
  preset: PresetId;
  organization: { name: string; email: string; domain: string };
  contact: { fullName: string; email: string; password: string; phone: string };
  contract: {
    number: string;
    products: string[];
    totalValue: number | null;
    customizationHourlyRate: number | null;
    prerequisites?: { kind: string; description: string; product: string | null }[];
  };
  packages: { kind: 'SUBSCRIPTION' | 'ONE_OFF'; minutesPerMonth: number }[];
}

const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    preset: 'imc-typical',
    organization: {
      name: 'ГБУ «Медицинский центр» (demo)',
      email: 'it@medcenter.demo.reglament.local',
      domain: 'medcenter.demo.reglament.local',
    },
    contact: {
      fullName: 'Иванова Мария Петровна',
      email: 'ivanova@medcenter.demo.reglament.local',
      password: 'demo-imc-typical',
      phone: '+7 495 000-00-01',
    },
    contract: { number: 'DEMO-000', products: ['ИС «Учёт»'], totalValue: 1_200_000, customizationHourlyRate: 3_000 },
    packages: [],
  },
  {
    preset: 'asmo',
    organization: {
      name: 'АО «Энергосеть» (demo)',
      email: 'it@energo.demo.reglament.local',
      domain: 'energo.demo.reglament.local',
    },
    contact: {
      fullName: 'Петров Сергей Иванович',
      email: 'petrov@energo.demo.reglament.local',
      password: 'demo-asmo',
      phone: '+7 493 200-00-02',
    },
    contract: { number: 'DEMO-001', products: ['ПО АСМО'], totalValue: 900_000, customizationHourlyRate: 2_500 },
    packages: [],
  },
  {
    preset: 'altec-8x5x4',
    organization: {
      name: 'ООО «Окна Плюс» (demo)',
      email: 'office@okna.demo.reglament.local',
      domain: 'okna.demo.reglament.local',
    },
    contact: {
      fullName: 'Смирнов Алексей Викторович',
      email: 'smirnov@okna.demo.reglament.local',
      password: 'demo-altec-8x5x4',
      phone: '+7 812 300-00-03',
    },
    contract: {
      number: 'DEMO-002',
      products: ['Optima Win Exprof'],
      totalValue: 240_000,
      customizationHourlyRate: 2_000,
    },
    packages: [],
  },
  {
    preset: 'kz-supplier',
    organization: {
      name: 'ТОО «Дала Логистика» (demo)',
      email: 'it@dala.demo.reglament.local',
      domain: 'dala.demo.reglament.local',
    },
    contact: {
      fullName: 'Сейткали Айгерим',
      email: 'aigerim@dala.demo.reglament.local',
      password: 'demo-kz-supplier',
      phone: '+7 727 400-00-04',
    },
    contract: {
      number: 'DEMO-003',
      products: ['Учётная система ТОО'],
      totalValue: 10_000_000,
      customizationHourlyRate: 15_000,
    },
    packages: [],
  },
  {
    preset: 'infocraft-365',
    organization: {
      name: 'ТСЖ «Солнечный» (demo)',
      email: 'board@solnechny.demo.reglament.local',
      domain: 'solnechny.demo.reglament.local',
    },
    contact: {
      fullName: 'Кузнецова Ольга Андреевна',
      email: 'kuznetsova@solnechny.demo.reglament.local',
      password: 'demo-infocraft-365',
      phone: '+7 495 500-00-05',
    },
    contract: {
      number: 'DEMO-004',
      products: ['Инфокрафт ЖКХ 365'],
      totalValue: 180_000,
      customizationHourlyRate: 2_400,
      prerequisites: [{ kind: 'ITS', description: 'Действующая подписка 1С:ИТС', product: null }],
    },
    packages: [
      { kind: 'SUBSCRIPTION', minutesPerMonth: 600 },
      { kind: 'ONE_OFF', minutesPerMonth: 120 },
    ],
  },
];

const DEMO_STAFF: readonly { fullName: string; email: string; role: StaffRole; password: string }[] = [
  {
    fullName: 'Диспетчер (demo)',
    email: 'dispatcher@reglament.local',
    role: 'DISPATCHER',
    password: 'demo-dispatcher',
  },
  { fullName: 'Инженер (demo)', email: 'engineer@reglament.local', role: 'ENGINEER', password: 'demo-engineer' },
];

export interface DemoLogin {
  email: string;
  password: string;
  role: 'CUSTOMER' | StaffRole;
  /** The customer's preset, or null for staff. */
  preset: PresetId | null;
  organization: string | null;
}

/** The logins the demo data creates (for packages/launcher/src/embedded.ts to print). */
export function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_STAFF.map((s) => ({
      email: s.email,
      password: s.password,
      role: s.role,
      preset: null,
      organization: null,
    })),
    ...DEMO_CUSTOMERS.map((c) => ({
      email: c.contact.email,
      password: c.contact.password,
      role: 'CUSTOMER' as const,
      preset: c.preset,
      organization: c.organization.name,
    })),
  ];
}

export interface DemoParts {
  credentials: Credentials;
  clock: Clock;
  log: Logger;
  organizations: Organizations;
  contacts: Contacts;
  staff: Staff;
  contracts: Contracts;
  prepaid: PrepaidLedger;
  releases: Releases;
}

/**
 * Seeds the demo once: a customer whose contact login exists is left as it is, so a restart
 * (or a second replica) adds nothing twice. Contracts run from 1 January of this year to
 * 31 December of the next; packages start this month.
 */
export async function seedDemoData(parts: DemoParts): Promise<number> {
  let created = 0;
  for (const member of DEMO_STAFF) {
    if (await parts.credentials.exists(member.email)) continue;
    await parts.staff.add(SYSTEM, member);
    created += 1;
  }
  for (const demo of DEMO_CUSTOMERS) {
    if (await parts.credentials.exists(demo.contact.email)) continue;
    const zone = presetOf(demo.preset).timeZone;
    const today = DateTime.fromJSDate(parts.clock.now(), { zone });
    const organization = await parts.organizations.create(SYSTEM, {
      name: demo.organization.name,
      email: demo.organization.email,
      emailDomains: [demo.organization.domain],
    });
    await parts.contacts.add(SYSTEM, {
      organizationId: organization.id,
      fullName: demo.contact.fullName,
      email: demo.contact.email,
      phone: demo.contact.phone,
      password: demo.contact.password,
    });
    const contract = await parts.contracts.create(SYSTEM, {
      organizationId: organization.id,
      number: demo.contract.number,
      preset: demo.preset,
      startsOn: today.startOf('year').toISODate()!,
      endsOn: today.plus({ years: 1 }).endOf('year').toISODate()!,
      totalValue: demo.contract.totalValue,
      products: demo.contract.products,
      coverage: null,
      prerequisites: (demo.contract.prerequisites ?? []).map((p) => ({ ...p, validUntil: null })),
      warranty: false,
      customizationHourlyRate: demo.contract.customizationHourlyRate,
      customizationCapPercent: null,
      holidays: [],
    });
    for (const pkg of demo.packages) {
      await parts.prepaid.addPackage(SYSTEM, {
        contractId: contract.id,
        kind: pkg.kind,
        minutesPerMonth: pkg.minutesPerMonth,
        startsOn: today.startOf('month').toISODate()!,
        endsOn: null,
        allowOverdraft: false,
        reactionWorkingMinutes: null,
      });
    }
    created += 1;
  }
  // R-SLA-7: release-bound deadlines of imc-typical need a schedule to resolve against.
  const product = DEMO_CUSTOMERS[0]!.contract.products[0]!;
  if (!(await parts.releases.anyOf(product))) {
    const now = DateTime.fromJSDate(parts.clock.now(), { zone: 'Europe/Moscow' });
    await parts.releases.schedule(SYSTEM, {
      product,
      kind: 'UNPLANNED',
      plannedAt: now.plus({ weeks: 1 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 }).toJSDate(),
      version: null,
    });
    await parts.releases.schedule(SYSTEM, {
      product,
      kind: 'PLANNED',
      plannedAt: now.plus({ months: 1 }).startOf('month').set({ hour: 18 }).toJSDate(),
      version: null,
    });
  }
  if (created > 0) parts.log.info({ created }, 'demo data seeded: one customer under each preset');
  return created;
}
