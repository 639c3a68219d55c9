// `npm run bench [-- --quick] [-- --only weight,weak-network,proxy-read,intake,notifications] [-- --no-postgres]`
// (--quick: fewer and shorter runs, the embedded database only.)
// Builds and starts what each scenario needs on localhost, measures, stops everything, and writes bench/report.md
// and bench/report.json (a --quick run: bench/report.quick.md/.json; --only: bench/report.partial.md/.json). Exits
// non-zero only when a correctness check fails (a wrong count, a lost or duplicated message, a failed request) or a
// scenario could not run to its end; never because something was slow.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DatabaseTarget, pgliteTarget, postgresTarget } from './harness/database';
import { machineInfo, sampleMachineLoad } from './harness/machine';
import { removeTempDirs, stopAll } from './harness/processes';
import { type Report, renderMarkdown, summarizeLoad } from './harness/report';
import type { Scenario, ScenarioResult } from './harness/report-types';
import { bundleWeight } from './scenarios/bundle-weight';
import { intake } from './scenarios/intake';
import { notifications } from './scenarios/notifications';
import { proxyRead } from './scenarios/proxy-read';
import { weakNetwork } from './scenarios/weak-network';

const SCENARIOS: Scenario[] = [bundleWeight, weakNetwork, proxyRead, intake, notifications];

function parseArgs(argv: string[]) {
  const valueOf = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = valueOf('--only')?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return { quick: argv.includes('--quick'), only, noPostgres: argv.includes('--no-postgres') };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const machine = machineInfo();
  const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const databases: DatabaseTarget[] = [pgliteTarget()];
  // A quick run measures the embedded database only.
  const postgres = args.noPostgres || args.quick ? null : await postgresTarget();
  if (postgres) databases.push(postgres);
  log(`${args.quick ? 'quick' : 'full'} run on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; databases: ${databases.map((d) => d.label).join(', ')}`);

  const sampler = sampleMachineLoad();
  const results: ScenarioResult[] = [];
  const selected = SCENARIOS.filter((scenario) => !args.only || args.only.includes(scenario.id));
  for (const scenario of selected) {
    log(`— ${scenario.title}`);
    const scenarioStarted = performance.now();
    try {
      const result = await scenario.run({ quick: args.quick, databases, log });
      result.seconds = (performance.now() - scenarioStarted) / 1000;
      results.push(result);
    } catch (error) {
      console.error(error);
      await stopAll();
      results.push({
        id: scenario.id,
        title: scenario.title,
        available: true,
        notes: [`**The scenario failed to run:** \`${String((error as Error).message ?? error).split('\n')[0]}\``],
        tables: [],
        budgets: [],
        checks: [{ name: `${scenario.id} ran to its end`, expected: 'no error', actual: String((error as Error).message ?? error).split('\n')[0], pass: false }],
        figures: {},
        seconds: (performance.now() - scenarioStarted) / 1000,
      });
    }
    log(`  done in ${results[results.length - 1].seconds?.toFixed(0)} s`);
  }
  const load = sampler.stop();
  const failedChecks = results.flatMap((result) => result.checks.filter((check) => !check.pass).map((check) => check.name));
  const report: Report = {
    machine,
    mode: args.quick ? 'quick' : 'full',
    databases: databases.map((database) => database.label),
    seconds: (performance.now() - started) / 1000,
    otherLoad: summarizeLoad(load.otherCpuShare),
    scenarios: results,
    failedChecks,
  };
  // Only a full run of every scenario replaces the committed report; --quick and --only write beside it.
  const base = path.join(__dirname, args.quick ? 'report.quick' : args.only ? 'report.partial' : 'report');
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...report, benchCpuShare: load.benchCpuShare, otherCpuShare: load.otherCpuShare }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, renderMarkdown(report));
  log(`wrote ${path.relative(process.cwd(), base)}.md and .json in ${report.seconds.toFixed(0)} s`);
  for (const scenario of results) {
    for (const budget of scenario.budgets) log(`  ${budget.pass === null ? 'n/a ' : budget.pass ? 'pass' : 'miss'}  ${budget.name}: ${budget.actual} (budget ${budget.budget})`);
  }
  if (failedChecks.length > 0) {
    console.error(`${failedChecks.length} correctness check(s) failed:\n  ${failedChecks.join('\n  ')}`);
    return 1;
  }
  return 0;
}

let interrupted = false;
const interrupt = () => {
  if (interrupted) return;
  interrupted = true;
  void stopAll().finally(() => {
    removeTempDirs();
    process.exit(130);
  });
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

main().then(
  async (code) => {
    await stopAll();
    removeTempDirs();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error);
    await stopAll();
    removeTempDirs();
    process.exit(1);
  },
);
