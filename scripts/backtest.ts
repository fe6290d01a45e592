/**
 * `deno task backtest`: runs a backtest from flags and an optional config file,
 * prints a summary (or the result as JSON with `--json`) and writes the result
 * (and the run's audit log) under the results folder. With no arguments it
 * runs the regime-aware strategy on the bundled fixtures, offline.
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseConfigFlags } from "../lib/config/flags.ts";
import {
  mergeLayers,
  readConfigFile,
  stringifyConfig,
  validateConfig,
} from "../lib/config/load.ts";
import { helpText } from "../lib/config/help.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { resolveStrategy } from "../lib/run/strategy_source.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { resultJson, runFolder, writeFilesAtomically } from "../lib/run/write_results.ts";
import { summaryLines } from "../lib/run/summary.ts";
import { codeVersion } from "../lib/run/code_version.ts";
import { openRunAudit } from "../lib/run/run_audit.ts";
import { auditTarget } from "../lib/run/audit_target.ts";
import { buildReport } from "../lib/report/build_report.ts";

const EXTRA = {
  config: { type: "string" },
  "save-config": { type: "string" },
  json: { type: "boolean" },
  help: { type: "string" },
} as const;

const USAGE = `deno task backtest [flags]

Runs a backtest and writes results/<strategy>-<config>-<data>/: result.json, report.html, audit.db.
With no flags: the regime-aware strategy on the bundled synthetic fixtures, offline.

  --config FILE        read a YAML or JSON config file (flags override it)
  --save-config FILE   write the effective config (under results/; loads back to the same run)
  --json               print the result as JSON on stdout instead of the summary
  --help[=TIER]        this help; TIER is basic (default), intermediate, advanced or expert`;

await runScript(async () => {
  const args = Deno.args.map((a) => a === "--help" ? "--help=basic" : a);
  const { layer, extra } = parseConfigFlags(args, EXTRA);
  if (extra.help !== undefined) {
    console.log(helpText("backtest", String(extra.help), USAGE));
    return;
  }
  const configPath = extra.config as string | undefined;
  const fileLayer = configPath ? await readConfigFile(configPath) : {};
  const config = validateConfig(mergeLayers(fileLayer, layer), configPath ?? "flags");
  const definition = await resolveStrategy(config.strategy.name);
  const market = await loadMarket({
    source: config.data.source,
    csv: config.data.csv,
    store: config.data.store,
    fixturesDir: config.data.fixturesDir,
    tickers: config.data.tickers,
  });
  const run = prepareRun(config, market, definition);
  const folder = runFolder(config.output.dir, {
    strategy: run.strategyName,
    configHash: run.configHash,
    dataHash: market.dataHash,
  });
  const version = await codeVersion();
  const audit = config.audit.enabled
    ? await openRunAudit(auditTarget(config, folder), run, version)
    : undefined;
  let result;
  try {
    result = await executeRun(run, {
      startedAt: new Date().toISOString(),
      codeVersion: version,
      audit: audit?.log,
    });
    await audit?.finish(result.period.end);
  } catch (error) {
    await audit?.fail(error);
    throw error;
  }
  const files: Record<string, string> = { "result.json": resultJson(result) };
  if (config.report.enabled) {
    files["report.html"] = buildReport(result, { logScale: config.report.logScale });
  }
  const written = await writeFilesAtomically(folder, files);
  const savePath = extra["save-config"] as string | undefined;
  if (savePath) {
    const format = savePath.endsWith(".json") ? "json" : "yaml";
    const slash = savePath.lastIndexOf("/");
    await writeFilesAtomically(slash < 0 ? "." : savePath.slice(0, slash), {
      [savePath.slice(slash + 1)]: stringifyConfig(config, format),
    });
  }
  if (extra.json) {
    console.log(resultJson(result).trimEnd());
  } else {
    for (const line of summaryLines(result)) console.log(line);
    const files = audit ? [...written, audit.path] : written;
    console.log(`\nresults: ${files.join(", ")}${savePath ? `\nconfig saved: ${savePath}` : ""}`);
  }
});
