// bench/report.md and bench/report.json from the scenarios' results.
import type { MachineInfo } from './machine';
import type { ScenarioResult, Table } from './report-types';
import { median } from './stats';

export interface Report {
  machine: MachineInfo;
  mode: 'quick' | 'full';
  databases: string[];
  seconds: number;
  /** Other processes' share of the machine's CPU during the run (samples, 0..1). */
  otherLoad: { median: number; max: number; samples: number } | null;
  scenarios: ScenarioResult[];
  failedChecks: string[];
}

const mark = (pass: boolean | null) => (pass === null ? '— n/a' : pass ? '✅ pass' : '❌ miss');

function table({ title, columns, rows }: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    ...(title ? [`**${title}**`, ''] : []),
    `| ${columns.map(escape).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report: Report): string {
  const { machine } = report;
  const lines: string[] = [];
  lines.push('# Lào Cai số — benchmarks', '');
  lines.push(
    `Written by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` (${report.mode} run, ${Math.round(report.seconds)} s). ` +
      'Each figure is the median of several runs with its min–max range and the number of runs (n). ' +
      'Benchmarks never fail on speed; the correctness checks at the end do.',
    '',
  );
  if (report.otherLoad && report.otherLoad.median > 0.1) {
    lines.push(
      `> **The machine was busy with other work during this run**: other processes used a median ${(report.otherLoad.median * 100).toFixed(0)}% ` +
        `(up to ${(report.otherLoad.max * 100).toFixed(0)}%) of its CPU. Throughput figures are lower and latencies higher than on an idle ` +
        'machine; the ratios against the baseline measured in the same rounds are less affected.',
      '',
    );
  }
  lines.push(
    table({
      columns: ['machine', ''],
      rows: [
        ['CPU', `${machine.cpus} × ${machine.cpuModel}`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['Node.js', machine.node],
        ['OS', machine.platform],
        ['date', machine.date],
        ['git commit', `${machine.commit}${machine.dirty ? ' (work tree had uncommitted changes)' : ''}`],
        ['load average at start (1/5/15 min)', machine.loadAverageAtStart.join(' / ')],
        [
          'other processes\' CPU during the run',
          report.otherLoad ? `median ${(report.otherLoad.median * 100).toFixed(0)}%, max ${(report.otherLoad.max * 100).toFixed(0)}% of the machine (${report.otherLoad.samples} samples)` : 'not measured',
        ],
        ['databases', report.databases.join('; ')],
      ],
    }),
    '',
  );
  lines.push('## Budgets', '');
  lines.push(
    table({
      columns: ['budget', 'target', 'measured (median)', ''],
      rows: report.scenarios.flatMap((scenario) =>
        scenario.budgets.map((budget) => [budget.name, budget.budget, budget.actual, mark(budget.pass)]),
      ),
    }),
    '',
  );
  for (const scenario of report.scenarios) {
    lines.push(`## ${scenario.title}`, '');
    if (!scenario.available) lines.push('**Not available yet.**', '');
    for (const note of scenario.notes) lines.push(note, '');
    for (const t of scenario.tables) lines.push(table(t), '');
  }
  lines.push('## Correctness checks', '');
  const checks = report.scenarios.flatMap((scenario) => scenario.checks);
  lines.push(
    checks.length === 0
      ? 'None ran.'
      : table({
          columns: ['check', 'expected', 'actual', ''],
          rows: checks.map((check) => [check.name, check.expected, check.actual, check.pass ? '✅' : '❌']),
        }),
    '',
  );
  lines.push(report.failedChecks.length === 0 ? 'All correctness checks passed.' : `**${report.failedChecks.length} correctness check(s) failed.**`, '');
  return lines.join('\n');
}

export function summarizeLoad(samples: number[]): Report['otherLoad'] {
  if (samples.length === 0) return null;
  return { median: median(samples), max: Math.max(...samples), samples: samples.length };
}
