import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StaffUser } from './people.types';

@ObjectType('WorkloadCell', { description: "One engineer's open tickets and logged minutes in one ticket status." })
export class WorkloadCell {
  @Field(() => String, { description: 'The ticket status (as the ticket has it now).' })
  status!: string;

  @Field(() => Int, { description: 'Open tickets assigned to the engineer in this status.' })
  openTickets!: number;

  @Field(() => Int, {
    description: 'Minutes the engineer logged in the period on tickets now in this status (actual minutes).',
  })
  loggedMinutes!: number;

  @Field(() => Int, { description: 'Time entries behind loggedMinutes.' })
  entries!: number;
}

@ObjectType('EngineerWorkload', { description: 'The workload of one engineer (or of nobody: unassigned tickets).' })
export class EngineerWorkload {
  @Field(() => ID, { nullable: true, description: 'The staff member; null: open tickets nobody is assigned to.' })
  engineerId!: string | null;

  @Field(() => StaffUser, { nullable: true, description: 'The staff member in full.' })
  engineer!: StaffUser | null;

  @Field(() => Int, { description: 'Open (not closed) tickets assigned now.' })
  openTickets!: number;

  @Field(() => Int, { description: 'Minutes logged in the period.' })
  loggedMinutes!: number;

  @Field(() => [WorkloadCell], { description: 'The same per ticket status.' })
  byStatus!: WorkloadCell[];
}

@ObjectType('WorkloadStatus', { description: 'Open tickets and logged minutes in one ticket status, all engineers.' })
export class WorkloadStatus {
  @Field(() => String, { description: 'The ticket status.' })
  status!: string;

  @Field(() => Int, { description: 'Open tickets in this status (assigned or not).' })
  openTickets!: number;

  @Field(() => Int, { description: 'Minutes logged in the period on tickets now in this status.' })
  loggedMinutes!: number;
}

@ObjectType('Workload', {
  description:
    'For dispatchers: open tickets per engineer and status now, and minutes logged in a period (staff only).',
})
export class Workload {
  @Field(() => Date, { description: 'Start of the period of logged minutes (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period of logged minutes (exclusive).' })
  to!: Date;

  @Field(() => [EngineerWorkload], { description: 'Per engineer, the busiest first; unassigned last.' })
  engineers!: EngineerWorkload[];

  @Field(() => [WorkloadStatus], { description: 'Per ticket status.' })
  byStatus!: WorkloadStatus[];
}
