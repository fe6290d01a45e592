/**
 * The evidence for a proposed default, on the span it was chosen on (issue 11,
 * part 4): a walk-forward of a grid inside the span against the grid's base
 * configuration held fixed (`gridWalkForward`), and, over every configuration
 * the research tried on the span (the runs stored by `deno task sweep` in the
 * sweeps named with `--sweeps`, and the base), the base's deflated Sharpe ratio
 * and the search's probability of backtest overfitting (`trialStatistics`).
 *
 * Writes `results/research/<name>/`: `walk_forward/result.json` and
 * `candidate/result.json` (the two stitched test chains, which `deno task
 * report` draws) and `evidence.json` (everything printed).
 *
 * Usage: deno run -P=sweep scripts/research/defaults_evidence.ts --grid FILE
 *   [--train 4y] [--test 1y] [--anchored] [--sweeps A,B] [--json] [config flags]
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { runScript } from "../../lib/cli/run_script.ts";
import { loadConfig } from "../../lib/config/load_config.ts";
import { parseConfigFlags } from "../../lib/config/flags.ts";
import { InputError } from "../../lib/errors.ts";
import type { RunResult } from "../../lib/engine/run_result.ts";
import { gridLayers, readGridFile } from "../../lib/research/grid_file.ts";
import { gridParameters } from "../../lib/research/grid_space.ts";
import { gridWalkForward, type GridWindow } from "../../lib/research/grid_walk_forward.ts";
import { prepareSweep } from "../../lib/research/run_sweep.ts";
import { SqliteSweepStore } from "../../lib/research/sqlite_sweep_store.ts";
import { configOfRun, describeParams } from "../../lib/research/sweep_plan.ts";
import { type Trial, trialStatistics } from "../../lib/research/trial_statistics.ts";
import { parseWindowDuration } from "../../lib/research/window_duration.ts";
import { configHash } from "../../lib/config/hash.ts";
import { resultJson, writeFilesAtomically } from "../../lib/run/write_results.ts";
import { sweepName } from "../../lib/research/sweep_name.ts";

const EXTRA = {
  config: { type: "string" },
  grid: { type: "string" },
  name: { type: "string" },
  train: { type: "string" },
  test: { type: "string" },
  anchored: { type: "boolean" },
  sweeps: { type: "string" },
  untracked: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const USAGE =
  `deno run -P=sweep scripts/research/defaults_evidence.ts --grid FILE [flags] [config flags]

The evidence for the grid's base configuration as a default, on the span of the grid's base
(run.start to run.end): a walk-forward of the grid inside the span (each window's best on its
training span, run on the test span that follows) beside the base held fixed, and the base's
deflated Sharpe ratio and the search's PBO over every configuration tried on the span.

  --grid FILE     the grid file (as deno task sweep reads it); its base is the candidate
  --train D       training window (default 4y; d, w, m, y)
  --test D        test window (default 1y)
  --anchored      training windows all start on the span's first day
  --sweeps A,B    sweeps (results/sweeps/<name>/sweep.db) whose runs on the same span are the
                  trials of the research (default: the grid's own combinations, run here)
  --untracked N   trials made on the span whose returns were not kept (deflate the Sharpe ratio)
  --name NAME     output folder results/research/<name>/ (default: the grid's name)
  --json          print evidence.json instead of the tables
  --help          this help`;

await runScript(async () => {
  if (Deno.args.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const early = parseConfigFlags(Deno.args, EXTRA);
  const gridPath = early.extra.grid;
  if (typeof gridPath !== "string") throw new InputError("--grid: a grid file is needed");
  const grid = await readGridFile(gridPath);
  const loaded = await loadConfig({
    args: Deno.args,
    env: (name) => Deno.env.get(name),
    extra: EXTRA,
    below: await gridLayers(grid),
  });
  const x = loaded.extra;
  const name = sweepName(typeof x.name === "string" ? x.name : grid.name ?? "evidence", "--name");
  const train = parseWindowDuration(typeof x.train === "string" ? x.train : "4y", "--train");
  const test = parseWindowDuration(typeof x.test === "string" ? x.test : "1y", "--test");
  const untracked = typeof x.untracked === "string" ? Number(x.untracked) : 0;
  if (!(Number.isInteger(untracked) && untracked >= 0)) {
    throw new InputError(`--untracked: must be a whole number >= 0, got ${x.untracked}`);
  }
  const sweeps = typeof x.sweeps === "string" ? x.sweeps.split(",").filter((s) => s !== "") : [];
  const prepared = await prepareSweep({
    source: grid.path,
    layers: loaded.layers,
    parameters: gridParameters(grid.parameters, grid.path),
  });
  const { plan, market, shared, codeVersion, executor } = prepared;
  const base = plan.base;
  if (base.run.start === undefined || base.run.end === undefined) {
    throw new InputError(
      `${grid.path}: base: run.start and run.end must be set: they are the span the default is chosen on`,
    );
  }
  const span = { start: base.run.start, end: base.run.end };
  const started = performance.now();
  const walk = await gridWalkForward({
    plan,
    market,
    span,
    train,
    test,
    anchored: x.anchored === true,
    codeVersion,
    shared,
    onWindow: (w, n) =>
      console.error(
        `window ${
          w.window.index + 1
        }/${n}: test ${w.window.test.start}..${w.window.test.end}, winner ${
          describeParams(w.winner)
        }`,
      ),
  });
  const chosen = plan.base;
  const candidate = await executor.run(chosen, {});
  const chosenKey = _key(candidate.record.returns);
  const trials: Trial[] = [{ key: chosenKey, returns: candidate.record.returns }];
  if (sweeps.length > 0) {
    for (const sweep of sweeps) {
      trials.push(...await _storedTrials(base.output.dir, sweep, candidate.dates));
    }
  } else {
    for (const planned of plan.runs) {
      const run = await executor.run(configOfRun(plan, planned.params), planned.params);
      trials.push({ key: _key(run.record.returns), returns: run.record.returns });
    }
  }
  const statistics = trialStatistics(trials, chosenKey, { untracked });
  const evidence = {
    grid: grid.path,
    span,
    windows: { train: train.text, test: test.text, anchored: x.anchored === true },
    sweeps,
    untracked,
    candidate: { configHash: configHash(chosen), ..._brief(candidate.record.metrics) },
    statistics: {
      trials: statistics.trials,
      days: statistics.days,
      sharpeVariance: statistics.sharpeVariance,
      chosen: statistics.chosen,
      best: statistics.best,
      overfitting: "problem" in statistics.overfitting ? statistics.overfitting : {
        probability: statistics.overfitting.probability,
        probabilityOfLoss: statistics.overfitting.probabilityOfLoss,
        degradation: statistics.overfitting.degradation,
        splits: statistics.overfitting.splits,
      },
    },
    walkForward: {
      windows: walk.windows.map(_windowRow),
      winners: _brief(walk.walkForward.metrics),
      candidate: _brief(walk.candidate.metrics),
      benchmarks: walk.candidate.benchmarks.map((b) => ({ name: b.name, ..._brief(b.metrics) })),
      runs: walk.runs,
    },
    seconds: Math.round((performance.now() - started) / 1000),
  };
  const folder = join(base.output.dir, "research", name);
  await writeFilesAtomically(join(folder, "walk_forward"), {
    "result.json": resultJson(walk.walkForward),
  });
  await writeFilesAtomically(join(folder, "candidate"), {
    "result.json": resultJson(walk.candidate),
  });
  await writeFilesAtomically(folder, { "evidence.json": JSON.stringify(evidence, null, 2) });
  if (x.json) {
    console.log(JSON.stringify(evidence, null, 2));
    return;
  }
  for (const line of _lines(evidence)) console.log(line);
  console.log(`\nwritten: ${join(folder, "evidence.json")}, walk_forward/, candidate/`);
});

type Brief = ReturnType<typeof _brief>;

/**
 * A trial's key: the hash of its returns. Two configurations with the same returns are one
 * trial (a run repeated in two grids, or a parameter that never bound).
 */
