/**
 * Events packed into columns as they are recorded, which is how both SQLite
 * stores buffer them ({@link SqliteEventStore} on the caller's thread,
 * {@link SqliteWorkerStore} on its way to the worker):
 * - numbers in one Float64Array (transferred to a worker, not copied; NaN
 *   stands for null);
 * - the strings that repeat (run and trace ids, types, categories, assets,
 *   actions, regimes) as indexes into the batch's list of distinct names;
 * - the strings that do not (reasons, metadata JSON) in order, with their
 *   lengths (-1 for null); joined into one text for a worker, so the copy is
 *   one string rather than thousands (measured: 9 ms for 11,000 events as
 *   separate strings, under 1 ms joined), and kept apart on the caller's
 *   thread, where joining them cost more than writing them.
 *
 * Design decision: a record is packed when it is recorded, not kept until the
 * batch is written. Kept records (20,000 per batch, with their metadata
 * objects) outlived the young generation and were copied by the garbage
 * collector; an audited 500-asset run spent more time there than in SQLite's
 * inserts (measured on 160,000 order events: see the README's benchmarks).
 *
 * @module
 */
import type { EventRecord } from "./event_record.ts";

/**
 * Numbers per event: sessionSeq, scoreBefore, scoreAfter, sizeBefore, sizeAfter,
 * executionTimeMs, asOfMs, recordedAt, then name indexes of runId, traceId,
 * eventType, category, asset, action, regime, then the lengths of reason and
 * metadata JSON in the text.
 */
export const NUMBERS = 17;

/** Events packed into columns, as {@link SqliteEventStore.recordPacked} takes them. */
export type PackedBatch = {
  readonly count: number;
  readonly numbers: Float64Array<ArrayBuffer>;
  /** The distinct repeated strings of the batch, by index. */
  readonly names: readonly string[];
  /**
   * Every reason and metadata JSON of the batch, in order: one string each, or
   * all joined into one (for the trip to a worker; each one's length is in the
   * numbers).
   */
  readonly text: string | readonly string[];
};

const _n = (v: number | null): number => (v === null ? NaN : v);
const _v = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Packs records one at a time (metadata serialised as JSON) into a {@link PackedBatch}. */
export class BatchPacker {
  #numbers = new Float64Array(256 * NUMBERS);
  #count = 0;
  #codes = new Map<string, number>();
  #names: string[] = [];
  #text: string[] = [];
  // Events of one session share their run and trace ids: remember the last ones.
  #lastRun = "";
  #lastRunCode = -1;
  #lastTrace = "";
  #lastTraceCode = -1;

  /** Events packed since the packer was last emptied. */
  get count(): number {
    return this.#count;
  }

