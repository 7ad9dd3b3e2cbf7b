import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The tickets subgraph's Ticket, extended here with its contract and requester (resolved from
 * the ids tickets holds, @requires) and the work logged on it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => ID)
  contractId!: string;

  @Directive('@external')
  @Field(() => ID, { nullable: true })
  requesterId!: string | null;
}
