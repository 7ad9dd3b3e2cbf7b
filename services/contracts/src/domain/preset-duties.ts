import type { PresetId } from '@reglament/shared/domain';
import type { PresetDuty } from './duties';

/**
 * The duties a preset's seed imposes, created with every contract of the preset (issue 18).
 * The seeds name the work and sometimes the period; where they are silent the reading is said
 * in the description (and in the preset's description).
 */
export const PRESET_DUTIES: { readonly [P in PresetId]: readonly PresetDuty[] } = {
  'imc-typical': [
    {
      seedClause: '000 Личный кабинет',
      title: 'Список сотрудников для доступа в Личный кабинет (portal users list)',
      description:
        'Заказчик обязуется подготовить и передать Исполнителю список сотрудников, которым необходимо предоставить ' +
        'доступ в Личный кабинет, в течение 3 (трёх) рабочих дней с даты заключения договора. ' +
        "(The customer hands over the list of portal users within 3 working days of signing: the contract's first day.)",
      party: 'CUSTOMER',
      schedule: { kind: 'ONCE', on: null, cron: null },
      dueWorkingDays: 3,
      endsOn: null,
    },
  ],
  asmo: [],
  'altec-8x5x4': [],
  'kz-supplier': [
    {
      seedClause: '003 §9',
      title: 'Актуализация баз данных и модулей Продукта на стендах Поставщика (test environments current)',
      description:
        'Поддержание в актуальном состоянии баз данных и программных модулей сопровождаемого Продукта на стендах ' +
        'Поставщика. Reading: the seed gives no period; checked monthly, due within 5 working days of the month.',
      party: 'PROVIDER',
      schedule: { kind: 'MONTHLY', on: null, cron: null },
      dueWorkingDays: 5,
      endsOn: null,
    },
    {
      seedClause: '003 §10',
      title: 'Сдача модифицированного Продукта в программный фонд Заказчика (quarterly hand-over)',
      description:
        'Сдача в программный фонд Заказчика Продукта, модифицированного в процессе сопровождения, 1 (один) раз в ' +
        'квартал. Reading: the hand-over of each quarter is due by the 10th working day of the quarter.',
      party: 'PROVIDER',
      schedule: { kind: 'QUARTERLY', on: null, cron: null },
      dueWorkingDays: 10,
      endsOn: null,
    },
    {
      seedClause: '003 §12',
      title: 'Архивация баз данных (database archives)',
      description:
        'Осуществление услуг по архивации баз данных. Reading: the seed gives no period; an archive a month, due ' +
        'within 5 working days of the month.',
      party: 'PROVIDER',
      schedule: { kind: 'MONTHLY', on: null, cron: null },
      dueWorkingDays: 5,
      endsOn: null,
    },
    {
      seedClause: '003 §13',
      title: 'Синхронизация с резервной базой (standby database in sync)',
      description:
        'Поддержание в актуальном состоянии синхронизации с резервной базой. Reading: checked weekly, due within ' +
        '2 working days of the week.',
      party: 'PROVIDER',
      schedule: { kind: 'WEEKLY', on: null, cron: null },
      dueWorkingDays: 2,
      endsOn: null,
    },
  ],
  'infocraft-365': [],
};
