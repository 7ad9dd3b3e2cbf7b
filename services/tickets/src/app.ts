import { verifyCaller } from '@reglament/shared/domain';
import {
  DownloadLinks,
  type Platform,
  type RunningService,
  ServiceRuntime,
  type StorageSettings,
} from '@reglament/shared/platform';
import { TicketQueries } from './application/queries';
import { PhoneCalls } from './application/phone-calls';
import { Registration } from './application/registration';
import { TicketWorkflow } from './application/workflow';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from './config';
import { attachmentDownloadRoute } from './graphql/attachment-download.route';
import type { TicketsApp } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { buildTicketsSchema } from './graphql/schema';
import { Tickets1763700000200 } from './infra/migrations/1763700000200-tickets';
import { TicketsLifecycle1763700000210 } from './infra/migrations/1763700000210-tickets-lifecycle';
import { ReadModelEventOrder1795307263753 } from './infra/migrations/1795307263753-ReadModelEventOrder';
import { ListFilterIndexes1795307559326 } from './infra/migrations/1795307559326-ListFilterIndexes';
import { AttachmentContentExternal1795400000000 } from './infra/migrations/1795400000000-AttachmentContentExternal';
import { TermAgreement1796674276323 } from './infra/migrations/1796674276323-TermAgreement';
import { ExpectedDateAndDelivery1796675406328 } from './infra/migrations/1796675406328-ExpectedDateAndDelivery';
import { FailureMarking1796675942187 } from './infra/migrations/1796675942187-FailureMarking';
import { TicketKind1796678233984 } from './infra/migrations/1796678233984-TicketKind';
import { NumberSequences1796700000000 } from './infra/migrations/1796700000000-NumberSequences';
import { CustomFields1796679175477 } from './infra/migrations/1796679175477-CustomFields';
import { DutyTickets1796710000000 } from './infra/migrations/1796710000000-DutyTickets';
import { PostgresAttachmentStorage } from './infra/pg-attachment-storage';
import { TicketReads } from './infra/ticket-reads';
import { contractsHandlers } from './messaging/contracts-consumer';
import { DutyOccurrences } from './application/duty-occurrences';
import { DutyReads } from './infra/duty-reads';
import { emailHandlers } from './messaging/email-consumer';
import { slaHandlers } from './messaging/sla-consumer';
import { ticketsEntities } from './infra/entities';

export { ticketsEntities };

export const ticketsMigrations = [
  Tickets1763700000200,
  TicketsLifecycle1763700000210,
  ReadModelEventOrder1795307263753,
  ListFilterIndexes1795307559326,
  AttachmentContentExternal1795400000000,
  TermAgreement1796674276323,
  ExpectedDateAndDelivery1796675406328,
  FailureMarking1796675942187,
  TicketKind1796678233984,
  CustomFields1796679175477,
  NumberSequences1796700000000,
  DutyTickets1796710000000,
];

export interface TicketsSettings extends StorageSettings {
  port: number;
  /** Largest attachment accepted, in bytes (default 10 MiB). */
  attachmentMaxBytes?: number;
}

/** The composition root of the tickets subgraph: DB -> migrations -> relay -> consumers -> server. */
export async function startTickets(platform: Platform, settings: TicketsSettings): Promise<RunningService> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'tickets',
    ...settings,
    entities: ticketsEntities,
    migrations: ticketsMigrations,
  });
  try {
    const { dataSource, transactions } = runtime;
    const limits = { attachmentMaxBytes: settings.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES };
    const storage = new PostgresAttachmentStorage(dataSource);
    const reads = new TicketReads(dataSource);
    const workflow = new TicketWorkflow(transactions, platform.clock, storage, limits);
    const registration = new Registration(transactions, platform.clock, storage, limits);
    const app: TicketsApp = {
      registration,
      calls: new PhoneCalls(transactions, platform.clock, registration, workflow),
      workflow,
      queries: new TicketQueries(reads),
      dutyOccurrences: new DutyOccurrences(new DutyReads(dataSource)),
      reads,
      storage,
      links: new DownloadLinks(platform.internalSecret),
    };
    await runtime.consume('contracts', contractsHandlers(registration, platform.clock));
    await runtime.consume('sla', slaHandlers(workflow, runtime.log));
    await runtime.consume('notifications', emailHandlers(registration, workflow, storage, limits, runtime.log));
    const server = await runtime.serve(
      await buildTicketsSchema(),
      settings.port,
      (caller) => ({ caller, app, loaders: createLoaders(app, caller) }),
      {
        // base64 makes a file 4/3 larger; the rest of the request is small.
        maxBodyBytes: Math.ceil((limits.attachmentMaxBytes * 4) / 3) + 256 * 1024,
        // Files are downloaded here by the gateway, as the caller of a download link.
        routes: [
          attachmentDownloadRoute(app, (headers) => {
            const verdict = verifyCaller(headers, platform.internalSecret);
            return verdict.ok ? verdict.caller : null;
          }),
        ],
      },
    );
    return { name: 'tickets', url: server.url, port: server.port, runtime, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
