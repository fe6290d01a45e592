/**
 * The investigation queries on a PostgreSQL event store (same answers as
 * {@link SqliteAuditReader}); `sql` runs in a READ ONLY transaction.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { msToAsOf } from "./event_record.ts";
import {
  checkSchemaName,
  connectPostgres,
  ensurePostgresSchema,
  type PgClient,
  pgServiceError,
} from "./postgres_schema.ts";
import type {
  AuditReader,
  AuditRow,
  Health,
  HealthOptions,
  RunChoice,
  RunStatus,
  RunSummary,
  SessionSummary,
  SqlResult,
  TimelineOptions,
  WhyChain,
} from "./query_types.ts";
import { readOnlyStatement } from "./read_only_sql.ts";
import { auditRowOf, runSummaryOf, textOrNull } from "./audit_rows.ts";
import { dayOf, healthOf, timelineDays } from "./query_helpers.ts";

const MS_PER_DAY = 86_400_000;
type Row = Record<string, unknown>;
type RunKey = { readonly key: number; readonly runId: string; readonly lastAsOf: number };

const _ms = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));

/** Queries on a PostgreSQL store. */
export class PostgresAuditReader implements AuditReader {
  readonly #sql: PgClient;
  readonly #schema: string;
  readonly #owned: boolean;

  /** Wraps a client; `owned` readers end the client on close. */
  constructor(sql: PgClient, schema: string, owned: boolean) {
    this.#sql = sql;
    this.#schema = checkSchemaName(schema);
    this.#owned = owned;
  }

  /** Connects to the store in `schema` (default `audit`); a missing or foreign store is an InputError. */
  static async open(url: string, schema = "audit"): Promise<PostgresAuditReader> {
    const sql = connectPostgres(url);
    try {
      await ensurePostgresSchema(sql, schema, false);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw pgServiceError(error, `audit store in schema ${schema}`);
    }
    return new PostgresAuditReader(sql, schema, true);
  }

