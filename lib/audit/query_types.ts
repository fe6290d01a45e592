/**
 * What the investigation queries return, and the {@link AuditReader} contract
 * that the SQLite and PostgreSQL readers share.
 *
 * @module
 */
import type { EventColumns } from "./event_record.ts";

/** A value now or later: SQLite answers synchronously, PostgreSQL asynchronously. */
export type Awaitable<T> = T | Promise<T>;

/** One event as the `portfolio_events` view shows it, in camelCase. */
export type AuditRow = EventColumns & {
  readonly id: number;
  readonly eventType: string;
  readonly eventCategory: string;
  /** The asOf (market time): `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` intraday. */
  readonly timestamp: string;
  readonly traceId: string;
  readonly sessionId: string;
  readonly regime: string | null;
  readonly runId: string;
  /** Wall clock, ISO. */
  readonly recordedAt: string;
};

/** A run's state: `running` means it never finished (still going, or killed). */
export type RunStatus = "running" | "finished" | "failed";

/** One run as the store knows it. */
export type RunSummary = {
  readonly runId: string;
  readonly status: RunStatus;
  /** False while the run has no finish or failure recorded. */
  readonly complete: boolean;
  readonly configHash: string;
  readonly dataHash: string;
  readonly codeVersion: string;
  /** Wall clock, ISO. */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /** Market time range of its events. */
  readonly firstAsOf: string | null;
  readonly lastAsOf: string | null;
  readonly events: number;
};

/** One session (a rebalance, or the run-level session 0). */
export type SessionSummary = {
  readonly traceId: string;
  readonly sessionId: string;
  readonly runId: string;
  readonly seq: number;
  readonly kind: string | null;
  readonly asOf: string;
  readonly events: number;
  readonly runStatus: RunStatus;
  /** False when its run never finished. */
  readonly complete: boolean;
};

/** Which run a query looks at: the latest run unless one is named. */
export type RunChoice = {
  /** A run id; default the latest run started in the store. */
  readonly runId?: string;
};

/** Options of a timeline. */
export type TimelineOptions = RunChoice & {
  /** Days back from the run's latest asOf (not the wall clock: backtests live in the past); default 30. */
  readonly days?: number;
};

/** The chain behind an asset's position change on a date: the sessions of that date touching it. */
export type WhyChain = {
  readonly asset: string;
  readonly date: string;
  readonly runId: string | null;
  readonly sessions: readonly {
    readonly traceId: string;
    readonly sessionId: string;
    readonly kind: string | null;
    readonly asOf: string;
    /** The session's events that concern the asset or no asset (regime, session start), in order. */
    readonly events: readonly AuditRow[];
  }[];
};

/** The store's health, after the seed's `get_system_health`. */
export type Health = {
  readonly runs: {
    readonly total: number;
    readonly finished: number;
    readonly failed: number;
    /** Runs with no finish recorded: in progress, or killed. */
    readonly incomplete: number;
  };
  readonly incompleteRuns: readonly RunSummary[];
  readonly latestRun: RunSummary | null;
  readonly events: number;
  /** Events of the latest run by category. */
  readonly eventsByCategory: Readonly<Record<string, number>>;
  /** Latest run: protection verdicts and their mean decision time. */
  readonly protection: {
    readonly approved: number;
    readonly blocked: number;
    /** approved / (approved + blocked), null without verdicts. */
    readonly approvalRate: number | null;
    readonly avgExecutionTimeMs: number | null;
  };
  /** True when the latest run recorded protection verdicts. */
  readonly protectionActive: boolean;
  /** Events of the latest run recorded (wall clock) within an hour before `now`. */
  readonly decisionsLastHour: number;
  /** Share of runs that finished, in percent (100 for an empty store). */
  readonly healthScore: number;
};

/** Options of a health check. */
export type HealthOptions = {
  /** Wall clock for "last hour", epoch ms; default `Date.now()` (this is a monitoring query). */
  readonly now?: number;
};

/** A read-only SQL result. */
export type SqlResult = {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
};

/** The investigation queries, on any store. */
export interface AuditReader {
  /** The asset's events over the last `days` of market time, oldest first. */
  timeline(asset: string, options?: TimelineOptions): Awaitable<readonly AuditRow[]>;
  /** The sessions of `date` (YYYY-MM-DD) touching `asset`, each with its chain of events. */
  why(asset: string, date: string, options?: RunChoice): Awaitable<WhyChain>;
  /** The latest sessions, newest first. */
  sessions(limit?: number): Awaitable<readonly SessionSummary[]>;
  /** Every run, newest first. */
  runs(limit?: number): Awaitable<readonly RunSummary[]>;
  /** The store's health. */
  health(options?: HealthOptions): Awaitable<Health>;
  /** Runs one read-only statement (SELECT, WITH or EXPLAIN); anything that writes is an InputError. */
  sql(text: string): Awaitable<SqlResult>;
  /** Releases the connection. */
  close(): Awaitable<void>;
}