function _key(returns: Float64Array): string {
  return createHash("sha256").update(
    new Uint8Array(returns.buffer, returns.byteOffset, returns.byteLength),
  ).digest("hex");
}

/** The figures the tables show. */
function _brief(m: RunResult["metrics"] | null) {
  return {
    cagr: m?.cagr ?? null,
    sharpe: m?.sharpe ?? null,
    maxDrawdown: m?.maxDrawdown.depth ?? null,
    volatility: m?.annualVolatility ?? null,
    exposure: m?.exposure ?? null,
  };
}

function _windowRow(w: GridWindow) {
  return {
    train: `${w.window.train.start}..${w.window.train.end}`,
    test: `${w.window.test.start}..${w.window.test.end}`,
    partial: w.window.partial,
    winner: w.winner,
    trainValue: w.trainValue,
    winnerTest: _brief(w.winnerTest.metrics),
    candidateTest: _brief(w.candidateTest.metrics),
  };
}

/** The runs of a stored sweep as trials; every one must cover the candidate's days. */
async function _storedTrials(
  dir: string,
  sweep: string,
  dates: readonly string[],
): Promise<Trial[]> {
  const path = join(dir, "sweeps", sweepName(sweep, "--sweeps"), "sweep.db");
  if (!await Deno.stat(path).then((s) => s.isFile, () => false)) {
    throw new InputError(`--sweeps: ${sweep}: no sweep store at ${path}`);
  }
  const store = SqliteSweepStore.open(path);
  try {
    const out: Trial[] = [];
    for await (const run of store.allReturns(sweep)) {
      if (run.dates.length !== dates.length || run.dates[0] !== dates[0]) {
        throw new InputError(
          `--sweeps: ${sweep}: run ${run.position} covers ${run.dates[0]}..${
            run.dates.at(-1)
          }, not the candidate's ${dates[0]}..${dates.at(-1)}: trials must share the span`,
        );
      }
      out.push({ key: _key(run.returns), returns: run.returns });
    }
    return out;
  } finally {
    await store.close();
  }
}

