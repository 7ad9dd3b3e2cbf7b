import type { EventHandlers } from '@reglament/shared';
import { KnownContractEntity } from '../infra/entities';

/** Keeps the local read model of contracts (R-CON-1 checks at registration need it). */
export const contractsHandlers: EventHandlers = {
  'contracts.contract.created': async (event, tx) => {
    const c = event.data;
    await tx.manager.upsert(
      KnownContractEntity,
      {
        contractId: c.contractId,
        organizationId: c.organizationId,
        number: c.number,
        preset: c.preset,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        products: c.products,
      },
      ['contractId'],
    );
  },
};
