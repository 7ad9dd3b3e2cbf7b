import type { Category, PresetId } from '@reglament/shared/domain';
import { NO_SUPPORT_CONTACTS, type SupportContacts } from './support-contacts';

/**
 * The five regulations of the seeds 000-004 as product data (docs/domain.md "The five presets"): the calendar,
 * the contract template (coverage, prepaid time, customisation cap, prerequisites) and how the
 * preset reads its seed where the seed is silent or ambiguous. The SLA service owns the SLA
 * policies themselves; this is the description a contract is created from.
 */
export interface PresetDefinition {
  id: PresetId;
  name: string;
  /** The seed file the preset comes from, e.g. "000". */
  seed: string;
  vendor: string;
  description: string;
  /** The SLA service's calendar id (R-SLA-1). */
  calendarId: string;
  /** Month boundaries of prepaid time and the dates of the contract are in this zone. */
  timeZone: string;
  workingHours: string;
  /** R-CON-8: hours a day x days a week [x hours to the answer for priority 1]. */
  defaultCoverage: string;
  /** Hour packages (prepaid minutes per month, R-CON-3) are part of this regulation. */
  prepaidTime: boolean;
  /** infocraft-365: the package carries its guaranteed reaction time (working minutes). */
  defaultReactionWorkingMinutes: number | null;
  /** R-CON-7: customisation work capped at this share of the contract's total value. */
  customizationCapPercent: number;
  /** R-CON-1 (000): warranty support lasts the contract's period, at most this many months. */
  warrantyMaxMonths: number | null;
  /** The seed's own names of the three categories (R-TKT-6). */
  categoryLabels: Record<Category, string>;
  /** The seed's own names of the priorities, Urgent..Low (R-TKT-7). */
  priorityLabels: [string, string, string, string];
  /** What must stay valid for support to be given (R-CON-1), as the seed says. */
  prerequisites: string[];
  /** How the preset reads ambiguous or silent parts of its seed. */
  readings: string[];
  /** Where customers reach the provider, as the seed says (001); a contract may set its own. */
  supportContacts: SupportContacts;
}

