/**
 * The service catalog (R-CON-2): the numbered services of seed 000 (1 ... 6.3, names and results
 * as the seed writes them), the services of seed 002 (AL.*: free databases and remote diagnostics,
 * paid setups priced by a specification) and the services of seed 004 (IC.*), each with how its work is billed:
 *   FREE       logged, never debited (R-CON-5)
 *   NORM       debited by fixed norm time whatever the actual time (R-CON-4)
 *   PER_MINUTE debited per minute of actual time (R-CON-3)
 *   PROJECT    priced by agreed scope / hourly rate (customisation, R-CON-7), not from prepaid minutes
 * `source` says where the billing and the norm come from: the seed's words, or the product's
 * decision where the seed gives no figure.
 */
export type ServiceBilling = 'FREE' | 'NORM' | 'PER_MINUTE' | 'PROJECT';

export interface ServiceItem {
  code: string;
  /** The seed it comes from ("000" or "004"). */
  seed: string;
  name: string;
  nameEn: string;
  result: string | null;
  billing: ServiceBilling;
  normMinutes: number | null;
  free: boolean;
  source: string;
}

type Row = Omit<ServiceItem, 'free'>;

const ROWS: Row[] = [
  {
    code: '1',
    seed: '000',
    name: 'Проведение технического (предпроектного) обследования объекта / задачи Заказчика',
    nameEn: "Technical (pre-project) survey of the customer's site or task",
    result:
      'Техническое задание (ТЗ) на проектирование новой информационной системы (ИС) / Коммерческое предложение на использование готовых из Каталога программных продуктов и их адаптации',
    billing: 'PROJECT',
    normMinutes: null,
    source: 'Seed 000: a project whose result is a specification or an offer; priced by agreed scope.',
  },
  {
    code: '2',
    seed: '000',
    name: 'Проектирование ИС для Заказчика',
    nameEn: 'Design of an information system for the customer',
    result: 'Техническая проектная документация для создания новой ИС / ТЗ на адаптацию готового программного продукта',
    billing: 'PROJECT',
    normMinutes: null,
    source: 'Seed 000: a project (design documentation); priced by agreed scope.',
  },
  {
    code: '3',
    seed: '000',
    name: 'Разработка ИС',
    nameEn: 'Development of an information system',
    result:
      'Новая информационная система или адаптация готового программного продукта для решения задачи Заказчика, включающая необходимую эксплуатационную документацию',
    billing: 'PROJECT',
    normMinutes: null,
    source: 'Seed 000: a project (a new or adapted system); priced by agreed scope.',
  },
  {
    code: '4',
    seed: '000',
    name: 'Внедрение ИС у Заказчика',
    nameEn: "Implementation of the system at the customer's site",
    result: 'Информационная система, эксплуатируемая на объектах Заказчика',
    billing: 'PROJECT',
    normMinutes: null,
    source: 'Seed 000: a project made of 4.1-4.3; priced by agreed scope.',
  },
  {
    code: '4.1',
    seed: '000',
    name: 'Подключение необходимого оборудования, установка и настройка ИС',
    nameEn: 'Connecting equipment, installing and configuring the system',
    result: 'Работоспособная система на объекте Заказчика',
    billing: 'NORM',
    normMinutes: 480,
    source: 'Product decision (the seed gives no figure): one working day per installation.',
  },
  {
    code: '4.2',
    seed: '000',
    name: 'Обучение пользователей',
    nameEn: 'User training',
    result:
      'Коллективная и индивидуальная форма обучения пользователей системы, дополнительные консультации для персонала при необходимости',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source: 'Product decision: training is billed by the time it takes (its length varies with the group).',
  },
  {
    code: '4.3',
    seed: '000',
    name: 'Доводка системы в опытной эксплуатации',
    nameEn: 'Fine-tuning during trial operation',
    result: 'Адаптированная к особенностям работы на объекте, а также с учетом замечаний пользователей ИС',
    billing: 'PROJECT',
    normMinutes: null,
    source: "Seed 000: adaptation to the site and the users' remarks; priced by agreed scope.",
  },
  {
    code: '5',
    seed: '000',
    name: 'Гарантийные обязательства на ИС',
    nameEn: 'Warranty on the system',
    result:
      'Бесплатное устранение ошибок и несоответствий системы ТЗ Заказчика в оговоренный договором период времени (не более 12 месяцев)',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 000: "бесплатное устранение ошибок", during the contract period, at most 12 months (R-CON-1).',
  },
  {
    code: '6',
    seed: '000',
    name: 'Сопровождение ИС у Заказчика',
    nameEn: "Support of the system at the customer's site",
    result: 'Техподдержка ИС в работоспособном состоянии на объекте Заказчика',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source: 'Seed 000: support in general (made of 6.1-6.3); work not named by a sub-item is billed by its time.',
  },
  {
    code: '6.1',
    seed: '000',
    name: 'Предоставление доступа к специальному сайту техподдержки',
    nameEn: 'Access to the support portal',
    result:
      'Предоставление доступа клиента к личному кабинету, включая доступ к новостям, технической библиотеке по продуктам, обмен технической и организационной информацией с разработчиками и службой сопровождения ИС',
    billing: 'FREE',
    normMinutes: null,
    source: 'Product decision: portal access comes with every contract (the portal is the main channel, 000).',
  },
  {
    code: '6.2',
    seed: '000',
    name: 'Разовые услуги техподдержки',
    nameEn: 'One-off support services',
    result: null,
    billing: 'PER_MINUTE',
    normMinutes: null,
    source:
      'Seed 000: a heading with no result of its own (6.2.1-6.2.7); billed by time unless a sub-item says otherwise.',
  },
  {
    code: '6.2.1',
    seed: '000',
    name: 'Предоставление и (при необходимости) установка обновления ИС',
    nameEn: 'Providing and (if needed) installing a system update',
    result:
      'Обновление необходимо для поддержки программного обеспечения системы в актуальном состоянии при изменении нормативных документов, для улучшения эффективности и производительности её работы, а также исправления обнаруженных ошибок и устранения замечаний пользователей',
    billing: 'NORM',
    normMinutes: 60,
    source: 'Product decision (the seed gives no figure): 1 norm hour per update installed.',
  },
  {
    code: '6.2.2',
    seed: '000',
    name: 'Предоставление обновления справочников и классификаторов ИС',
    nameEn: 'Updating reference books and classifiers',
    result: 'Поддержка в актуальном состоянии информационного обеспечения системы',
    billing: 'NORM',
    normMinutes: 30,
    source: 'Product decision (the seed gives no figure): 0.5 norm hour per update of the reference data.',
  },
  {
    code: '6.2.3',
    seed: '000',
    name: 'Доработка ИС под индивидуальные требования Заказчика',
    nameEn: "Customisation to the customer's own requirements",
    result: 'Обеспечение дополнительной функциональности ИС, отсутствующей ранее в системе и необходимой Заказчику',
    billing: 'PROJECT',
    normMinutes: null,
    source: "Seed 000 (and 003, 004): customisation, priced by the contract's hourly rate within the cap (R-CON-7).",
  },
  {
    code: '6.2.4',
    seed: '000',
    name: 'Консультации пользователей ИС по особенностям её использования',
    nameEn: 'Consultations of users on using the system',
    result:
      'Осуществляется дистанционно с использованием средств телекоммуникаций либо с выездом специалистов на объект Заказчика',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source:
      'Product decision after seed 004 ("индивидуальные консультации ... согласно затраченному времени"): per minute.',
  },
  {
    code: '6.2.5',
    seed: '000',
    name: 'Системное администрирование ИС (ОС, СУБД, ПО, 1С:Предприятие)',
    nameEn: 'System administration (OS, DBMS, software, 1C:Enterprise)',
    result:
      'Осуществляется при необходимости дистанционно с использованием средств телекоммуникаций либо с выездом специалистов на объект Заказчика',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source: 'Product decision: administration work varies; billed per minute.',
  },
  {
    code: '6.2.6',
    seed: '000',
    name: 'Устранение аварийных ситуаций, возникших на объекте Заказчика.',
    nameEn: "Recovery from emergencies at the customer's site",
    result:
      'Осуществляется при необходимости дистанционно с использованием средств телекоммуникаций либо с выездом специалистов на объект Заказчика',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source:
      'Product decision: emergencies vary; billed per minute (a defect of the system itself is an ERROR ticket and free).',
  },
  {
    code: '6.2.7',
    seed: '000',
    name: 'Проведение системно-технического обслуживания (СТО) компьютерной инфраструктуры на объекте Заказчика',
    nameEn: "Scheduled maintenance of the customer's computer infrastructure",
    result: 'СТО серверного и сетевого оборудования, СКС, компьютеров АРМ и периферийного оборудования',
    billing: 'NORM',
    normMinutes: 240,
    source: 'Product decision (the seed gives no figure): half a working day per maintenance visit.',
  },
  {
    code: '6.3',
    seed: '000',
    name: 'Абонентское сопровождение ИС',
    nameEn: 'Subscription support',
    result:
      'Договор на комплексное техобслуживание ИС на объектах Заказчика в течение определенного периода времени (обычно календарный год), включающий состав необходимых услуг из п.6.2',
    billing: 'PROJECT',
    normMinutes: null,
    source:
      'Seed 000: a contract for a period (usually a year) covering 6.2 services; in this product an hour package (R-CON-3).',
  },
  {
    code: 'AL.1',
    seed: '002',
    name: 'Удаленная диагностика и устранение инцидентов в ПП',
    nameEn: 'Remote diagnostics and fixing of incidents in the product',
    result: 'Инцидент диагностирован и устранён (при наличии удаленного доступа к ПП, предоставленного Пользователем)',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 002: part of the support programme ("+"), given remote access by the user.',
  },
  {
    code: 'AL.2',
    seed: '002',
    name: 'Добавление в базу данных систем фурнитуры по запросу Пользователя',
    nameEn: "Adding hardware systems to the user's database on request",
    result: 'База данных системы фурнитуры, если она есть у Исполнителя (пример настройки системы фурнитуры)',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 002 (*): "При наличии запрашиваемых систем у Исполнителя – базы данных предоставляются бесплатно".',
  },
  {
    code: 'AL.3',
    seed: '002',
    name: 'Настройка системы фурнитуры, которой нет у Исполнителя',
    nameEn: 'Setting up a hardware system the provider does not have',
    result: 'Система фурнитуры настроена в базе данных Пользователя',
    billing: 'PROJECT',
    normMinutes: null,
    source:
      'Seed 002 (*): "При отсутствии запрашиваемой системы – Пользователь может ... заказать платную услугу"; priced by the price list.',
  },
  {
    code: 'AL.4',
    seed: '002',
    name: 'Составление технического задания для индивидуальной настройки базы данных Пользователя',
    nameEn: "A technical specification for an individual setup of the user's database",
    result: 'Техническое задание, по которому оценивается стоимость настройки',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 002 (**): part of the support programme ("+"); the specification prices the setup (AL.5).',
  },
  {
    code: 'AL.5',
    seed: '002',
    name: 'Индивидуальная настройка базы данных Пользователя по техническому заданию',
    nameEn: "Individual setup of the user's database to the specification",
    result: 'База данных настроена по техническому заданию',
    billing: 'PROJECT',
    normMinutes: null,
    source:
      'Seed 002 (**): "можно заказать настройку Исполнителю, в этом случае для оценки стоимости работ составляется техническое задание".',
  },
  {
    code: 'IC.1',
    seed: '004',
    name: 'Консультации по техническим вопросам (проблемы до входа в облачный сервис)',
    nameEn: 'Technical consultations (problems before entering the cloud service)',
    result:
      'Помощь в решении проблем, мешающих зайти в базу: ошибки аутентификации, настройки браузера/тонкого клиента',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 004: "Консультации по техническим вопросам не тарифицируются" (R-CON-5).',
  },
  {
    code: 'IC.2',
    seed: '004',
    name: 'Линия консультаций',
    nameEn: 'Consultation line',
    result: 'Ответы на простые вопросы, как правило ссылкой на статью базы знаний или документацию',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 004: "Обращения на сервис «Линия консультаций» не тарифицируются" (R-CON-5).',
  },
  {
    code: 'IC.3',
    seed: '004',
    name: 'Установка и обновление тонкого клиента',
    nameEn: 'Installing and updating the thin client',
    result: 'Тонкий клиент нужной версии установлен и настроен на компьютере Пользователя (удалённо)',
    billing: 'NORM',
    normMinutes: 30,
    source:
      "Seed 004: a service task billed by norm hours whatever the actual time (R-CON-4); the figure (0.5 h) is the product's.",
  },
  {
    code: 'IC.4',
    seed: '004',
    name: 'Консультации по использованию сервисов 1С:ИТС',
    nameEn: 'Consultations on using the 1C:ITS services',
    result: 'Помощь в решении проблем, связанных с работой сервисов 1С:ИТС',
    billing: 'NORM',
    normMinutes: 30,
    source: "Seed 004: a service task billed by norm hours (R-CON-4); the figure (0.5 h) is the product's.",
  },
  {
    code: 'IC.5',
    seed: '004',
    name: 'Индивидуальные консультации',
    nameEn: 'Individual consultations',
    result: 'Развёрнутые консультации, в том числе с подключением к информационной базе и её настройкой',
    billing: 'PER_MINUTE',
    normMinutes: null,
    source: 'Seed 004: "тарифицируемые согласно затраченному времени", per minute from the hour package (R-CON-3).',
  },
  {
    code: 'IC.6',
    seed: '004',
    name: 'Сообщение об ошибке (сбое) в работе Программного продукта',
    nameEn: 'Error (failure) report',
    result: 'Ошибка воспроизведена и исправлена',
    billing: 'FREE',
    normMinutes: null,
    source: 'Seed 004: "Обращения, связанные со сбоями (ошибками) ... не тарифицируются" (R-CON-5).',
  },
  {
    code: 'IC.7',
    seed: '004',
    name: 'Пожелания по работе с Программным продуктом',
    nameEn: 'Wishes about the product',
    result: 'Пожелание зафиксировано для анализа и, возможно, включения в типовое решение',
    billing: 'FREE',
    normMinutes: null,
    source: 'Product decision after seed 004: wishes are recorded for analysis, no work is billed.',
  },
  {
    code: 'IC.8',
    seed: '004',
    name: 'Кастомизация Программных продуктов',
    nameEn: 'Customisation of the products',
    result: 'Новые функциональные возможности, которые невозможно получить настройками',
    billing: 'PROJECT',
    normMinutes: null,
    source: 'Seed 004: "тарифицируются исходя из согласованного объема работ"; hourly rate within the cap (R-CON-7).',
  },
];

export const SERVICE_CATALOG: readonly ServiceItem[] = ROWS.map((row) => ({ ...row, free: row.billing === 'FREE' }));

export function findServiceItem(code: string): ServiceItem | undefined {
  return SERVICE_CATALOG.find((item) => item.code === code.trim());
}

export const SERVICE_CODES = SERVICE_CATALOG.map((item) => item.code);
