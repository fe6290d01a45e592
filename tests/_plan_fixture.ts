/**
 * Test support for the daily plan: a price store holding the fixture market
 * from 2011 through 2014 (as `deno task ingest --source fixtures --end
 * 2014-12-31 --fundamentals` writes it), configs that read it, planning a
 * portfolio one day at a time in-process as `deno task plan` does, and the
 * backtest of the same period to compare with.
 *
 * @module
 */
import { join } from "node:path";
import type { EventSink } from "../lib/audit/event_sink.ts";
import { validateConfig } from "../lib/config/load.ts";
import type { Config, ConfigInput } from "../lib/config/schema.ts";
import { ingest } from "../lib/data/ingest.ts";
import { loadMarket, type MarketData } from "../lib/data/load_market.ts";
import type { StrategyFactory } from "../lib/engine/define_strategy.ts";
import type { RunResult } from "../lib/engine/run_result.ts";
import { AuditLog } from "../lib/audit/audit_log.ts";
import { executeRun, panelFor, prepareRun } from "../lib/run/run_from_config.ts";
import { type REGIME_AWARE, resolveStrategy } from "../lib/run/strategy_source.ts";
import { newPortfolio } from "../lib/live/create_portfolio.ts";
import { createLedger, openLedger } from "../lib/live/open_ledger.ts";
import { planPortfolio } from "../lib/live/plan_portfolio.ts";
import type { PortfolioAuditTarget } from "../lib/live/portfolio_audit.ts";

/** The repository's fixture market. */
export const FIXTURES: string = new URL("../fixtures", import.meta.url).pathname;

/** The last day the test store holds. */
export const STORE_END = "2014-12-31";

/** Fills `<dir>/prices.db` with the fixtures through {@link STORE_END}; returns its path. */
export async function fixtureStore(dir: string): Promise<string> {
  const storePath = join(dir, "prices.db");
  await ingest({
    source: "fixtures",
    path: FIXTURES,
    storePath,
    end: STORE_END,
    fundamentals: true,
  });
  return storePath;
}

/** A validated config reading the store at `store`, with `extra` over it. */
export function storeConfig(store: string, extra: ConfigInput = {}): Config {
  const base = { data: { source: "store", store }, report: { enabled: false } };
  return validateConfig(_merge(base, extra));
}

function _merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev !== null && typeof prev === "object" && !Array.isArray(prev) &&
        v !== null && typeof v === "object" && !Array.isArray(v)
      ? _merge(prev as Record<string, unknown>, v as Record<string, unknown>)
      : v;
  }
  return out;
}

/** The market a config reads. */
export function marketOf(config: Config): Promise<MarketData> {
  return loadMarket({
    source: config.data.source,
    store: config.data.store,
    fixturesDir: FIXTURES,
    tickers: config.data.tickers,
  });
}

/** Trading days of the market from `start` through `end`. */
export function tradingDays(config: Config, market: MarketData, start: string, end: string) {
  const panel = panelFor(config, market);
  const dates: string[] = [];
  for (let t = panel.indexOnOrAfter(start); t <= panel.indexOnOrBefore(end); t++) {
    dates.push(panel.dateAt(t));
  }
  return dates;
}

/** An audit target over one sink kept across plans (closing it does nothing). */
export function sinkTarget(sink: EventSink, target = "memory"): PortfolioAuditTarget {
  return {
    target,
    open: () =>
      Promise.resolve(
        {
          claimRun: (run) => sink.claimRun(run),
          reopenRun: (runId) => sink.reopenRun?.(runId) ?? Promise.resolve(0),
          record: (e) => sink.record(e),
          flush: () => sink.flush(),
          close: () => sink.flush(),
        } satisfies EventSink,
      ),
  };
}

/** What a day-by-day plan needs. */
export type DailyPlan = {
  readonly config: Config;
  readonly market: MarketData;
  readonly name: string;
  readonly inception: string;
  readonly dates: readonly string[];
  readonly audit?: PortfolioAuditTarget;
};

/** Creates portfolio `name` and plans it once per date, opening and closing its ledger each day. */
export async function planDaily(plan: DailyPlan): Promise<void> {
  const { config, market } = plan;
  const definition = await resolveStrategy(config.strategy.name);
  const { portfolio, state } = newPortfolio({
    name: plan.name,
    config,
    market,
    definition,
    inception: plan.inception,
    clock: () => 0,
    codeVersion: "test",
  });
  await createLedger(config, portfolio, state, () => undefined);
  await planDays(plan, definition);
}

/** Plans an existing portfolio once per date. */
export async function planDays(
  plan: Omit<DailyPlan, "inception">,
  definition?: StrategyFactory | typeof REGIME_AWARE,
): Promise<void> {
  const d = definition ?? await resolveStrategy(plan.config.strategy.name);
  for (const date of plan.dates) {
    const ledger = await openLedger(plan.config, plan.name, () => undefined);
    try {
      await planPortfolio({
        ledger,
        config: plan.config,
        market: plan.market,
        definition: d,
        date,
        audit: plan.audit,
        clock: () => 0,
        codeVersion: "test",
      });
    } finally {
      await ledger.close();
    }
  }
}

/** The backtest of `config` from `start` through `end`, audited into `sink` when given. */
export async function backtest(
  config: Config,
  market: MarketData,
  start: string,
  end: string,
  sink?: EventSink,
): Promise<RunResult> {
  const definition = await resolveStrategy(config.strategy.name);
  const run = prepareRun(
    validateConfig({ ...JSON.parse(JSON.stringify(config)), run: { ...config.run, start, end } }),
    market,
    definition,
  );
  const audit = sink === undefined ? undefined : await AuditLog.start(sink, {
    configHash: run.configHash,
    dataHash: market.dataHash,
    codeVersion: "test",
    asOf: start,
    clock: () => 0,
  });
  const result = await executeRun(run, { startedAt: "", codeVersion: "test", audit });
  await audit?.finish({ asOf: end });
  return result;
}
