import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/**
 * Every type, field, input field, argument and enum value clients see must say what it is (units,
 * time zones and rule ids where they matter): `pnpm compose` refuses a schema where one does not.
 * Returns the schema coordinates of those without a description, e.g. `Ticket.title`,
 * `Query.tickets(first)`, `TicketStatus.CLOSED`; GraphQL's own types and scalars are exempt.
 */
export function missingDescriptions(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) {
          for (const arg of field.args) {
            if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing.sort();
}
