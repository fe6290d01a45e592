/**
 * Creating a paper portfolio (`deno task plan --portfolio NAME --init --cash
 * 100000`): its record (inception day, starting cash, the config it plans
 * with) and the state it starts from, nothing held and nothing planned. The
 * first plan then plans from the inception day on.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import { InputError } from "../errors.ts";
import { isMarketDay, marketRange } from "./market_days.ts";
import { REGIME_AWARE } from "../run/strategy_source.ts";
import { decidingHash } from "./config_change.ts";
import { checkPortfolioName, type PortfolioRecord } from "./ledger.ts";
import { initialPlanState, type PlanState } from "./plan_state.ts";

/** What a new portfolio needs. */
export type NewPortfolio = {
  readonly name: string;
  readonly config: Config;
  readonly market: MarketData;
  readonly definition: StrategyFactory | typeof REGIME_AWARE;
  /** The first day it plans (ISO); default the last day of the price data. */
  readonly inception?: string | undefined;
  /** Wall clock (epoch ms) of the creation. */
  readonly clock: () => number;
  readonly codeVersion: string;
};

/**
 * The record and starting state of a new portfolio, checked: a bad name, an
 * inception day the price data lacks or bad strategy params are InputErrors.
 * Starting cash is the config's `run.cash` (`--cash`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateConfig } from "../config/load.ts";
 * import { loadMarket } from "../data/load_market.ts";
 * import { newPortfolio } from "./create_portfolio.ts";
 *
 * const config = validateConfig({ run: { cash: 50_000 }, data: { tickers: ["SPY", "TLT"] } });
 * const market = await loadMarket({ source: "fixtures", store: "", fixturesDir: new URL("../../fixtures/", import.meta.url), tickers: ["SPY", "TLT"] });
 * const { portfolio, state } = newPortfolio({
 *   name: "demo", config, market, definition: "regime-aware", inception: "2020-06-01", clock: () => 0, codeVersion: "test",
 * });
 * assert.equal(portfolio.inception, "2020-06-01");
 * assert.equal(state.broker.cash, 50_000);
 * assert.equal(state.date, null);
 * assert.throws(() => newPortfolio({
 *   name: "demo", config, market, definition: "regime-aware", inception: "2020-06-06", clock: () => 0, codeVersion: "test",
 * }), /no prices for that day/);
 * ```
 */
export function newPortfolio(
  request: NewPortfolio,
): { portfolio: PortfolioRecord; state: PlanState } {
  checkPortfolioName(request.name);
  const { config, market } = request;
  const { first, last } = marketRange(market);
  const inception = request.inception ?? last;
  if (!isMarketDay(market, inception)) {
    throw new InputError(
      `--date ${inception}: the price data (${market.source}) has no prices for that day (its days run from ${first} to ${last})`,
    );
  }
  if (request.definition !== REGIME_AWARE) request.definition.fromParams(config.strategy.params);
  return {
    portfolio: {
      name: request.name,
      inception,
      cash: config.run.cash,
      config,
      configHash: decidingHash(config),
      createdAt: new Date(request.clock()).toISOString(),
      codeVersion: request.codeVersion,
    },
    state: initialPlanState(config.run.cash),
  };
}
