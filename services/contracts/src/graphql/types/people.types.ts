import { type Role } from '@reglament/shared/domain';
import { connectionType, RoleEnum } from '@reglament/shared/platform';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ViewerKindEnum {
  CONTACT = 'CONTACT',
  STAFF = 'STAFF',
  TOKEN = 'TOKEN',
}
registerEnumType(ViewerKindEnum, {
  name: 'ViewerKind',
  description: 'CONTACT or STAFF: a registered person; TOKEN: a token minted elsewhere (tools, partners).',
});

@ObjectType('Viewer', { description: 'The caller.' })
export class Viewer {
  @Field(() => ID)
  id!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => ViewerKindEnum)
  kind!: ViewerKindEnum;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, {
    description: 'JWT (HS256): sub, role, org, name, exp. Send as Authorization: Bearer <token>.',
  })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Viewer)
  user!: Viewer;
}

@Directive('@key(fields: "id")')
@ObjectType('Contact', {
  description:
    "An employee of a customer registered with the provider (R-ACC-1): the portal's login, a ticket's requester.",
})
export class Contact {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'A deactivated contact cannot log in and registers no tickets.' })
  active!: boolean;

  @Field(() => String, { description: 'Language of notifications to them: RU (default) or EN.' })
  language!: string;

  @Field(() => [String], {
    description: 'Notification kinds (NotificationKind) they get no e-mail for; legally required kinds always go.',
  })
  emailOff!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType('StaffUser', { description: "The provider's staff: DISPATCHER, ENGINEER or ADMIN." })
export class StaffUser {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => String, { description: 'Language of notifications to them: RU (default) or EN.' })
  language!: string;

  @Field(() => [String], {
    description: 'Notification kinds (NotificationKind) they get no e-mail for; legally required kinds always go.',
  })
  emailOff!: string[];
}

export const StaffUserConnection = connectionType(StaffUser, 'StaffUser');

@InputType('AddContactInput')
export class AddContactInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Portal password (8-200 characters); without one the contact cannot log in yet.',
  })
  password?: string | null;
}

@InputType('UpdateContactInput')
export class UpdateContactInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false deactivates, true reactivates.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Language of notifications: RU or EN.' })
  language?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Notification kinds to get no e-mail for (the whole list; [] turns all back on). Not CLARIFICATION_REQUESTED, ' +
      'SOLUTION_PROVIDED, SLA_WARNING or ADVISORY. The person themself may change language and emailOff.',
  })
  emailOff?: string[] | null;
}

@InputType('AddStaffInput')
export class AddStaffInput {
  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum, { description: 'DISPATCHER, ENGINEER or ADMIN.' })
  role!: Role;

  @Field(() => String)
  password!: string;
}

@InputType('UpdateStaffInput')
export class UpdateStaffInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of notifications: RU or EN.' })
  language?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Notification kinds to get no e-mail for (the whole list; [] turns all back on). Not CLARIFICATION_REQUESTED, ' +
      'SOLUTION_PROVIDED, SLA_WARNING or ADVISORY. The person themself may change language and emailOff.',
  })
  emailOff?: string[] | null;
}
