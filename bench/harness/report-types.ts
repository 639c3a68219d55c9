// What a scenario hands back to bench/run.ts, which writes report.md and report.json from it.
import type { DatabaseTarget } from './database';

export interface Table {
  title?: string;
  columns: string[];
  rows: string[][];
}

export interface BudgetCheck {
  name: string;
  /** "≤ 110 KB gzip", "≥ 0.5× bare Fastify". */
  budget: string;
  actual: string;
  /** null: could not be measured (scenario not available). */
  pass: boolean | null;
}

/** A correctness check: a failed one makes the bench exit non-zero. */
export interface CorrectnessCheck {
  name: string;
  expected: string;
  actual: string;
  pass: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** false: the scenario could not run here (e.g. what it measures is not built yet); `notes` say why. */
  available: boolean;
  /** Markdown paragraphs: method, definitions, what limits the figures. */
  notes: string[];
  tables: Table[];
  budgets: BudgetCheck[];
  checks: CorrectnessCheck[];
  /** Machine-readable figures for report.json. */
  figures: Record<string, unknown>;
  seconds?: number;
}

export interface ScenarioContext {
  quick: boolean;
  /** PGlite always; PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
  databases: DatabaseTarget[];
  log(message: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}
