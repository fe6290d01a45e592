/**
 * The event store on PostgreSQL (npm `postgres`), for teams sharing one store:
 * the same runs, sessions and `portfolio_events` as the SQLite store, written
 * in batches (one transaction per batch, multi-row INSERTs).
 *
 * @module
 */
import type postgres from "postgres";
import { type EventRecord, sessionKindOf } from "./event_record.ts";
import { type EventSink, type RunClaim } from "./event_sink.ts";
import { EVENT_TYPES } from "./events.ts";
import { sessionIdOf } from "./ids.ts";
import {
  connectPostgres,
  ensurePostgresSchema,
  type PgClient,
  pgServiceError,
} from "./postgres_schema.ts";
import { PostgresAuditReader } from "./postgres_reader.ts";

/** Where a PostgreSQL store is. */
export type PostgresStoreOptions = {
  /** Connection URL (`postgres://user:pass@host:port/db`). */
  readonly url: string;
  /** Namespace holding the store's tables; default `audit`. */
  readonly schema?: string;
  /** Events buffered before a batch is written; default 20,000. */
  readonly batchSize?: number;
};

const ROWS_PER_INSERT = 2_000;
const COLUMNS = [
  "session",
  "event_type",
  "event_category",
  "asset",
  "action",
  "reason",
  "score_before",
  "score_after",
  "size_before",
  "size_after",
  "metadata",
  "execution_time_ms",
  "as_of",
  "recorded_at",
  "regime",
] as const;

/** An {@link EventSink} on PostgreSQL, whose {@link reader} answers the investigation queries. */
export class PostgresEventStore implements EventSink {
  /** The namespace holding the store. */
  readonly schema: string;
  readonly #sql: PgClient;
  readonly #batchSize: number;
  #buffer: EventRecord[] = [];
  #pending: Promise<void> = Promise.resolve();
  #failure: unknown = null;
  readonly #runs = new Map<string, number>();
  readonly #sessions = new Map<string, number>();

  private constructor(sql: PgClient, schema: string, batchSize: number) {
    this.#sql = sql;
    this.schema = schema;
    this.#batchSize = batchSize;
  }

