// Every background job queue, by its kebab-case pg-boss name. A queue here without a worker registered in
// worker.ts fails tests/jobs/forward-application.test.ts ("every queue has a worker registered").

export const QUEUES = {
  /** Push an accepted application and its documents to the one-stop system (jobs/forward-application.ts). */
  forwardApplication: 'forward-application',
  /** Send the documents a citizen supplies (status 5) to the one-stop system (jobs/forward-supplement.ts). */
  forwardSupplement: 'forward-supplement',
  /** Scheduled: ask the one-stop system for open dossiers not heard of lately (jobs/poll-dossier-status.ts). */
  pollDossierStatus: 'poll-dossier-status',
  /** Send one notification row through its Zalo channel (jobs/send-notification.ts); the worker's sweep re-sends what is due. */
  sendNotification: 'send-notification',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job payloads carry ids only: personal data stays in the application tables, not in the job table. */
export interface ForwardApplicationJob {
  applicationId: string;
}

export interface ForwardSupplementJob {
  supplementId: string;
}

export interface SendNotificationJob {
  notificationId: string;
}
