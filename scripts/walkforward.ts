/**
 * `deno task walkforward --grid FILE --train 3y --test 1y [--anchored]`: a
 * walk-forward of a grid file's parameters over a base configuration layered
 * as the backtest layers it. The in-sample runs (every combination in every
 * training window, and over the whole period) are a sweep stored as they
 * finish; each window's winner by the metric is run on the test window that
 * follows, from the previous piece's ending value; the pieces are stitched
 * into one run result. Writes `results/walkforward/<name>/`: `result.json`
 * and `report.html` (the stitched run, which `deno task report` draws; named
 * in `results/latest`), `walkforward.json` and `walkforward.html` (the windows
 * side by side, the deflated Sharpe ratios and PBO), `sweep.db` and `pieces/`.
 * Killed and started again, it runs only what is missing.
 *
 * With `--queue` it validates and plans the same way, then enqueues the
 * missing in-sample runs for `deno task worker` and returns; `--status NAME`
 * shows their progress; the command run again with `--postgres` once they are
 * stored runs the windows' winners and writes the outputs
 * (lib/queue/queued_walk_forward.ts).
 *
 * @module
 */
import { join } from "node:path";
import { runScript } from "../lib/cli/run_script.ts";
import { startProgress } from "../lib/cli/progress.ts";
import { parseConfigFlags } from "../lib/config/flags.ts";
import { helpRequest, helpText } from "../lib/config/help.ts";
import { loadConfig } from "../lib/config/load_config.ts";
import { InputError } from "../lib/errors.ts";
import { buildReport } from "../lib/report/build_report.ts";
import { gridLayers, readGridFile } from "../lib/research/grid_file.ts";
import { gridParameters } from "../lib/research/grid_space.ts";
import { openSweepStore } from "../lib/research/open_sweep_store.ts";
import { FolderPieceStore } from "../lib/research/piece_store.ts";
import { prepareWalkForward } from "../lib/research/prepare_walk_forward.ts";
import { runWalkForward, type WalkForwardSummary } from "../lib/research/run_walk_forward.ts";
import { walkForwardPage } from "../lib/research/walk_forward_page.ts";
import { walkForwardReport } from "../lib/research/walk_forward_report.ts";
import { walkForwardSettings } from "../lib/research/walk_forward_settings.ts";
import { walkForwardLines } from "../lib/research/walk_forward_text.ts";
import { pointLatestRun } from "../lib/run/latest_run.ts";
import { resultJsonPieces, writeFilesAtomically } from "../lib/run/write_results.ts";

const EXTRA = {
  config: { type: "string" },
  grid: { type: "string" },
  train: { type: "string" },
  test: { type: "string" },
  anchored: { type: "boolean" },
  name: { type: "string" },
  random: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  metric: { type: "string" },
  postgres: { type: "boolean" },
  schema: { type: "string" },
  json: { type: "boolean" },
  queue: { type: "boolean" },
  status: { type: "string" },
  expire: { type: "string" },
  heartbeat: { type: "string" },
  retries: { type: "string" },
  help: { type: "string" },
} as const;

const USAGE = `deno task walkforward --grid FILE [--train 3y] [--test 1y] [flags] [config flags]

Walks the grid file's parameters forward over the base config (the grid's own base, then
--config, --preset, ENGINE_* and config flags, as deno task backtest layers them): in each
training window every combination runs, the best by the metric runs on the test window that
follows, and the test windows are stitched into one out-of-sample result. Writes
results/walkforward/<name>/ (result.json and report.html of the stitched run, named in
results/latest; walkforward.json and walkforward.html: the windows side by side, deflated
Sharpe ratios, PBO). Started again, it runs only what is missing.

  --grid FILE       the grid file (YAML or JSON), as deno task sweep reads it
  --train D         training window: a whole number and y, m, w or d (trading days); default 3y
  --test D          test window, in the same units; default 1y
  --anchored        training windows all start on the first day (default: rolling)
  --metric M        winners by sharpe (default), sortino, calmar, cagr, totalReturn,
                    maxDrawdown (shallowest) or annualVolatility (lowest)
  --name NAME       the walk-forward's name (default: the grid's name and the windows, sizing-3y-1y)
  --random N        a random search: the same N combinations of the grid in every window
  --seed S          the random search's seed (default: the grid's, else 1)
  --workers N       worker threads (default: one per core; 0 runs in the main thread)
  --postgres        store the in-sample runs in PostgreSQL (DATABASE_URL or DB_*)
  --schema NAME     the PostgreSQL schema of the store (default sweep)
  --json            print walkforward.json instead of the table
  --queue           validate and plan, then enqueue the missing in-sample runs for \`deno task worker\`
                    (PostgreSQL) and return; --expire S (default 3600), --heartbeat S (default 30, 0
                    none), --retries N (default 2) set each job's timeouts and retries. Once the workers
                    have stored them, the same command with --postgres in place of --queue runs the
                    windows' winners and writes the outputs (it says which runs are still queued)
  --status NAME     a queued walk-forward's progress: its in-sample runs done, running, waiting (--json too)
  --help[=TIER]     this help and the config flags of a tier (basic, intermediate, advanced, expert)`;

