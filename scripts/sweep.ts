/**
 * `deno task sweep --grid FILE`: runs every combination of a grid file's
 * parameters (or a seeded random sample of them) over a base configuration
 * layered as the backtest layers it, on worker threads, storing each run as
 * it finishes; then prints the ranked table and writes `ranked.json` and
 * `report.html` beside the store in `results/sweeps/<name>/`. Killed and
 * started again, it runs only the runs that are missing.
 *
 * With `--queue` it validates and plans the same way, then enqueues the
 * missing runs for `deno task worker` and returns; `--status NAME` shows a
 * queued sweep's progress and, with `--report`, ends it as above
 * (lib/queue/queue_commands.ts).
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
import { gridLayers, readGridFile } from "../lib/research/grid_file.ts";
import { gridParameters } from "../lib/research/grid_space.ts";
import { prepareSweep, runSweep, sweepDefinition } from "../lib/research/run_sweep.ts";
import { openSweepStore } from "../lib/research/open_sweep_store.ts";
import { sweepSettings } from "../lib/research/sweep_settings.ts";
import { writeSweepOutputs } from "../lib/research/sweep_outputs.ts";

const EXTRA = {
  config: { type: "string" },
  grid: { type: "string" },
  name: { type: "string" },
  random: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  metric: { type: "string" },
  top: { type: "string" },
  postgres: { type: "boolean" },
  schema: { type: "string" },
  json: { type: "boolean" },
  queue: { type: "boolean" },
  status: { type: "string" },
  report: { type: "boolean" },
  expire: { type: "string" },
  heartbeat: { type: "string" },
  retries: { type: "string" },
  help: { type: "string" },
} as const;

const USAGE = `deno task sweep --grid FILE [flags] [config flags]

Runs every combination of the grid file's parameters over the base config (the grid's own
base, then --config, --preset, ENGINE_* and config flags, as deno task backtest layers them),
storing each run as it finishes in results/sweeps/<name>/sweep.db; then prints the ranked
table and writes ranked.json and report.html there. Started again, it runs only what is missing.

  --grid FILE       the grid file (YAML or JSON): parameters to vary by config path, base (see README)
  --name NAME       the sweep's name (default: the grid's name, else the file's name)
  --random N        a random search: N combinations of the grid instead of all of them
  --seed S          the random search's seed (default: the grid's, else 1)
  --workers N       worker threads (default: one per core; 0 runs in the main thread)
  --metric M        rank by sharpe (default), sortino, calmar, cagr, totalReturn, maxDrawdown,
                    annualVolatility, turnover, winRate, profitFactor, sqn, alpha, informationRatio
  --top N           rows of the ranked table on screen (default 10)
  --postgres        store runs in PostgreSQL (DATABASE_URL or DB_*) instead of the SQLite file
  --schema NAME     the PostgreSQL schema of the store (default sweep)
  --json            print the ranked runs as JSON instead of the table
  --queue           validate and plan, then enqueue the missing runs for \`deno task worker\` (PostgreSQL)
                    and return; --expire S (default 3600), --heartbeat S (default 30, 0 none), --retries N
                    (default 2) set each job's timeouts and retries
  --status NAME     a queued sweep's progress (--json too); with --report, once it is complete, its
                    ranked table, ranked.json and report.html, as a local sweep ends
  --help[=TIER]     this help and the config flags of a tier (basic, intermediate, advanced, expert)`;

await runScript(async () => {
  const help = helpRequest(Deno.args);
  if (help !== undefined) {
    console.log(helpText("sweep", help, USAGE));
    return;
  }
  const early = parseConfigFlags(Deno.args, EXTRA);
  if (early.extra.status !== undefined) {
    const { sweepStatusCommand } = await import("../lib/queue/queue_commands.ts");
    return await sweepStatusCommand(Deno.args, EXTRA);
  }
  const gridPath = early.extra.grid;
  if (typeof gridPath !== "string") {
    throw new InputError(
      "--grid: a grid file is needed (YAML or JSON); see deno task sweep --help",
    );
  }
  const grid = await readGridFile(gridPath);
  const loaded = await loadConfig({
    args: Deno.args,
    env: (name) => Deno.env.get(name),
    extra: EXTRA,
    below: await gridLayers(grid),
  });
  const settings = sweepSettings(loaded.extra, grid, navigator.hardwareConcurrency);
  const prepared = await prepareSweep({
    source: grid.path,
    layers: loaded.layers,
    parameters: gridParameters(grid.parameters, grid.path),
    random: settings.random,
    metric: settings.metric,
  });
  if (loaded.extra.queue) {
    const { enqueueCommand } = await import("../lib/queue/queue_commands.ts");
    return await enqueueCommand(prepared, settings, loaded.extra);
  }
  const folder = join(prepared.plan.base.output.dir, "sweeps", settings.name);
  const { store, close } = await openSweepStore(settings, folder);
  try {
    const progress = { bar: startProgress(0, "") };
    try {
      for await (
        const _ of runSweep(prepared, {
          name: settings.name,
          store,
          workers: settings.workers,
          yieldStored: false,
          onStart: (start) => {
            console.error(
              `sweep ${settings.name}: ${start.planned} runs planned, ${start.stored} stored, ${start.toRun} to run` +
                ` on ${
                  start.workers === 0 ? "the main thread" : `${start.workers} workers`
                } (${store.location})`,
            );
            progress.bar = startProgress(start.planned, `sweep ${settings.name}`, {
              initial: start.stored,
              rate: "runs",
            });
          },
        })
      ) progress.bar.tick();
    } finally {
      progress.bar.stop();
    }
    await writeSweepOutputs(store, sweepDefinition(prepared, settings.name), folder, {
      metric: settings.metric,
      top: settings.top,
      json: loaded.extra.json === true,
    });
  } finally {
    await close();
  }
});
