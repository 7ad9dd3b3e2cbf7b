import { env, platformConfigShape } from '@reglament/shared/platform';

export const notificationsConfigShape = {
  ...platformConfigShape,
  NOTIFICATIONS_PORT: env.port(4004),
};
