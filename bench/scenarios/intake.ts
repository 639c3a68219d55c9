// Scenario 4 — intake: N submissions, each a ~300 KB photo upload then the application with an Idempotency-Key,
// 20 at a time, by the six demo citizens signed in through the real path. Every tenth submission is sent a second
// time with the same key, as a phone retrying after a lost answer would: it must be answered as a replay with the
// same application. Afterwards the proxy is stopped and the database itself is counted: exactly N applications,
// N attachments.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startBackend } from '../harness/backend';
import { applicationBody, phonePhoto, submitApplication, uploadPhoto } from '../harness/citizen-api';
import type { DatabaseTarget } from '../harness/database';
import type { BudgetCheck, CorrectnessCheck, Scenario, ScenarioResult, Table } from '../harness/report-types';
import { formatSummary, percentile, summarize } from '../harness/stats';

const CONCURRENCY = 20;
const PHOTO_BYTES = 300 * 1024;

interface IntakeRun {
  submissions: number;
  seconds: number;
  perSecond: number;
  /** Upload + submit, per submission (ms). */
  p50: number;
  p99: number;
  uploadP99: number;
  submitP99: number;
  replays: { sent: number; sameApplication: number };
  errors: string[];
  rows: { applications: number; attachments: number; distinctKeys: number };
}

