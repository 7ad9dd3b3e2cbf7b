import type { Caller } from '@reglament/shared/domain';
import type { DownloadLinks } from '@reglament/shared/platform';
import type { DutyOccurrences } from '../application/duty-occurrences';
import type { TicketQueries } from '../application/queries';
import type { PhoneCalls } from '../application/phone-calls';
import type { Registration } from '../application/registration';
import type { TicketWorkflow } from '../application/workflow';
import type { AttachmentStorage } from '../application/attachment-storage';
import type { TicketReads } from '../infra/ticket-reads';
import type { TicketLoaders } from './loaders';

export interface TicketsApp {
  registration: Registration;
  /** logCall (R-TKT-3). */
  calls: PhoneCalls;
  workflow: TicketWorkflow;
  queries: TicketQueries;
  /** Issue 18: occurrences of contract duties (DUTY tickets). */
  dutyOccurrences: DutyOccurrences;
  reads: TicketReads;
  storage: AttachmentStorage;
  /** Signs `Attachment.url`. */
  links: DownloadLinks;
}

export interface TicketsContext {
  caller: Caller;
  app: TicketsApp;
  loaders: TicketLoaders;
}