export const PRESETS: readonly PresetDefinition[] = [
  {
    id: 'imc-typical',
    name: 'Типовое SLA ИМЦ (IMC typical SLA)',
    seed: '000',
    vendor: 'ООО «ИМЦ»',
    description:
      'Seed 000: the service catalog of IMC (1 ... 6.3) and its typical SLA. Tickets come through the portal ' +
      '(main channel), e-mail from registered contacts only, and the hotline (call-back within 3 working days). ' +
      'Primary analysis within 1 working day; resolution by category x priority, Error High/Normal/Low and ' +
      'Improvement bound to the next unplanned/planned releases (R-SLA-4, R-SLA-7). Readings: the seed names ' +
      "no working hours, so Mon-Fri 09:00-18:00 Moscow with the production calendar is assumed; the seed's " +
      'Support table merges cells across rows: Support-High is read as Support-Urgent (3 working days, accept 3, ' +
      'rework 3) and Support-Low as Support-Normal (5/5/5); the Improvement table merges Low into Normal: ' +
      'Improvement-Low is read as Improvement-Normal (a following planned release as agreed, accept 5 working ' +
      'days, remarks fixed by the next unplanned release).' +
      " Coverage (R-CON-8): 9x5 by default (09:00-18:00 Moscow); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the primary analysis of Urgent tickets in working hours (e.g. 9x5x4: 4 working hours); the contract may name its own time zone. Seed duties (issue 18): Urgent covers warranty cases (the seed's Urgent lists them first): under a contract with warranty the customer registers a warranty case as URGENT and the dispatcher keeps it at triage; the customer may state the date it expects (expectedResolutionAt); staff mark a product failure with markAsFailure (its report is then owed); wishes are registered as kind WISH without a clock; the seed names the portal, e-mail and hotline but no numbers, so each contract sets its contact points (Contract.supportContacts); changeCategory and changePriority recompute running deadlines (R-SLA-10)." +
      " Contract duties (issue 18, Contract.duties): the customer hands over the list of portal users within 3 working days of signing (000): a DUTY ticket opened on the contract's first day, due at the close of the 3rd working day after it, the customer's clock, completed with completeDutyOccurrence (not created for a contract entered after its first day).",
    calendarId: 'msk-0900-1800',
    timeZone: 'Europe/Moscow',
    workingHours: 'Mon-Fri 09:00-18:00 Europe/Moscow, production calendar of the Russian Federation (assumed)',
    defaultCoverage: '9x5',
    prepaidTime: false,
    defaultReactionWorkingMinutes: null,
    customizationCapPercent: 15,
    warrantyMaxMonths: 12,
    categoryLabels: { ERROR: 'Ошибка', SUPPORT: 'Поддержка', IMPROVEMENT: 'Улучшение' },
    priorityLabels: ['Срочный', 'Высокий', 'Нормальный', 'Низкий'],
    prerequisites: ['Warranty (item 5): free error fixing during the contract period, at most 12 months'],
    readings: [
      'No working hours in the seed: Mon-Fri 09:00-18:00 Moscow with the production calendar.',
      'Support table, merged cells: Support-High = Support-Urgent (3/3/3 working days); Support-Low = Support-Normal (5/5/5).',
      'Improvement table, merged cells: Improvement-Low = Improvement-Normal.',
      "Error-High/Normal/Low and Improvement are due by a release of the product's schedule (R-SLA-7).",
    ],
    supportContacts: NO_SUPPORT_CONTACTS,
  },
  {
    id: 'asmo',
    name: 'Платформа АСМО (ASMO platform)',
    seed: '001',
    vendor: 'АО «Информатика»',
    description:
      'Seed 001: technical support of software on the ASMO platform. Working days 08:45-17:00 Moscow; reaction ' +
      '2 h; critical errors (a module or subsystem unusable) 8 h; typical consultations and errors 8 h; ' +
      'non-typical requests: the planned date the provider sets ("Плановый срок") is the deadline. Security ' +
      'fixes within 3 days with an individual e-mail to every customer. A licence brings 1 year of free remote ' +
      'support. Readings: the seed names critical, typical and non-typical requests, not priorities: Urgent is ' +
      'read as critical (8 h), High and Normal as typical (8 h), Low as non-typical (agreed date).' +
      " Coverage (R-CON-8): 8.25x5x2 by default (08:45-17:00 Moscow, reaction 2 h); another option sets that many hours a day from 08:45 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the reaction of Urgent tickets in working hours (e.g. 8.25x5x1: 1 working hour); the contract may name its own time zone. Seed duties (issue 18): the customer states the expected date at registration (001 §2: expectedResolutionAt); the contact points are the seed's (Contract.supportContacts: +7 (4932) 42-88-40, two backup mobiles, support@inform.ivanovo.ru, the АСМО-поддержка portal); changeCategory and changePriority recompute running deadlines (R-SLA-10)." +
      " Contract duties (issue 18): none in the seed; addContractDuty adds a contract's own.",
    calendarId: 'msk-0845-1700',
    timeZone: 'Europe/Moscow',
    workingHours: 'Mon-Fri 08:45-17:00 Europe/Moscow, production calendar of the Russian Federation',
    defaultCoverage: '8.25x5x2',
    prepaidTime: false,
    defaultReactionWorkingMinutes: null,
    customizationCapPercent: 15,
    warrantyMaxMonths: 12,
    categoryLabels: { ERROR: 'Ошибка системы', SUPPORT: 'Консультация', IMPROVEMENT: 'Доработка системы' },
    priorityLabels: ['Критический', 'Типовой', 'Типовой', 'Нетиповой'],
    prerequisites: ['Licence agreement: 1 year of free remote support, then a support agreement'],
    readings: [
      'Urgent = critical error (module or subsystem unusable): 8 working hours.',
      'High and Normal = typical request: 8 working hours.',
      'Low = non-typical request: the planned date set by the provider is the deadline (agreed).',
    ],
    supportContacts: {
      mainPhone: '+7 (4932) 42-88-40',
      backupPhones: ['+7 (980) 691-06-05', '+7 (980) 691-05-23'],
      email: 'support@inform.ivanovo.ru',
      portalUrl: 'http://support.inform.ivanovo.ru/',
    },
  },
  {
    id: 'altec-8x5x4',
    name: 'Алтек, опция 8x5x4 (Altec option 8x5x4)',
    seed: '002',
    vendor: 'ООО «КВЦ «Алтек»',
    description:
      'Seed 002: technical support of Optima Win Exprof, option 8x5x4 (R-CON-8: 8 hours a day, 5 days a week, ' +
      '4 working hours to the answer for priority 1), 09:00-18:00 Moscow. Processing / execution: priority 1 ' +
      '0.5 h / 4 working hours; 2: 0.5 h / 2 working days; 3: 1 h / 4 working days; 4: 1 h / 9 working days. ' +
      'Execution runs from the end of processing and may be extended by agreement. A resolved request closes ' +
      "after 14 calendar days without the user's answer. One request = one problem. Readings: the seed's " +
      'Incident / Question / Request are Error / Support / Improvement; priorities 1..4 are Urgent..Low.' +
      ' Coverage (R-CON-8): 8x5x4 by default (the 09:00-18:00 reception, execution of priority 1 in 4 h); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the execution of priority 1 in working hours (e.g. 8x5x2: 2 working hours); the contract may name its own time zone. Seed duties (issue 18): the registration field "Переработчик профиля Exprof" (customFields profileCustomizer, optional: a call or an e-mail may not say it); provideSolution records how the answer went (deliveredVia: PORTAL, EMAIL, PHONE or REMOTE_SESSION); the services AL.1-AL.5 in the catalog (free hardware-system databases and remote diagnostics, paid setups priced by a specification); the seed\'s phone and e-mail as contact points.' +
      " Contract duties (issue 18): none in the seed; addContractDuty adds a contract's own.",
    calendarId: 'msk-0900-1800',
    timeZone: 'Europe/Moscow',
    workingHours: 'Mon-Fri 09:00-18:00 Europe/Moscow, production calendar of the Russian Federation',
    defaultCoverage: '8x5x4',
    prepaidTime: false,
    defaultReactionWorkingMinutes: null,
    customizationCapPercent: 15,
    warrantyMaxMonths: null,
    categoryLabels: { ERROR: 'Инцидент', SUPPORT: 'Вопрос', IMPROVEMENT: 'Запрос' },
    priorityLabels: ['Приоритет 1', 'Приоритет 2', 'Приоритет 3', 'Приоритет 4'],
    prerequisites: [],
    readings: [
      'Incident = Error, Question = Support, Request = Improvement.',
      'Priority 1 = Urgent, 2 = High, 3 = Normal, 4 = Low.',
      'The seed defines only the 8x5x4 option; its hours are the 09:00-18:00 reception period.',
    ],
    supportContacts: { mainPhone: '(812) 320-08-88', backupPhones: [], email: 'support@altec.ru', portalUrl: null },
  },
  {
    id: 'kz-supplier',
    name: 'Сопровождение поставщика, Казахстан (KZ supplier)',
    seed: '003',
    vendor: 'Поставщик (Республика Казахстан)',
    description:
      'Seed 003: product maintenance by a supplier in Kazakhstan. Term agreement: within 2 hours of an error ' +
      'report the supplier sets and agrees the execution term; on-site arrival within 3 hours on request; a ' +
      'failure report (causes and measures) for every failure; customisation work capped at 15 % of the ' +
      "contract's total value (R-CON-7). Readings: the seed names no working hours, so Mon-Fri 09:00-18:00 " +
      'Asia/Almaty is assumed, with the production calendar of Kazakhstan and the days off the contract lists on ' +
      'top (Kazakhstan moved to UTC+5 on 2024-03-01; ' +
      'the zone data knows it); the 2 hours of term agreement are working hours, stopped when the customer ' +
      'agrees the planned date the supplier proposed (proposePlannedDate, agreePlannedDate or objectToPlannedDate); the 3 hours of on-site arrival are calendar hours; a breached provider deadline needs a ' +
      'failure report before the ticket can close.' +
      " Coverage (R-CON-8): 9x5x2 by default (09:00-18:00 Almaty, term agreement 2 h); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the term agreement of Urgent error reports in working hours (e.g. 9x5x1: 1 working hour); the contract may name its own time zone. Seed duties (issue 18): term agreement walked by both parties (proposePlannedDate, agreePlannedDate, objectToPlannedDate; TERM_AGREEMENT stops at the agreement); a failure report for every product failure (markAsFailure, and an urgent error is a failure by itself); customers set and change the priority of their own tickets (changePriority, as in the supplier's Redmine); the seed names no numbers, so each contract sets its contact points." +
      " Contract duties (issue 18, Contract.duties), each occurrence a DUTY ticket with the supplier's clock in the KZ calendar and the contract's days off: §9 test environments current (monthly, due 5 working days), §10 the modified product to the program fund once a quarter (due the 10th working day of the quarter), §12 database archives (monthly, 5 working days), §13 standby database in sync (weekly, 2 working days); the seed gives no periods for §9, §12 and §13: these are readings.",
    calendarId: 'almaty-0900-1800',
    timeZone: 'Asia/Almaty',
    workingHours:
      'Mon-Fri 09:00-18:00 Asia/Almaty (assumed), production calendar of the Republic of Kazakhstan plus the days off the contract lists',
    defaultCoverage: '9x5x2',
    prepaidTime: false,
    defaultReactionWorkingMinutes: null,
    customizationCapPercent: 15,
    warrantyMaxMonths: null,
    categoryLabels: { ERROR: 'Ошибка / сбой', SUPPORT: 'Консультация', IMPROVEMENT: 'Доработка' },
    priorityLabels: ['Срочный', 'Высокий', 'Нормальный', 'Низкий'],
    prerequisites: [],
    readings: [
      'No working hours in the seed: Mon-Fri 09:00-18:00 Asia/Almaty with the production calendar of Kazakhstan; the contract may list more days off.',
      'Term agreement 2 h = working hours; on-site arrival 3 h = calendar hours.',
      'Customisation (доработки) at most 15 % of the total value of the contract (item 11).',
    ],
    supportContacts: NO_SUPPORT_CONTACTS,
  },
  {
    id: 'infocraft-365',
    name: 'Инфокрафт ЖКХ 365 (Infocraft 365)',
    seed: '004',
    vendor: 'Инфокрафт',
    description:
      'Seed 004: maintenance of the Infocraft ZhKKh 365 online service. Consultation line 08:00-18:00 Moscow ' +
      'except weekends and holidays (production calendar). Support needs a valid 1C:ITS subscription for ' +
      '1C-platform products, and update access for boxed products (R-CON-1). Individual consultations come ' +
      'from prepaid hour packages billed per minute (R-CON-3): a subscription carries unused minutes to the ' +
      'next month when that month is paid on time; a one-off package lasts one month. Service tasks are ' +
      'debited by norm time whatever the actual time (R-CON-4); error reports, the consultation line and ' +
      'technical consultations are free (R-CON-5). The guaranteed response time comes with the package and ' +
      'holds only while prepaid time remains (R-CON-6). Readings: the seed gives no norm figures and no ' +
      'reaction time: the preset sets 4 working hours per package (changeable per package) and the norms of ' +
      'the service catalog (items IC.*).' +
      ' Coverage (R-CON-8): 10x5x4 by default (08:00-18:00 Moscow, reaction 4 h); another option sets that many hours a day from 08:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the reaction of Urgent tickets when it differs from 4 (the hour package governs the rest) in working hours (e.g. 10x5x2: 2 working hours); the contract may name its own time zone. Seed duties (issue 18): wishes ("Пожелания") are tickets of kind WISH (or service IC.7) recorded without an SLA clock and listed with tickets(filter: { kind: [WISH] }); the contact points are the seed\'s (hline@infocraft.ru, the knowledge base help.gkh365.ru).' +
      " Contract duties (issue 18): none in the seed; addContractDuty adds a contract's own.",
    calendarId: 'msk-0800-1800',
    timeZone: 'Europe/Moscow',
    workingHours: 'Mon-Fri 08:00-18:00 Europe/Moscow, production calendar of the Russian Federation',
    defaultCoverage: '10x5x4',
    prepaidTime: true,
    defaultReactionWorkingMinutes: 240,
    customizationCapPercent: 15,
    warrantyMaxMonths: null,
    categoryLabels: { ERROR: 'Ошибка', SUPPORT: 'Консультация', IMPROVEMENT: 'Кастомизация' },
    priorityLabels: ['Срочный', 'Высокий', 'Нормальный', 'Низкий'],
    prerequisites: [
      '1C:ITS subscription for products on the 1C:Enterprise platform',
      'Update access for boxed Infocraft products',
    ],
    readings: [
      'Guaranteed reaction: 4 working hours per package unless the package says otherwise.',
      "Carry-over: only the month's own subscription minutes carry, once, and only when the next month is paid before it begins (in Moscow time).",
      'Norm times of service tasks: the seed gives none; see the IC.* items of the service catalog.',
    ],
    supportContacts: {
      mainPhone: null,
      backupPhones: [],
      email: 'hline@infocraft.ru',
      portalUrl: 'https://help.gkh365.ru/',
    },
  },
];

export function findPreset(id: string): PresetDefinition | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

export function presetOf(id: string): PresetDefinition {
  const preset = findPreset(id);
  if (!preset) throw new Error(`Unknown preset ${id}`);
  return preset;
}
