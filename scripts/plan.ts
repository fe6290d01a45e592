/**
 * `deno task plan`: daily use of a strategy on a paper portfolio. Creates a
 * portfolio (`--init`), plans the next day (fills the previous plan's orders
 * at the day's open, then runs the backtest's pipeline on the day and prints
 * the targets and the orders for the next open, with reasons), or prints its
 * status (`--status`). The config comes in layers as for the backtest; prices
 * come from the price store unless the config names another source.
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { loadConfig } from "../lib/config/load_config.ts";
import { helpRequest, helpText } from "../lib/config/help.ts";
import type { Config } from "../lib/config/schema.ts";
import { parseIsoDay } from "../lib/data/dates.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { InputError } from "../lib/errors.ts";
import { codeVersion } from "../lib/run/code_version.ts";
import { readEnv } from "../lib/run/audit_target.ts";
import { resolveStrategy } from "../lib/run/strategy_source.ts";
import { newPortfolio } from "../lib/live/create_portfolio.ts";
import { createLedger, openLedger } from "../lib/live/open_ledger.ts";
import { planPortfolio } from "../lib/live/plan_portfolio.ts";
import { planLines, statusLines } from "../lib/live/plan_text.ts";
import { portfolioAuditTarget } from "../lib/live/portfolio_audit.ts";
import { benchmarksSinceInception, portfolioStatus } from "../lib/live/portfolio_status.ts";
import { panelFor } from "../lib/run/regime_services.ts";
// The database client loads only when the config enables the research database.
const databaseServices = () => import("../lib/run/database_services.ts");

const EXTRA = {
  portfolio: { type: "string" },
  date: { type: "string" },
  init: { type: "boolean" },
  status: { type: "boolean" },
  replan: { type: "boolean" },
  "accept-config-change": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "string" },
} as const;

const USAGE = `deno task plan --portfolio NAME [--date YYYY-MM-DD] [flags]

Plans a paper portfolio: fills the last plan's orders at the day's open (with the broker's
commission and slippage), runs the strategy's pipeline on the day and prints the target weights
and the orders for the next open, with the reason for each. Days missed since the last plan are
caught up one by one. The ledger is data/portfolios/NAME.db; every decision goes to the audit
log results/portfolios/NAME/audit.db (deno task audit why TICKER DATE --store ...).

  --portfolio NAME          the paper portfolio (letters, digits, - and _)
  --init                    create it: starting cash --cash (default 100000), first day --date
                            (default the last day of the prices), the config given now
  --date YYYY-MM-DD         the day to plan (default the last day of the price store)
  --replan                  plan the last planned day again (its earlier plan stays, replaced)
  --accept-config-change    plan with a config whose deciding settings changed; recorded
  --status                  holdings, value, P&L against the benchmarks, protections, last plan
  --json                    print JSON instead of text
  --config FILE, --preset NAME, and every flag of the backtest (--help=intermediate...)
  --help[=TIER]             this help

Prices come from the price store (data/prices.db; --store PATH) unless --source says otherwise.`;

/** The effective config: the plan reads the price store unless a layer set the source. */
function _planConfig(loaded: Awaited<ReturnType<typeof loadConfig>>): Config {
  const config = loaded.config;
  const origin = loaded.provenance.find((p) => p.path === "data.source")?.origin;
  if (origin !== "default" || config.data.csv !== undefined) return config;
  return { ...config, data: { ...config.data, source: "store" } };
}

function _date(text: string | undefined): string | undefined {
  if (text !== undefined && Number.isNaN(parseIsoDay(text))) {
    throw new InputError(`--date must be a date as YYYY-MM-DD: got "${text}"`);
  }
  return text;
}

function _print(json: boolean, value: unknown, lines: () => string[]): void {
  if (json) console.log(JSON.stringify(value, null, 2));
  else for (const line of lines()) console.log(line);
}

await runScript(async () => {
  const help = helpRequest(Deno.args);
  if (help !== undefined) {
    console.log(helpText("plan", help, USAGE));
    return;
  }
  const loaded = await loadConfig({ args: Deno.args, env: readEnv, extra: EXTRA });
  const { extra } = loaded;
  const name = extra.portfolio as string | undefined;
  if (name === undefined) throw new InputError(`--portfolio NAME is required\n${USAGE}`);
  const modes = (["init", "status", "replan"] as const).filter((m) => extra[m] === true);
  if (modes.length > 1) {
    throw new InputError(`--${modes.join(" and --")} cannot be combined`);
  }
  const date = _date(extra.date as string | undefined);
  const json = extra.json === true;
  const config = _planConfig(loaded);
  const loadPrices = () =>
    loadMarket({
      source: config.data.source,
      csv: config.data.csv,
      store: config.data.store,
      fixturesDir: config.data.fixturesDir,
      tickers: config.data.tickers,
    });
  if (extra.status === true) {
    const ledger = await openLedger(config, name, readEnv);
    try {
      const contents = await ledger.read();
      // The benchmarks are simulated over the planned days from the prices, as a backtest's are.
      const benchmarks = contents.days.length === 0 ? [] : benchmarksSinceInception(
        contents,
        panelFor(contents.portfolio.config, await loadPrices()),
      );
      const status = portfolioStatus(contents, ledger.location, benchmarks);
      _print(json, status, () => statusLines(status));
    } finally {
      await ledger.close();
    }
    return;
  }
  const definition = await resolveStrategy(config.strategy.name);
  const market = await loadPrices();
  const version = await codeVersion();
  if (extra.init === true) {
    const { portfolio, state } = newPortfolio({
      name,
      config,
      market,
      definition,
      inception: date,
      clock: Date.now,
      codeVersion: version,
    });
    const where = await createLedger(config, portfolio, state, readEnv);
    _print(json, { portfolio, ledger: where }, () => [
      `created portfolio ${name}: ${portfolio.cash} in cash, first day ${portfolio.inception}, strategy ${config.strategy.name}`,
      `ledger: ${where}`,
      `plan it: deno task plan --portfolio ${name}${
        loaded.configPath ? ` --config ${loaded.configPath}` : ""
      } (with the same config flags each day)`,
    ]);
    return;
  }
  const ledger = await openLedger(config, name, readEnv);
  const database = config.database.enabled
    ? await databaseServices().then((d) =>
      d.openDatabaseServices({ enabled: true, env: readEnv, logger: d.stderrLogger })
    )
    : { runContext: undefined, close: () => Promise.resolve() };
  try {
    const outcome = await planPortfolio({
      ledger,
      config,
      market,
      definition,
      date,
      replan: extra.replan === true,
      acceptConfigChange: extra["accept-config-change"] === true,
      audit: portfolioAuditTarget(config, name),
      clock: Date.now,
      codeVersion: version,
      database: database.runContext,
    });
    _print(json, outcome, () => planLines(outcome));
  } finally {
    await database.close();
    await ledger.close();
  }
});
