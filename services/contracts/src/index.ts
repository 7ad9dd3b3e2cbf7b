export * from './app';
export * from './config';
export { buildContractsSchema } from './graphql/schema';
