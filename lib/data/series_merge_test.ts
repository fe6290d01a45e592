import assert from "node:assert/strict";
import fc from "fast-check";
import { type BarRow, type BarSeries, seriesFromRows } from "./bars.ts";
import { mergeSeries } from "./series_merge.ts";

const DAY = 86_400_000;

function bar(day: number, close = 10): BarRow {
  return { time: day * DAY, open: 10, high: 12, low: 8, close, adjClose: close, volume: 1 };
}

function days(s: BarSeries): number[] {
  return [...s.time].map((t) => t / DAY);
}

Deno.test("mergeSeries() counts identical bars as unchanged and returns the stored series", () => {
  const stored = seriesFromRows("A", "1d", [bar(1), bar(2), bar(3)]);
  const again = seriesFromRows("A", "1d", [bar(2), bar(3)]);
  const result = mergeSeries(stored, again);
  assert.deepEqual([result.added, result.unchanged, result.replaced], [0, 2, 0]);
  assert.equal(result.series, stored);
});

Deno.test("mergeSeries() appends a later range and interleaves an overlapping one by time", () => {
  const stored = seriesFromRows("A", "1d", [bar(1), bar(3), bar(5)]);
  const later = mergeSeries(stored, seriesFromRows("A", "1d", [bar(5), bar(6), bar(7)]));
  assert.deepEqual([later.added, later.unchanged, later.replaced], [2, 1, 0]);
  assert.deepEqual(days(later.series), [1, 3, 5, 6, 7]);
  const mixed = mergeSeries(stored, seriesFromRows("A", "1d", [bar(0), bar(2), bar(3, 11)]));
  assert.deepEqual([mixed.added, mixed.unchanged, mixed.replaced], [2, 0, 1]);
  assert.deepEqual(days(mixed.series), [0, 1, 2, 3, 5]);
  assert.deepEqual([...mixed.series.close], [10, 10, 10, 11, 10]);
});

const seriesArb = (ticker: string) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }).chain((ds) =>
    fc.tuple(...ds.sort((a, b) => a - b).map((d) => fc.constantFrom(10, 11).map((c) => bar(d, c))))
      .map((rows) => seriesFromRows(ticker, "1d", rows))
  );

Deno.test("mergeSeries() keeps the union of times, ascending, with incoming bars winning", () => {
  fc.assert(fc.property(seriesArb("A"), seriesArb("A"), (stored, incoming) => {
    const { series, added, unchanged, replaced } = mergeSeries(stored, incoming);
    const union = [...new Set([...days(stored), ...days(incoming)])].sort((a, b) => a - b);
    assert.deepEqual(days(series), union);
    assert.equal(added + unchanged + replaced, incoming.time.length);
    assert.equal(series.time.length, stored.time.length + added);
    for (let j = 0; j < incoming.time.length; j++) {
      const k = union.indexOf((incoming.time[j] as number) / DAY);
      assert.equal(series.close[k], incoming.close[j]);
    }
  }));
});

Deno.test("mergeSeries() is idempotent: merging the same bars again changes nothing", () => {
  fc.assert(fc.property(seriesArb("A"), seriesArb("A"), (stored, incoming) => {
    const once = mergeSeries(stored, incoming).series;
    const twice = mergeSeries(once, incoming);
    assert.deepEqual([twice.added, twice.replaced], [0, 0]);
    assert.equal(twice.series, once);
  }));
});
