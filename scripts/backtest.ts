/**
 * `deno task backtest`: runs a backtest from flags and an optional config file,
 * prints a summary (or the result as JSON with `--json`) and writes the result
 * (and the run's audit log) under the results folder. With no arguments it
 * runs the regime-aware strategy on the bundled fixtures, offline.
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { stringifyConfig } from "../lib/config/load.ts";
import { loadConfig } from "../lib/config/load_config.ts";
import { helpRequest, helpText } from "../lib/config/help.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { resolveStrategy } from "../lib/run/strategy_source.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import {
  type FileText,
  resultJson,
  resultJsonPieces,
  runFolder,
  writeFilesAtomically,
} from "../lib/run/write_results.ts";
import { summaryLines } from "../lib/run/summary.ts";
import { pointLatestRun } from "../lib/run/latest_run.ts";
import { codeVersion } from "../lib/run/code_version.ts";
import { openRunAudit } from "../lib/run/run_audit.ts";
import { auditTarget, readEnv } from "../lib/run/audit_target.ts";
// The database client, the report (ECharts inlined) and ablation load only when a run uses them.
const databaseServices = () => import("../lib/run/database_services.ts");
const reportBuilder = () => import("../lib/report/build_report.ts");
const ablations = () => import("../lib/run/ablation.ts");

const EXTRA = {
  config: { type: "string" },
  "save-config": { type: "string" },
  json: { type: "boolean" },
  ablate: { type: "boolean" },
  help: { type: "string" },
} as const;

const USAGE = `deno task backtest [flags]

Runs a backtest and writes results/<strategy>-<config>-<data>/: result.json, report.html, audit.db,
and names that folder in results/latest, which deno task audit and deno task report read when
given no run. With no flags: the regime-aware strategy on the bundled synthetic fixtures, offline.

  --config FILE        read a YAML or JSON config file (ENGINE_* variables and flags override it)
  --preset NAME        conservative, aggressive, adaptive or institutional (under the file)
  --save-config FILE   write the effective config (under results/; loads back to the same run)
  --json               print the result as JSON on stdout instead of the summary
  --ablate             also run once per protection with it off; print what each changed and
                       write ablation.json (with --json: print the ablation as JSON)
  --help[=TIER]        this help; TIER is basic (default), intermediate, advanced or expert`;

await runScript(async () => {
  const help = helpRequest(Deno.args);
  if (help !== undefined) {
    console.log(helpText("backtest", help, USAGE));
    return;
  }
  const { config, extra } = await loadConfig({
    args: Deno.args,
    env: (name) => Deno.env.get(name),
    extra: EXTRA,
  });
  const definition = await resolveStrategy(config.strategy.name);
  const market = await loadMarket({
    source: config.data.source,
    csv: config.data.csv,
    store: config.data.store,
    fixturesDir: config.data.fixturesDir,
    tickers: config.data.tickers,
  });
  const run = prepareRun(config, market, definition);
  const ablationModule = extra.ablate ? await ablations() : undefined;
  ablationModule?.checkAblatable(run);
  // The effective config is known before the run: saving it first means a bad path is refused
  // (exit 2) before any result is written.
  const savePath = extra["save-config"] as string | undefined;
  if (savePath) {
    const format = savePath.endsWith(".json") ? "json" : "yaml";
    const slash = savePath.lastIndexOf("/");
    await writeFilesAtomically(slash < 0 ? "." : savePath.slice(0, slash), {
      [savePath.slice(slash + 1)]: stringifyConfig(config, format),
    });
  }
  const folder = runFolder(config.output.dir, {
    strategy: run.strategyName,
    configHash: run.configHash,
    dataHash: market.dataHash,
  });
  const version = await codeVersion();
  const database = config.database.enabled
    ? await databaseServices().then((d) =>
      d.openDatabaseServices({ enabled: true, env: readEnv, logger: d.stderrLogger })
    )
    : { runContext: undefined, close: () => Promise.resolve() };
  const audit = config.audit.enabled
    ? await openRunAudit(auditTarget(config, folder), run, version)
    : undefined;
  let result, ablation;
  try {
    const context = {
      startedAt: new Date().toISOString(),
      codeVersion: version,
      audit: audit?.log,
      ...(database.runContext ? { database: database.runContext } : {}),
    };
    if (ablationModule) {
      ({ result, report: ablation } = await ablationModule.runAblation(run, context));
    } else result = await executeRun(run, context);
    await audit?.finish(result.period.end);
  } catch (error) {
    await audit?.fail(error);
    throw error;
  } finally {
    await database.close();
  }
  const files: Record<string, FileText> = { "result.json": resultJsonPieces(result) };
  if (ablationModule && ablation) files["ablation.json"] = ablationModule.ablationJson(ablation);
  if (config.report.enabled) {
    const { buildReport } = await reportBuilder();
    files["report.html"] = buildReport(result, { logScale: config.report.logScale });
  }
  const written = await writeFilesAtomically(folder, files);
  await pointLatestRun(folder);
  if (extra.json) {
    console.log(
      (ablationModule && ablation ? ablationModule.ablationJson(ablation) : resultJson(result))
        .trimEnd(),
    );
  } else {
    for (const line of summaryLines(result)) console.log(line);
    for (
      const line of ablationModule && ablation
        ? ["", ...ablationModule.ablationLines(ablation)]
        : []
    ) {
      console.log(line);
    }
    const files = audit ? [...written, audit.path] : written;
    console.log(`\nresults: ${files.join(", ")}${savePath ? `\nconfig saved: ${savePath}` : ""}`);
  }
});
