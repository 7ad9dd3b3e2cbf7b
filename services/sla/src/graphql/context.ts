import type { Caller, ClockControl, Clock } from '@reglament/shared';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { SlaTimerEntity } from '../infra/entities';

export interface SlaApp {
  dataSource: DataSource;
  clock: Clock;
  clockControl: ClockControl | null;
}

export interface SlaContext {
  caller: Caller;
  app: SlaApp;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(app: SlaApp) {
  return {
    timersByTicket: new DataLoader<string, SlaTimerEntity[]>(async (ticketIds) => {
      const rows = await app.dataSource.getRepository(SlaTimerEntity).find({
        where: { ticketId: In([...ticketIds]) },
        order: { startedAt: 'ASC', id: 'ASC' },
      });
      return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
    }),
  };
}
