/**
 * A batch of {@link EventRecord}s packed for a trip to the writer worker, so
 * that the backtest's thread pays for little more than one JSON.stringify of
 * each event's metadata:
 * - numbers in one Float64Array (transferred, not copied; NaN stands for null);
 * - the strings that repeat (run and trace ids, types, categories, assets,
 *   actions, regimes) as indexes into the batch's list of distinct names;
 * - the strings that do not (reasons, metadata JSON) joined into one text,
 *   each by its length (-1 for null), so the copy to the worker is one string
 *   rather than thousands (measured: 9 ms for 11,000 events as separate
 *   strings, under 1 ms joined).
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
const NUMBERS = 17;

/** Packed events. */
export type PackedBatch = {
  readonly count: number;
  readonly numbers: Float64Array<ArrayBuffer>;
  /** The distinct repeated strings of the batch, by index. */
  readonly names: readonly string[];
  /** Every reason and metadata JSON of the batch, one after another. */
  readonly text: string;
};

const _n = (v: number | null): number => (v === null ? NaN : v);
const _v = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Packs records (metadata serialised as JSON). */
export function packBatch(records: readonly EventRecord[]): PackedBatch {
  const numbers = new Float64Array(records.length * NUMBERS);
  const codes = new Map<string, number>();
  const names: string[] = [];
  const name = (s: string | null): number => {
    if (s === null) return -1;
    let code = codes.get(s);
    if (code === undefined) {
      code = names.length;
      codes.set(s, code);
      names.push(s);
    }
    return code;
  };
  const text: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as EventRecord;
    const n = i * NUMBERS;
    numbers[n] = r.sessionSeq;
    numbers[n + 1] = _n(r.scoreBefore);
    numbers[n + 2] = _n(r.scoreAfter);
    numbers[n + 3] = _n(r.sizeBefore);
    numbers[n + 4] = _n(r.sizeAfter);
    numbers[n + 5] = _n(r.executionTimeMs);
    numbers[n + 6] = r.asOfMs;
    numbers[n + 7] = r.recordedAt;
    numbers[n + 8] = name(r.runId);
    numbers[n + 9] = name(r.traceId);
    numbers[n + 10] = name(r.eventType);
    numbers[n + 11] = name(r.category);
    numbers[n + 12] = name(r.asset);
    numbers[n + 13] = name(r.action);
    numbers[n + 14] = name(r.regime);
    const reason = r.reason;
    numbers[n + 15] = reason === null ? -1 : reason.length;
    if (reason !== null) text.push(reason);
    const json = r.metadata === null ? null : JSON.stringify(r.metadata);
    numbers[n + 16] = json === null ? -1 : json.length;
    if (json !== null) text.push(json);
  }
  return { count: records.length, numbers, names, text: text.join("") };
}

/** The records of a packed batch, in order, with their metadata as JSON (their `metadata` is null). */
export function unpackBatch(
  batch: PackedBatch,
): { records: EventRecord[]; metadataJson: (string | null)[] } {
  const out: EventRecord[] = new Array(batch.count);
  const metadataJson: (string | null)[] = new Array(batch.count);
  const { numbers, names, text } = batch;
  const name = (code: number): string | null => (code < 0 ? null : names[code] ?? null);
  let at = 0;
  const take = (length: number): string | null => {
    if (length < 0) return null;
    const s = text.slice(at, at + length);
    at += length;
    return s;
  };
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
