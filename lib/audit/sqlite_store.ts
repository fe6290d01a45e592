/**
 * The default event store: a SQLite file (WAL) written in batches, one
 * transaction per batch, with multi-row INSERTs into coded columns (see
 * {@link openSqliteStore} for the layout). Events are packed into columns as
 * they are recorded ({@link BatchPacker}); groups of order events
 * ({@link OrderGroup}) become one `event_groups` row each. Several processes
 * may write one file: each batch takes the write lock (`BEGIN IMMEDIATE`, busy
 * timeout), so none loses an event.
 *
 * @module
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { type EventRecord, sessionKindOf } from "./event_record.ts";
import { BatchPacker, NUMBERS, type PackedBatch, textReader } from "./packed_batch.ts";
import { attemptRunId, type EventSink, type RunClaim } from "./event_sink.ts";
import { EVENT_TYPES } from "./events.ts";
import { sessionIdOf } from "./ids.ts";
import { openSqliteStore, POSTING_CHUNK, type WriteOptions } from "./sqlite_schema.ts";
import type { OrderGroup, OrderGroupContext } from "./order_group.ts";
import { groupItems } from "./group_items.ts";
import { PostingChunk } from "./posting_chunk.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";

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

const ROWS_PER_INSERT = 128;
const FIELDS = 15;
const INSERT_HEAD = "INSERT INTO events (id, session, type, asset, action, regime, as_of, " +
  "recorded_at, reason, score_before, score_after, size_before, size_after, metadata, " +
  "execution_time_ms) VALUES ";
const PLACEHOLDERS = `(${Array(FIELDS).fill("?").join(",")})`;

type Range = { first: number; last: number; count: number; minAsOf: number; maxAsOf: number };
type RunEnd = { status: "finished" | "failed"; at: number; error: string | null };
/**
 * A group waiting to be written, after the first `at` events the packer
 * holds. Design decision: it keeps the group's context, its JSON and asset
 * codes, not the group: the broker's objects it refers to are then free as
 * soon as the group is encoded (held to the batch's end, 80,000 placed orders
 * doubled the garbage collector's work in a 500-asset run).
 */
