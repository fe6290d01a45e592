/**
 * Why the regime-aware strategy sat in cash on real prices, held as a test:
 * the in-sample diagnosis of docs/research.md ("Why it sits in cash"), 2002-07-30 to
 * 2012-12-31 only, with the old defaults (trending confidence 0.7, no
 * fallback) and the new ones. The bounds are loose on purpose: regime
 * detection changes move the figures by a few points, not the diagnosis.
 * Skipped, with a message, where ../shared/data/market is absent.
 *
 * @module
 */
import assert from "node:assert/strict";
import { loadConfig } from "../lib/config/load_config.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import type { MarketData } from "../lib/data/load_market.ts";
import { CASH_CAUSES } from "../lib/portfolio/cash_causes.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { REGIME_AWARE } from "../lib/run/strategy_source.ts";

const MARKET = new URL("../../shared/data/market", import.meta.url);
const exists = (() => {
  try {
    return Deno.statSync(MARKET).isDirectory;
  } catch {
    return false;
  }
})();
if (!exists) console.log(`skipping the real-price cash diagnosis: ${MARKET.pathname} is absent`);

let market: MarketData | undefined;

async function inSample(flags: readonly string[]) {
  market ??= await loadMarket({
    source: "csv",
    csv: MARKET.pathname,
    store: "data/prices.db",
    fixturesDir: "fixtures",
    tickers: undefined,
  });
  const { config } = await loadConfig({
    args: ["--start-date", "2002-07-30", "--end-date", "2012-12-31", "--no-report", ...flags],
  });
  return await executeRun(prepareRun(config, market, REGIME_AWARE), {
    startedAt: "test",
    codeVersion: "test",
  });
}

Deno.test({
  name:
    "on 2002-2012 real prices the old defaults sat two thirds in cash, mostly for the trend filter",
  ignore: !exists,
  fn: async () => {
    const result = await inSample(["--universe-trending-confidence", "0.7", "--no-fallback"]);
    const cash = result.cash;
    assert.ok(cash !== undefined);
    assert.ok(cash.invested > 0.25 && cash.invested < 0.45, `invested ${cash.invested}`);
    const largest = [...CASH_CAUSES].sort((a, b) => cash.causes[b] - cash.causes[a])[0];
    assert.equal(largest, "trendFilter");
    assert.ok(cash.causes.trendFilter > 0.2, `trend filter ${cash.causes.trendFilter}`);
    assert.deepEqual(result.unbucketed, [
      "C",
      "CSCO",
      "GE",
      "GS",
      "IBM",
      "INTC",
      "ORCL",
      "UNG",
      "WMT",
    ]);
    const total = CASH_CAUSES.reduce((s, c) => s + cash.causes[c], 0);
    assert.ok(Math.abs(total - cash.uninvested) < 1e-9);
  },
});

Deno.test({
  name:
    "on 2002-2012 real prices the new defaults invest most of the portfolio, a third through the fallback",
  ignore: !exists,
  fn: async () => {
    const result = await inSample([]);
    const cash = result.cash;
    assert.ok(cash !== undefined);
    assert.ok(cash.invested > 0.75, `invested ${cash.invested}`);
    assert.ok(-cash.causes.fallback > 0.2, `fallback ${cash.causes.fallback}`);
    assert.ok((result.metrics.exposure ?? 0) > 0.7);
  },
});
