/**
 * The default event store: a SQLite file (WAL) written in batches, one
 * transaction per batch, with multi-row INSERTs into coded columns (see
 * {@link openSqliteStore} for the layout). Events are packed into columns as
 * they are recorded ({@link BatchPacker}); groups of order events
 * ({@link OrderGroup}) become one `event_groups` row each. Several processes
 * may write one file: each batch takes the write lock (`BEGIN IMMEDIATE`, busy
 * timeout), so none loses an event.
 *
 * This file holds the store's buffer and transactions; the write path is in
 * `sqlite_batch_writer.ts`, runs and sessions in `sqlite_runs.ts`, the codes
 * of names and event types in `sqlite_codes.ts`.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { EventRecord } from "./event_record.ts";
import { BatchPacker, type PackedBatch } from "./packed_batch.ts";
import type { EventSink, RunClaim } from "./event_sink.ts";
import { openSqliteStore, type WriteOptions } from "./sqlite_schema.ts";
import type { OrderGroup } from "./order_group.ts";
import { groupItems } from "./group_items.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";
import { SqliteCodes } from "./sqlite_codes.ts";
import { SqliteRuns } from "./sqlite_runs.ts";
import { type PendingGroup, SqliteBatchWriter } from "./sqlite_batch_writer.ts";

/** Options of {@link SqliteEventStore.open}. */
export type SqliteEventStoreOptions = WriteOptions & {
  /**
   * Rows buffered before a batch is written (an event, or a group of order
   * events); default 20,000. A batch is also written once its groups hold
   * 8,000,000 characters of JSON.
   */
  readonly batchSize?: number;
};

/**
 * Characters of group JSON buffered before a batch is written. Design
 * decision: batches count rows, and a group is one row; this bounds the
 * memory a batch of groups holds (a 500-asset run's 162,000 order events are
 * about 6 MB of JSON in 660 groups: one batch). Each batch writes one posting
 * per asset, so counting a group's events instead (8 batches there) wrote
 * eight times the postings.
 */
const GROUP_TEXT_LIMIT = 8_000_000;

/**
 * A SQLite event store that is an {@link EventSink}, and whose {@link reader}
 * answers the investigation queries.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AuditLog, SqliteEventStore } from "./mod.ts";
 *
 * const store = SqliteEventStore.open(":memory:");
 * const log = await AuditLog.start(store, {
 *   configHash: "c1", dataHash: "d1", codeVersion: "test", asOf: "2021-03-01",
 * });
 * log.beginSession({ asOf: "2021-03-01" });
 * log.record({ type: "RegimeDetected", asOf: "2021-03-01", regime: "Goldilocks", confidence: 0.85 });
 * log.record({ type: "PositionOpened", asOf: "2021-03-01", asset: "AAPL", sizeAfter: 0.12, reason: "score 0.86" });
 * await log.finish();
 * const rows = store.reader().sql("SELECT event_type, regime FROM portfolio_events WHERE asset = 'AAPL'");
 * assert.deepEqual(rows.rows, [{ event_type: "position_open", regime: "Goldilocks" }]);
 * await store.close();
 * ```
 */
export class SqliteEventStore implements EventSink {
  /** The store's file (or `:memory:`). */
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #batchSize: number;
  readonly #packer = new BatchPacker();
  /** Batches packed elsewhere (a worker's sender) or taken from the packer, not yet written. */
  #pending: PackedBatch[] = [];
  /** Events in `#pending` and `#groups`. */
  #pendingCount = 0;
  /** Rows in `#pending` and `#groups` (a group is one), and the groups' JSON characters. */
  #pendingRows = 0;
  #groupText = 0;
  /** Order groups not yet written, in order, each placed among the packer's events. */
  #groups: PendingGroup[] = [];
  /** Codes of names and event types, of runs and sessions, and the write path that uses them. */
  readonly #codes: SqliteCodes;
  readonly #runs: SqliteRuns;
  readonly #writer: SqliteBatchWriter;

  private constructor(path: string, db: DatabaseSync, batchSize: number) {
    this.path = path;
    this.#db = db;
    this.#batchSize = batchSize;
    this.#codes = new SqliteCodes(db);
    this.#runs = new SqliteRuns(path, db);
    this.#writer = new SqliteBatchWriter(db, this.#codes, this.#runs);
  }