type PendingGroup = OrderGroupContext & {
  readonly at: number;
  readonly filled: boolean;
  readonly orderType: string | null;
  readonly json: string;
  /** The store's code of each event's ticker. */
  readonly assets: Int32Array;
};
/** What one write transaction accumulates: the last id, id ranges and postings. */
type WriteState = {
  id: number;
  readonly sessions: Map<number, Range>;
  readonly runs: Map<number, Range>;
  readonly ends: Map<number, RunEnd>;
  readonly chunk: PostingChunk;
  inChunk: number;
};

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
  /** The postings of the chunk being written (empty between batches). */
  readonly #chunk = new PostingChunk();
  readonly #names = new Map<string, number>();
  readonly #types = new Map<string, Map<string, number>>();
  readonly #runs = new Map<string, number>();
  readonly #sessions = new Map<string, number>();
  #last = { runId: "", seq: -1, run: 0, session: 0 };
  readonly #insertMany: StatementSync;
  readonly #insertOne: StatementSync;
  readonly #params: SQLInputValue[] = new Array(ROWS_PER_INSERT * FIELDS).fill(null);
  /**
   * Statements of the write path, prepared once: preparing costs tens of
   * microseconds, and a run opens a session every rebalance (720 in the
   * default run) and writes postings and ranges every batch.
   */
  readonly #sql: {
    readonly maxId: StatementSync;
    readonly group: StatementSync;
    readonly posting: StatementSync;
    readonly name: StatementSync;
    readonly type: StatementSync;
    readonly run: StatementSync;
    readonly session: StatementSync;
    readonly sessionRange: StatementSync;
    readonly runRange: StatementSync;
    readonly runEnd: StatementSync;
  };

  private constructor(path: string, db: DatabaseSync, batchSize: number) {
    this.path = path;
    this.#db = db;
    this.#batchSize = batchSize;
    this.#insertMany = db.prepare(
      INSERT_HEAD + Array(ROWS_PER_INSERT).fill(PLACEHOLDERS).join(","),
    );
    this.#insertOne = db.prepare(INSERT_HEAD + PLACEHOLDERS);
    this.#sql = {
      maxId: db.prepare(
        "SELECT max(coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT last_event " +
          "FROM event_groups ORDER BY first_event DESC LIMIT 1), 0)) AS id",
      ),
      group: db.prepare(
        "INSERT INTO event_groups (first_event, last_event, session, type, action, regime, " +
          "order_type, as_of, recorded_at, layout, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      posting: db.prepare(
        "INSERT OR REPLACE INTO postings (asset, max_as_of, first_event, last_event, min_as_of) VALUES (?, ?, ?, ?, ?)",
      ),
      name: db.prepare(
        "INSERT INTO names (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
      ),
      type: db.prepare(
        "INSERT INTO event_types (event_type, event_category) VALUES (?, ?) " +
          "ON CONFLICT (event_type, event_category) DO UPDATE SET event_type = excluded.event_type RETURNING code",
      ),
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
    const taken = this.#db.prepare("SELECT 1 FROM runs WHERE run_id = ?");
    return this.#transaction(() => {
      const id = attemptRunId(run.runId, (candidate) => taken.get(candidate) !== undefined);
      this.#db.prepare(
        "INSERT INTO runs (run_id, config_hash, data_hash, code_version, started_at) VALUES (?, ?, ?, ?, ?)",
      ).run(id, run.configHash, run.dataHash, run.codeVersion, run.startedAt);
      return id;
    });
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
    return this.#transaction(() => {
      const row = this.#sql.run.get(runId);
      if (row === undefined) throw new Error(`run ${runId} is not in ${this.path}: claim it first`);
      this.#db.prepare(
        "UPDATE runs SET status = 'running', finished_at = NULL, error = NULL WHERE id = ?",
      ).run(Number(row.id));
      const max = this.#db.prepare(
        "SELECT coalesce(max(seq), 0) AS seq FROM sessions WHERE run = ?",
      )
        .get(Number(row.id));
      return Number(max?.seq ?? 0);
    });
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
      let code = this.#names.get(ticker);
      if (code === undefined) {
        // New tickers get their codes in one transaction, not a commit each (500 commits: ~20 ms).
        this.#transaction(() => {
          for (let k = i; k < events.length; k++) {
            this.#name((events[k] as (typeof events)[number]).ticker);
          }
        });
        code = this.#name(ticker);
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
    this.#transaction(() => this.#write(batches, packed > 0 ? batches.length - 1 : -1, groups));
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
      this.#names.clear();
      this.#types.clear();
      this.#sessions.clear();
      this.#last = { runId: "", seq: -1, run: 0, session: 0 };
      this.#chunk.drain(() => {});
      throw error;
    }
  }

  /**
   * Writes the batches in order; `groups` go among the events of batch
   * `packerAt` (the packer's), each after its first `at` events.
   */
  #write(
    batches: readonly PackedBatch[],
    packerAt: number,
    groups: readonly PendingGroup[],
  ): void {
    const maxRow = this.#sql.maxId.get();
    const state: WriteState = {
      id: Number(maxRow?.id ?? 0),
      sessions: new Map(),
      runs: new Map(),
      ends: new Map(),
      chunk: this.#chunk,
      inChunk: 0,
    };
    const params = this.#params;
    let row = 0;
    let nextGroup = 0;
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b] as PackedBatch;
      const { numbers: a, names } = batch;
      const text = textReader(batch);
      const codes = new _BatchCodes(
        names,
        (name) => this.#name(name),
        (eventType, category) => this.#type(eventType, category),
      );
      for (let i = 0; i < batch.count; i++) {
        if (b === packerAt) {
          while (nextGroup < groups.length && (groups[nextGroup] as PendingGroup).at === i) {
            this.#writeGroup(groups[nextGroup++] as PendingGroup, state);
          }
        }
        const n = i * NUMBERS;
        const id = ++state.id;
        const seq = a[n] as number, runId = names[a[n + 8] as number] as string;
        const asOfMs = a[n + 6] as number;
        const last = this.#last;
        let run = last.run, session = last.session;
        if (runId !== last.runId || seq !== last.seq) {
          run = this.#runKey(runId);
          session = this.#sessionKey(run, runId, seq, names[a[n + 9] as number] as string, {
            sessionSeq: seq,
            eventType: names[a[n + 10] as number] as string,
            action: codes.text(a[n + 13] as number),
          }, asOfMs);
          this.#last = { runId, seq, run, session };
        }
        const asset = codes.name(a[n + 12] as number);
        const reasonLength = a[n + 15] as number, metadataLength = a[n + 16] as number;
        const reason = text(reasonLength);
        const o = row * FIELDS;
        params[o] = id;
        params[o + 1] = session;
        params[o + 2] = codes.type(a[n + 10] as number, a[n + 11] as number);
        params[o + 3] = asset;
        params[o + 4] = codes.name(a[n + 13] as number);
        params[o + 5] = codes.name(a[n + 14] as number);
        params[o + 6] = asOfMs;
        params[o + 7] = a[n + 7] as number;
        params[o + 8] = reason;
        params[o + 9] = _nullable(a[n + 1] as number);
        params[o + 10] = _nullable(a[n + 2] as number);
        params[o + 11] = _nullable(a[n + 3] as number);
        params[o + 12] = _nullable(a[n + 4] as number);
        params[o + 13] = text(metadataLength);
        params[o + 14] = _nullable(a[n + 5] as number);
        if (++row === ROWS_PER_INSERT) {
          this.#insertMany.run(...params);
          row = 0;
        }
        _extend(state.sessions, session, id, asOfMs, 1);
        _extend(state.runs, run, id, asOfMs, 1);
        if (asset !== null) state.chunk.add(asset, id, asOfMs);
        this.#countRow(state);
        const end = codes.runEnd(a[n + 10] as number, a[n + 11] as number);
        if (end !== null) {
          state.ends.set(run, {
            status: end,
            at: a[n + 7] as number,
            error: end === "failed" ? reason : null,
          });
        }
      }
    }
    while (nextGroup < groups.length) this.#writeGroup(groups[nextGroup++] as PendingGroup, state);
    this.#writePostings(state);
    for (let r = 0; r < row; r++) {
      this.#insertOne.run(...params.slice(r * FIELDS, (r + 1) * FIELDS));
    }
    this.#updateRanges(state.sessions, state.runs, state.ends);
  }

  /** Writes a group as one row, its events taking the next ids. */
  #writeGroup(pending: PendingGroup, state: WriteState): void {
    const group = pending, assets = pending.assets;
    const run = this.#runKey(group.runId);
    const session = this.#sessionKey(run, group.runId, group.sessionSeq, group.traceId, {
      sessionSeq: group.sessionSeq,
      eventType: "",
      action: group.side,
    }, group.asOfMs);
    const first = state.id + 1;
    const asOf = group.asOfMs;
    const filled = group.filled;
    const type = filled ? EVENT_TYPES.OrderFilled : EVENT_TYPES.OrderPlaced;
    this.#sql.group.run(
      first,
      state.id + assets.length,
      session,
      this.#type(type.eventType, type.category),
      this.#name(group.side),
      group.regime === null ? null : this.#name(group.regime),
      group.orderType === null ? null : this.#name(group.orderType),
      asOf,
      group.recordedAt,
      filled ? "fill" : "order",
      pending.json,
    );
    for (let k = 0; k < assets.length; k++) {
      state.chunk.add(assets[k] as number, ++state.id, asOf);
    }
    _extend(state.sessions, session, state.id, asOf, assets.length, first);
    _extend(state.runs, run, state.id, asOf, assets.length, first);
    this.#countRow(state);
  }

  /** Counts a row (an event's or a group's) in the current chunk, writing its postings when full. */
  #countRow(state: WriteState): void {
    if (++state.inChunk === POSTING_CHUNK) {
      this.#writePostings(state);
      state.inChunk = 0;
    }
  }

  #writePostings(state: WriteState): void {
    const postings = this.#sql.posting;
    state.chunk.drain((p) =>
      postings.run(p.asset, p.maxAsOf, p.firstEvent, p.lastEvent, p.minAsOf)
    );
  }

  #updateRanges(
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

  #name(name: string): number {
    const cached = this.#names.get(name);
    if (cached !== undefined) return cached;
    const row = this.#sql.name.get(name);
    const id = Number(row?.id);
    this.#names.set(name, id);
    return id;
  }

  #type(eventType: string, category: string): number {
    let byCategory = this.#types.get(eventType);
    if (byCategory === undefined) this.#types.set(eventType, byCategory = new Map());
    const cached = byCategory.get(category);
    if (cached !== undefined) return cached;
    const row = this.#sql.type.get(eventType, category);
    const code = Number(row?.code);
    byCategory.set(category, code);
    return code;
  }

  #runKey(runId: string): number {
    const cached = this.#runs.get(runId);
    if (cached !== undefined) return cached;
    const row = this.#sql.run.get(runId);
    if (row === undefined) {
      throw new Error(`run ${runId} was not claimed in ${this.path}: call claimRun first`);
    }
    const id = Number(row.id);
    this.#runs.set(runId, id);
    return id;
  }

  #sessionKey(
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
}

