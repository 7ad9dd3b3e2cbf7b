import { env, platformConfigShape } from '@reglament/shared';

export const notificationsConfigShape = {
  ...platformConfigShape,
  NOTIFICATIONS_PORT: env.port(4004),
};
