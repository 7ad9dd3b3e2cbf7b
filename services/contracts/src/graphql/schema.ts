import { notFound } from '@reglament/shared/domain';
import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { type ContractsContext, contractOut } from './context';
import { toAdvisory, toContact, toOrganization, toRelease, toStaffUser } from './mappers';
import { AdvisoryResolver } from './resolvers/advisory.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { ContractResolver } from './resolvers/contract.resolver';
import { DutyResolver } from './resolvers/duty.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { ContactResolver, StaffResolver } from './resolvers/people.resolver';
import { PrepaidResolver } from './resolvers/prepaid.resolver';
import { ReleaseResolver } from './resolvers/release.resolver';
import { StatementResolver } from './resolvers/statement.resolver';
import { TicketResolver } from './resolvers/ticket.resolver';
import { WorkloadResolver } from './resolvers/workload.resolver';
import { Ticket } from './types/ticket.types';

export function buildContractsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AuthResolver,
        OrganizationResolver,
        ContactResolver,
        StaffResolver,
        ContractResolver,
        DutyResolver,
        PrepaidResolver,
        CatalogResolver,
        ReleaseResolver,
        AdvisoryResolver,
        TicketResolver,
        StatementResolver,
        WorkloadResolver,
      ],
      orphanedTypes: [Ticket],
    },
    {
      // Entity references from other subgraphs go through the same per-request loaders
      // (batched, and scoped to the caller: another organization's entity resolves to null).
      Organization: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.organization.load(ref.id);
          return row && toOrganization(row);
        },
      },
      Contract: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.contract.load(ref.id);
          return row && contractOut(ctx, row);
        },
      },
      Contact: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.contact.load(ref.id);
          return row && toContact(row);
        },
      },
      StaffUser: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.staffMember.load(ref.id);
          return row && toStaffUser(row);
        },
      },
      Release: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.release.load(ref.id);
          if (!row) throw notFound('Release', ref.id);
          return toRelease(row);
        },
      },
      Advisory: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.loaders.advisory.load(ref.id);
          return row && toAdvisory(row);
        },
      },
      // Tickets brings contractId/requesterId (@requires); visibility is checked by the loaders.
      Ticket: {
        __resolveReference: (ref: { id: string; contractId?: string; requesterId?: string | null }) => ({
          id: ref.id,
          contractId: ref.contractId ?? null,
          requesterId: ref.requesterId ?? null,
        }),
      },
    },
  );
}
