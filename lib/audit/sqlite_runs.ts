/**
 * The runs and sessions of a SQLite event store: claiming a run, reopening it
 * for a writer that continues it, the codes of runs and sessions (cached), and
 * the event ranges, counts and end status a write transaction sets on them
 * ({@link SqliteRuns}). Each method runs inside the store's transaction.
 *
 * @module
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { sessionKindOf } from "./event_record.ts";
import { attemptRunId, type RunClaim } from "./event_sink.ts";
import { sessionIdOf } from "./ids.ts";

/** The events a write transaction added to a run or session: id range, count, asOf range. */
export type Range = {
  first: number;
  last: number;
  count: number;
  minAsOf: number;
  maxAsOf: number;
};
/** How a run ended, as a `run_finish` or `run_fail` event in the transaction says. */
export type RunEnd = { status: "finished" | "failed"; at: number; error: string | null };

/** The store's runs and sessions, their codes cached for the store's connection. */
export class SqliteRuns {
  readonly #db: DatabaseSync;
  readonly #path: string;
  readonly #runs = new Map<string, number>();
  readonly #sessions = new Map<string, number>();
  /**
   * Statements prepared once: preparing costs tens of microseconds, and a run
   * opens a session every rebalance (720 in the default run) and writes ranges
   * every batch.
   */
  readonly #sql: {
    readonly run: StatementSync;
    readonly session: StatementSync;
    readonly sessionRange: StatementSync;
    readonly runRange: StatementSync;
    readonly runEnd: StatementSync;
  };

  constructor(path: string, db: DatabaseSync) {
    this.#path = path;
    this.#db = db;
    this.#sql = {
      run: db.prepare("SELECT id FROM runs WHERE run_id = ?"),
      session: db.prepare(
        "INSERT INTO sessions (run, seq, trace_id, kind, as_of) VALUES (?, ?, ?, ?, ?) " +
          "ON CONFLICT (run, seq) DO UPDATE SET kind = coalesce(sessions.kind, excluded.kind) RETURNING id",
      ),
      sessionRange: db.prepare(
        "UPDATE sessions SET first_event = coalesce(first_event, ?), last_event = ?, " +
          "event_count = event_count + ? WHERE id = ?",
      ),
      runRange: db.prepare(
        "UPDATE runs SET first_event = coalesce(first_event, ?), last_event = ?, " +
          "event_count = event_count + ?, first_as_of = min(coalesce(first_as_of, ?), ?), " +
          "last_as_of = max(coalesce(last_as_of, ?), ?) WHERE id = ?",
      ),
      runEnd: db.prepare("UPDATE runs SET status = ?, finished_at = ?, error = ? WHERE id = ?"),
    };
  }

  /** Registers the run (status `running`) under a free id ({@link attemptRunId}) and returns it. */
  claim(run: RunClaim): string {
    const taken = this.#db.prepare("SELECT 1 FROM runs WHERE run_id = ?");
    const id = attemptRunId(run.runId, (candidate) => taken.get(candidate) !== undefined);
    this.#db.prepare(
      "INSERT INTO runs (run_id, config_hash, data_hash, code_version, started_at) VALUES (?, ?, ?, ?, ?)",
    ).run(id, run.configHash, run.dataHash, run.codeVersion, run.startedAt);
    return id;
  }

  /** Sets the run's status back to running and returns its highest session number. */
  reopen(runId: string): number {
    const row = this.#sql.run.get(runId);
    if (row === undefined) throw new Error(`run ${runId} is not in ${this.#path}: claim it first`);
    this.#db.prepare(
      "UPDATE runs SET status = 'running', finished_at = NULL, error = NULL WHERE id = ?",
    ).run(Number(row.id));
    const max = this.#db.prepare(
      "SELECT coalesce(max(seq), 0) AS seq FROM sessions WHERE run = ?",
    )
      .get(Number(row.id));
    return Number(max?.seq ?? 0);
  }

  /** The code of a claimed run; a run not claimed is an Error. */
  run(runId: string): number {
    const cached = this.#runs.get(runId);
    if (cached !== undefined) return cached;
    const row = this.#sql.run.get(runId);
    if (row === undefined) {
      throw new Error(`run ${runId} was not claimed in ${this.#path}: call claimRun first`);
    }
    const id = Number(row.id);
    this.#runs.set(runId, id);
    return id;
  }

  /** The code of session `seq` of a run, stored with its trace id, kind and asOf if it is new. */
  session(
    run: number,
    runId: string,
    seq: number,
    traceId: string,
    event: Parameters<typeof sessionKindOf>[0],
    asOfMs: number,
  ): number {
    const key = sessionIdOf(runId, seq);
    const cached = this.#sessions.get(key);
    if (cached !== undefined) return cached;
    const row = this.#sql.session.get(run, seq, traceId, sessionKindOf(event), asOfMs);
    const id = Number(row?.id);
    this.#sessions.set(key, id);
    return id;
  }

  /** Extends the sessions' and runs' event ranges and counts, and sets the runs that ended. */
  updateRanges(
    sessions: Map<number, Range>,
    runs: Map<number, Range>,
    ends: Map<number, RunEnd>,
  ): void {
    const session = this.#sql.sessionRange;
    for (const [id, r] of sessions) session.run(r.first, r.last, r.count, id);
    const run = this.#sql.runRange;
    for (const [id, r] of runs) {
      run.run(r.first, r.last, r.count, r.minAsOf, r.minAsOf, r.maxAsOf, r.maxAsOf, id);
    }
    const end = this.#sql.runEnd;
    for (const [id, e] of ends) end.run(e.status, e.at, e.error, id);
  }

  /** Forgets the cached session codes: those assigned inside a rolled-back transaction no longer exist. */
  forget(): void {
    this.#sessions.clear();
  }
}

/** Extends the range of `key` by `count` events ending at id `last` (from `first`). */
export function extendRange(
  ranges: Map<number, Range>,
  key: number,
  last: number,
  asOf: number,
  count: number,
  first = last,
): void {
  const r = ranges.get(key);
  if (r === undefined) {
    ranges.set(key, { first, last, count, minAsOf: asOf, maxAsOf: asOf });
    return;
  }
  r.last = last;
  r.count += count;
  if (asOf < r.minAsOf) r.minAsOf = asOf;
  if (asOf > r.maxAsOf) r.maxAsOf = asOf;
}
