import { type Role } from '@reglament/shared/domain';
import { connectionType, RoleEnum } from '@reglament/shared/platform';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ViewerKindEnum {
  CONTACT = 'CONTACT',
  STAFF = 'STAFF',
  TOKEN = 'TOKEN',
}
registerEnumType(ViewerKindEnum, {
  valuesConfig: {
    CONTACT: { description: 'A contact of a customer organization.' },
    STAFF: { description: 'A provider staff member.' },
    TOKEN: { description: 'Known from its token only (minted elsewhere: tools, partners).' },
  },
  name: 'ViewerKind',
  description: 'CONTACT or STAFF: a registered person; TOKEN: a token minted elsewhere (tools, partners).',
});

@ObjectType('Viewer', { description: 'The caller.' })
export class Viewer {
  @Field(() => ID, { description: "The caller's id (the token's sub)." })
  id!: string;

  @Field(() => RoleEnum, { description: "The caller's role." })
  role!: Role;

  @Field(() => ID, {
    description: "The caller's organization (customers and bound partners); null for staff.",
    nullable: true,
  })
  organizationId!: string | null;

  @Field(() => String, { description: 'Display name.', nullable: true })
  name!: string | null;

  @Field(() => String, { description: 'E-mail address, for registered people.', nullable: true })
  email!: string | null;

  @Field(() => ViewerKindEnum, { description: 'Where the caller is known from.' })
  kind!: ViewerKindEnum;
}

@ObjectType('AuthPayload', { description: 'The result of login: an access token and who it is for.' })
export class AuthPayload {
  @Field(() => String, {
    description: 'JWT (HS256): sub, role, org, name, exp. Send as Authorization: Bearer <token>.',
  })
  token!: string;

  @Field(() => Date, { description: 'When the token expires (UTC): 8 hours after login, real time.' })
  expiresAt!: Date;

  @Field(() => Viewer, { description: 'The logged-in user: id, role, organization.' })
  user!: Viewer;
}

@Directive('@key(fields: "id")')
@ObjectType('Contact', {
  description:
    "An employee of a customer registered with the provider (R-ACC-1): the portal's login, a ticket's requester.",
})
export class Contact {
  @Field(() => ID, { description: "The contact's id (also the sub of its tokens)." })
  id!: string;

  @Field(() => ID, { description: 'The customer organization of the contact.' })
  organizationId!: string;

  @Field(() => String, { description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { description: 'E-mail address, also the login.' })
  email!: string;

  @Field(() => String, { description: 'Phone number, if given.', nullable: true })
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
  @Field(() => ID, { description: "The staff member's id." })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { description: 'E-mail address, also the login.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'DISPATCHER, ENGINEER or ADMIN.' })
  role!: Role;

  @Field(() => Boolean, { description: 'False once deactivated: no login, cannot be assigned.' })
  active!: boolean;

  @Field(() => String, { description: 'Language of notifications to them: RU (default) or EN.' })
  language!: string;

  @Field(() => [String], {
    description: 'Notification kinds (NotificationKind) they get no e-mail for; legally required kinds always go.',
  })
  emailOff!: string[];
}

export const StaffUserConnection = connectionType(StaffUser, 'StaffUser');

@InputType('AddContactInput', {
  description:
    'A new contact of a customer organization (R-ACC-1): only contacts may log in and have tickets registered.',
})
export class AddContactInput {
  @Field(() => ID, { description: 'The customer organization the contact belongs to.' })
  organizationId!: string;

  @Field(() => String, { description: 'Full name, as shown on tickets (one line, at most 200 characters).' })
  fullName!: string;

  @Field(() => String, {
    description:
      "E-mail address: the login, and where mail about the contact's tickets goes; unique across contacts and staff.",
  })
  email!: string;

  @Field(() => String, { description: 'Phone number, free form (optional).', nullable: true })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Portal password (8-200 characters); without one the contact cannot log in yet.',
  })
  password?: string | null;
}

@InputType('UpdateContactInput', { description: 'Changes to a contact; omitted fields stay.' })
export class UpdateContactInput {
  @Field(() => String, { description: 'New full name.', nullable: true })
  fullName?: string | null;

  @Field(() => String, { description: 'New e-mail (also the login).', nullable: true })
  email?: string | null;

  @Field(() => String, { description: 'New phone number.', nullable: true })
  phone?: string | null;

  @Field(() => String, { description: 'New password, 8-200 characters; earlier tokens stop working.', nullable: true })
  password?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false deactivates, true reactivates.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Language of notifications: RU or EN.' })
  language?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Notification kinds to get no e-mail for (the whole list; [] turns all back on). Not CLARIFICATION_REQUESTED, ' +
      'SOLUTION_PROVIDED, SLA_WARNING, ADVISORY or ADVISORY_FIXED. The person themself may change language and emailOff.',
  })
  emailOff?: string[] | null;
}

@InputType('AddStaffInput', { description: 'A new provider staff member (ADMIN only).' })
export class AddStaffInput {
  @Field(() => String, { description: 'Full name, as shown on tickets.' })
  fullName!: string;

  @Field(() => String, { description: 'E-mail address: the login; unique across contacts and staff.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'DISPATCHER, ENGINEER or ADMIN.' })
  role!: Role;

  @Field(() => String, { description: 'Initial password, 8-200 characters (kept as a scrypt hash).' })
  password!: string;
}

@InputType('UpdateStaffInput', { description: 'Changes to a staff member; omitted fields stay.' })
export class UpdateStaffInput {
  @Field(() => String, { description: 'New full name.', nullable: true })
  fullName?: string | null;

  @Field(() => String, { description: 'New e-mail (also the login).', nullable: true })
  email?: string | null;

  @Field(() => RoleEnum, { description: 'New role: DISPATCHER, ENGINEER or ADMIN.', nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { description: 'False deactivates: no login, and earlier tokens are refused.', nullable: true })
  active?: boolean | null;

  @Field(() => String, { description: 'New password, 8-200 characters; earlier tokens stop working.', nullable: true })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of notifications: RU or EN.' })
  language?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Notification kinds to get no e-mail for (the whole list; [] turns all back on). Not CLARIFICATION_REQUESTED, ' +
      'SOLUTION_PROVIDED, SLA_WARNING, ADVISORY or ADVISORY_FIXED. The person themself may change language and emailOff.',
  })
  emailOff?: string[] | null;
}
