import assert from "node:assert/strict";
import { validateConfig } from "../config/load.ts";
import type { ConfigInput } from "../config/schema.ts";
import { executeRun, prepareRun } from "./run_from_config.ts";
import { SharedServices } from "./shared_services.ts";
import { REGIME_AWARE } from "./strategy_source.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;
const config = (extra: ConfigInput = {}) =>
  validateConfig({
    run: { start: "2020-06-01" },
    data: { fixturesDir: FIXTURES },
    ...extra,
  });

async function runWith(shared: SharedServices | undefined, c = config()) {
  const market = shared ? await shared.market(c) : await new SharedServices().market(c);
  const run = prepareRun(c, market, REGIME_AWARE, { shared });
  return await executeRun(run, { startedAt: "t", codeVersion: "test", shared });
}

Deno.test("SharedServices builds the market services once for runs that differ in sizing and protection only", async () => {
  const shared = new SharedServices();
  await runWith(shared, config({ sizing: { minScore: 0.6 } }));
  await runWith(shared, config({ sizing: { minScore: 0.7, maxSingle: 0.2 } }));
  await runWith(shared, config({ protection: { graceDays: 5 }, run: { start: "2020-03-02" } }));
  const stats = shared.stats();
  for (const name of ["market", "panel", "regime", "scans", "fundamentals"]) {
    assert.equal(stats[name]?.builds, 1, `${name}: ${JSON.stringify(stats[name])}`);
  }
  assert.equal(stats.regime?.hits, 2);
});

Deno.test("SharedServices rebuilds exactly what reads a changed path: the regime map, then the prices", async () => {
  const shared = new SharedServices();
  await runWith(shared);
  const map = {
    Goldilocks: ["Risk Assets"],
    Deflation: ["Treasuries"],
    Inflation: ["Commodities"],
    Reflation: ["Cyclicals"],
  };
  await runWith(shared, config({ buckets: { regimeMap: map } }));
  let stats = shared.stats();
  assert.deepEqual([stats.regime?.builds, stats.scans?.builds, stats.panel?.builds], [2, 1, 1]);
  await runWith(shared, config({ data: { fixturesDir: FIXTURES, prices: "raw" } }));
  stats = shared.stats();
  // A new Panel: every service over it is new; the market (read from the same files) is not.
  assert.deepEqual(
    [stats.market?.builds, stats.panel?.builds, stats.regime?.builds, stats.scans?.builds],
    [1, 2, 3, 2],
  );
});

Deno.test("executeRun() with shared services gives the result a run alone gives", async () => {
  const shared = new SharedServices();
  await runWith(shared, config({ sizing: { minScore: 0.7 } })); // warms the shared services
  const c = config({ protection: { graceDays: 2 } });
  const together = await runWith(shared, c);
  const alone = await runWith(undefined, c);
  assert.equal(JSON.stringify(together), JSON.stringify(alone));
});

Deno.test("a run restricted to a window reads the days before it as warm-up, shared or not", async () => {
  const shared = new SharedServices();
  const c = config({ run: { start: "2020-06-01", end: "2020-09-30" } });
  for (const result of [await runWith(shared, c), await runWith(undefined, c)]) {
    assert.equal(result.period.start, "2020-06-01");
    assert.equal(result.period.end, "2020-09-30");
    // The regime is known on the window's first day: detected from the history before it.
    assert.equal(result.regimes?.dates[0], "2020-06-01");
    assert.ok(result.fills.length > 0);
    assert.ok(result.fills.every((f) => f.placed >= "2020-06-01" && f.date <= "2020-09-30"));
  }
});

Deno.test("SharedServices runs the benchmarks once for runs that share their cash, broker, list and range", async () => {
  const shared = new SharedServices();
  const first = await runWith(shared, config({ sizing: { minScore: 0.6 } }));
  const second = await runWith(shared, config({ sizing: { minScore: 0.7 } }));
  assert.equal(second.benchmarks, first.benchmarks, "the same runs, not a copy");
  assert.deepEqual(shared.stats().benchmarks, { builds: 1, hits: 1 });
  // Each path the benchmarks read makes new ones: the cash, the broker, the list, the range.
  const changed = [
    config({ run: { start: "2020-06-01", cash: 50_000 } }),
    config({ broker: { slippageBps: 20 } }),
    config({ run: { start: "2020-06-01", benchmark: ["QQQ"] } }),
    config({ run: { start: "2020-07-01" } }),
  ];
  for (const c of changed) {
    const together = await runWith(shared, c);
    const alone = await runWith(undefined, c);
    assert.deepEqual(together.benchmarks, alone.benchmarks);
  }
  assert.deepEqual(shared.stats().benchmarks, { builds: 5, hits: 1 });
});
