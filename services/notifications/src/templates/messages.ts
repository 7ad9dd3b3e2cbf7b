import type { Language, NotificationKind } from '../domain/kinds';

/**
 * The texts of every kind, Russian and English, as Handlebars templates (rendered with
 * `noEscape` for plain text; the HTML part escapes). Variables: `number`, `title` (the
 * ticket's), `customer` (true for the customer side), `name` (the recipient), the rule's facts,
 * and `link` to the ticket in the portal. Dates go through `{{date x}}`, enum values through
 * `{{label x}}`.
 */
export interface MessageTemplate {
  title: string;
  body: string;
}

export const MESSAGES: Record<NotificationKind, Record<Language, MessageTemplate>> = {
  TICKET_REGISTERED: {
    RU: {
      title: '{{#if customer}}Обращение {{number}} зарегистрировано{{else}}Новое обращение {{number}}{{/if}}',
      body: '{{#if customer}}Ваше обращение «{{title}}» зарегистрировано под номером {{number}}.{{else}}Зарегистрировано обращение {{number}} «{{title}}»: ждёт первичного анализа.{{/if}}',
    },
    EN: {
      title: '{{#if customer}}Ticket {{number}} registered{{else}}New ticket {{number}}{{/if}}',
      body: '{{#if customer}}Your request "{{title}}" was registered under number {{number}}.{{else}}Ticket {{number}} "{{title}}" was registered and awaits primary analysis.{{/if}}',
    },
  },
  STATUS_CHANGED: {
    RU: {
      title: 'Обращение {{number}}: {{label toStatus}}',
      body: 'Статус обращения {{number}} «{{title}}» изменён: {{label fromStatus}} → {{label toStatus}}.{{#if message}}\n\n{{message}}{{/if}}',
    },
    EN: {
      title: 'Ticket {{number}}: {{label toStatus}}',
      body: 'The status of ticket {{number}} "{{title}}" changed: {{label fromStatus}} → {{label toStatus}}.{{#if message}}\n\n{{message}}{{/if}}',
    },
  },
  PLANNED_DATE_CHANGED: {
    RU: {
      title: 'Обращение {{number}}: плановый срок {{date plannedResolutionAt}}',
      body: '{{#if previousPlannedResolutionAt}}Плановый срок решения обращения {{number}} «{{title}}» перенесён с {{date previousPlannedResolutionAt}} на {{date plannedResolutionAt}}.{{else}}Плановый срок решения обращения {{number}} «{{title}}»: {{date plannedResolutionAt}}.{{/if}}',
    },
    EN: {
      title: 'Ticket {{number}}: planned for {{date plannedResolutionAt}}',
      body: '{{#if previousPlannedResolutionAt}}The planned resolution date of ticket {{number}} "{{title}}" moved from {{date previousPlannedResolutionAt}} to {{date plannedResolutionAt}}.{{else}}The planned resolution date of ticket {{number}} "{{title}}" is {{date plannedResolutionAt}}.{{/if}}',
    },
  },
  PLANNED_DATE_PROPOSED: {
    RU: {
      title: 'Обращение {{number}}: предложен срок {{date proposedResolutionAt}}',
      body: 'Исполнитель предлагает срок решения обращения {{number}} «{{title}}»: {{date proposedResolutionAt}}.{{#if note}}\n\n{{note}}{{/if}}\n\nСогласуйте срок или возразите в портале.',
    },
    EN: {
      title: 'Ticket {{number}}: term proposed, {{date proposedResolutionAt}}',
      body: 'The provider proposes to resolve ticket {{number}} "{{title}}" by {{date proposedResolutionAt}}.{{#if note}}\n\n{{note}}{{/if}}\n\nPlease agree or object in the portal.',
    },
  },
  PLANNED_DATE_AGREED: {
    RU: {
      title: 'Обращение {{number}}: срок {{date plannedResolutionAt}} согласован',
      body: 'Клиент согласовал срок решения обращения {{number}} «{{title}}»: {{date plannedResolutionAt}}.',
    },
    EN: {
      title: 'Ticket {{number}}: term {{date plannedResolutionAt}} agreed',
      body: 'The customer agreed the resolution date of ticket {{number}} "{{title}}": {{date plannedResolutionAt}}.',
    },
  },
  PLANNED_DATE_OBJECTED: {
    RU: {
      title: 'Обращение {{number}}: клиент возразил против срока',
      body: 'Клиент не согласен со сроком {{date proposedResolutionAt}} по обращению {{number}} «{{title}}»:\n\n{{reason}}\n\nПредложите другой срок.',
    },
    EN: {
      title: 'Ticket {{number}}: the customer objected to the term',
      body: 'The customer objected to {{date proposedResolutionAt}} for ticket {{number}} "{{title}}":\n\n{{reason}}\n\nPlease propose another date.',
    },
  },
  PRIORITY_CHANGED: {
    RU: {
      title: 'Обращение {{number}}: приоритет {{label priority}}',
      body: 'Приоритет обращения {{number}} «{{title}}» изменён на {{label priority}}.{{#if reason}} Причина: {{reason}}{{/if}}',
    },
    EN: {
      title: 'Ticket {{number}}: priority {{label priority}}',
      body: 'The priority of ticket {{number}} "{{title}}" is now {{label priority}}.{{#if reason}} Reason: {{reason}}{{/if}}',
    },
  },
  ASSIGNED: {
    RU: {
      title:
        '{{#if customer}}Обращение {{number}}: назначен исполнитель{{else}}Вам назначено обращение {{number}}{{/if}}',
      body: '{{#if customer}}Обращением {{number}} «{{title}}» занимается {{assigneeName}}.{{else}}Вам назначено обращение {{number}} «{{title}}».{{/if}}',
    },
    EN: {
      title: '{{#if customer}}Ticket {{number}}: engineer assigned{{else}}Ticket {{number}} assigned to you{{/if}}',
      body: '{{#if customer}}{{assigneeName}} is working on ticket {{number}} "{{title}}".{{else}}Ticket {{number}} "{{title}}" is assigned to you.{{/if}}',
    },
  },
  MESSAGE_ADDED: {
    RU: {
      title: 'Обращение {{number}}: новое сообщение',
      body: 'Новое сообщение по обращению {{number}} «{{title}}»:\n\n{{message}}',
    },
    EN: {
      title: 'Ticket {{number}}: new message',
      body: 'A new message on ticket {{number}} "{{title}}":\n\n{{message}}',
    },
  },
  CLARIFICATION_REQUESTED: {
    RU: {
      title: 'Обращение {{number}}: нужно уточнение',
      body: 'По обращению {{number}} «{{title}}» исполнителю нужна информация:\n\n{{question}}\n\nОтветьте, пожалуйста, в течение 3 рабочих дней{{#if answerBy}} (до {{date answerBy}}){{/if}}: без ответа обращение может быть закрыто.',
    },
    EN: {
      title: 'Ticket {{number}}: clarification needed',
      body: 'The engineer needs information on ticket {{number}} "{{title}}":\n\n{{question}}\n\nPlease answer within 3 working days{{#if answerBy}} (by {{date answerBy}}){{/if}}: without an answer the ticket may be closed.',
    },
  },
  CLARIFICATION_ANSWERED: {
    RU: {
      title: 'Обращение {{number}}: клиент ответил',
      body: 'Клиент ответил на уточнение по обращению {{number}} «{{title}}»:\n\n{{answer}}',
    },
    EN: {
      title: 'Ticket {{number}}: the customer answered',
      body: 'The customer answered the clarification on ticket {{number}} "{{title}}":\n\n{{answer}}',
    },
  },
  SOLUTION_PROVIDED: {
    RU: {
      title: 'Обращение {{number}}: предоставлено решение',
      body: 'По обращению {{number}} «{{title}}» предоставлено решение:\n\n{{solution}}\n\nПримите решение или верните его с замечаниями{{#if acceptBy}} до {{date acceptBy}}{{/if}}. Без ответа обращение будет закрыто автоматически {{date autoCloseAt}}.',
    },
    EN: {
      title: 'Ticket {{number}}: solution provided',
      body: 'A solution was provided on ticket {{number}} "{{title}}":\n\n{{solution}}\n\nPlease accept it or return it with remarks{{#if acceptBy}} by {{date acceptBy}}{{/if}}. Without an answer the ticket closes automatically on {{date autoCloseAt}}.',
    },
  },
  SOLUTION_RETURNED: {
    RU: {
      title: 'Обращение {{number}}: решение возвращено',
      body: 'Клиент вернул решение по обращению {{number}} «{{title}}» с замечаниями:\n\n{{remarks}}',
    },
    EN: {
      title: 'Ticket {{number}}: solution returned',
      body: 'The customer returned the solution of ticket {{number}} "{{title}}" with remarks:\n\n{{remarks}}',
    },
  },
  TICKET_CLOSED: {
    RU: {
      title: 'Обращение {{number}} закрыто',
      body: 'Обращение {{number}} «{{title}}» закрыто. Причина: {{label reason}}.{{#if comment}}\n\n{{comment}}{{/if}}',
    },
    EN: {
      title: 'Ticket {{number}} closed',
      body: 'Ticket {{number}} "{{title}}" was closed. Reason: {{label reason}}.{{#if comment}}\n\n{{comment}}{{/if}}',
    },
  },
  SLA_WARNING: {
    RU: {
      title:
        '{{#if advisoryTitle}}Исправление уязвимости «{{advisoryTitle}}»: срок под угрозой{{else}}Обращение {{number}}: срок «{{label metric}}» под угрозой{{/if}}',
      body: '{{#if advisoryTitle}}Предупреждение (R-SLA-9): обновление {{product}}, исправляющее уязвимость «{{advisoryTitle}}», должно выйти до {{date deadline}} (3 дня с момента обнаружения). Может не успеть: {{label partyAtRisk}}.{{else}}Предупреждение (R-SLA-9): срок «{{label metric}}» по обращению {{number}} «{{title}}» истекает {{date deadline}}. Может не успеть: {{label partyAtRisk}}.{{/if}}',
    },
    EN: {
      title:
        '{{#if advisoryTitle}}Fix of "{{advisoryTitle}}": deadline at risk{{else}}Ticket {{number}}: {{label metric}} deadline at risk{{/if}}',
      body: '{{#if advisoryTitle}}Warning (R-SLA-9): the {{product}} update fixing "{{advisoryTitle}}" is due by {{date deadline}} (3 days from discovery). The party at risk: {{label partyAtRisk}}.{{else}}Warning (R-SLA-9): the {{label metric}} deadline of ticket {{number}} "{{title}}" expires {{date deadline}}. The party at risk: {{label partyAtRisk}}.{{/if}}',
    },
  },
  SLA_BREACHED: {
    RU: {
      title:
        '{{#if advisoryTitle}}Исправление уязвимости «{{advisoryTitle}}» просрочено{{else}}Обращение {{number}}: срок «{{label metric}}» нарушен{{/if}}',
      body: '{{#if advisoryTitle}}Обновление {{product}}, исправляющее уязвимость «{{advisoryTitle}}», не вышло к сроку {{date deadline}} (R-SLA-6).{{else}}Срок «{{label metric}}» по обращению {{number}} «{{title}}» ({{date deadline}}) нарушен.{{/if}}',
    },
    EN: {
      title:
        '{{#if advisoryTitle}}Fix of "{{advisoryTitle}}" overdue{{else}}Ticket {{number}}: {{label metric}} deadline breached{{/if}}',
      body: '{{#if advisoryTitle}}The {{product}} update fixing "{{advisoryTitle}}" did not ship by {{date deadline}} (R-SLA-6).{{else}}The {{label metric}} deadline of ticket {{number}} "{{title}}" ({{date deadline}}) was breached.{{/if}}',
    },
  },
  FAILURE_REPORT_REQUIRED: {
    RU: {
      title: 'Обращение {{number}}: нужен отчёт о нарушении',
      body: '{{#if metric}}Срок «{{label metric}}» по обращению {{number}} «{{title}}» нарушен: опишите причины и меры (R-SLA-11). Если договор этого требует, без отчёта обращение не закрыть.{{else}}Обращение {{number}} «{{title}}» отмечено как сбой: опишите причины и меры (R-SLA-11); без отчёта обращение не закрыть.{{/if}}',
    },
    EN: {
      title: 'Ticket {{number}}: failure report required',
      body: '{{#if metric}}The {{label metric}} deadline of ticket {{number}} "{{title}}" was breached: write the causes and measures (R-SLA-11). Where the contract demands it, the ticket cannot close without the report.{{else}}Ticket {{number}} "{{title}}" is marked as a failure: write the causes and measures (R-SLA-11); the ticket cannot close without the report.{{/if}}',
    },
  },
  FAILURE_REPORT_SUBMITTED: {
    RU: {
      title: 'Обращение {{number}}: отчёт о нарушении срока',
      body: 'Исполнитель описал нарушение срока по обращению {{number}} «{{title}}».\n\nПричины: {{causes}}\nМеры: {{measures}}',
    },
    EN: {
      title: 'Ticket {{number}}: failure report',
      body: 'The provider reported on the missed deadline of ticket {{number}} "{{title}}".\n\nCauses: {{causes}}\nMeasures: {{measures}}',
    },
  },
  PREPAID_EXHAUSTED: {
    RU: {
      title: 'Предоплаченное время за {{month}} исчерпано',
      body: 'Предоплаченное время по договору {{contractNumber}} за {{month}} израсходовано. Гарантированное время реакции больше не действует; обращения обслуживаются в общей очереди (R-CON-6).',
    },
    EN: {
      title: 'Prepaid time for {{month}} used up',
      body: 'The prepaid time of contract {{contractNumber}} for {{month}} is used up. The guaranteed response time no longer applies; requests are served in the general queue (R-CON-6).',
    },
  },
  CUSTOMIZATION_CAP_NEARING: {
    RU: {
      title: 'Договор {{contractNumber}}: доработки близки к лимиту',
      body: 'По договору {{contractNumber}} доработки выполнены на {{spentAmount}} из {{capAmount}} (лимит: 15 % стоимости договора, R-CON-7). Осталось меньше пятой части лимита.',
    },
    EN: {
      title: 'Contract {{contractNumber}}: customisation nearing its cap',
      body: 'Customisation under contract {{contractNumber}} has used {{spentAmount}} of {{capAmount}} (the cap: 15 % of the contract value, R-CON-7). Less than a fifth of the cap is left.',
    },
  },
  CALENDAR_COVERAGE_LOW: {
    RU: {
      title: 'Производственный календарь «{{calendarName}}» заканчивается',
      body: 'Данные календаря «{{calendarName}}» есть только до {{coveredUntil}} (осталось дней: {{daysLeft}}). Загрузите следующий год, иначе сроки станут предварительными.',
    },
    EN: {
      title: 'Production calendar "{{calendarName}}" runs out',
      body: 'Calendar "{{calendarName}}" has data only until {{coveredUntil}} ({{daysLeft}} days left). Import the next year, or deadlines become provisional.',
    },
  },
  WEBHOOK_DISABLED: {
    RU: {
      title: 'Вебхук {{url}} отключён',
      body: 'Все доставки на {{url}} не удавались с {{failingSince}} (последняя ошибка: {{lastError}}). Вебхук отключён; исправьте приёмник и включите его снова (updateWebhook), недоставленные события можно отправить повторно (redeliverWebhook).',
    },
    EN: {
      title: 'Webhook {{url}} disabled',
      body: 'Every delivery to {{url}} has failed since {{failingSince}} (last error: {{lastError}}). The webhook is disabled; fix the receiver and enable it again (updateWebhook); undelivered events can be sent again (redeliverWebhook).',
    },
  },
  ADVISORY: {
    RU: {
      title: 'Уведомление безопасности ({{label severity}}): {{advisoryTitle}}',
      body: '{{advisoryBody}}\n\nПродукт: {{product}}. Исправление выйдет не позднее {{date fixDueAt}} (001 §8-9); о нём сообщим отдельно.',
    },
    EN: {
      title: 'Security advisory ({{label severity}}): {{advisoryTitle}}',
      body: '{{advisoryBody}}\n\nProduct: {{product}}. The fix ships by {{date fixDueAt}} (001 §8-9); you will be told when it is out.',
    },
  },
  ADVISORY_FIXED: {
    RU: {
      title: 'Исправлено: {{advisoryTitle}}',
      body: 'Вышло обновление {{product}}{{#if version}} {{version}}{{/if}}, исправляющее уязвимость «{{advisoryTitle}}». Установите его.',
    },
    EN: {
      title: 'Fixed: {{advisoryTitle}}',
      body: 'The {{product}} update{{#if version}} {{version}}{{/if}} fixing "{{advisoryTitle}}" is out. Please install it.',
    },
  },
  RELEASE_PUBLISHED: {
    RU: {
      title: 'Вышло обновление {{product}}{{#if version}} {{version}}{{/if}}',
      body: 'Вышло {{label releaseKind}} обновление {{product}}{{#if version}} {{version}}{{/if}}.',
    },
    EN: {
      title: '{{product}}{{#if version}} {{version}}{{/if}} released',
      body: 'A new {{label releaseKind}} update of {{product}}{{#if version}}, version {{version}},{{/if}} is out.',
    },
  },
  EMAIL_REFUSED: {
    RU: {
      title: 'Обращение не зарегистрировано: {{subject}}',
      body: 'Ваше письмо «{{subject}}» не зарегистрировано как обращение: {{reasons}}. Обратитесь, пожалуйста, к вашему администратору или по телефону горячей линии.',
    },
    EN: {
      title: 'Request not registered: {{subject}}',
      body: 'Your e-mail "{{subject}}" was not registered as a ticket: {{reasons}}. Please contact your administrator or the hotline.',
    },
  },
  EMAIL_FORWARDED: {
    RU: {
      title: 'Переслано: {{subject}}',
      body: 'Письмо от {{sender}} не зарегистрировано как обращение: отправитель не является зарегистрированным контактным лицом вашей организации (обращения принимаются только от них). Зарегистрируйте обращение от имени контактного лица или попросите администратора добавить отправителя.',
    },
    EN: {
      title: 'Forwarded: {{subject}}',
      body: 'The e-mail from {{sender}} was not registered as a ticket: the sender is not a registered contact of your organization (requests are taken only from them). Register the request as a contact, or ask your administrator to add the sender.',
    },
  },
};

