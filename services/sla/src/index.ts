export * from './app';
export * from './config';
export { buildSlaSchema } from './graphql/schema';
