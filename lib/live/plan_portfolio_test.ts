import assert from "node:assert/strict";
import { MemorySink } from "../audit/event_sink.ts";
import { validateConfig } from "../config/load.ts";
import type { Config } from "../config/schema.ts";
import { loadMarket, type MarketData } from "../data/load_market.ts";
import { resolveStrategy } from "../run/strategy_source.ts";
import { newPortfolio } from "./create_portfolio.ts";
import { createLedger, openLedger } from "./open_ledger.ts";
import { planPortfolio, type PlanRequest } from "./plan_portfolio.ts";
import type { PortfolioAuditTarget } from "./portfolio_audit.ts";
import { benchmarksSinceInception, portfolioStatus } from "./portfolio_status.ts";
import { executeRun, prepareRun } from "../run/run_from_config.ts";
import { panelFor } from "../run/regime_services.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const TICKERS = ["SPY", "TLT", "GLD", "EFA"];

async function setUp(
  dir: string,
  strategy: string,
): Promise<
  {
    config: Config;
    market: MarketData;
    plan: (extra: Partial<PlanRequest>) => ReturnType<typeof planPortfolio>;
  }
> {
  const config = validateConfig({
    data: { fixturesDir: FIXTURES.pathname, tickers: TICKERS },
    strategy: {
      name: strategy,
      params: strategy === "equal-weight" ? { frequency: "weekly" } : {},
    },
    ledger: { dir },
  });
  const market = await loadMarket({ ...config.data, fixturesDir: FIXTURES });
  const definition = await resolveStrategy(strategy);
  const { portfolio, state } = newPortfolio({
    name: "t",
    config,
    market,
    definition,
    inception: "2019-03-01",
    clock: () => 0,
    codeVersion: "test",
  });
  await createLedger(config, portfolio, state, () => undefined);
  const plan = async (extra: Partial<PlanRequest>) => {
    const ledger = await openLedger(config, "t", () => undefined);
    try {
      return await planPortfolio({
        ledger,
        config,
        market,
        definition,
        clock: () => 0,
        codeVersion: "test",
        ...extra,
      });
    } finally {
      await ledger.close();
    }
  };
  return { config, market, plan };
}

function memoryTarget(sink: MemorySink): PortfolioAuditTarget {
  return {
    target: "memory",
    open: () =>
      Promise.resolve({
        claimRun: (r) => sink.claimRun(r),
        reopenRun: (id) => sink.reopenRun(id),
        record: (e) => sink.record(e),
        flush: () => sink.flush(),
        close: () => sink.flush(),
      }),
  };
}

async function inTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "plan-portfolio-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("planPortfolio() with --replan plans the last day again from the day before: the same data gives the same day", async () => {
  await inTemp(async (dir) => {
    const { plan, config } = await setUp(dir, "regime-aware");
    const first = await plan({ date: "2019-03-08" });
    const again = await plan({ date: "2019-03-08", replan: true });
    assert.equal(again.replanned, true);
    assert.deepEqual(again.days.map((d) => d.date), ["2019-03-08"]);
    assert.deepEqual(again.days[0], first.days.at(-1));
    const ledger = await openLedger(config, "t", () => undefined);
    const c = await ledger.read();
    await ledger.close();
    assert.equal(c.days.length, 6);
    assert.deepEqual(c.fills, first.days.flatMap((d) => d.fills));
  });
});

Deno.test("planPortfolio() gives a strategy without sessions of its own one per day with orders, which its fills join", async () => {
  await inTemp(async (dir) => {
    const { plan } = await setUp(dir, "equal-weight");
    const sink = new MemorySink();
    await plan({ date: "2019-03-01", audit: memoryTarget(sink) });
    await plan({ date: "2019-03-05", audit: memoryTarget(sink) });
    const planSessions = sink.events.filter((e) => e.eventType === "session_start");
    assert.deepEqual(planSessions.map((e) => [e.action, e.sessionSeq]), [["plan", 1], ["plan", 2]]);
    const ofFirst = sink.events.filter((e) => e.sessionSeq === 1).map((e) => e.eventType);
    assert.deepEqual(ofFirst.filter((t) => t.startsWith("order")).sort(), [
      ...TICKERS.map(() => "order_filled"),
      ...TICKERS.map(() => "order_placed"),
    ]);
    assert.equal(new Set(sink.events.map((e) => e.runId)).size, 1, "one run for the portfolio");
    const planned = sink.events.filter((e) => e.eventType === "day_planned");
    // Friday 1 March opens the four positions; Monday 4 March, a new week, trims the drift (of
    // the four, one sits within half a share of its target: whole-share rounding to the nearest
    // share leaves it alone).
    assert.deepEqual(planned.map((e) => [e.asOfMs, e.reason]), [
      [Date.UTC(2019, 2, 1), "4 order(s) for the next open"],
      [Date.UTC(2019, 2, 4), "2 order(s) for the next open"],
      [Date.UTC(2019, 2, 5), "0 order(s) for the next open"],
    ]);
  });
});

Deno.test("benchmarksSinceInception() gives the benchmarks a backtest over the planned days gives", async () => {
  await inTemp(async (dir) => {
    const { config, market, plan } = await setUp(dir, "equal-weight");
    await plan({ date: "2019-03-15" });
    const ledger = await openLedger(config, "t", () => undefined);
    const contents = await ledger.read();
    await ledger.close();
    const panel = panelFor(config, market);
    const runs = benchmarksSinceInception(contents, panel);
    const backtest = await executeRun(
      prepareRun(
        { ...config, run: { ...config.run, start: "2019-03-01", end: "2019-03-15" } },
        market,
        await resolveStrategy("equal-weight"),
      ),
      { startedAt: "", codeVersion: "test" },
    );
    assert.deepEqual(runs, backtest.benchmarks);
    const status = portfolioStatus(contents, "t.db", runs);
    const spy = runs[0];
    assert.equal(status.benchmarks[0]?.name, "SPY");
    assert.equal(status.benchmarks[0]?.value, spy?.value.at(-1));
    assert.equal(status.benchmarks[0]?.returnPct, (spy?.value.at(-1) ?? NaN) / 100_000 - 1);
  });
});
