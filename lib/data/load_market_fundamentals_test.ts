import assert from "node:assert/strict";
import { join } from "node:path";
import { loadMarket } from "./load_market.ts";
import { loadFixtures } from "./fixtures.ts";
import { PriceStore } from "./price_store.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const TICKERS = ["SPY", "AAPL", "KO"];

/** A price store holding the fixtures' prices of `TICKERS` and, with `fundamentals`, their reports. */
async function withStore(
  fundamentals: boolean,
  fn: (path: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "load_market_fundamentals_test_" });
  try {
    const fx = await loadFixtures(FIXTURES);
    const path = join(dir, "prices.db");
    const store = PriceStore.open(path);
    try {
      store.write(fx.series.filter((s) => TICKERS.includes(s.ticker)));
      if (fundamentals) store.writeFundamentals(fx.fundamentals);
    } finally {
      store.close();
    }
    await fn(path);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const request = (store: string) => ({
  source: "store" as const,
  store,
  fixturesDir: FIXTURES,
  tickers: TICKERS,
});

Deno.test("loadMarket() brings the store's fundamentals of the tickers asked", () =>
  withStore(true, async (path) => {
    const market = await loadMarket(request(path));
    const fx = await loadFixtures(FIXTURES);
    // The fixtures have reports for stocks only: AAPL and KO, not the ETF SPY.
    assert.deepEqual(
      market.fundamentals,
      fx.fundamentals.filter((r) => r.ticker === "AAPL" || r.ticker === "KO"),
    );
  }));

Deno.test("loadMarket() has no fundamentals for a store without any", () =>
  withStore(false, async (path) => {
    const market = await loadMarket(request(path));
    assert.equal(market.fundamentals, undefined);
  }));

Deno.test("loadMarket() brings the fixtures' fundamentals, cut to the tickers asked", async () => {
  const market = await loadMarket({ ...request(""), source: "fixtures", tickers: ["KO"] });
  assert.ok((market.fundamentals?.length ?? 0) > 0);
  assert.ok(market.fundamentals?.every((r) => r.ticker === "KO"));
});
