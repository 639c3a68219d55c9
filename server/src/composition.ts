// The composition root: builds every service once, from plain factory functions (no container). The API (app.ts)
// and the worker (worker.ts) both call createServices(); routes and jobs receive what it returns, not the database.
import { createOneStopClient, type OneStopClient } from './clients/one-stop-client';
import { createZaloClient } from './clients/zalo-client';
import { zaloNotificationClientFor } from './clients/zalo-notification-client';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/db';
import type { JobQueue } from './queue/job-queue';
import { rateApplication, withdrawApplication } from './services/application-follow-up';
import { submitApplication } from './services/application-intake';
import { findApplicationDetail, listApplications, loadApplicationRecord } from './services/applications';
import { citizenExists, deleteCitizen, findCitizen, findZaloUserId, recordSignIn, storeVerifiedPhone } from './services/citizens';
import { answerConsent, listConsents } from './services/consents';
import { recordDeliveryReceipt } from './services/delivery-receipts';
import {
  applySupplementAnswer,
  findApplicationToForward,
  findSupplementToForward,
  loadApplicationDocuments,
  loadSupplementDocuments,
  markApplicationFailed,
  markSupplementFailed,
  recordApplicationForwarded,
} from './services/dossier-forwarding';
import { createNotificationDelivery } from './services/notification-delivery/notification-delivery';
import { createNotificationOutbox } from './services/notification-outbox';
import { readNotificationSettings, updateNotificationSettings } from './services/notification-settings';
import { listInbox, markAllRead, markRead, notificationStats } from './services/notifications';
import { findOffice, searchOffices } from './services/office-directory';
import { allOfficePosterContents, officePosterContent } from './services/posters/poster-content';
import { findProcedure, listOfficeProcedures, searchProcedures } from './services/procedure-catalog';
import { lookUpDossier } from './services/public-lookup';
import { type ReadCacheLog, ReadCaches } from './services/read-cache';
import { applyPolledDossier, findStaleDossiers, markPollRefused } from './services/status-poll';
import { createStatusSync } from './services/status-sync';
import { receiveStatusWebhook } from './services/status-webhooks';
import { submitSupplement } from './services/supplements';
import { insertUpload } from './services/uploads';
import { loadWorkingCalendar } from './services/working-calendar';

/** A function of `first` and more, as a function of the rest. */
type Bound<F> = F extends (first: never, ...rest: infer Rest) => infer Result ? (...rest: Rest) => Result : never;

/** Binds the first argument (the database, or a service's dependencies) of each function. */
function bindFirst<First, Functions extends Record<string, (first: First, ...rest: never[]) => unknown>>(
  first: First,
  functions: Functions,
): { [Name in keyof Functions]: Bound<Functions[Name]> } {
  return Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, (...rest: never[]) => fn(first, ...rest)]),
  ) as { [Name in keyof Functions]: Bound<Functions[Name]> };
}

export interface ServiceDependencies {
  config: Config;
  db: Db;
  /** Where intake, supplements and the notifications outbox enqueue, inside their transactions. */
  jobs: JobQueue;
  /** The clock of every service (overdue flags, notification rows, quiet hours; tests fix it). */
  now: () => Date;
  /** Where the read caches say they stopped or resumed. */
  log: ReadCacheLog;
  /** The one-stop system; by default the HTTP client of config.oneStop. */
  oneStop?: OneStopClient;
}

export function createServices({ config, db, jobs, now, log, oneStop = createOneStopClient(config.oneStop) }: ServiceDependencies) {
  const calendar = loadWorkingCalendar(config.holidaysFile);
  const outbox = createNotificationOutbox({ jobs, config, now });
  const statusSync = createStatusSync({ outbox });
  const forwarding = { db, statusSync };
  const zaloNotifications = zaloNotificationClientFor(config);
  return {
    config,
    now,
    calendar,
    jobs,
    oneStop,
    statusSync,
    outbox,
    /** In-memory copies of hot reads; bypassed until the API calls listen() (the worker never does). */
    readCaches: new ReadCaches(log),
    zalo: createZaloClient({
      graphBaseUrl: config.zalo.graphUrl,
      appSecret: config.zalo.appSecret,
      timeoutMs: config.zalo.timeoutMs,
      retries: config.zalo.retries,
    }),
    zaloNotifications,
    /** Sends notification rows through Zalo; one per worker process (its sends share the rate limit). */
    notificationDelivery: (deliveryLog: Logger) =>
      createNotificationDelivery({ db, jobs, client: zaloNotifications, config, now, log: deliveryLog }),
    health: { databaseAnswers: () => db.query('select 1').then(() => true) },
    catalogue: bindFirst(db, {
      searchProcedures,
      findProcedure,
      listOfficeProcedures,
      searchOffices,
      findOffice,
      officePosterContent,
      allOfficePosterContents,
    }),
    citizens: bindFirst(db, {
      recordSignIn,
      findCitizen,
      findZaloUserId,
      citizenExists,
      storeVerifiedPhone,
      deleteCitizen,
      listConsents,
      answerConsent,
    }),
    applications: bindFirst(db, { listApplications, findApplicationDetail, loadApplicationRecord }),
    intake: bindFirst({ db, jobs, config, now }, { submitApplication }),
    followUp: {
      ...bindFirst({ db, oneStop, now, statusSync }, { withdrawApplication }),
      ...bindFirst({ db, jobs, config }, { submitSupplement }),
      ...bindFirst(db, { rateApplication }),
    },
    statusWebhooks: bindFirst({ db, statusSync }, { receiveStatusWebhook }),
    forwarding: bindFirst(forwarding, {
      findApplicationToForward,
      loadApplicationDocuments,
      recordApplicationForwarded,
      markApplicationFailed,
      findSupplementToForward,
      loadSupplementDocuments,
      applySupplementAnswer,
      markSupplementFailed,
    }),
    statusPoll: bindFirst(forwarding, { findStaleDossiers, applyPolledDossier, markPollRefused }),
    notifications: bindFirst(db, {
      listInbox,
      markRead,
      markAllRead,
      notificationStats,
      readNotificationSettings,
      updateNotificationSettings,
      recordDeliveryReceipt,
    }),
    uploads: bindFirst(db, { insertUpload }),
    lookup: bindFirst(db, { lookUpDossier }),
  };
}

export type Services = ReturnType<typeof createServices>;
