// Scenario 2 — the mini app on a weak network, in real Chromium (Debian's, driven by playwright-core as the e2e
// journeys drive it): DevTools-protocol emulation of a slow 3G link and a 4× slower CPU on a phone-sized page.
// The whole demo stack runs as `npm start` runs it (scripts/start.ts --no-build, serving the build measured by the
// weight scenario through scripts/serve-mini-app.ts). Each cold run is a new browser context (empty cache); the
// warm visit is the same context opening the app again.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, PHONE_CONTEXT } from '../../tests/e2e/support/browser';
import { productionBuild } from '../harness/mini-app-build';
import { makeTempDir, sleep, startTsProcess, waitUntilAnswering } from '../harness/processes';
import type { BudgetCheck, CorrectnessCheck, Scenario, ScenarioResult, Table } from '../harness/report-types';
import { formatSummary, summarize } from '../harness/stats';

export const NETWORK = {
  downloadKbit: 400,
  uploadKbit: 200,
  latencyMs: 400,
  cpuSlowdown: 4,
};
const BUDGET = { coldHomeMs: 3500, warmHomeMs: 700 };

/** Installed before the app's scripts: records when the home and the procedure page become usable. */
const PROBE = `(() => {
  const marks = (window.__benchMarks = {});
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= innerWidth + 1 && r.top < innerHeight;
  };
  const homeUsable = () => {
    const search = document.querySelector('input[type="search"]');
    const first = document.querySelector('ul.card-list a.card-link[href*="/procedures/"] .card-title');
    return visible(search) && !search.disabled && visible(first) && first.textContent.trim().length > 0;
  };
  const procedureUsable = () => {
    const title = document.querySelector('h1.details-title');
    return visible(title) && title.textContent.trim() === marks.tappedName && !!document.getElementById('documents-heading');
  };
  addEventListener('pointerdown', (event) => {
    const card = event.target.closest && event.target.closest('a.card-link[href*="/procedures/"]');
    if (card && marks.tap === undefined) {
      marks.tap = event.timeStamp;
      marks.tappedName = card.querySelector('.card-title').textContent.trim();
      schedule();
    }
  }, true);
  // Checked in the animation frame after any DOM change or finished transition (not every frame: a probe that
  // forces layout 60 times a second would slow the 4×-throttled page it measures).
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const now = performance.now();
    if (marks.home === undefined && homeUsable()) marks.home = now;
    if (marks.tap !== undefined && marks.procedure === undefined && procedureUsable()) marks.procedure = now;
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  };
  new MutationObserver(schedule).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('transitionend', schedule, true);
  addEventListener('animationend', schedule, true);
  addEventListener('load', schedule);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (marks.longTasks = marks.longTasks || []).push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Visit {
  homeMs: number;
  procedureMs: number;
  /** Long tasks (main thread busy > 50 ms) before the home was usable: their count and total time. */
  longTasksBeforeHome: { count: number; ms: number };
  /** Requests that started before the home was usable. */
  requests: RequestRecord[];
}

interface RequestRecord {
  url: string;
  startMs: number;
  endMs: number;
  encodedBytes: number;
  fromCache: boolean;
  status: number;
}

async function emulateWeakPhone(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK.latencyMs,
    downloadThroughput: (NETWORK.downloadKbit * 1000) / 8,
    uploadThroughput: (NETWORK.uploadKbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: NETWORK.cpuSlowdown });
  return cdp;
}

/** A request log from the DevTools protocol, in ms since the page's navigation started. */
function recordRequests(cdp: CDPSession) {
  const byId = new Map<string, RequestRecord & { wallStart: number }>();
  let origin: number | undefined;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.type === 'Document') origin = event.timestamp * 1000;
    byId.set(event.requestId, { url: event.request.url, wallStart: event.timestamp * 1000, startMs: 0, endMs: NaN, encodedBytes: 0, fromCache: false, status: 0 });
  });
  cdp.on('Network.responseReceived', (event) => {
    const record = byId.get(event.requestId);
    if (record) {
      record.status = event.response.status;
      record.fromCache = Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache || event.response.fromServiceWorker);
    }
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const record = byId.get(event.requestId);
    if (record) record.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const record = byId.get(event.requestId);
    if (record) {
      record.endMs = event.timestamp * 1000;
      record.encodedBytes = event.encodedDataLength;
    }
  });
  return {
    reset: () => {
      byId.clear();
      origin = undefined;
    },
    records: (): RequestRecord[] =>
      [...byId.values()].map(({ wallStart, ...record }) => ({
        ...record,
        startMs: wallStart - (origin ?? wallStart),
        endMs: record.endMs - (origin ?? wallStart),
      })),
  };
}

async function marksOf(page: Page): Promise<Record<string, any>> {
  return page.evaluate(() => (globalThis as unknown as { __benchMarks: Record<string, any> }).__benchMarks);
}

async function waitForMark(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => (globalThis as unknown as { __benchMarks: Record<string, number> }).__benchMarks?.[mark],
    name,
    { timeout: timeoutMs, polling: 100 },
  );
  return Number(await handle.jsonValue());
}

/** Opens the app, waits until the home is usable, taps the first popular procedure, waits until it is usable. */
async function visit(page: Page, appUrl: string, log: ReturnType<typeof recordRequests>): Promise<Visit> {
  log.reset();
  await page.goto(appUrl, { waitUntil: 'commit' });
  const homeMs = await waitForMark(page, 'home');
  const requests = log.records().filter((record) => record.startMs <= homeMs);
  // Let the app finish what it does after the first screen (sign-in, language), as a citizen reading the list would.
  await sleep(1500);
  await page.locator('ul.card-list a.card-link').first().tap();
  const procedureAt = await waitForMark(page, 'procedure');
  const marks = await marksOf(page);
  const longTasks = ((marks.longTasks ?? []) as [number, number][]).filter(([start]) => start < homeMs);
  return {
    homeMs,
    procedureMs: procedureAt - Number(marks.tap),
    longTasksBeforeHome: { count: longTasks.length, ms: longTasks.reduce((sum, [, duration]) => sum + duration, 0) },
    requests,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function waterfall(requests: RequestRecord[], origins: Record<string, string>): Table {
  const label = (url: string) => {
    for (const [origin, name] of Object.entries(origins)) if (url.startsWith(origin)) return `${name} ${url.slice(origin.length)}`;
    return url;
  };
  return {
    columns: ['request', 'start', 'end', 'bytes on the wire', 'status'],
    rows: [...requests]
      .sort((a, b) => a.startMs - b.startMs)
      .map((request) => [
        label(request.url).slice(0, 90),
        seconds(request.startMs),
        Number.isNaN(request.endMs) ? '—' : seconds(request.endMs),
        request.fromCache ? 'cache' : request.encodedBytes.toLocaleString('en-US'),
        String(request.status),
      ]),
  };
}

export const weakNetwork: Scenario = {
  id: 'weak-network',
  title: 'Mini app on a weak network (Chromium, slow 3G, 4× CPU slowdown)',
  async run(context): Promise<ScenarioResult> {
    const runs = context.quick ? 1 : 3;
    const build = await productionBuild(context.log);
    const logDir = makeTempDir('weak-network');
    const appUrl = `http://localhost:${build.ports.app}/`;
    const stack = startTsProcess({
      name: 'demo-stack',
      script: 'scripts/start.ts',
      args: ['--no-build', '--out-dir', build.outDir],
      logDir,
      env: {
        APP_PORT: String(build.ports.app),
        PORT: String(build.ports.api),
        SANDBOX_PORT: String(build.ports.sandbox),
        DATA_DIR: path.join(logDir, 'pglite'),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
    });
    let browser: Browser | undefined;
    const cold: Visit[] = [];
    const warm: Visit[] = [];
    try {
      await waitUntilAnswering(`http://localhost:${build.ports.api}/readyz`, stack, 180_000);
      await waitUntilAnswering(appUrl, stack);
      // As on a CDN that has served the release before: every file asked for once, so the server's compressed
      // variants exist before the first measured visit.
      for (const file of ['', ...fs.readdirSync(path.join(build.outDir, 'assets')).map((name) => `assets/${name}`)]) {
        await (await fetch(`${appUrl}${file}`, { headers: { 'accept-encoding': 'br, gzip' } })).arrayBuffer();
      }
      browser = await launchBrowser();
      for (let run = 0; run < runs; run += 1) {
        const phone: BrowserContext = await browser.newContext(PHONE_CONTEXT);
        try {
          await phone.addInitScript(PROBE);
          const page = await phone.newPage();
          const cdp = await emulateWeakPhone(page);
          const log = recordRequests(cdp);
          // BENCH_PROFILE_DIR: a CPU profile of the page's main thread during the first cold visit (Chrome DevTools format).
          const profileDir = run === 0 ? process.env.BENCH_PROFILE_DIR : undefined;
          if (profileDir) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
            await cdp.send('Profiler.start');
          }
          cold.push(await visit(page, appUrl, log));
          if (profileDir) {
            const { profile } = await cdp.send('Profiler.stop');
            fs.mkdirSync(profileDir, { recursive: true });
            fs.writeFileSync(path.join(profileDir, 'mini-app-cold-visit.cpuprofile'), JSON.stringify(profile));
          }
          // The citizen comes back later: same phone (context, cache), the app opened anew.
          await sleep(2000);
          warm.push(await visit(page, appUrl, log));
          context.log(
            `  run ${run + 1}/${runs}: cold home ${seconds(cold[run].homeMs)}, procedure ${seconds(cold[run].procedureMs)}; ` +
              `warm home ${seconds(warm[run].homeMs)}, procedure ${seconds(warm[run].procedureMs)}`,
          );
        } finally {
          await phone.close();
        }
      }
    } finally {
      await browser?.close();
      await stack.stop();
    }

    const summary = (visits: Visit[]) => ({
      home: summarize(visits.map((v) => v.homeMs)),
      procedure: summarize(visits.map((v) => v.procedureMs)),
      longTaskMs: summarize(visits.map((v) => v.longTasksBeforeHome.ms)),
      bytesBeforeHome: summarize(visits.map((v) => v.requests.reduce((sum, r) => sum + (r.fromCache ? 0 : r.encodedBytes), 0))),
      requestsBeforeHome: summarize(visits.map((v) => v.requests.length)),
    });
    const coldSummary = summary(cold);
    const warmSummary = summary(warm);
    const medianCold = [...cold].sort((a, b) => a.homeMs - b.homeMs)[Math.floor(cold.length / 2)];
    const medianWarm = [...warm].sort((a, b) => a.homeMs - b.homeMs)[Math.floor(warm.length / 2)];
    const origins = {
      [`http://localhost:${build.ports.app}`]: 'app',
      [`http://localhost:${build.ports.api}`]: 'proxy',
      [`http://localhost:${build.ports.sandbox}`]: 'sandbox',
    };

    const tables: Table[] = [
      {
        title: `${runs} runs (median, min–max)`,
        columns: ['', 'cold (empty cache)', 'warm (second visit)'],
        rows: [
          ['home usable', formatSummary(coldSummary.home, seconds), formatSummary(warmSummary.home, seconds)],
          ['procedure page usable after the tap', formatSummary(coldSummary.procedure, seconds), formatSummary(warmSummary.procedure, seconds)],
          ['requests before the home was usable', formatSummary(coldSummary.requestsBeforeHome, String), formatSummary(warmSummary.requestsBeforeHome, String)],
          ['bytes on the wire before the home was usable', formatSummary(coldSummary.bytesBeforeHome, (v) => `${(v / 1000).toFixed(1)} KB`), formatSummary(warmSummary.bytesBeforeHome, (v) => `${(v / 1000).toFixed(1)} KB`)],
          ['main-thread long tasks before the home was usable', formatSummary(coldSummary.longTaskMs, seconds), formatSummary(warmSummary.longTaskMs, seconds)],
        ],
      },
      { title: `Cold visit, median run: requests until the home was usable (${seconds(medianCold.homeMs)})`, ...waterfall(medianCold.requests, origins) },
      { title: `Warm visit, median run: requests until the home was usable (${seconds(medianWarm.homeMs)})`, ...waterfall(medianWarm.requests, origins) },
    ];
    const budgets: BudgetCheck[] = [
      { name: 'Home usable, cold (weak network)', budget: `≤ ${seconds(BUDGET.coldHomeMs)}`, actual: seconds(coldSummary.home.median), pass: coldSummary.home.median <= BUDGET.coldHomeMs },
      { name: 'Home usable, warm (weak network)', budget: `≤ ${seconds(BUDGET.warmHomeMs)}`, actual: seconds(warmSummary.home.median), pass: warmSummary.home.median <= BUDGET.warmHomeMs },
    ];
    const checks: CorrectnessCheck[] = [];
    return {
      id: this.id,
      title: this.title,
      available: true,
      notes: [
        `Chromium (\`/usr/bin/chromium\`, the e2e journeys' launch flags) with the DevTools protocol: ` +
          `\`Network.emulateNetworkConditions\` ${NETWORK.downloadKbit} kbit/s down, ${NETWORK.uploadKbit} kbit/s up, ` +
          `${NETWORK.latencyMs} ms latency; \`Emulation.setCPUThrottlingRate\` ${NETWORK.cpuSlowdown}; a 360×640 phone ` +
          '(device scale 2, touch, vi-VN). The stack is `scripts/start.ts --no-build` over the build of the weight ' +
          'scenario: the mini app from `scripts/serve-mini-app.ts` (brotli/gzip, hashed assets immutable for a year, ' +
          'index.html fresh for 5 minutes), the proxy with its worker, the sandbox, an empty embedded database.',
        '**Home usable** = the first animation frame, counted from the start of the navigation, in which the search ' +
          'box is on screen and enabled and the first popular procedure\'s name is on screen (its link can be tapped). ' +
          '**Procedure page usable** = from the tap (`pointerdown` on the first popular procedure) to the first frame ' +
          'in which that procedure\'s title is on screen inside the viewport (the page transition finished) and its ' +
          'documents section has rendered (its data arrived). Both are read in the page by a probe that checks in the ' +
          'animation frame after each DOM change or finished transition, not by the test driver. **Cold** = a new ' +
          'browser context (empty HTTP cache, no storage); **warm** = the same context opening the app again 2 s later ' +
          '(cache and storage kept).',
        'DevTools throttling applies latency per request, not per TCP/TLS round trip, so on a real 3G link each new ' +
          'connection (the mini app host, the proxy) costs one or two more round trips than measured here.',
        '**What limits the cold home** (waterfall below; a page CPU profile with `BENCH_PROFILE_DIR`): the entry chunk, ' +
          '≈ 90 KB brotli, takes ≈ 1.8 s at 400 kbit/s plus the 0.4 s round trip, after index.html and the renderer\'s ' +
          'start (≈ 0.9 s in a new context); then ≈ 0.5 s of main-thread work at 4× (compiling the bundle, React\'s first ' +
          'render). *Changed:* index.html preconnects to the proxy and preloads the popular procedures, which the home ' +
          'reads with `fetch()` — before, the request waited for the entry, then for the lazy axios chunk (20 KB), then ' +
          'its own round trip (cold 5.3 s → ≈ 3.5–3.9 s on this machine); `scripts/serve-mini-app.ts` now compresses ' +
          '(it served 320 KB of JavaScript uncompressed) and its Cache-Control reaches the browser (@fastify/static ' +
          'replaced it with `max-age=0`). *Would change:* the entry\'s largest dependencies are react-dom (≈ 41 KB gzip), ' +
          'recoil (≈ 22 KB, unmaintained) and i18next (≈ 14 KB) — a small store instead of recoil and a plain dictionary ' +
          'lookup instead of i18next would save ≈ 30 KB gzip, ≈ 0.6 s on this link.',
        '**What limits the warm home:** nothing on the network: index.html is fresh for 5 minutes ' +
          '(`max-age=300, stale-while-revalidate=604800`), the bundle immutable, the popular procedures cached for 5 minutes ' +
          'by the proxy\'s answer; what is left is compiling and running the cached bundle at 4× (≈ 0.3–0.5 s). Before, ' +
          'index.html was `no-cache`: one 0.4 s round trip (a 304) before anything ran (warm 0.8–1.0 s). Chromium honours ' +
          '`stale-while-revalidate` only for subresources, not for the page itself, so a citizen reopening the app after ' +
          'more than 5 minutes pays that round trip again in a browser (inside Zalo the mini app is a package the client ' +
          'keeps); V8\'s code cache (from the third visit) would trim the CPU part. **Procedure page after the tap:** its lazy chunk ' +
          'and its API call are two round trips in a row, on a link still busy with the chunks the app loads after the ' +
          'home (zmp-sdk ≈ 48 KB, the HTTP client, notifications); prefetching the procedure page chunk when the home is ' +
          'idle would remove one.',
      ],
      tables,
      budgets,
      checks,
      figures: { network: NETWORK, runs, cold: { ...coldSummary, visits: cold }, warm: { ...warmSummary, visits: warm } },
    };
  },
};
