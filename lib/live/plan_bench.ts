/**
 * Benchmarks of one daily plan: the regime-aware strategy on a price store
 * of the whole fixture market (42 tickers, 2011-2020), planning its last day
 * again (`--replan`: restore the state, build the Panel and services, run the
 * day, write it) with and without the audit log, and an equal-weight
 * portfolio for the cost without regime services. The market is loaded once,
 * as the task loads it once per process.
 *
 * @module
 */
import { join } from "node:path";
import { validateConfig } from "../config/load.ts";
import { ingest } from "../data/ingest.ts";
import { loadMarket } from "../data/load_market.ts";
import { resolveStrategy } from "../run/strategy_source.ts";
import { newPortfolio } from "./create_portfolio.ts";
import { createLedger, openLedger } from "./open_ledger.ts";
import { planPortfolio } from "./plan_portfolio.ts";
import type { PortfolioAuditTarget } from "./portfolio_audit.ts";
import { portfolioAuditTarget } from "./portfolio_audit.ts";

const dir = await Deno.makeTempDir({ prefix: "plan-bench-" });
const store = join(dir, "prices.db");
await ingest({
  source: "fixtures",
  path: new URL("../../fixtures", import.meta.url).pathname,
  storePath: store,
  fundamentals: true,
});
const market = await loadMarket({ source: "store", store, fixturesDir: "" });

async function portfolio(name: string, strategy: string) {
  const config = validateConfig({
    data: { source: "store", store },
    strategy: { name: strategy },
    ledger: { dir: join(dir, "ledger") },
    output: { dir },
  });
  const definition = await resolveStrategy(strategy);
  const created = newPortfolio({
    name,
    config,
    market,
    definition,
    inception: "2020-12-29",
    clock: Date.now,
    codeVersion: "bench",
  });
  await createLedger(config, created.portfolio, created.state, () => undefined);
  const plan = async (audit: PortfolioAuditTarget | undefined, replan: boolean) => {
    const ledger = await openLedger(config, name, () => undefined);
    try {
      await planPortfolio({
        ledger,
        config,
        market,
        definition,
        date: "2020-12-31",
        replan,
        audit,
        clock: Date.now,
        codeVersion: "bench",
      });
    } finally {
      await ledger.close();
    }
  };
  await plan(portfolioAuditTarget(config, name), false);
  return { config, plan };
}

const regime = await portfolio("regime", "regime-aware");
const equal = await portfolio("equal", "equal-weight");
Deno.bench("plan one day: regime-aware, 42 tickers x 10 years, audit log in SQLite", async () => {
  await regime.plan(portfolioAuditTarget(regime.config, "regime"), true);
});

Deno.bench("plan one day: regime-aware, no audit log", async () => {
  await regime.plan(undefined, true);
});

Deno.bench("plan one day: equal-weight, no audit log", async () => {
  await equal.plan(undefined, true);
});

globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
