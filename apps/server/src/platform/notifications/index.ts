import type { ServerModule } from '../server-module.js';
import { notificationsRoutes } from './notifications.routes.js';
import { createNotificationsService } from './notifications.service.js';

export { notify, type NewNotification } from './notify.js';

/** In-app notifications: modules send them with notify(); every user reads their own. */
export const notificationsModule: ServerModule = {
  name: 'notifications',
  apiRoutes: (api, deps) => notificationsRoutes(api, createNotificationsService(deps)),
};
