import type { Caller } from '@reglament/shared';
import type { DataSource } from 'typeorm';
import type { TicketQueries } from '../application/queries';
import type { Registration } from '../application/registration';

export interface TicketsApp {
  dataSource: DataSource;
  registration: Registration;
  queries: TicketQueries;
}

export interface TicketsContext {
  caller: Caller;
  app: TicketsApp;
}
