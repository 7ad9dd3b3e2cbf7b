export * from './app';
export * from './config';
export { demoLogins, type DemoLogin } from './application/demo-data';
export type { ContractsApp } from './graphql/context';
export { buildContractsSchema } from './graphql/schema';
