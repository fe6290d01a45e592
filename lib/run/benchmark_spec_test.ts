import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { chooseBenchmarks, parseBenchmarks } from "./benchmark_spec.ts";

const TICKERS = ["SPY", "TLT", "GLD", "QQQ"];

/** The problems of the InputError that `f` throws. */
function problemsOf(f: () => unknown): readonly string[] {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected an InputError");
}

Deno.test("parseBenchmarks() reads a mix as many tickers as it has weights, in a list or one text", () => {
  const fromFlag = parseBenchmarks(["SPY", "60/40:SPY", "TLT", "equal-weight", "QQQ"]);
  const fromFile = parseBenchmarks(["SPY", "60/40:SPY,TLT", "Equal-Weight", "QQQ"]);
  assert.deepEqual(fromFlag, fromFile);
  assert.deepEqual(fromFlag, [
    { name: "SPY", weights: { SPY: 1 }, rebalance: "never" },
    { name: "60/40:SPY,TLT", weights: { SPY: 0.6, TLT: 0.4 }, rebalance: "monthly" },
    { name: "equal-weight", weights: null, rebalance: "monthly" },
    { name: "QQQ", weights: { QQQ: 1 }, rebalance: "never" },
  ]);
});

Deno.test("parseBenchmarks() scales a mix's weights to sum to 1", () => {
  const [mix] = parseBenchmarks(["1/1/2:SPY,TLT,GLD"]);
  assert.deepEqual(mix?.weights, { SPY: 0.25, TLT: 0.25, GLD: 0.5 });
  assert.equal(mix?.name, "1/1/2:SPY,TLT,GLD");
});

Deno.test("parseBenchmarks() lists every malformed entry, each named", () => {
  // A mix short of tickers swallows the next entry, which is then no ticker.
  assert.deepEqual(problemsOf(() => parseBenchmarks(["60/40:SPY", "x/40:TLT,GLD", "S P Y"])), [
    'run.benchmark: "60/40:SPY,x/40:TLT": "x/40:TLT" is not a ticker (a mix reads like 60/40:SPY,TLT)',
    'run.benchmark: "S P Y": not a ticker, a mix or equal-weight',
  ]);
  assert.deepEqual(problemsOf(() => parseBenchmarks(["60/40:SPY"])), [
    'run.benchmark: "60/40:SPY": 2 weights need 2 tickers (a mix reads like 60/40:SPY,TLT)',
  ]);
  assert.deepEqual(problemsOf(() => parseBenchmarks(["60/-40:SPY,TLT", "S P Y"])), [
    'run.benchmark: "60/-40:SPY,TLT": weights must be numbers > 0 (a mix reads like 60/40:SPY,TLT)',
    'run.benchmark: "S P Y": not a ticker, a mix or equal-weight',
  ]);
  assert.deepEqual(problemsOf(() => parseBenchmarks(["50/50:SPY,SPY"])), [
    'run.benchmark: "50/50:SPY,SPY": a ticker appears twice (a mix reads like 60/40:SPY,TLT)',
  ]);
  assert.deepEqual(problemsOf(() => parseBenchmarks(["SPY,SPY"])), [
    'run.benchmark: "SPY" is named twice',
  ]);
  assert.deepEqual(problemsOf(() => parseBenchmarks([" , "])), [
    "run.benchmark: names no benchmark",
  ]);
});

Deno.test("chooseBenchmarks() refuses a ticker the run's data lacks, naming it and the entry", () => {
  assert.deepEqual(problemsOf(() => chooseBenchmarks(["SPY", "60/40:SPY,XYZ"], TICKERS)), [
    `run.benchmark: "60/40:SPY,XYZ": unknown ticker XYZ (the run's data holds SPY, TLT, GLD, QQQ; --tickers narrows them)`,
  ]);
  assert.deepEqual(chooseBenchmarks("GLD", TICKERS).specs.map((s) => s.name), ["GLD"]);
});

Deno.test("chooseBenchmarks() unset: SPY and 60/40:SPY,TLT where held, else a note saying what is missing", () => {
  assert.deepEqual(chooseBenchmarks(undefined, TICKERS), {
    specs: [
      { name: "SPY", weights: { SPY: 1 }, rebalance: "never" },
      { name: "60/40:SPY,TLT", weights: { SPY: 0.6, TLT: 0.4 }, rebalance: "monthly" },
    ],
    notes: [],
  });
  assert.deepEqual(chooseBenchmarks(undefined, ["AAA", "BBB"]), {
    specs: [],
    notes: [
      "benchmark SPY left out: SPY is not in the run's data",
      "benchmark 60/40:SPY,TLT left out: SPY, TLT are not in the run's data",
      "no benchmark: name one with --benchmark (run.benchmark)",
    ],
  });
});
