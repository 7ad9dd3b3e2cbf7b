import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The tickets subgraph's Ticket, extended here with its contract and requester (resolved from
 * the ids tickets holds, @requires) and the work logged on it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID, { description: "The ticket's id." })
  id!: string;

  @Directive('@external')
  @Field(() => ID, { description: 'The contract it was registered under.' })
  contractId!: string;

  @Directive('@external')
  @Field(() => ID, {
    description: 'The contact it is for (R-ACC-1); null for e-mail from outside (R-TKT-4).',
    nullable: true,
  })
  requesterId!: string | null;
}