async function runIntake(
  database: Parameters<typeof startBackend>[0],
  submissions: number,
  log: (message: string) => void,
): Promise<IntakeRun> {
  const backend = await startBackend(database);
  try {
    const tokens = await Promise.all((await backend.citizenIds()).map((id) => backend.signIn(id)));
    // Photos made before the clock starts (random bytes cost CPU in this process).
    const photos = Array.from({ length: Math.min(submissions, 40) }, () => phonePhoto(PHOTO_BYTES));
    const totals: number[] = [];
    const uploads: number[] = [];
    const submits: number[] = [];
    const errors: string[] = [];
    const replays = { sent: 0, sameApplication: 0 };
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const index = next;
        next += 1;
        if (index >= submissions) return;
        const token = tokens[index % tokens.length];
        const photo = Buffer.from(photos[index % photos.length]);
        photo.writeUInt32BE(index, 16); // every upload's bytes differ
        const key = randomUUID();
        try {
          const t0 = performance.now();
          const uploadId = await uploadPhoto(backend.apiUrl, token, photo);
          const t1 = performance.now();
          const body = applicationBody(uploadId, index);
          const first = await submitApplication(backend.apiUrl, token, body, key);
          const t2 = performance.now();
          uploads.push(t1 - t0);
          submits.push(t2 - t1);
          totals.push(t2 - t0);
          if (first.status !== 201) errors.push(`submission ${index}: first answer ${first.status}`);
          if (index % 10 === 0) {
            replays.sent += 1;
            const again = await submitApplication(backend.apiUrl, token, body, key);
            if (again.status === 200 && again.replayed && again.id === first.id) replays.sameApplication += 1;
            else errors.push(`submission ${index}: repeat answered ${again.status} replayed=${again.replayed}`);
          }
        } catch (error) {
          errors.push(`submission ${index}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    log(`  ${submissions} submissions in ${seconds.toFixed(1)} s on ${database.kind}`);
    const db = await backend.stopAndOpenDatabase();
    try {
      const { rows } = await db.query<{ applications: number; attachments: number; keys: number }>(
        `select (select count(*)::int from applications) as applications,
                (select count(*)::int from application_attachments) as attachments,
                (select count(distinct (citizen_id, idempotency_key))::int from applications) as keys`,
      );
      return {
        submissions,
        seconds,
        perSecond: totals.length / seconds,
        p50: totals.length ? percentile(totals, 0.5) : NaN,
        p99: totals.length ? percentile(totals, 0.99) : NaN,
        uploadP99: uploads.length ? percentile(uploads, 0.99) : NaN,
        submitP99: submits.length ? percentile(submits, 0.99) : NaN,
        replays,
        errors,
        rows: { applications: rows[0].applications, attachments: rows[0].attachments, distinctKeys: rows[0].keys },
      };
    } finally {
      await db.close();
    }
  } finally {
    await backend.close();
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

export const intake: Scenario = {
  id: 'intake',
  title: 'Intake: submissions with a 300 KB photo, 20 concurrent',
  async run(context): Promise<ScenarioResult> {
    const submissions = context.quick ? 50 : 500;
    // PGlite takes ≈ 50 s a run (one process does everything), PostgreSQL ≈ 10 s: one run on PGlite (its 500
    // submissions give the percentiles) and three on PostgreSQL keep the whole bench under its 10 minutes.
    const runsOn = (database: DatabaseTarget) => (context.quick || database.kind === 'pglite' ? 1 : 3);
    const tables: Table[] = [];
    const checks: CorrectnessCheck[] = [];
    const budgets: BudgetCheck[] = [];
    const figures: Record<string, unknown> = { submissions, concurrency: CONCURRENCY, photoBytes: PHOTO_BYTES };
    for (const database of context.databases) {
      const runsPerDatabase = runsOn(database);
      context.log(`intake on ${database.label}`);
      const runs: IntakeRun[] = [];
      for (let run = 0; run < runsPerDatabase; run += 1) runs.push(await runIntake(database, submissions, context.log));
      const rate = summarize(runs.map((run) => run.perSecond));
      const p99 = summarize(runs.map((run) => run.p99));
      tables.push({
        title: `${database.label}: ${runsPerDatabase} run(s) of ${submissions} submissions, each on a fresh database`,
        columns: ['figure', 'median (min–max)'],
        rows: [
          ['submissions/s (upload + submit)', formatSummary(rate, (v) => v.toFixed(1))],
          ['wall time of a run', formatSummary(summarize(runs.map((run) => run.seconds)), (v) => `${v.toFixed(1)} s`)],
          ['p50 upload + submit', formatSummary(summarize(runs.map((run) => run.p50)), ms)],
          ['p99 upload + submit', formatSummary(p99, ms)],
          ['p99 upload alone', formatSummary(summarize(runs.map((run) => run.uploadP99)), ms)],
          ['p99 submit alone', formatSummary(summarize(runs.map((run) => run.submitP99)), ms)],
          ['photo bytes received', `${((submissions * PHOTO_BYTES) / 1024 / 1024).toFixed(0)} MB per run`],
        ],
      });
      runs.forEach((run, index) => {
        const label = `${database.kind} run ${index + 1}`;
        checks.push({
          name: `applications in the database after the run (${label})`,
          expected: String(submissions),
          actual: String(run.rows.applications),
          pass: run.rows.applications === submissions,
        });
        checks.push({
          name: `attachments in the database (${label})`,
          expected: String(submissions),
          actual: String(run.rows.attachments),
          pass: run.rows.attachments === submissions,
        });
        checks.push({
          name: `repeated submissions answered as replays of the same application (${label})`,
          expected: `${run.replays.sent} of ${run.replays.sent}`,
          actual: `${run.replays.sameApplication} of ${run.replays.sent}`,
          pass: run.replays.sameApplication === run.replays.sent,
        });
        checks.push({
          name: `submissions without an error (${label})`,
          expected: '0 errors',
          actual: run.errors.length === 0 ? '0 errors' : `${run.errors.length}: ${run.errors.slice(0, 3).join('; ')}`,
          pass: run.errors.length === 0,
        });
      });
      figures[database.kind] = { perSecond: rate, p99, runs };
    }
    return {
      id: this.id,
      title: this.title,
      available: true,
      notes: [
        `Each submission is \`POST /api/v1/uploads\` (multipart, one ${PHOTO_BYTES / 1024} KB JPEG-typed photo of random bytes — ` +
          'incompressible like a camera image) then `POST /api/v1/applications` for 2.000815 (certified copy; one required ' +
          `photo) at office 04465 with a fresh \`Idempotency-Key\`; ${CONCURRENCY} submissions in flight at a time, spread ` +
          'over the six demo citizens. Every tenth is sent again with the same key and must come back `200` ' +
          '`Idempotent-Replayed: true` with the same id. The proxy\'s worker forwards each application with its photo ' +
          'to the simulated one-stop system meanwhile (that work competes for the same CPU, as in production). ' +
          'After the run the processes stop and the bench counts the rows of `applications` and ' +
          '`application_attachments` in the database itself.',
        '**What limits it:** photos are stored in the database (`uploads.bytes`). On PGlite the database is one ' +
          'connection running inside the proxy\'s own thread: every 300 KB insert, and the forwarding worker reading each ' +
          'photo back to push it to the one-stop system, block every other request, so latency queues up (the p99 is ' +
          'seconds). On PostgreSQL the same work runs in the database\'s processes, in parallel. *Changed:* the worker ' +
          'used to forward one application per 2 s polling interval when it ran as its own process (now it drains the ' +
          'queue, see notifications). *Would change:* keep photos on disk or in object storage with only their metadata ' +
          'in the database, and stream them to the one-stop system.',
      ],
      tables,
      budgets,
      checks,
      figures,
    };
  },
};
