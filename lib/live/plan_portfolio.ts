/**
 * One plan of a paper portfolio, as `deno task plan` runs it: inside one
 * ledger transaction that holds the portfolio's lock,
 *
 * 1. check the request against the ledger (the day is in the price data, not
 *    before the last planned day, not planned already unless `replan`, the
 *    config unchanged unless `acceptConfigChange`): an InputError, nothing written;
 * 2. prepare the days from the last planned one (exclusive) through the plan's
 *    day: a gap of missing days is caught up day by day, each day filling the
 *    previous day's orders at its open and then planning again;
 * 3. run them, recording every decision in the portfolio's audit log;
 * 4. write each day (value, holdings, fills, trades, protection decisions,
 *    plan, state) and commit.
 *
 * Without a date, a plan whose last day of prices is already planned plans
 * nothing and says so (a daily job on a market holiday); with `date` it is
 * refused. A plan killed anywhere leaves the ledger as it was before it. If it dies
 * after its audit log was written but before the commit, the next plan skips
 * the sessions it left and says so in the log.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import type { REGIME_AWARE } from "../run/strategy_source.ts";
import type { ResearchReader } from "../db/research_repository.ts";
import type { RegimeLogger } from "../market/regime_provider.ts";
import { InputError } from "../errors.ts";
import { isMarketDay, marketRange } from "./market_days.ts";
import type { ConfigChange, PlanDay, PortfolioLedger } from "./ledger.ts";
import { configChanges, decidingHash } from "./config_change.ts";
import { preparePlan } from "./plan_days.ts";
import { openPortfolioLog, type PortfolioAuditTarget } from "./portfolio_audit.ts";

/** What {@link planPortfolio} needs. */
export type PlanRequest = {
  readonly ledger: PortfolioLedger;
  /** The effective config (layers as for the backtest). */
  readonly config: Config;
  readonly market: MarketData;
  readonly definition: StrategyFactory | typeof REGIME_AWARE;
  /** The day to plan (ISO); default the last day of the price data. */
  readonly date?: string | undefined;
  /** Plan the last planned day again. */
  readonly replan?: boolean;
  /** Plan with a config whose deciding settings changed since the portfolio's was recorded. */
  readonly acceptConfigChange?: boolean;
  /** The portfolio's audit log, when auditing is on. */
  readonly audit?: PortfolioAuditTarget | undefined;
  /** Wall clock (epoch ms), for `recordedAt` fields only. */
  readonly clock: () => number;
  readonly codeVersion: string;
  readonly database?: {
    readonly research: ResearchReader | undefined;
    readonly logger: RegimeLogger;
  } | undefined;
};

/** What a plan did. */
export type PlanOutcome = {
  readonly portfolio: string;
  /** Every day planned, oldest first (more than one when a gap was caught up; none when the prices hold no new day). */
  readonly days: readonly PlanDay[];
  /** Whether the day had been planned before and was planned again. */
  readonly replanned: boolean;
  /** The config change this plan accepted, if any. */
  readonly configChange: Omit<ConfigChange, "config"> | null;
  readonly ledger: string;
  /** Where the audit log is and its run, when auditing is on. */
  readonly audit: { readonly target: string; readonly runId: string } | null;
};

/** The day to plan: `date` or the data's last day; an InputError when the data lacks it. */
function _planDay(market: MarketData, date: string | undefined): string {
  const { first, last } = marketRange(market);
  if (date === undefined) return last;
  if (!isMarketDay(market, date)) {
    throw new InputError(
      `--date ${date}: the price data (${market.source}) has no prices for that day (its days run from ${first} to ${last})${
        date > last ? "; fetch them first with deno task ingest" : ""
      }`,
    );
  }
  return date;
}

