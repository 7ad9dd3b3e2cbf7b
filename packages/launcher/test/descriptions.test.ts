import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { missingDescriptions } from '../src/tools/descriptions';

/** `pnpm compose` refuses a client schema with an element that says nothing about itself. */
describe('missingDescriptions', () => {
  it('names every undescribed type, field, argument, input field and enum value by its coordinate', () => {
    const schema = buildSchema(`
      "Reads."
      type Query {
        "A ticket."
        ticket(id: ID!, "Described." version: Int): Ticket
        tickets: [Ticket!]!
      }
      type Ticket {
        "Described."
        id: ID!
        status: Status!
      }
      "Where a ticket is."
      enum Status {
        "Open."
        OPEN
        CLOSED
      }
      "A filter."
      input Filter {
        status: Status
      }
      scalar DateTime
    `);
    expect(missingDescriptions(schema)).toEqual([
      'DateTime',
      'Filter.status',
      'Query.ticket(id)',
      'Query.tickets',
      'Status.CLOSED',
      'Ticket',
      'Ticket.status',
    ]);
  });

  it("treats a blank description as missing, and exempts GraphQL's own types and scalars", () => {
    const schema = buildSchema(`"  " type Query { "Text in, text out." echo("The text." text: String): String }`);
    expect(missingDescriptions(schema)).toEqual(['Query']);
  });

  it('finds nothing missing in the committed client schema (gateway/schema.graphql)', () => {
    const committed = readFileSync(join(__dirname, '../../../gateway/schema.graphql'), 'utf8');
    expect(missingDescriptions(buildSchema(committed))).toEqual([]);
  });
});