  /** Opens (creating if new) the store at `path`; `:memory:` for a store in memory. */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const batchSize = options.batchSize ?? 20_000;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(
        `Cannot open the store as batchSize must be a positive integer: current value is ${batchSize}`,
      );
    }
    return new SqliteEventStore(path, openSqliteStore(path, "write", options), batchSize);
  }

  /** A reader of this store (sharing its connection, so it sees what is flushed). */
  reader(): SqliteAuditReader {
    return new SqliteAuditReader(this.#db);
  }

  /** Registers the run (status `running`) and commits at once. */
  claimRun(run: RunClaim): Promise<string> {
    return Promise.resolve(this.claimRunSync(run));
  }

  /** {@link claimRun}, synchronously. */
  claimRunSync(run: RunClaim): string {
    return this.#transaction(() => this.#runs.claim(run));
  }

  /** Sets the run's status back to running (buffered events first) and returns its highest session number. */
  reopenRun(runId: string): Promise<number> {
    try {
      return Promise.resolve(this.reopenRunSync(runId));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** {@link reopenRun}, synchronously. */
  reopenRunSync(runId: string): number {
    this.flushSync();
    return this.#transaction(() => this.#runs.reopen(runId));
  }

  /** Buffers the event; a full buffer is written before this returns. */
  record(event: EventRecord): void {
    this.#packer.add(event);
    if (this.#full()) this.flushSync();
  }

  /**
   * Buffers a group of order events (as one row of `event_groups`, written in
   * order among the events recorded one at a time); a full buffer is written
   * before this returns.
   */
  recordGroup(group: OrderGroup): void {
    const events = group.kind === "filled" ? group.fills : group.orders;
    const assets = new Int32Array(events.length);
    for (let i = 0; i < events.length; i++) {
      const ticker = (events[i] as (typeof events)[number]).ticker;
      let code = this.#codes.cached(ticker);
      if (code === undefined) {
        // New tickers get their codes in one transaction, not a commit each (500 commits: ~20 ms).
        this.#transaction(() => {
          for (let k = i; k < events.length; k++) {
            this.#codes.name((events[k] as (typeof events)[number]).ticker);
          }
        });
        code = this.#codes.name(ticker);
      }
      assets[i] = code;
    }
    const json = groupItems(group, assets);
    this.#groups.push({
      at: this.#packer.count,
      runId: group.runId,
      sessionSeq: group.sessionSeq,
      traceId: group.traceId,
      asOfMs: group.asOfMs,
      recordedAt: group.recordedAt,
      regime: group.regime,
      side: group.side,
      filled: group.kind === "filled",
      orderType: group.kind === "placed" ? group.orderType : null,
      json,
      assets,
    });
    this.#pendingCount += assets.length;
    this.#pendingRows += 1;
    this.#groupText += json.length;
    if (this.#full()) this.flushSync();
  }

  /** Buffers events packed by {@link BatchPacker} (a worker's sender packs them). */
  recordPacked(batch: PackedBatch): void {
    this.#pending.push(batch);
    this.#pendingCount += batch.count;
    this.#pendingRows += batch.count;
    if (this.#full()) this.flushSync();
  }

  /** Writes the buffered events in one transaction; returns how many. */
  flushSync(): number {
    const packed = this.#packer.count;
    const batches = packed > 0 ? [...this.#pending, this.#packer.peek()] : this.#pending;
    const count = this.#pendingCount + packed;
    if (count === 0) return 0;
    const groups = this.#groups;
    this.#transaction(() =>
      this.#writer.write(batches, packed > 0 ? batches.length - 1 : -1, groups)
    );
    this.#packer.clear();
    this.#pending = [];
    this.#groups = [];
    this.#pendingCount = this.#pendingRows = this.#groupText = 0;
    return count;
  }

  #full(): boolean {
    return this.#packer.count + this.#pendingRows >= this.#batchSize ||
      this.#groupText >= GROUP_TEXT_LIMIT;
  }

  /** Writes the buffered events. */
  flush(): Promise<void> {
    this.flushSync();
    return Promise.resolve();
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    this.closeSync();
    return Promise.resolve();
  }

  /** {@link close}, synchronously. */
  closeSync(): void {
    try {
      this.flushSync();
    } finally {
      this.#db.close();
    }
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      // Codes assigned inside the rolled-back transaction no longer exist.
      this.#codes.forget();
      this.#runs.forget();
      this.#writer.forget();
      throw error;
    }
  }
}
