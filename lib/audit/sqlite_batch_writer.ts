/**
 * The write path of the SQLite event store: packed batches of events become
 * `events` rows in multi-row INSERTs of coded columns, groups of order events
 * one `event_groups` row each (their events taking the next ids), with a
 * posting per asset and chunk of rows, and the ranges, counts and end status
 * of the runs and sessions written ({@link SqliteBatchWriter}). It runs inside
 * the store's write transaction.
 *
 * @module
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { NUMBERS, type PackedBatch, textReader } from "./packed_batch.ts";
import { EVENT_TYPES } from "./events.ts";
import { POSTING_CHUNK } from "./sqlite_schema.ts";
import type { OrderGroupContext } from "./order_group.ts";
import { PostingChunk } from "./posting_chunk.ts";
import { BatchCodes, type SqliteCodes } from "./sqlite_codes.ts";
import { extendRange, type Range, type RunEnd, type SqliteRuns } from "./sqlite_runs.ts";

const ROWS_PER_INSERT = 128;
const FIELDS = 15;
const INSERT_HEAD = "INSERT INTO events (id, session, type, asset, action, regime, as_of, " +
  "recorded_at, reason, score_before, score_after, size_before, size_after, metadata, " +
  "execution_time_ms) VALUES ";
const PLACEHOLDERS = `(${Array(FIELDS).fill("?").join(",")})`;

/**
 * A group waiting to be written, after the first `at` events the packer
 * holds. Design decision: it keeps the group's context, its JSON and asset
 * codes, not the group: the broker's objects it refers to are then free as
 * soon as the group is encoded (held to the batch's end, 80,000 placed orders
 * doubled the garbage collector's work in a 500-asset run).
 */
export type PendingGroup = OrderGroupContext & {
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

/** Writes batches of events and groups into a store's file (inside its transaction). */
export class SqliteBatchWriter {
  readonly #codes: SqliteCodes;
  readonly #runs: SqliteRuns;
  /** The postings of the chunk being written (empty between batches). */
  readonly #chunk = new PostingChunk();
  #last = { runId: "", seq: -1, run: 0, session: 0 };
  readonly #insertMany: StatementSync;
  readonly #insertOne: StatementSync;
  readonly #params: SQLInputValue[] = new Array(ROWS_PER_INSERT * FIELDS).fill(null);
  /**
   * Statements of the write path, prepared once: preparing costs tens of
   * microseconds, and a run writes postings every batch.
   */
  readonly #sql: {
    readonly maxId: StatementSync;
    readonly group: StatementSync;
    readonly posting: StatementSync;
  };

  constructor(db: DatabaseSync, codes: SqliteCodes, runs: SqliteRuns) {
    this.#codes = codes;
    this.#runs = runs;
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
    };
  }

  /** Forgets what a rolled-back transaction left: the chunk's postings and the last session's codes. */
  forget(): void {
    this.#last = { runId: "", seq: -1, run: 0, session: 0 };
    this.#chunk.drain(() => {});
  }

  /**
   * Writes the batches in order; `groups` go among the events of batch
   * `packerAt` (the packer's), each after its first `at` events.
   */
  write(
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
      const codes = new BatchCodes(names, this.#codes);
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
          run = this.#runs.run(runId);
          session = this.#runs.session(run, runId, seq, names[a[n + 9] as number] as string, {
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
        extendRange(state.sessions, session, id, asOfMs, 1);
        extendRange(state.runs, run, id, asOfMs, 1);
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
    this.#runs.updateRanges(state.sessions, state.runs, state.ends);
  }

  /** Writes a group as one row, its events taking the next ids. */
  #writeGroup(pending: PendingGroup, state: WriteState): void {
    const group = pending, assets = pending.assets;
    const run = this.#runs.run(group.runId);
    const session = this.#runs.session(run, group.runId, group.sessionSeq, group.traceId, {
      sessionSeq: group.sessionSeq,
      eventType: "",
      action: group.side,
    }, group.asOfMs);
    const first = state.id + 1;
    const asOf = group.asOfMs;
    const filled = group.filled;
    const type = filled ? EVENT_TYPES.OrderFilled : EVENT_TYPES.OrderPlaced;
    const codes = this.#codes;
    this.#sql.group.run(
      first,
      state.id + assets.length,
      session,
      codes.type(type.eventType, type.category),
      codes.name(group.side),
      group.regime === null ? null : codes.name(group.regime),
      group.orderType === null ? null : codes.name(group.orderType),
      asOf,
      group.recordedAt,
      filled ? "fill" : "order",
      pending.json,
    );
    for (let k = 0; k < assets.length; k++) {
      state.chunk.add(assets[k] as number, ++state.id, asOf);
    }
    extendRange(state.sessions, session, state.id, asOf, assets.length, first);
    extendRange(state.runs, run, state.id, asOf, assets.length, first);
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
}

function _nullable(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
