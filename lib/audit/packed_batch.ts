/**
 * A batch of {@link EventRecord}s packed for a trip to the writer worker:
 * numbers in one Float64Array (transferred, not copied; NaN stands for null)
 * and strings in one array, so the backtest's thread pays for little more
 * than the copy of its strings.
 *
 * @module
 */
import type { EventRecord } from "./event_record.ts";

/** Numbers per event: sessionSeq, scoreBefore, scoreAfter, sizeBefore, sizeAfter, executionTimeMs, asOfMs, recordedAt. */
const NUMBERS = 8;
/** Strings per event: runId, traceId, eventType, category, asset, action, reason, metadata JSON, regime. */
const STRINGS = 9;

/** Packed events. */
export type PackedBatch = {
  readonly count: number;
  readonly numbers: Float64Array<ArrayBuffer>;
  readonly strings: (string | null)[];
};

const _n = (v: number | null): number => (v === null ? NaN : v);
const _v = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Packs records (metadata serialised as JSON). */
export function packBatch(records: readonly EventRecord[]): PackedBatch {
  const numbers = new Float64Array(records.length * NUMBERS);
  const strings: (string | null)[] = new Array(records.length * STRINGS);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as EventRecord;
    const n = i * NUMBERS, s = i * STRINGS;
    numbers[n] = r.sessionSeq;
    numbers[n + 1] = _n(r.scoreBefore);
    numbers[n + 2] = _n(r.scoreAfter);
    numbers[n + 3] = _n(r.sizeBefore);
    numbers[n + 4] = _n(r.sizeAfter);
    numbers[n + 5] = _n(r.executionTimeMs);
    numbers[n + 6] = r.asOfMs;
    numbers[n + 7] = r.recordedAt;
    strings[s] = r.runId;
    strings[s + 1] = r.traceId;
    strings[s + 2] = r.eventType;
    strings[s + 3] = r.category;
    strings[s + 4] = r.asset;
    strings[s + 5] = r.action;
    strings[s + 6] = r.reason;
    strings[s + 7] = r.metadata === null ? null : JSON.stringify(r.metadata);
    strings[s + 8] = r.regime;
  }
  return { count: records.length, numbers, strings };
}

/** The records of a packed batch, in order, with their metadata as JSON (their `metadata` is null). */
export function unpackBatch(
  batch: PackedBatch,
): { records: EventRecord[]; metadataJson: (string | null)[] } {
  const out: EventRecord[] = new Array(batch.count);
  const metadataJson: (string | null)[] = new Array(batch.count);
  const { numbers, strings } = batch;
  for (let i = 0; i < batch.count; i++) {
    const n = i * NUMBERS, s = i * STRINGS;
    metadataJson[i] = strings[s + 7] ?? null;
    out[i] = {
      runId: strings[s] ?? "",
      sessionSeq: numbers[n] ?? 0,
      traceId: strings[s + 1] ?? "",
      eventType: strings[s + 2] ?? "",
      category: strings[s + 3] ?? "",
      asset: strings[s + 4] ?? null,
      action: strings[s + 5] ?? null,
      reason: strings[s + 6] ?? null,
      scoreBefore: _v(numbers[n + 1] ?? NaN),
      scoreAfter: _v(numbers[n + 2] ?? NaN),
      sizeBefore: _v(numbers[n + 3] ?? NaN),
      sizeAfter: _v(numbers[n + 4] ?? NaN),
      metadata: null,
      executionTimeMs: _v(numbers[n + 5] ?? NaN),
      asOfMs: numbers[n + 6] ?? 0,
      recordedAt: numbers[n + 7] ?? 0,
      regime: strings[s + 8] ?? null,
    };
  }
  return { records: out, metadataJson };
}