/**
 * A packed batch's name indexes turned into the store's codes, each looked up
 * once per batch.
 */
class _BatchCodes {
  readonly #names: readonly string[];
  readonly #nameCode: (name: string) => number;
  readonly #typeCode: (eventType: string, category: string) => number;
  readonly #codes: (number | undefined)[];
  readonly #types = new Map<number, number>();
  readonly #finish: number;
  readonly #fail: number;
  readonly #runCategory: number;

  constructor(
    names: readonly string[],
    nameCode: (name: string) => number,
    typeCode: (eventType: string, category: string) => number,
  ) {
    this.#names = names;
    this.#nameCode = nameCode;
    this.#typeCode = typeCode;
    this.#codes = new Array(names.length);
    this.#finish = names.indexOf(EVENT_TYPES.RunFinished.eventType);
    this.#fail = names.indexOf(EVENT_TYPES.RunFailed.eventType);
    this.#runCategory = names.indexOf(EVENT_TYPES.RunFinished.category);
  }

  /** The name at an index (-1 = null). */
  text(index: number): string | null {
    return index < 0 ? null : this.#names[index] as string;
  }

  /** The store's code of the name at an index (-1 = null). */
  name(index: number): number | null {
    if (index < 0) return null;
    const cached = this.#codes[index];
    if (cached !== undefined) return cached;
    return this.#codes[index] = this.#nameCode(this.#names[index] as string);
  }

  /** The store's code of the event type and category at two indexes. */
  type(eventType: number, category: number): number {
    const key = eventType * this.#names.length + category;
    const cached = this.#types.get(key);
    if (cached !== undefined) return cached;
    const code = this.#typeCode(
      this.#names[eventType] as string,
      this.#names[category] as string,
    );
    this.#types.set(key, code);
    return code;
  }

  /** The run status an event sets: finished by run_finish, failed by run_fail, else null. */
  runEnd(eventType: number, category: number): "finished" | "failed" | null {
    if (category !== this.#runCategory) return null;
    return eventType === this.#finish ? "finished" : eventType === this.#fail ? "failed" : null;
  }
}

function _nullable(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** Extends the range of `key` by `count` events ending at id `last` (from `first`). */
function _extend(
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
