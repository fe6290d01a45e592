/**
 * Fundamentals from the price store reach the regime-aware run: `deno task
 * ingest --fundamentals` fills the store, `loadMarket` (source store) reads them,
 * and `marketServices` indexes them point in time for the fundamental score.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { validateConfig } from "../lib/config/load.ts";
import { loadFixtures } from "../lib/data/fixtures.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { PriceStore } from "../lib/data/price_store.ts";
import { fundamentalScore } from "../lib/portfolio/fundamental_score.ts";
import { marketServices } from "../lib/run/regime_services.ts";
import { panelFor } from "../lib/run/run_from_config.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
// Two stocks and the ETFs the regime detector needs as growth and inflation proxies.
const TICKERS = ["SPY", "AAPL", "KO", "TIP", "IEF"];

Deno.test("marketServices() scores from the store's fundamentals, point in time", async () => {
  const dir = await Deno.makeTempDir({ prefix: "store_fundamentals_test_" });
  try {
    const fx = await loadFixtures(FIXTURES);
    const path = join(dir, "prices.db");
    const store = PriceStore.open(path);
    try {
      store.write(fx.series.filter((s) => TICKERS.includes(s.ticker)));
      store.writeFundamentals(fx.fundamentals);
    } finally {
      store.close();
    }
    const market = await loadMarket({
      source: "store",
      store: path,
      fixturesDir: FIXTURES,
      tickers: TICKERS,
    });
    const config = validateConfig({
      run: { start: "2012-01-03", end: "2012-12-31" },
      audit: { enabled: false },
    });
    const services = await marketServices(config, market, panelFor(config, market), {
      from: "2012-01-03",
      to: "2012-12-31",
    });
    // The fixtures' first AAPL report (period end 2011-03-31) is filed 2011-05-12.
    const first = market.fundamentals?.find((r) => r.ticker === "AAPL");
    assert.equal(first?.filingDate, "2011-05-12");
    assert.equal(services.fundamentals?.latestAsOf("AAPL", "2011-05-11"), null);
    assert.equal(services.fundamentals?.latestAsOf("AAPL", "2011-05-12"), first);
    assert.equal(services.fundamentals?.latestAsOf("SPY", "2012-06-01"), null);
    // KO on 2012-06-01: its last report filed by then, scored from every part.
    const ko = services.fundamentals?.latestAsOf("KO", "2012-06-01") ?? null;
    const filed = fx.fundamentals.filter((r) => r.ticker === "KO" && r.filingDate <= "2012-06-01");
    assert.deepEqual(ko, filed.at(-1));
    const score = fundamentalScore(ko);
    assert.ok(score !== null && score > 0 && score < 1, `score ${score}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