  /** Connects, and creates the store in its schema if missing (a foreign or newer one is an InputError). */
  static async open(options: PostgresStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? "audit";
    const batchSize = options.batchSize ?? 20_000;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(
        `Cannot open the store as batchSize must be a positive integer: current value is ${batchSize}`,
      );
    }
    const sql = connectPostgres(options.url);
    try {
      await ensurePostgresSchema(sql, schema, true);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw pgServiceError(error, `audit store in schema ${schema}`);
    }
    return new PostgresEventStore(sql, schema, batchSize);
  }

  /** A reader on this store's connection. */
  reader(): PostgresAuditReader {
    return new PostgresAuditReader(this.#sql, this.schema, false);
  }

  /** Registers the run (status `running`), numbering repeats `runId.2`, `runId.3`, ... */
  async claimRun(run: RunClaim): Promise<string> {
    const sql = this.#sql, s = sql(this.schema);
    for (let n = 1;; n++) {
      const runId = n === 1 ? run.runId : `${run.runId}.${n}`;
      const rows = await sql<{ id: string }[]>`
        INSERT INTO ${s}.runs (run_id, config_hash, data_hash, code_version, started_at)
        VALUES (${runId}, ${run.configHash}, ${run.dataHash}, ${run.codeVersion}, ${new Date(
        run.startedAt,
      )})
        ON CONFLICT (run_id) DO NOTHING RETURNING id`;
      const row = rows[0];
      if (row !== undefined) {
        this.#runs.set(runId, Number(row.id));
        return runId;
      }
    }
  }

  /** Sets the run's status back to running (buffered events first) and returns its highest session number. */
  async reopenRun(runId: string): Promise<number> {
    await this.flush();
    const sql = this.#sql, s = sql(this.schema);
    const rows = await sql<{ id: string; seq: number }[]>`
      UPDATE ${s}.runs r SET status = 'running', finished_at = NULL, error = NULL
      WHERE r.run_id = ${runId}
      RETURNING r.id, (SELECT coalesce(max(seq), 0)::int FROM ${s}.sessions WHERE run = r.id) AS seq`;
    const row = rows[0];
    if (row === undefined) {
      throw new Error(`run ${runId} is not in schema ${this.schema}: claim it first`);
    }
    this.#runs.set(runId, Number(row.id));
    return Number(row.seq);
  }

  /** Buffers the event; a full buffer is written in the background (errors surface at the next flush). */
  record(event: EventRecord): void {
    this.#buffer.push(event);
    if (this.#buffer.length >= this.#batchSize) this.#startWrite();
  }

  /** Writes every buffered event; rejects if any batch failed. */
  async flush(): Promise<void> {
    this.#startWrite();
    await this.#pending;
    if (this.#failure !== null) {
      const failure = this.#failure;
      this.#failure = null;
      throw pgServiceError(failure, `audit store in schema ${this.schema}`);
    }
  }

  /** Flushes and closes the connection. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.#sql.end({ timeout: 5 });
    }
  }

  #startWrite(): void {
    const batch = this.#buffer;
    if (batch.length === 0) return;
    this.#buffer = [];
    this.#pending = this.#pending.then(() => this.#write(batch)).catch((error) => {
      this.#failure ??= error;
    });
  }

  async #write(batch: readonly EventRecord[]): Promise<void> {
    await this.#sql.begin(async (tx) => {
      const s = tx(this.schema);
      const rows = [];
      const counts = new Map<number, number>();
      const runs = new Map<number, { count: number; min: number; max: number }>();
      const ends = new Map<number, { status: string; at: number; error: string | null }>();
      for (const event of batch) {
        const run = await this.#runKey(tx, event.runId);
        const session = await this.#sessionKey(tx, event, run);
        counts.set(session, (counts.get(session) ?? 0) + 1);
        const r = runs.get(run);
        if (r === undefined) runs.set(run, { count: 1, min: event.asOfMs, max: event.asOfMs });
        else {
          r.count += 1;
          r.min = Math.min(r.min, event.asOfMs);
          r.max = Math.max(r.max, event.asOfMs);
        }
        if (event.category === "run" && event.eventType === EVENT_TYPES.RunFinished.eventType) {
          ends.set(run, { status: "finished", at: event.recordedAt, error: null });
        } else if (
          event.category === "run" && event.eventType === EVENT_TYPES.RunFailed.eventType
        ) {
          ends.set(run, { status: "failed", at: event.recordedAt, error: event.reason });
        }
        rows.push({
          session,
          event_type: event.eventType,
          event_category: event.category,
          asset: event.asset,
          action: event.action,
          reason: event.reason,
          score_before: event.scoreBefore,
          score_after: event.scoreAfter,
          size_before: event.sizeBefore,
          size_after: event.sizeAfter,
          metadata: event.metadata === null ? null : tx.json(event.metadata as postgres.JSONValue),
          execution_time_ms: event.executionTimeMs,
          as_of: new Date(event.asOfMs),
          recorded_at: new Date(event.recordedAt),
          regime: event.regime,
        });
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await tx`INSERT INTO ${s}.events ${tx(rows.slice(i, i + ROWS_PER_INSERT), ...COLUMNS)}`;
      }
      for (const [id, n] of counts) {
        await tx`UPDATE ${s}.sessions SET event_count = event_count + ${n} WHERE id = ${id}`;
      }
      for (const [id, r] of runs) {
        await tx`UPDATE ${s}.runs SET event_count = event_count + ${r.count},
          first_as_of = least(first_as_of, ${new Date(r.min)}),
          last_as_of = greatest(last_as_of, ${new Date(r.max)}) WHERE id = ${id}`;
      }
      for (const [id, e] of ends) {
        await tx`UPDATE ${s}.runs SET status = ${e.status}, finished_at = ${new Date(e.at)},
          error = ${e.error} WHERE id = ${id}`;
      }
    }).catch((error) => {
      // Sessions created inside the rolled-back transaction no longer exist.
      this.#sessions.clear();
      throw error;
    });
  }

  async #runKey(tx: postgres.TransactionSql, runId: string): Promise<number> {
    const cached = this.#runs.get(runId);
    if (cached !== undefined) return cached;
    const rows = await tx<{ id: string }[]>`SELECT id FROM ${
      tx(this.schema)
    }.runs WHERE run_id = ${runId}`;
    const row = rows[0];
    if (row === undefined) {
      throw new Error(`run ${runId} was not claimed in ${this.schema}: call claimRun first`);
    }
    this.#runs.set(runId, Number(row.id));
    return Number(row.id);
  }

  async #sessionKey(tx: postgres.TransactionSql, event: EventRecord, run: number): Promise<number> {
    const key = sessionIdOf(event.runId, event.sessionSeq);
    const cached = this.#sessions.get(key);
    if (cached !== undefined) return cached;
    const kind = sessionKindOf(event);
    const rows = await tx<{ id: string }[]>`
      INSERT INTO ${tx(this.schema)}.sessions (run, seq, trace_id, kind, as_of)
      VALUES (${run}, ${event.sessionSeq}, ${event.traceId}, ${kind}, ${new Date(event.asOfMs)})
      ON CONFLICT (run, seq) DO UPDATE SET kind = coalesce(sessions.kind, excluded.kind) RETURNING id`;
    const id = Number(rows[0]?.id);
    this.#sessions.set(key, id);
    return id;
  }
}
