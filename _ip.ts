import { join } from "node:path";
import { loadConfig } from "./lib/config/load_config.ts";
import { loadMarket } from "./lib/data/load_market.ts";
import { resolveStrategy } from "./lib/run/strategy_source.ts";
import { executeRun, prepareRun } from "./lib/run/run_from_config.ts";
import { openRunAudit } from "./lib/run/run_audit.ts";
const { config } = await loadConfig({ args: ["--source=store", "--store=results/bench/prices_500x5000.db", "--strategy=equal-weight", "--broker-commission=percent:0.001", "--broker-slippage-bps=0", "--cash=10000000"], env: () => undefined, extra: {} });
const market = await loadMarket({ source: config.data.source, csv: config.data.csv, store: config.data.store, fixturesDir: config.data.fixturesDir, tickers: config.data.tickers });
const run = prepareRun(config, market, await resolveStrategy(config.strategy.name));
for (let i = 0; i < 6; i++) for (const audited of [false, true]) {
  const t0 = performance.now();
  const audit = audited ? await openRunAudit({ store: "sqlite", path: join("/tmp/a13/ip", "audit.db") }, run, "bench") : undefined;
  const t1 = performance.now();
  const result = await executeRun(run, { startedAt: "", codeVersion: "bench", audit: audit?.log });
  const t2 = performance.now();
  await audit?.finish(result.period.end);
  const t3 = performance.now();
  console.log(audited ? "audit" : "plain", `open ${(t1 - t0).toFixed(1)} run ${(t2 - t1).toFixed(1)} finish ${(t3 - t2).toFixed(1)}`);
}
