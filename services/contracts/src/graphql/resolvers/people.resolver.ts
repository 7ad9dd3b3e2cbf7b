import { type Role, type StaffRole } from '@reglament/shared/domain';
import { pageSize, RoleEnum } from '@reglament/shared/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ContractsContext } from '../context';
import { toContact, toOrganization, toStaffUser } from '../mappers';
import { Organization } from '../types/organization.types';
import {
  AddContactInput,
  AddStaffInput,
  Contact,
  StaffUser,
  StaffUserConnection,
  UpdateContactInput,
  UpdateStaffInput,
} from '../types/people.types';

@Resolver(() => Contact)
export class ContactResolver {
  @Mutation(() => Contact, { description: 'Registers a contact of a customer (ADMIN, DISPATCHER); R-ACC-1.' })
  async addContact(
    @Arg('input', () => AddContactInput, { description: 'The contact.' }) input: AddContactInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contact> {
    const row = await ctx.app.contacts.add(ctx.caller, {
      organizationId: input.organizationId,
      fullName: input.fullName,
      email: input.email,
      phone: input.phone ?? null,
      password: input.password ?? null,
    });
    return toContact(row);
  }

  @Mutation(() => Contact, { description: 'Changes a contact (ADMIN, DISPATCHER); active: false deactivates.' })
  async updateContact(
    @Arg('id', () => ID, { description: 'The contact to change.' }) id: string,
    @Arg('input', () => UpdateContactInput, {
      description: 'The fields to change; a new password ends every earlier token of the contact.',
    })
    input: UpdateContactInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contact> {
    const row = await ctx.app.contacts.update(ctx.caller, id, {
      ...(input.fullName != null ? { fullName: input.fullName } : {}),
      ...(input.email != null ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.password != null ? { password: input.password } : {}),
      ...(input.active != null ? { active: input.active } : {}),
      ...(input.language != null ? { language: input.language } : {}),
      ...(input.emailOff != null ? { emailOff: input.emailOff } : {}),
    });
    return toContact(row);
  }

  @Mutation(() => Contact, { description: 'The contact can no longer log in or register tickets (ADMIN, DISPATCHER).' })
  async deactivateContact(
    @Arg('id', () => ID, {
      description: 'The contact to deactivate: it can no longer log in, and its tokens are refused.',
    })
    id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contact> {
    return toContact(await ctx.app.contacts.deactivate(ctx.caller, id));
  }

  @Query(() => Contact, {
    description: 'One contact by id; NOT_FOUND unless the caller may see it (staff, or its own organization).',
    nullable: true,
  })
  async contact(
    @Arg('id', () => ID, { description: "The contact's id." }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contact> {
    return toContact(await ctx.app.contacts.get(ctx.caller, id));
  }

  @FieldResolver(() => Organization, { description: "The contact's organization.", nullable: true })
  async organization(@Root() contact: Contact, @Ctx() ctx: ContractsContext): Promise<Organization | null> {
    const row = await ctx.loaders.organization.load(contact.organizationId);
    return row && toOrganization(row);
  }
}

@Resolver(() => StaffUser)
export class StaffResolver {
  @Mutation(() => StaffUser, { description: 'Adds a DISPATCHER, ENGINEER or ADMIN (ADMIN only).' })
  async addStaff(
    @Arg('input', () => AddStaffInput, { description: 'The staff member.' }) input: AddStaffInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<StaffUser> {
    const row = await ctx.app.staff.add(ctx.caller, {
      fullName: input.fullName,
      email: input.email,
      role: input.role as StaffRole,
      password: input.password,
    });
    return toStaffUser(row);
  }

  @Mutation(() => StaffUser, { description: 'Changes a staff member (ADMIN only); one active ADMIN always remains.' })
  async updateStaff(
    @Arg('id', () => ID, { description: 'The staff member to change.' }) id: string,
    @Arg('input', () => UpdateStaffInput, {
      description: 'The fields to change; a new password ends every earlier token.',
    })
    input: UpdateStaffInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<StaffUser> {
    const row = await ctx.app.staff.update(ctx.caller, id, {
      ...(input.fullName != null ? { fullName: input.fullName } : {}),
      ...(input.email != null ? { email: input.email } : {}),
      ...(input.role != null ? { role: input.role as StaffRole } : {}),
      ...(input.active != null ? { active: input.active } : {}),
      ...(input.password != null ? { password: input.password } : {}),
      ...(input.language != null ? { language: input.language } : {}),
      ...(input.emailOff != null ? { emailOff: input.emailOff } : {}),
    });
    return toStaffUser(row);
  }

  @Query(() => StaffUser, { nullable: true, description: 'A staff member (staff only).' })
  async staffMember(
    @Arg('id', () => ID, { description: "The staff member's id." }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<StaffUser> {
    return toStaffUser(await ctx.app.staff.get(ctx.caller, id));
  }

  @Query(() => StaffUserConnection, { description: 'The provider staff (staff only).' })
  async staff(
    @Arg('role', () => RoleEnum, { description: 'Only this role (DISPATCHER, ENGINEER or ADMIN).', nullable: true })
    role: Role | null,
    @Arg('activeOnly', () => Boolean, { description: 'Only active staff (default false).', nullable: true })
    activeOnly: boolean | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: ContractsContext,
  ) {
    const page = await ctx.app.staff.list(
      ctx.caller,
      { role: (role as StaffRole | null) ?? null, activeOnly: activeOnly ?? false },
      { first: pageSize(first), after },
    );
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toStaffUser(edge.node) })) };
  }
}
