// The send-notification queue's handler: each job names one notification row, delivered (or found not due) by the
// notification delivery service; the worker also runs its sweep.
import type { Logger } from 'pino';
import type { Services } from '../composition';

export function createSendNotificationHandler({ services, log }: { services: Services; log: Logger }) {
  return services.notificationDelivery(log);
}
