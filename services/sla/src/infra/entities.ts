/**
 * Every TypeORM entity of this part: the classes (defined in the `*.entities.ts` files beside
 * this one) and the list its data source opens. `infra/entities.ts` means this in every service.
 */
import {
  SlaTimerEntity,
  SlaTicketEntity,
  SlaHistoryEntity,
  SlaReleaseEntity,
  SlaContractEntity,
  SlaFailureReportEntity,
} from './sla.entities';
import {
  ProductionCalendarEntity,
  ProductionCalendarYearEntity,
  CalendarRecomputeEntity,
} from './production-calendar.entities';

import { SlaAdvisoryClockEntity } from './advisory-clock.entities';

export * from './sla.entities';
export * from './advisory-clock.entities';
export * from './production-calendar.entities';

export const slaEntities = [
  SlaTimerEntity,
  SlaTicketEntity,
  SlaHistoryEntity,
  SlaReleaseEntity,
  SlaContractEntity,
  SlaFailureReportEntity,
  ProductionCalendarEntity,
  ProductionCalendarYearEntity,
  CalendarRecomputeEntity,
  SlaAdvisoryClockEntity,
];
