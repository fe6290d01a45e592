/**
 * The investigation queries on a SQLite event store: timeline, why, sessions,
 * runs, health and read-only SQL. Timeline and why go through `postings` and
 * session id ranges (see {@link openSqliteStore}), so they stay fast on large
 * stores; each reads the events stored one a row and those of order groups
 * (expanded only for the groups in those ranges).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { InputError } from "../errors.ts";
import { msToAsOf } from "./event_record.ts";
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
import { dayOf, healthOf, timelineDays } from "./query_helpers.ts";
import { readOnlyStatement } from "./read_only_sql.ts";
import { auditRowOf, runSummaryOf, textOrNull } from "./audit_rows.ts";
import {
  EVENT_COLUMNS_SQL,
  EVENT_JOINS_SQL,
  GROUP_COLUMNS_SQL,
  GROUP_JOINS_SQL,
  openSqliteStore,
} from "./sqlite_schema.ts";

const MS_PER_DAY = 86_400_000;
type Row = Record<string, unknown>;
type RunRange = {
  readonly key: number;
  readonly runId: string;
  readonly first: number;
  readonly last: number;
  readonly lastAsOf: number;
};

/**
 * Queries on a SQLite store. Open a file read-only with
 * {@link SqliteAuditReader.open}, or take a store's own with `store.reader()`.
 */
export class SqliteAuditReader implements AuditReader {
  readonly #db: DatabaseSync;

  /** Wraps an open store connection. */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Opens the store at `path` read-only; a missing file or a non-store is an InputError. */
  static open(path: string): SqliteAuditReader {
    return new SqliteAuditReader(openSqliteStore(path, "read"));
  }