await runScript(async () => {
  const help = helpRequest(Deno.args);
  if (help !== undefined) {
    console.log(helpText("walkforward", help, USAGE));
    return;
  }
  const early = parseConfigFlags(Deno.args, EXTRA);
  if (early.extra.status !== undefined) {
    const { walkForwardStatusCommand } = await import("../lib/queue/queued_walk_forward.ts");
    return await walkForwardStatusCommand(Deno.args, EXTRA);
  }
  const gridPath = early.extra.grid;
  if (typeof gridPath !== "string") {
    throw new InputError(
      "--grid: a grid file is needed (YAML or JSON); see deno task walkforward --help",
    );
  }
  const grid = await readGridFile(gridPath);
  const settings = walkForwardSettings(early.extra, grid, navigator.hardwareConcurrency);
  const loaded = await loadConfig({
    args: Deno.args,
    env: (name) => Deno.env.get(name),
    extra: EXTRA,
    below: await gridLayers(grid),
  });
  const prepared = await prepareWalkForward({
    source: grid.path,
    layers: loaded.layers,
    parameters: gridParameters(grid.parameters, grid.path),
    random: settings.random,
    metric: settings.metric,
    train: settings.train,
    test: settings.test,
    anchored: settings.anchored,
  });
  if (loaded.extra.queue) {
    const { enqueueWalkForwardCommand } = await import("../lib/queue/queued_walk_forward.ts");
    return await enqueueWalkForwardCommand(prepared, settings, loaded.extra, Deno.args);
  }
  const base = prepared.plan.grid.base;
  const folder = join(base.output.dir, "walkforward", settings.name);
  const { store, close } = await openSweepStore(settings, folder);
  let summary: WalkForwardSummary | undefined;
  try {
    if (store.kind === "postgres") {
      const { refuseWhileQueued } = await import("../lib/queue/queued_walk_forward.ts");
      await refuseWhileQueued(prepared, settings, store);
    }
    const progress = { bar: startProgress(0, "") };
    try {
      for await (
        const event of runWalkForward(prepared, {
          name: settings.storeName,
          store,
          pieces: new FolderPieceStore(join(folder, "pieces")),
          workers: settings.workers,
          onStart: (start) => {
            const { windows, trials } = prepared.plan;
            console.error(
              `walk-forward ${settings.name}: ${windows.length} windows (${settings.train.text} train, ${settings.test.text} test, ${
                settings.anchored ? "anchored" : "rolling"
              }) x ${trials} configurations, and the whole period: ${start.planned} in-sample runs, ${start.stored} stored, ${start.toRun} to run on ${
                start.workers === 0 ? "the main thread" : `${start.workers} workers`
              } (${store.location})`,
            );
            progress.bar = startProgress(start.planned, `walk-forward ${settings.name}`, {
              initial: start.stored,
              rate: "runs",
            });
          },
          onRun: (run) => run.fresh && progress.bar.tick(),
        })
      ) {
        if (event.kind === "summary") summary = event;
      }
    } finally {
      progress.bar.stop();
    }
  } finally {
    await close();
  }
  if (summary === undefined) throw new Error("the walk-forward ended without its summary");
  const report = walkForwardReport(summary, settings.name);
  const reportJson = `${JSON.stringify(report, null, 1)}\n`;
  const written = await writeFilesAtomically(folder, {
    "result.json": resultJsonPieces(summary.stitched.result),
    "report.html": buildReport(summary.stitched.result, { logScale: base.report.logScale }),
    "walkforward.json": reportJson,
    "walkforward.html": walkForwardPage(report),
  });
  await pointLatestRun(folder);
  if (loaded.extra.json) {
    console.log(reportJson.trimEnd());
    return;
  }
  for (const line of walkForwardLines(report)) console.log(line);
  console.log(
    `\nresults: ${written.join(", ")}` +
      (store.kind === "sqlite" ? `, ${store.location}` : ` (in-sample runs in ${store.location})`),
  );
});