  /** Packs one record. */
  add(r: EventRecord): void {
    const n = this.#count * NUMBERS;
    if (n + NUMBERS > this.#numbers.length) {
      const grown = new Float64Array(this.#numbers.length * 2);
      grown.set(this.#numbers);
      this.#numbers = grown;
    }
    const a = this.#numbers;
    this.#count += 1;
    a[n] = r.sessionSeq;
    a[n + 1] = _n(r.scoreBefore);
    a[n + 2] = _n(r.scoreAfter);
    a[n + 3] = _n(r.sizeBefore);
    a[n + 4] = _n(r.sizeAfter);
    a[n + 5] = _n(r.executionTimeMs);
    a[n + 6] = r.asOfMs;
    a[n + 7] = r.recordedAt;
    if (r.runId !== this.#lastRun) {
      this.#lastRun = r.runId;
      this.#lastRunCode = this.#code(r.runId);
    }
    a[n + 8] = this.#lastRunCode;
    if (r.traceId !== this.#lastTrace) {
      this.#lastTrace = r.traceId;
      this.#lastTraceCode = this.#code(r.traceId);
    }
    a[n + 9] = this.#lastTraceCode;
    a[n + 10] = this.#code(r.eventType);
    a[n + 11] = this.#code(r.category);
    a[n + 12] = r.asset === null ? -1 : this.#code(r.asset);
    a[n + 13] = r.action === null ? -1 : this.#code(r.action);
    a[n + 14] = r.regime === null ? -1 : this.#code(r.regime);
    const reason = r.reason;
    if (reason === null) a[n + 15] = -1;
    else {
      a[n + 15] = reason.length;
      this.#text.push(reason);
    }
    if (r.metadata === null) a[n + 16] = -1;
    else {
      const json = JSON.stringify(r.metadata);
      a[n + 16] = json.length;
      this.#text.push(json);
    }
  }

  /**
   * The events packed so far, as one batch with the texts joined into one
   * string (for a worker); the packer starts empty again.
   */
  take(): PackedBatch {
    const batch = { ...this.peek(), text: this.#text.join("") };
    batch.numbers = batch.numbers.slice();
    this.clear();
    return batch;
  }

  /**
   * The events packed so far, as a batch that shares the packer's buffers (no
   * copy: a 20,000-event batch is 2.7 MB of numbers) and is valid until
   * {@link clear}.
   */
  peek(): PackedBatch & { numbers: Float64Array<ArrayBuffer> } {
    return {
      count: this.#count,
      numbers: this.#numbers.subarray(0, this.#count * NUMBERS),
      names: this.#names,
      text: this.#text,
    };
  }

  /** Empties the packer (its numbers buffer is kept for the next batch). */
  clear(): void {
    this.#count = 0;
    this.#codes = new Map();
    this.#names = [];
    this.#text = [];
    this.#lastRun = this.#lastTrace = "";
    this.#lastRunCode = this.#lastTraceCode = -1;
  }

  #code(s: string): number {
    let code = this.#codes.get(s);
    if (code === undefined) {
      code = this.#names.length;
      this.#codes.set(s, code);
      this.#names.push(s);
    }
    return code;
  }
}

/**
 * Reads a batch's texts in order: each call takes the next one of `length`
 * characters (null for a length below 0).
 */
export function textReader(batch: PackedBatch): (length: number) => string | null {
  const text = batch.text;
  let at = 0;
  if (typeof text === "string") {
    return (length) => length < 0 ? null : text.slice(at, at += length);
  }
  return (length) => length < 0 ? null : text[at++] as string;
}

/** Packs records (metadata serialised as JSON). */
export function packBatch(records: readonly EventRecord[]): PackedBatch {
  const packer = new BatchPacker();
  for (const r of records) packer.add(r);
  return packer.take();
}

/** The records of a packed batch, in order, with their metadata as JSON (their `metadata` is null). */
export function unpackBatch(
  batch: PackedBatch,
): { records: EventRecord[]; metadataJson: (string | null)[] } {
  const out: EventRecord[] = new Array(batch.count);
  const metadataJson: (string | null)[] = new Array(batch.count);
  const { numbers, names } = batch;
  const name = (code: number): string | null => (code < 0 ? null : names[code] ?? null);
  const take = textReader(batch);
  for (let i = 0; i < batch.count; i++) {
    const n = i * NUMBERS;
    const reason = take(numbers[n + 15] as number);
    metadataJson[i] = take(numbers[n + 16] as number);
    out[i] = {
      runId: name(numbers[n + 8] as number) ?? "",
      sessionSeq: numbers[n] ?? 0,
      traceId: name(numbers[n + 9] as number) ?? "",
      eventType: name(numbers[n + 10] as number) ?? "",
      category: name(numbers[n + 11] as number) ?? "",
      asset: name(numbers[n + 12] as number),
      action: name(numbers[n + 13] as number),
      reason,
      scoreBefore: _v(numbers[n + 1] ?? NaN),
      scoreAfter: _v(numbers[n + 2] ?? NaN),
      sizeBefore: _v(numbers[n + 3] ?? NaN),
      sizeAfter: _v(numbers[n + 4] ?? NaN),
      metadata: null,
      executionTimeMs: _v(numbers[n + 5] ?? NaN),
      asOfMs: numbers[n + 6] ?? 0,
      recordedAt: numbers[n + 7] ?? 0,
      regime: name(numbers[n + 14] as number),
    };
  }
  return { records: out, metadataJson };
}
