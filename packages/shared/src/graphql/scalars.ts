import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** Instants the product accepts: UTC years 1900 to 9999 (the business calendars' range). */
const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
const LATEST_INSTANT = Date.UTC(10000, 0, 1) - 1;

function inRange(value: Date): Date {
  const t = value.getTime();
  if (t < EARLIEST_INSTANT || t > LATEST_INSTANT) {
    throw new GraphQLError(
      `DateTime ${value.toISOString()} is out of range: instants from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

const dateTime = DateTimeResolver.toConfig();

/** `DateTime`: ISO-8601 with offset in, UTC out (docs/api.md). Values are JS Dates. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  parseValue: (value) => inRange(dateTime.parseValue!(value) as Date),
  parseLiteral: (ast, variables) => inRange(dateTime.parseLiteral!(ast, variables) as Date),
  name: 'DateTime',
  description: 'An instant, ISO-8601 with an offset (e.g. 2025-03-01T09:00:00+03:00); returned in UTC.',
  serialize(value: unknown) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new GraphQLError(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const year = Number(value.slice(0, 4));
  if (year < 1900) {
    throw new GraphQLError(`Date ${value} is out of range: years 1900 to 9999`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date ${value} does not exist`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** `Date`: a calendar date YYYY-MM-DD (no time, no zone). Values are strings. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

/** Marker class: `@Field(() => DateScalar) startsOn!: LocalDate`. */
export type LocalDate = string;
