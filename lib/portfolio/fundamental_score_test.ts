import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import { fundamentalGroups, fundamentalScore, fundamentalScoreAsOf } from "./fundamental_score.ts";
import { type FundamentalFigures, FundamentalsIndex } from "./fundamentals_index.ts";

// Expected values: the module doc's transforms worked by hand.

const figures = (over: Partial<FundamentalFigures> = {}): FundamentalFigures => ({
  ticker: "MSFT",
  periodEnd: "2015-03-31",
  filingDate: "2015-04-23",
  pe: 10,
  pb: 1.5,
  roe: 0.3,
  debtToEquity: 0.5,
  profitMargin: 0.25,
  revenueGrowth: 0.1,
  epsGrowth: -0.25,
  ...over,
});

Deno.test("fundamentalScore() of a cheap, profitable company with mixed growth, by hand", () => {
  // valuation: PE 1/(1 + 10/20) = 2/3, PB 1/(1 + 1.5/3) = 2/3 -> 2/3
  // quality: ROE 0.3/0.3 = 1, D/E 1/(1 + 0.5) = 2/3, margin 0.25/0.25 = 1 -> 8/9
  // growth: revenue 0.5 + 0.1/0.4 = 0.75, EPS 0.5 - 0.25/1 = 0.25 -> 0.5
  // score: 0.4 * 2/3 + 0.4 * 8/9 + 0.2 * 0.5 = 65/90
  const groups = fundamentalGroups(figures());
  assertNear(groups.valuation, 2 / 3);
  assertNear(groups.quality, 8 / 9);
  assertNear(groups.growth, 0.5);
  assertNear(fundamentalScore(figures()), 65 / 90);
});

Deno.test("fundamentalScore() gives 0 to losses, negative book and negative equity", () => {
  const groups = fundamentalGroups(figures({ pe: -8, pb: -1, debtToEquity: -2, roe: -0.1 }));
  assert.equal(groups.valuation, 0);
  // ROE clamp(-0.1/0.3) = 0, D/E 0, margin 1
  assertNear(groups.quality, 1 / 3);
});

Deno.test("fundamentalScore() clamps growth beyond its full scale", () => {
  const groups = fundamentalGroups(figures({ revenueGrowth: 0.9, epsGrowth: -3 }));
  assert.equal(groups.growth, 0.5); // 1 and 0
});

Deno.test("fundamentalScore() averages the finite metrics of a group and drops an empty group", () => {
  const partial = figures({ pb: NaN, revenueGrowth: NaN, epsGrowth: NaN });
  // valuation from PE alone: 2/3; quality 8/9; growth left out: (0.4 * 2/3 + 0.4 * 8/9) / 0.8
  assertNear(fundamentalScore(partial), (2 / 3 + 8 / 9) / 2);
  const empty = figures({
    pe: NaN,
    pb: NaN,
    roe: NaN,
    debtToEquity: NaN,
    profitMargin: NaN,
    revenueGrowth: NaN,
    epsGrowth: NaN,
  });
  assert.equal(fundamentalScore(empty), null);
});

Deno.test("fundamentalScore() takes group weights and scales from options", () => {
  assertNear(
    fundamentalScore(figures(), { weights: { valuation: 1, quality: 0, growth: 0 } }),
    2 / 3,
  );
  // PE scale 10: 1/(1 + 1) = 0.5, PB 2/3 -> valuation 7/12
  assertNear(
    fundamentalScore(figures(), { weights: { quality: 0, growth: 0 }, scales: { peScale: 10 } }),
    7 / 12,
  );
  assert.throws(() => fundamentalScore(figures(), { scales: { pbScale: 0 } }), RangeError);
  assert.throws(
    () => fundamentalScore(figures(), { weights: { valuation: 0, quality: 0, growth: 0 } }),
    /must not all be 0/,
  );
});

Deno.test("fundamentalScoreAsOf() is null before the first filing and scores the report after", () => {
  const index = FundamentalsIndex.fromRows([figures()]);
  assert.equal(fundamentalScoreAsOf(index, "MSFT", "2015-04-22"), null);
  assertNear(fundamentalScoreAsOf(index, "MSFT", "2015-04-23"), 65 / 90);
  assert.equal(fundamentalScoreAsOf(index, "SPY", "2015-04-23"), null);
  assert.equal(fundamentalScoreAsOf(index, "MSFT", "2016-06-01", { maxAgeDays: 365 }), null);
});