/** How enum values read in each language. */
export const LABELS: Record<Language, Record<string, string>> = {
  RU: {
    REGISTERED: 'Зарегистрировано',
    IN_ANALYSIS: 'Первичный анализ',
    AWAITING_CLARIFICATION: 'Ожидает уточнения',
    IN_PROGRESS: 'В работе',
    RESOLVED: 'Решено',
    CLOSED: 'Закрыто',
    ACCEPTED: 'решение принято',
    AUTO_CLOSED: 'закрыто автоматически',
    NO_CLARIFICATION: 'нет уточнения от клиента',
    DUPLICATE: 'дубликат',
    WITHDRAWN: 'отозвано',
    URGENT: 'Срочный',
    HIGH: 'Высокий',
    NORMAL: 'Обычный',
    LOW: 'Низкий',
    PROVIDER: 'исполнитель',
    CUSTOMER: 'заказчик',
    REACTION: 'Реакция',
    TERM_AGREEMENT: 'Согласование срока',
    ANALYSIS: 'Первичный анализ',
    RESOLUTION: 'Решение',
    REWORK: 'Доработка',
    CUSTOMER_ACCEPTANCE: 'Приёмка',
    CLARIFICATION: 'Уточнение',
    CALLBACK: 'Обратный звонок',
    ON_SITE: 'Выезд',
    AUTO_CLOSE: 'Автозакрытие',
    SECURITY_FIX: 'Исправление уязвимости',
    CRITICAL: 'критическая',
    MEDIUM: 'средняя',
    PLANNED: 'плановое',
    UNPLANNED: 'внеплановое',
  },
  EN: {
    REGISTERED: 'Registered',
    IN_ANALYSIS: 'In analysis',
    AWAITING_CLARIFICATION: 'Awaiting clarification',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
    ACCEPTED: 'solution accepted',
    AUTO_CLOSED: 'closed automatically',
    NO_CLARIFICATION: 'no clarification from the customer',
    DUPLICATE: 'duplicate',
    WITHDRAWN: 'withdrawn',
    URGENT: 'Urgent',
    HIGH: 'High',
    NORMAL: 'Normal',
    LOW: 'Low',
    PROVIDER: 'the provider',
    CUSTOMER: 'the customer',
    REACTION: 'reaction',
    TERM_AGREEMENT: 'term agreement',
    ANALYSIS: 'primary analysis',
    RESOLUTION: 'resolution',
    REWORK: 'rework',
    CUSTOMER_ACCEPTANCE: 'acceptance',
    CLARIFICATION: 'clarification',
    CALLBACK: 'call-back',
    ON_SITE: 'on-site arrival',
    AUTO_CLOSE: 'auto-close',
    SECURITY_FIX: 'security fix',
    CRITICAL: 'critical',
    MEDIUM: 'medium',
    PLANNED: 'planned',
    UNPLANNED: 'unplanned',
  },
};
