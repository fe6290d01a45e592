import assert from "node:assert/strict";
import { NBER_RECESSIONS, recessionSpan, scoreRecessions } from "./recession_score.ts";
import type { RegimeName } from "./regime.ts";

Deno.test("NBER_RECESSIONS holds the committee's four US peaks and troughs since 1990", () => {
  // Source: the NBER's table of US business cycle expansions and contractions.
  assert.deepEqual(NBER_RECESSIONS, [
    { peak: "1990-07", trough: "1991-03" },
    { peak: "2001-03", trough: "2001-11" },
    { peak: "2007-12", trough: "2009-06" },
    { peak: "2020-02", trough: "2020-04" },
  ]);
});

Deno.test("recessionSpan() runs from the month after the peak through the trough month (FRED's USREC)", () => {
  assert.deepEqual(recessionSpan({ peak: "2020-02", trough: "2020-04" }), {
    start: "2020-03-01",
    end: "2020-04-30",
  });
  assert.deepEqual(recessionSpan({ peak: "1990-12", trough: "1991-02" }), {
    start: "1991-01-01",
    end: "1991-02-28",
  });
});

Deno.test("recessionSpan() refuses a cycle whose trough is not after its peak, naming it", () => {
  assert.throws(
    () => recessionSpan({ peak: "2020-04", trough: "2020-02" }),
    /trough after the peak: current value is \{"peak":"2020-04","trough":"2020-02"\}/,
  );
  assert.throws(() => recessionSpan({ peak: "2020-2", trough: "2020-04" }), RangeError);
});

const days = (from: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10),
  );

Deno.test("scoreRecessions() counts only days with a reading, inside and outside, within from..to", () => {
  const dates = days("2020-02-27", 6); // 02-27 .. 03-03 (a calendar without weekends is not needed here)
  const regimes: (RegimeName | null)[] = [
    null,
    "Deflation",
    "Reflation",
    "Inflation",
    "Goldilocks",
    "Deflation",
  ];
  const score = scoreRecessions({ dates, regimes }, {
    recessions: [{ peak: "2020-02", trough: "2020-04" }],
    to: "2020-03-02",
  });
  // Outside: 02-28 down, 02-29 up; inside: 03-01 down, 03-02 up; 02-27 has no reading, 03-03 is after `to`.
  assert.equal(score.from, "2020-02-28");
  assert.equal(score.to, "2020-03-02");
  assert.deepEqual(score.outside, { days: 2, growthDownDays: 1, share: 0.5 });
  assert.deepEqual(score.inside, { days: 2, growthDownDays: 1, share: 0.5 });
  assert.deepEqual(score.recessions[0]?.lag, { firstGrowthDown: "2020-03-01", days: 0 });
  assert.equal(score.maxLagDays, 0);
});

Deno.test("scoreRecessions() measures no lag for a recession that starts before the scored days, and counts a miss", () => {
  const dates = days("2008-06-01", 40);
  const up: (RegimeName | null)[] = dates.map(() => "Goldilocks");
  const before = scoreRecessions({ dates, regimes: up }, {
    recessions: [{ peak: "2007-12", trough: "2009-06" }],
  });
  assert.equal(before.recessions[0]?.lag, null);
  assert.equal(before.maxLagDays, null);
  assert.equal(before.missed, 0);
  assert.equal(before.inside.share, 0);
  assert.ok(Number.isNaN(before.outside.share)); // no day outside

  const missed = scoreRecessions({ dates, regimes: up }, {
    recessions: [{ peak: "2008-06", trough: "2008-12" }],
  });
  assert.deepEqual(missed.recessions[0]?.lag, { firstGrowthDown: null, days: null });
  assert.equal(missed.missed, 1);
  assert.equal(missed.maxLagDays, null);
});

Deno.test("scoreRecessions() leaves out recessions with no scored day", () => {
  const dates = days("2015-01-05", 10);
  const score = scoreRecessions({ dates, regimes: dates.map(() => "Reflation" as const) });
  assert.deepEqual(score.recessions, []);
  assert.equal(score.outside.days, 10);
  assert.equal(score.inside.days, 0);
});
