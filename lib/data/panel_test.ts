import assert from "node:assert/strict";
import { type BarRow, seriesFromRows } from "./bars.ts";
import { parseIsoDay } from "./dates.ts";
import { Panel } from "./panel.ts";

function row(date: string, close: number, adjClose = close): BarRow {
  return {
    time: parseIsoDay(date) * 86_400_000,
    open: close - 1,
    high: close + 1,
    low: close - 2,
    close,
    adjClose,
    volume: 100,
  };
}

const a = seriesFromRows("AAA", "1d", [
  row("2020-01-02", 10, 5),
  row("2020-01-03", 12, 6),
  row("2020-01-06", 14, 7),
]);
const b = seriesFromRows("BBB", "1d", [row("2020-01-03", 20), row("2020-01-07", 22)]);

Deno.test("Panel.fromSeries() aligns assets on the union calendar with NaN where a bar is missing", () => {
  const p = Panel.fromSeries([a, b], { prices: "raw" });
  assert.deepEqual(
    Array.from({ length: p.dayCount }, (_, t) => p.dateAt(t)),
    ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07"],
  );
  assert.deepEqual([...p.close[1] as Float64Array], [NaN, 20, NaN, 22]);
  assert.equal(p.tradable(1, 0), false);
  assert.equal(p.tradable(1, 1), true);
  assert.equal(p.tradable(0, 3), false, "a missing day is not forward-filled");
});

Deno.test("Panel.fromSeries() in adjusted mode scales open, high and low by Adj Close / Close", () => {
  const p = Panel.fromSeries([a], { prices: "adjusted" });
  // Day 0: close 10, adj 5 → factor 0.5: open (10-1)*0.5, high (10+1)*0.5, low (10-2)*0.5.
  assert.equal(p.close[0]?.[0], 5);
  assert.equal(p.open[0]?.[0], 4.5);
  assert.equal(p.high[0]?.[0], 5.5);
  assert.equal(p.low[0]?.[0], 4);
  assert.equal(p.adjClose[0]?.[0], 5);
});

Deno.test("PanelView at day t cannot read a later day", () => {
  const p = Panel.fromSeries([a, b], { prices: "raw" });
  const v = p.view(1);
  assert.equal(v.date, "2020-01-03");
  assert.equal(v.history("close", 0).length, 2);
  assert.equal(v.history("close", 0)[2], undefined);
  assert.equal(v.at("close", 0), 12);
  assert.equal(v.at("close", 0, 1), 10);
  assert.ok(Number.isNaN(v.at("close", 0, -1)), "a negative lag would look ahead");
  assert.equal(v.days.length, 2);
});

Deno.test("Panel.truncate(t) keeps days 0..t only and splits up to t", () => {
  const p = Panel.fromSeries([a], {
    prices: "raw",
    splits: { AAA: [{ date: "2020-01-03", ratio: 2 }, { date: "2020-01-06", ratio: 3 }] },
  });
  const cut = p.truncate(1);
  assert.equal(cut.dayCount, 2);
  assert.deepEqual(cut.splits[0], [{ t: 1, ratio: 2 }]);
  assert.deepEqual([...cut.close[0] as Float64Array], [10, 12]);
});

Deno.test("Panel.select() reorders assets and rejects an unknown ticker", () => {
  const p = Panel.fromSeries([a, b]);
  assert.deepEqual(p.select(["BBB", "AAA"]).tickers, ["BBB", "AAA"]);
  assert.throws(() => p.select(["ZZZ"]), /Unknown ticker ZZZ/);
});

Deno.test("Panel.indexOnOrAfter() and indexOnOrBefore() find calendar positions", () => {
  const p = Panel.fromSeries([a, b]);
  assert.equal(p.indexOnOrAfter("2020-01-04"), 2);
  assert.equal(p.indexOnOrBefore("2020-01-04"), 1);
  assert.equal(p.indexOnOrBefore("2020-01-03"), 1);
  assert.equal(p.indexOnOrAfter("2021-01-01"), 4);
  assert.equal(p.indexOnOrBefore("2019-01-01"), -1);
});

Deno.test("Panel.view() refuses a day outside the calendar", () => {
  const p = Panel.fromSeries([a]);
  assert.throws(() => p.view(3), RangeError);
});