  #run(choice: RunChoice): RunRange | null {
    const row = choice.runId === undefined
      ? this.#db.prepare("SELECT * FROM runs ORDER BY id DESC LIMIT 1").get()
      : this.#db.prepare("SELECT * FROM runs WHERE run_id = ?").get(choice.runId);
    if (row === undefined) {
      if (choice.runId !== undefined) throw new InputError(`no run ${choice.runId} in the store`);
      return null;
    }
    return {
      key: Number(row.id),
      runId: String(row.run_id),
      first: Number(row.first_event ?? 0),
      last: Number(row.last_event ?? -1),
      lastAsOf: Number(row.last_as_of ?? 0),
    };
  }

  /** The asset's events in the run's last `days` days of market time, oldest first. */
  timeline(asset: string, options: TimelineOptions = {}): AuditRow[] {
    const days = timelineDays(options);
    const run = this.#run(options);
    if (run === null) return [];
    const from = run.lastAsOf - days * MS_PER_DAY;
    // A group's rows start at first_event: the one holding a posting's first id starts at or before it.
    const rows = this.#db.prepare(`
      SELECT ${EVENT_COLUMNS_SQL}
      FROM names n
      JOIN postings p ON p.asset = n.id AND p.max_as_of >= :from AND p.min_as_of <= :to
        AND p.last_event >= :first AND p.first_event <= :last
      JOIN events e ON e.id BETWEEN max(p.first_event, :first) AND min(p.last_event, :last)
      ${EVENT_JOINS_SQL}
      WHERE n.name = :asset AND e.asset = n.id AND e.as_of BETWEEN :from AND :to AND s.run = :run
      UNION ALL
      SELECT ${GROUP_COLUMNS_SQL}
      FROM names n
      JOIN postings p ON p.asset = n.id AND p.max_as_of >= :from AND p.min_as_of <= :to
        AND p.last_event >= :first AND p.first_event <= :last
      JOIN event_groups g ON g.first_event BETWEEN coalesce((SELECT max(first_event)
        FROM event_groups WHERE first_event <= max(p.first_event, :first)), 0)
        AND min(p.last_event, :last)
      JOIN json_each(g.items) j
      ${GROUP_JOINS_SQL}
      WHERE n.name = :asset AND g.as_of BETWEEN :from AND :to AND s.run = :run
        AND g.first_event + j.key BETWEEN max(p.first_event, :first) AND min(p.last_event, :last)
        AND j.value ->> 0 = n.id
      ORDER BY as_of_ms, id`).all({
      asset,
      from,
      to: run.lastAsOf,
      first: run.first,
      last: run.last,
      run: run.key,
    });
    return rows.map(auditRowOf);
  }

  /** The sessions of `date` in the run that touch `asset`, each with its chain, in order. */
  why(asset: string, date: string, options: RunChoice = {}): WhyChain {
    const day = dayOf(date);
    const run = this.#run(options);
    if (run === null) return { asset, date, runId: null, sessions: [] };
    const sessions = this.#db.prepare(`
      SELECT id, trace_id, seq, kind, as_of, first_event, last_event FROM sessions
      WHERE run = ? AND seq > 0 AND as_of >= ? AND as_of < ? ORDER BY id`)
      .all(run.key, day * MS_PER_DAY, (day + 1) * MS_PER_DAY);
    const events = this.#db.prepare(`
      SELECT ${EVENT_COLUMNS_SQL} FROM events e ${EVENT_JOINS_SQL}
      WHERE e.id BETWEEN :first AND :last AND e.session = :session
        AND (e.asset IS NULL OR a.name = :asset)
      UNION ALL
      SELECT ${GROUP_COLUMNS_SQL} FROM event_groups g JOIN json_each(g.items) j ${GROUP_JOINS_SQL}
      WHERE g.first_event BETWEEN :first AND :last AND g.session = :session
        AND j.value ->> 0 = (SELECT id FROM names WHERE name = :asset)
      ORDER BY id`);
    const chains = [];
    for (const s of sessions) {
      if (s.first_event === null) continue;
      const rows = events.all({
        first: Number(s.first_event),
        last: Number(s.last_event),
        session: Number(s.id),
        asset,
      }).map(auditRowOf);
      if (!rows.some((r) => r.asset === asset)) continue;
      chains.push({
        traceId: String(s.trace_id),
        sessionId: `${run.runId}/${s.seq}`,
        kind: textOrNull(s.kind),
        asOf: msToAsOf(Number(s.as_of)),
        events: rows,
      });
    }
    return { asset, date, runId: run.runId, sessions: chains };
  }

  /** The latest sessions (seq > 0), newest first. */
  sessions(limit = 20): SessionSummary[] {
    const rows = this.#db.prepare(`
      SELECT s.trace_id, s.seq, s.kind, s.as_of, s.event_count, r.run_id, r.status
      FROM sessions s JOIN runs r ON r.id = s.run
      WHERE s.seq > 0 ORDER BY s.id DESC LIMIT ?`).all(limit);
    return rows.map((row) => {
      const status = String(row.status) as RunStatus;
      return {
        traceId: String(row.trace_id),
        sessionId: `${row.run_id}/${row.seq}`,
        runId: String(row.run_id),
        seq: Number(row.seq),
        kind: textOrNull(row.kind),
        asOf: msToAsOf(Number(row.as_of)),
        events: Number(row.event_count),
        runStatus: status,
        complete: status !== "running",
      };
    });
  }

  /** Every run, newest first. */
  runs(limit = 1_000): RunSummary[] {
    return this.#db.prepare("SELECT * FROM runs ORDER BY id DESC LIMIT ?").all(limit).map(
      runSummaryOf,
    );
  }

  /** The store's health; the event breakdown covers the latest run. */
  health(options: HealthOptions = {}): Health {
    const now = options.now ?? Date.now();
    const runs = this.runs();
    const latest = runs[0] ?? null;
    const range = this.#run({});
    const byCategory: Record<string, number> = {};
    let approved = 0, blocked = 0, timed = 0, timeSum = 0, lastHour = 0;
    if (range !== null) {
      const rows = this.#db.prepare(`
        SELECT t.event_type, t.event_category, count(*) AS n,
          sum(e.execution_time_ms) AS time_sum, count(e.execution_time_ms) AS timed,
          sum(e.recorded_at >= :since) AS recent
        FROM events e JOIN event_types t ON t.code = e.type JOIN sessions s ON s.id = e.session
        WHERE e.id BETWEEN :first AND :last AND s.run = :run
        GROUP BY e.type
        UNION ALL
        SELECT t.event_type, t.event_category, sum(g.last_event - g.first_event + 1) AS n,
          NULL AS time_sum, 0 AS timed,
          sum(CASE WHEN g.recorded_at >= :since THEN g.last_event - g.first_event + 1 END) AS recent
        FROM event_groups g JOIN event_types t ON t.code = g.type JOIN sessions s ON s.id = g.session
        WHERE g.first_event BETWEEN :first AND :last AND s.run = :run
        GROUP BY g.type`).all({
        first: range.first,
        last: range.last,
        run: range.key,
        since: now - 3_600_000,
      });
      for (const row of rows) {
        const category = String(row.event_category), n = Number(row.n);
        byCategory[category] = (byCategory[category] ?? 0) + n;
        lastHour += Number(row.recent ?? 0);
        if (category !== "protection") continue;
        if (row.event_type === "protection_approved") approved += n;
        if (row.event_type === "protection_blocked") blocked += n;
        timed += Number(row.timed);
        timeSum += Number(row.time_sum ?? 0);
      }
    }
    return healthOf(runs, latest, byCategory, { approved, blocked, timed, timeSum }, lastHour);
  }

  /** Runs one read-only statement; a statement that writes is an InputError. */
  sql(text: string): SqlResult {
    const statement = readOnlyStatement(text);
    this.#db.exec("PRAGMA query_only = ON");
    try {
      const prepared = this.#db.prepare(statement);
      const columns = prepared.columns().map((c) => c.name);
      const rows = prepared.all().map((row) => ({ ...row }));
      return { columns, rows };
    } catch (error) {
      const message = (error as Error).message;
      if (/readonly|read-only|query_only/i.test(message)) {
        throw new InputError(`sql: refused: the statement writes to the store (${message})`, {
          cause: error,
        });
      }
      throw new InputError(`sql: ${message}`, { cause: error });
    } finally {
      this.#db.exec("PRAGMA query_only = OFF");
    }
  }

  /** Closes the connection. */
  close(): void {
    this.#db.close();
  }
}
