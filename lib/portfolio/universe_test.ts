import assert from "node:assert/strict";
import { buildUniverse, type TickerScan, type UniverseInput } from "./universe.ts";

const scan = (
  ticker: string,
  confidence: number,
  condition: TickerScan["condition"] = "trending",
  trendDirection: "up" | "down" = "up",
): TickerScan => ({ ticker, condition, trendDirection, confidence, strength: 0.5 });

const BUCKETS = {
  "Risk Assets": ["SPY", "QQQ", "XLK", "EFA"],
  "Growth Assets": ["QQQ", "XLK", "VUG"],
  Treasuries: ["TLT", "IEF"],
};

function input(over: Partial<UniverseInput> = {}): UniverseInput {
  return {
    held: [],
    activeBuckets: ["Risk Assets", "Growth Assets"],
    buckets: BUCKETS,
    scans: [
      scan("SPY", 0.75),
      scan("QQQ", 0.9),
      scan("XLK", 0.7),
      scan("EFA", 0.6999),
      scan("VUG", 0.95, "ranging"),
      scan("TLT", 0.99),
    ],
    ...over,
  };
}

Deno.test("buildUniverse() admits trending assets of active buckets at confidence >= 0.7 only", () => {
  const u = buildUniverse(input());
  assert.deepEqual(u.tickers, ["QQQ", "SPY", "XLK"]); // by confidence 0.9, 0.75, 0.7
  assert.deepEqual(u.excluded, [
    { ticker: "EFA", reason: "trending confidence 0.700 < 0.7 threshold" },
    { ticker: "VUG", reason: "condition ranging, not trending" },
  ]); // TLT trends at 0.99 but Treasuries is not active: not considered
  assert.deepEqual(u.members[0], {
    ticker: "QQQ",
    reason: "trending",
    buckets: ["Risk Assets", "Growth Assets"],
    condition: "trending",
    confidence: 0.9,
    rank: 0.9,
  });
});

Deno.test("buildUniverse() always keeps held assets, with or without a scan or active bucket", () => {
  const u = buildUniverse(input({ held: ["TLT", "GLD", "XLK"] }));
  assert.deepEqual(u.tickers, ["TLT", "QQQ", "SPY", "XLK", "GLD"]); // GLD ranks -Infinity
  const reasons = Object.fromEntries(u.members.map((m) => [m.ticker, m.reason]));
  assert.deepEqual(reasons, {
    TLT: "held",
    QQQ: "trending",
    SPY: "trending",
    XLK: "held",
    GLD: "held",
  });
  assert.deepEqual(u.members.find((m) => m.ticker === "GLD")?.buckets, []);
});

Deno.test("buildUniverse() fills only the slots held assets leave under maxAssets", () => {
  const u = buildUniverse(input({ held: ["TLT", "IEF"] }), { maxAssets: 3 });
  assert.deepEqual(u.tickers, ["TLT", "QQQ", "IEF"]); // 1 slot: the best-ranked entrant
  assert.deepEqual(
    u.excluded.filter((e) => e.reason.startsWith("universe full")).map((e) => e.ticker),
    ["SPY", "XLK"],
  );
  const over = buildUniverse(input({ held: ["TLT", "IEF", "GLD"] }), { maxAssets: 2 });
  assert.deepEqual(over.tickers, ["TLT", "GLD", "IEF"]); // held beyond the max stay; no scan: by ticker
});

Deno.test("buildUniverse() ranks by score where given, then by ticker on ties", () => {
  const u = buildUniverse(input({ scores: { SPY: 0.8, XLK: 0.8, QQQ: 0.6 } }));
  assert.deepEqual(u.tickers, ["SPY", "XLK", "QQQ"]);
});

Deno.test("buildUniverse() admits confident downtrends unless direction is up", () => {
  const scans = [scan("SPY", 0.8, "trending", "down"), scan("QQQ", 0.8)];
  assert.deepEqual(buildUniverse(input({ scans })).tickers, ["QQQ", "SPY"]);
  const upOnly = buildUniverse(input({ scans }), { direction: "up" });
  assert.deepEqual(upOnly.tickers, ["QQQ"]);
  assert.ok(upOnly.excluded.some((e) => e.ticker === "SPY" && e.reason === "trending down"));
});

Deno.test("buildUniverse() does not depend on the order of scans or held tickers", () => {
  const a = buildUniverse(input({ held: ["TLT", "GLD"] }));
  const b = buildUniverse(
    input({ held: ["GLD", "TLT", "GLD"], scans: [...input().scans].reverse() }),
  );
  assert.deepEqual(a, b);
});

Deno.test("buildUniverse() rejects an unknown active bucket, a scan given twice and bad options", () => {
  assert.throws(() => buildUniverse(input({ activeBuckets: ["Gold"] })), /active bucket "Gold"/);
  assert.throws(
    () => buildUniverse(input({ scans: [scan("SPY", 0.8), scan("SPY", 0.9)] })),
    /SPY twice/,
  );
  assert.throws(() => buildUniverse(input(), { trendingConfidence: 1.5 }), RangeError);
  assert.throws(() => buildUniverse(input(), { maxAssets: 2.5 }), RangeError);
});