  get #s() {
    return this.#sql(this.#schema);
  }

  async #runKey(choice: RunChoice): Promise<RunKey | null> {
    const sql = this.#sql, s = this.#s;
    const rows = choice.runId === undefined
      ? await sql`SELECT id, run_id, last_as_of FROM ${s}.runs ORDER BY id DESC LIMIT 1`
      : await sql`SELECT id, run_id, last_as_of FROM ${s}.runs WHERE run_id = ${choice.runId}`;
    const row = rows[0];
    if (row === undefined) {
      if (choice.runId !== undefined) throw new InputError(`no run ${choice.runId} in the store`);
      return null;
    }
    return {
      key: Number(row.id),
      runId: String(row.run_id),
      lastAsOf: row.last_as_of === null ? 0 : _ms(row.last_as_of),
    };
  }

  #events(where: ReturnType<PgClient>) {
    const sql = this.#sql, s = this.#s;
    return sql`
      SELECT e.id, e.event_type, e.event_category, e.asset, e.action, e.reason, e.score_before,
        e.score_after, e.size_before, e.size_after, e.metadata, e.execution_time_ms,
        e.as_of AS timestamp, s.trace_id, r.run_id || '/' || s.seq AS session_id, e.regime,
        r.run_id, e.recorded_at
      FROM ${s}.events e JOIN ${s}.sessions s ON s.id = e.session JOIN ${s}.runs r ON r.id = s.run
      WHERE ${where}`;
  }

  /** The asset's events in the run's last `days` days of market time, oldest first. */
  async timeline(asset: string, options: TimelineOptions = {}): Promise<AuditRow[]> {
    const days = timelineDays(options);
    const run = await this.#runKey(options);
    if (run === null) return [];
    const sql = this.#sql;
    const rows = await this.#events(sql`e.asset = ${asset}
      AND e.as_of BETWEEN ${new Date(run.lastAsOf - days * MS_PER_DAY)} AND ${new Date(
      run.lastAsOf,
    )}
      AND s.run = ${run.key} ORDER BY e.as_of, e.id`);
    return rows.map(auditRowOf);
  }

  /** The sessions of `date` in the run that touch `asset`, each with its chain, in order. */
  async why(asset: string, date: string, options: RunChoice = {}): Promise<WhyChain> {
    const day = dayOf(date);
    const run = await this.#runKey(options);
    if (run === null) return { asset, date, runId: null, sessions: [] };
    const sql = this.#sql, s = this.#s;
    const sessions = await sql`
      SELECT id, trace_id, seq, kind, as_of FROM ${s}.sessions
      WHERE run = ${run.key} AND seq > 0 AND as_of >= ${new Date(day * MS_PER_DAY)}
        AND as_of < ${new Date((day + 1) * MS_PER_DAY)} ORDER BY id`;
    const chains = [];
    for (const session of sessions) {
      const rows = (await this.#events(sql`e.session = ${session.id}
        AND (e.asset IS NULL OR e.asset = ${asset}) ORDER BY e.id`)).map(auditRowOf);
      if (!rows.some((r) => r.asset === asset)) continue;
      chains.push({
        traceId: String(session.trace_id),
        sessionId: `${run.runId}/${session.seq}`,
        kind: textOrNull(session.kind),
        asOf: msToAsOf(_ms(session.as_of)),
        events: rows,
      });
    }
    return { asset, date, runId: run.runId, sessions: chains };
  }

  /** The latest sessions (seq > 0), newest first. */
  async sessions(limit = 20): Promise<SessionSummary[]> {
    const sql = this.#sql, s = this.#s;
    const rows = await sql`
      SELECT s.trace_id, s.seq, s.kind, s.as_of, s.event_count, r.run_id, r.status
      FROM ${s}.sessions s JOIN ${s}.runs r ON r.id = s.run
      WHERE s.seq > 0 ORDER BY s.id DESC LIMIT ${limit}`;
    return rows.map((row) => {
      const status = String(row.status) as RunStatus;
      return {
        traceId: String(row.trace_id),
        sessionId: `${row.run_id}/${row.seq}`,
        runId: String(row.run_id),
        seq: Number(row.seq),
        kind: textOrNull(row.kind),
        asOf: msToAsOf(_ms(row.as_of)),
        events: Number(row.event_count),
        runStatus: status,
        complete: status !== "running",
      };
    });
  }

  /** Every run, newest first. */
  async runs(limit = 1_000): Promise<RunSummary[]> {
    const sql = this.#sql, s = this.#s;
    return (await sql`SELECT * FROM ${s}.runs ORDER BY id DESC LIMIT ${limit}`).map(runSummaryOf);
  }

  /** The store's health; the event breakdown covers the latest run. */
  async health(options: HealthOptions = {}): Promise<Health> {
    const now = options.now ?? Date.now();
    const runs = await this.runs();
    const latest = runs[0] ?? null;
    const run = await this.#runKey({});
    const byCategory: Record<string, number> = {};
    const tally = { approved: 0, blocked: 0, timed: 0, timeSum: 0 };
    let lastHour = 0;
    if (run !== null) {
      const sql = this.#sql, s = this.#s;
      const rows = await sql`
        SELECT e.event_type, e.event_category, count(*) AS n, sum(e.execution_time_ms) AS time_sum,
          count(e.execution_time_ms) AS timed, count(*) FILTER (WHERE e.recorded_at >= ${new Date(
        now - 3_600_000,
      )}) AS recent
        FROM ${s}.events e JOIN ${s}.sessions s ON s.id = e.session
        WHERE s.run = ${run.key} GROUP BY e.event_type, e.event_category`;
      for (const row of rows) {
        const category = String(row.event_category), n = Number(row.n);
        byCategory[category] = (byCategory[category] ?? 0) + n;
        lastHour += Number(row.recent);
        if (category !== "protection") continue;
        if (row.event_type === "protection_approved") tally.approved += n;
        if (row.event_type === "protection_blocked") tally.blocked += n;
        tally.timed += Number(row.timed);
        tally.timeSum += Number(row.time_sum ?? 0);
      }
    }
    return healthOf(runs, latest, byCategory, tally, lastHour);
  }

  /** Runs one read-only statement in a READ ONLY transaction; a write is an InputError. */
  async sql(text: string): Promise<SqlResult> {
    const statement = readOnlyStatement(text);
    try {
      return await this.#sql.begin("read only", async (tx) => {
        await tx.unsafe(`SET LOCAL search_path TO ${this.#schema}`);
        const result = await tx.unsafe(statement);
        const columns = (result.columns ?? []).map((c) => c.name);
        return { columns, rows: result.map((row) => ({ ...row })) };
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const message = (error as Error).message;
      if (code === "25006") {
        throw new InputError(`sql: refused: the statement writes to the store (${message})`, {
          cause: error,
        });
      }
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
        throw new InputError(`sql: ${message}`, { cause: error });
      }
      throw pgServiceError(error, `audit store in schema ${this.#schema}`);
    }
  }

  /** Ends the connection if this reader opened it. */
  async close(): Promise<void> {
    if (this.#owned) await this.#sql.end({ timeout: 5 });
  }
}
