// The machine a report was measured on, and how busy it was with other work meanwhile: the whole machine's CPU
// time (/proc/stat) minus the CPU time of the bench and every process it started (its descendants in /proc).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { REPO_ROOT } from './processes';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  commit: string;
  /** Uncommitted changes in the work tree when the run started (other work in progress). */
  dirty: boolean;
  loadAverageAtStart: number[];
}

export function machineInfo(): MachineInfo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = git('rev-parse', '--short=12', 'HEAD');
    dirty = git('status', '--porcelain', '--untracked-files=no').length > 0;
  } catch {
    // not a git checkout
  }
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    commit,
    dirty,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

function machineBusyTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU ticks used so far by this process and its living descendants (user + system, children that exited included). */
function benchTreeTicks(): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      // after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  for (const [pid, stat] of stats) {
    for (let current: number | undefined = pid, depth = 0; current && depth < 50; depth += 1) {
      if (current === process.pid) {
        ticks += stat.ticks;
        break;
      }
      current = stats.get(current)?.ppid;
    }
  }
  return ticks;
}

export interface LoadSampler {
  /** Share of the machine's CPU (0..1 of all cores) used by other processes, per sample interval. */
  stop(): { otherCpuShare: number[]; benchCpuShare: number[] };
}

/**
 * Samples every `intervalMs`: how much of the machine other processes used. Children that exited between samples
 * are accounted through cutime/cstime of their parent, so a short spike may be misattributed; the median is robust.
 */
export function sampleMachineLoad(intervalMs = 2000): LoadSampler {
  const otherCpuShare: number[] = [];
  const benchCpuShare: number[] = [];
  if (!fs.existsSync('/proc/stat')) return { stop: () => ({ otherCpuShare, benchCpuShare }) };
  let previous = { machine: machineBusyTicks(), bench: benchTreeTicks() };
  const timer = setInterval(() => {
    const current = { machine: machineBusyTicks(), bench: benchTreeTicks() };
    if (previous.machine && current.machine) {
      const total = current.machine.total - previous.machine.total;
      const busy = current.machine.busy - previous.machine.busy;
      const bench = Math.max(0, current.bench - previous.bench);
      if (total > 0) {
        otherCpuShare.push(Math.max(0, busy - bench) / total);
        benchCpuShare.push(Math.min(busy, bench) / total);
      }
    }
    previous = current;
  }, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return { otherCpuShare, benchCpuShare };
    },
  };
}

