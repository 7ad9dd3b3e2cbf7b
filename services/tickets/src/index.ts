export * from './app';
export * from './config';
export { buildTicketsSchema } from './graphql/schema';
