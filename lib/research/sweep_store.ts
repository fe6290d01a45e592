/**
 * The sweep store: where every finished run of a sweep goes the moment it
 * finishes, and where the ranking, the report and later analyses read them.
 * Two implementations share this contract: SQLite (one file per sweep under
 * `results/sweeps/<name>/`, the default) and PostgreSQL (one schema shared by
 * any number of processes and machines).
 *
 * Tables (the same on both, see each store's DDL):
 * - `sweeps`: one row per sweep name: its data hash and its definition (JSON);
 * - `sweep_plan`: the runs the sweep's latest definition plans, with their
 *   position, parameters and config hash;
 * - `sweep_runs`: one row per finished run, primary key (sweep, config hash),
 *   so a run can never be counted twice: a second insert of the same run is
 *   ignored. Parameters, metrics and the equity summary as JSON, the daily
 *   returns as little-endian float64 bytes with the id of their calendar;
 * - `sweep_calendars`: each calendar's dates (JSON), by id.
 *
 * A run's row is written in one statement, so a process killed at any moment
 * leaves it either stored whole or not at all; starting the sweep again runs
 * exactly the planned runs that have no row.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import { InputError } from "../errors.ts";
import type { GridParameter } from "./grid_space.ts";
import type { Assignment } from "./grid_space.ts";
import type { MetricName } from "./sweep_metric.ts";
import type { PlannedRun } from "./sweep_plan.ts";
import type { EquitySummary, SweepRunRecord } from "./sweep_record.ts";

/** The version of the store's layout; a store written by a newer layout is refused. */
export const SWEEP_STORE_VERSION = 1;

/** What identifies a sweep and how it was defined (stored as JSON). */
export type SweepDefinition = {
  readonly name: string;
  /** Where the grid came from (a file path, or `sweep()`). */
  readonly source: string;
  /** The hash of the prices the runs read: a sweep's runs all share one. */
  readonly dataHash: string;
  readonly codeVersion: string;
  /** Hash of the base configuration. */
  readonly baseConfigHash: string;
  readonly parameters: readonly GridParameter[];
  readonly random?: { readonly count: number; readonly seed: number } | undefined;
  /** The metric the sweep ranks by. */
  readonly metric: MetricName;
  /** Runs planned. */
  readonly runs: number;
};

/** A stored run as the readers give it (returns apart: see {@link SweepStore.returns}). */
export type StoredRun = {
  /** Its position in the sweep's plan. */
  readonly position: number;
  readonly configHash: string;
  readonly params: Assignment;
  readonly metrics: Metrics;
  readonly summary: EquitySummary;
  readonly calendarId: string;
  readonly durationMs: number;
};

/** A run's daily returns with their dates. */
export type StoredReturns = {
  readonly configHash: string;
  readonly dates: readonly string[];
  readonly returns: Float64Array;
};

/** Planned and stored runs of a sweep. */
export type SweepProgress = { readonly planned: number; readonly stored: number };

/** The contract of both stores; see the module doc. */
export interface SweepStore {
  /** `sqlite` or `postgres`. */
  readonly kind: "sqlite" | "postgres";
  /** The file path, or the database and schema (password hidden). */
  readonly location: string;
  /**
   * Registers the sweep and replaces its plan. An {@link InputError} when the name is
   * taken by a sweep over other data (another data hash).
   */
  begin(definition: SweepDefinition, plan: readonly PlannedRun[]): Promise<void>;
  /** The definition stored under `name`, if any. */
  definition(name: string): Promise<SweepDefinition | undefined>;
  /** Config hashes of the runs of `name` already stored. */
  storedHashes(name: string): Promise<Set<string>>;
  /** Stores a calendar's dates under its id (nothing when it is there already). */
  putCalendar(id: string, dates: readonly string[]): Promise<void>;
  /** Stores a finished run; false when it was stored already (and nothing changes). */
  put(name: string, record: SweepRunRecord): Promise<boolean>;
  /** The planned runs that are stored, best first by `metric` (nulls last, ties by position). */
  ranked(name: string, metric: MetricName, limit?: number): AsyncIterable<StoredRun>;
  /** A run's returns and dates, or undefined when it is not stored. */
  returns(name: string, configHash: string): Promise<StoredReturns | undefined>;
  /**
   * Every stored run's returns, in plan order (what the probability of backtest
   * overfitting reads as a returns matrix); runs on one calendar share one `dates` array.
   */
  allReturns(name: string): AsyncIterable<StoredReturns & { readonly position: number }>;
  /** Planned and stored counts. */
  progress(name: string): Promise<SweepProgress>;
  /** Releases the store (a SQLite file is closed; a PostgreSQL client stays its owner's). */
  close(): Promise<void>;
}

/** The refusal when a sweep name is reused over other data. */
export function dataMismatch(name: string, stored: string, now: string): InputError {
  return new InputError(
    `sweep ${name} was run on data ${stored.slice(0, 12)}, and the data now hashes to ${
      now.slice(0, 12)
    }: its stored runs would not compare; choose another --name`,
  );
}

/** The refusal of a store written by a newer layout. */
export function newerStore(location: string, version: number): InputError {
  return new InputError(
    `sweep store ${location} has layout version ${version}; this engine reads up to ${SWEEP_STORE_VERSION}: upgrade the engine`,
  );
}

/** The keys of a metric's place in the metrics JSON, as a SQLite JSON path (`$.a.b`). */
export function sqliteJsonPath(keys: readonly string[]): string {
  return `$.${keys.join(".")}`;
}

/** A row of a ranked query (params, metrics and summary as JSON text or parsed) as a {@link StoredRun}. */
export function storedRunOf(row: Readonly<Record<string, unknown>>): StoredRun {
  const json = (v: unknown) => typeof v === "string" ? JSON.parse(v) : v;
  return {
    position: Number(row.position),
    configHash: String(row.config_hash),
    params: json(row.params),
    metrics: json(row.metrics),
    summary: json(row.summary),
    calendarId: String(row.calendar_id),
    durationMs: Number(row.duration_ms),
  };
}