/**
 * Plans a portfolio; see the module doc.
 *
 * @example A portfolio on the fixtures: created, then a week planned in two plans
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateConfig } from "../config/load.ts";
 * import { loadMarket } from "../data/load_market.ts";
 * import { createLedger, newPortfolio, openLedger, planPortfolio } from "./mod.ts";
 *
 * const dir = await Deno.makeTempDir();
 * const config = validateConfig({ ledger: { dir }, audit: { enabled: false } });
 * const market = await loadMarket({ ...config.data, fixturesDir: new URL("../../fixtures/", import.meta.url) });
 * const { portfolio, state } = newPortfolio({
 *   name: "demo", config, market, definition: "regime-aware", inception: "2020-06-01", clock: () => 0, codeVersion: "doc",
 * });
 * await createLedger(config, portfolio, state, () => undefined);
 * const ledger = await openLedger(config, "demo", () => undefined);
 * const request = { ledger, config, market, definition: "regime-aware", clock: () => 0, codeVersion: "doc" } as const;
 * const first = await planPortfolio({ ...request, date: "2020-06-03" }); // catches up 06-01 to 06-03
 * assert.deepEqual(first.days.map((d) => d.date), ["2020-06-01", "2020-06-02", "2020-06-03"]);
 * const next = await planPortfolio({ ...request, date: "2020-06-05" });
 * assert.equal(next.days.length, 2);
 * // Orders placed on the 1st filled at the 2nd's open; each has a reason.
 * const { fills, plans } = await ledger.read();
 * assert.ok(fills.length > 0 && fills[0]?.date === "2020-06-02");
 * assert.ok(plans.flatMap((p) => p.orders).every((o) => o.reason.length > 0));
 * await assert.rejects(() => planPortfolio({ ...request, date: "2020-06-04" }), /last planned day 2020-06-05/);
 * await ledger.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function planPortfolio(request: PlanRequest): Promise<PlanOutcome> {
  const { ledger, config, market } = request;
  const date = _planDay(market, request.date);
  return await ledger.write(async (tx) => {
    const portfolio = await tx.portfolio();
    const lastDay = await tx.lastDay();
    if (date < portfolio.inception) {
      throw new InputError(
        `--date ${date} is before portfolio ${portfolio.name}'s inception ${portfolio.inception}`,
      );
    }
    const replanned = lastDay !== undefined && date === lastDay;
    if (lastDay !== undefined && date < lastDay) {
      throw new InputError(
        `--date ${date} is before portfolio ${portfolio.name}'s last planned day ${lastDay}: the ledger only moves forward${
          request.replan ? " (--replan plans only that last day again)" : ""
        }`,
      );
    }
    if (replanned && !request.replan && request.date === undefined) {
      // A daily job on a day without new prices (a holiday, a failed ingest): nothing to do.
      return {
        portfolio: portfolio.name,
        days: [],
        replanned: false,
        configChange: null,
        ledger: ledger.location,
        audit: null,
      };
    }
    if (replanned && !request.replan) {
      throw new InputError(
        `portfolio ${portfolio.name} has already planned ${date}; --replan plans it again (the plan it replaces stays in the ledger)`,
      );
    }
    const now = () => new Date(request.clock()).toISOString();
    const changes = configChanges(portfolio.config, config);
    if (changes.length > 0 && !request.acceptConfigChange) {
      throw new InputError([
        `portfolio ${portfolio.name}: the config differs from the one it plans with (${ledger.location}):`,
        ...changes.slice(0, 10).map((c) => `  ${c}`),
        ...(changes.length > 10 ? [`  ... and ${changes.length - 10} more`] : []),
        "pass the portfolio's config again (--config, --preset, flags), or --accept-config-change to plan with this one from now on (recorded in the ledger)",
      ]);
    }
    const state = replanned ? await tx.stateBefore(date) : await tx.lastState();
    const prepared = await preparePlan({
      config,
      market,
      definition: request.definition,
      inception: portfolio.inception,
      state,
      through: date,
      database: request.database,
    });
    const first = prepared.dates[0] ?? date;
    let audit: { log: Awaited<ReturnType<typeof openPortfolioLog>>; target: string } | undefined;
    let sink: Awaited<ReturnType<PortfolioAuditTarget["open"]>> | undefined;
    if (request.audit) {
      sink = await request.audit.open();
      const log = await openPortfolioLog(sink, request.audit.target, state.audit, {
        name: portfolio.name,
        inception: portfolio.inception,
        configHash: portfolio.configHash,
        dataHash: market.dataHash,
        codeVersion: request.codeVersion,
        asOf: first,
        clock: request.clock,
      });
      audit = { log, target: request.audit.target };
    }
    let days: PlanDay[];
    let change: ConfigChange | null = null;
    try {
      if (changes.length > 0) {
        change = {
          date: first,
          recordedAt: now(),
          fromHash: portfolio.configHash,
          toHash: decidingHash(config),
          changes,
          config,
        };
        audit?.log.record({
          type: "CustomEvent",
          eventType: "config_changed",
          category: "run",
          asOf: first,
          reason: `accepted with --accept-config-change: ${changes.join("; ")}`,
          metadata: { from_hash: change.fromHash, to_hash: change.toHash },
        });
      }
      if (replanned) {
        audit?.log.record({
          type: "CustomEvent",
          eventType: "day_replanned",
          category: "run",
          asOf: date,
          reason:
            `${date} planned again (--replan); the sessions of its earlier plan are superseded`,
        });
      }
      days = prepared.run(audit);
      await audit?.log.finish({ asOf: date, metadata: { planned: days.map((d) => d.date) } });
    } catch (error) {
      await audit?.log.fail(error).catch(() => {});
      throw error;
    } finally {
      await sink?.close();
    }
    if (change !== null) await tx.changeConfig(change);
    if (replanned) await tx.removeDay(date);
    const recordedAt = now();
    for (const day of days) await tx.addDay(day, recordedAt);
    const { config: _, ...changeRecord } = change ?? { config: null };
    return {
      portfolio: portfolio.name,
      days,
      replanned,
      configChange: change === null ? null : changeRecord as Omit<ConfigChange, "config">,
      ledger: ledger.location,
      audit: audit ? { target: audit.target, runId: audit.log.runId } : null,
    };
  });
}
