export * from './app';
export * from './config';
export { buildNotificationsSchema } from './graphql/schema';