function pct(v: number | null, digits = 1): string {
  return v === null ? "-" : `${(v * 100).toFixed(digits)}%`;
}

function num(v: number | null, digits = 2): string {
  return v === null ? "-" : v.toFixed(digits);
}

function _row(label: string, b: Brief): string {
  return `${label.padEnd(34)} ${pct(b.cagr).padStart(7)} ${num(b.sharpe).padStart(6)} ${
    pct(b.maxDrawdown).padStart(7)
  } ${pct(b.volatility).padStart(6)} ${pct(b.exposure, 0).padStart(5)}`;
}

function _lines(e: {
  span: { start: string; end: string };
  candidate: Brief;
  statistics: {
    trials: number;
    chosen: { sharpe: number; deflated: number; expectedMaximumSharpe: number };
    best: { sharpe: number; deflated: number; key: string };
    overfitting: { probability: number; probabilityOfLoss: number } | { problem: string };
  };
  walkForward: {
    windows: ReturnType<typeof _windowRow>[];
    winners: Brief;
    candidate: Brief;
    benchmarks: (Brief & { name: string })[];
  };
}): string[] {
  const s = e.statistics;
  const head = `${"".padEnd(34)} ${"CAGR".padStart(7)} ${"Sharpe".padStart(6)} ${
    "max DD".padStart(7)
  } ${"vol".padStart(6)} ${"exp.".padStart(5)}`;
  return [
    `span ${e.span.start}..${e.span.end}`,
    head,
    _row("candidate, whole span", e.candidate),
    "",
    `search: ${s.trials} configurations tried on the span`,
    `  candidate: Sharpe ${num(s.chosen.sharpe)}, deflated ${num(s.chosen.deflated, 3)} ` +
    `(the best of ${s.trials} by luck: ${num(s.chosen.expectedMaximumSharpe)})`,
    `  best trial: Sharpe ${num(s.best.sharpe)}, deflated ${num(s.best.deflated, 3)}`,
    "problem" in s.overfitting
      ? `  PBO: ${s.overfitting.problem}`
      : `  PBO ${num(s.overfitting.probability, 3)}, probability of loss ${
        num(s.overfitting.probabilityOfLoss, 3)
      } (CSCV, 16 blocks)`,
    "",
    "walk-forward inside the span (test spans):",
    head,
    ...e.walkForward.windows.flatMap((w) => [
      _row(`${w.test}${w.partial ? " (partial)" : ""}`, w.candidateTest).replace(/^/, ""),
      _row(`  winner ${describeParams(w.winner)}`.slice(0, 34), w.winnerTest),
    ]),
    _row("stitched: winners", e.walkForward.winners),
    _row("stitched: candidate", e.walkForward.candidate),
    ...e.walkForward.benchmarks.map((b) => _row(`stitched: ${b.name}`, b)),
  ];
}
