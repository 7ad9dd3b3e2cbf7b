import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { NotificationResolver } from './notification.resolver';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [NotificationResolver] });
}
