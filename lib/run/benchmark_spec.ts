/**
 * What `run.benchmark` (`--benchmark`) names, read into benchmark specs:
 *
 * - `TICKER`: the ticker bought on its first day with a price and held;
 * - `W1/W2/...:T1,T2,...`: a fixed mix (`60/40:SPY,TLT`), weights in proportion, one per
 *   ticker, rebalanced on the first trading day of each month;
 * - `equal-weight`: every ticker of the run in equal weights, rebalanced monthly.
 *
 * A list is separated by commas, as the flag gives it (`SPY,60/40:SPY,TLT,equal-weight`):
 * a mix takes as many tickers as it has weights, so the list reads one way only. A
 * config file may give a list (`[SPY, "60/40:SPY,TLT"]`) or one text.
 *
 * Unset, the default is SPY and 60/40:SPY,TLT, each where the run's data holds its
 * tickers; what cannot be formed is left out with a note saying so (the usual
 * comparison for a multi-asset strategy: the equity market, and the classic balanced
 * portfolio). A named benchmark whose ticker the run's data lacks is bad input.
 *
 * @module
 */
import { InputError } from "../errors.ts";

/** One benchmark to run beside the strategy. */
export type BenchmarkSpec = {
  /** Its name in results and tables, normalised: `SPY`, `60/40:SPY,TLT`, `equal-weight`. */
  readonly name: string;
  /** Target weights by ticker (summing to 1), or null for equal-weight (every ticker of the run). */
  readonly weights: Readonly<Record<string, number>> | null;
  /** Bought once and held, or rebalanced on the first trading day of each month. */
  readonly rebalance: "never" | "monthly";
};

/** The specs to run and, for the default set, what it had to leave out. */
export type BenchmarkChoice = {
  readonly specs: readonly BenchmarkSpec[];
  readonly notes: readonly string[];
};

/** What a ticker may look like (letters, digits and . ^ = _ -, as Yahoo's symbols). */
const TICKER = /^[A-Za-z0-9.^=_-]+$/;

/** The name of the equal-weight benchmark. */
export const EQUAL_WEIGHT_BENCHMARK = "equal-weight";

/** The default benchmarks, each kept where the run's data holds its tickers. */
export const DEFAULT_BENCHMARKS: readonly string[] = ["SPY", "60/40:SPY,TLT"];

/**
 * The benchmarks of a run: `value` as the config gives it (unset: the default set),
 * checked against the run's `tickers`. Throws an {@link InputError} naming
 * `run.benchmark` and the entry for a malformed entry or a ticker not in the data.
 *
 * @example A ticker, a mix and equal-weight from the flag's text
 * ```ts
 * import assert from "node:assert/strict";
 * import { chooseBenchmarks } from "./benchmark_spec.ts";
 *
 * const tickers = ["SPY", "TLT", "GLD"];
 * const { specs } = chooseBenchmarks(["SPY", "60/40:SPY", "TLT", "equal-weight"], tickers);
 * assert.deepEqual(specs.map((s) => s.name), ["SPY", "60/40:SPY,TLT", "equal-weight"]);
 * assert.deepEqual(specs[1]?.weights, { SPY: 0.6, TLT: 0.4 });
 * // Unset: SPY and 60/40 where the data holds them, and a note for what it does not.
 * assert.deepEqual(chooseBenchmarks(undefined, ["SPY", "GLD"]), {
 *   specs: [{ name: "SPY", weights: { SPY: 1 }, rebalance: "never" }],
 *   notes: ["benchmark 60/40:SPY,TLT left out: TLT is not in the run's data"],
 * });
 * assert.throws(() => chooseBenchmarks("QQQ", tickers), /run.benchmark: "QQQ": unknown ticker QQQ/);
 * ```
 */
export function chooseBenchmarks(
  value: string | readonly string[] | undefined,
  tickers: readonly string[],
): BenchmarkChoice {
  const held = new Set(tickers);
  if (value === undefined) {
    const specs: BenchmarkSpec[] = [], notes: string[] = [];
    for (const spec of parseBenchmarks(DEFAULT_BENCHMARKS)) {
      const missing = Object.keys(spec.weights ?? {}).filter((t) => !held.has(t));
      if (missing.length === 0) specs.push(spec);
      else {
        notes.push(
          `benchmark ${spec.name} left out: ${missing.join(", ")} ${
            missing.length > 1 ? "are" : "is"
          } not in the run's data`,
        );
      }
    }
    if (specs.length === 0) notes.push("no benchmark: name one with --benchmark (run.benchmark)");
    return { specs, notes };
  }
  const specs = parseBenchmarks(typeof value === "string" ? [value] : value);
  const problems = specs.flatMap((spec) =>
    Object.keys(spec.weights ?? {}).filter((t) => !held.has(t)).map((t) =>
      `run.benchmark: "${spec.name}": unknown ticker ${t} (the run's data holds ${
        _some(tickers)
      }; --tickers narrows them)`
    )
  );
  if (problems.length > 0) throw new InputError(problems);
  return { specs, notes: [] };
}

/** Reads benchmark texts (each may hold a comma-separated list) into specs; see the module doc. */
export function parseBenchmarks(texts: readonly string[]): BenchmarkSpec[] {
  const tokens = texts.flatMap((t) => t.split(",")).map((t) => t.trim()).filter((t) => t !== "");
  const specs: BenchmarkSpec[] = [];
  const problems: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.toLowerCase() === EQUAL_WEIGHT_BENCHMARK) {
      specs.push({ name: EQUAL_WEIGHT_BENCHMARK, weights: null, rebalance: "monthly" });
      continue;
    }
    const colon = token.indexOf(":");
    if (colon < 0) {
      if (TICKER.test(token)) {
        specs.push({ name: token, weights: { [token]: 1 }, rebalance: "never" });
      } else problems.push(`run.benchmark: "${token}": not a ticker, a mix or equal-weight`);
      continue;
    }
    const weightText = token.slice(0, colon).split("/");
    const weights = weightText.map(Number);
    const members = [token.slice(colon + 1), ...tokens.slice(i + 1, i + weights.length)]
      .map((t) => t.trim());
    i += weights.length - 1;
    const text = `${weightText.join("/")}:${members.join(",")}`;
    const problem = _mixProblem(weightText, weights, members);
    if (problem !== undefined) {
      problems.push(`run.benchmark: "${text}": ${problem} (a mix reads like 60/40:SPY,TLT)`);
      continue;
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const mix: Record<string, number> = {};
    members.forEach((t, k) => (mix[t] = (weights[k] as number) / total));
    specs.push({ name: text, weights: mix, rebalance: "monthly" });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (specs.length === 0) throw new InputError("run.benchmark: names no benchmark");
  const names = specs.map((s) => s.name);
  const twice = names.find((n, k) => names.indexOf(n) !== k);
  if (twice !== undefined) throw new InputError(`run.benchmark: "${twice}" is named twice`);
  return specs;
}

function _mixProblem(
  weightText: readonly string[],
  weights: readonly number[],
  members: readonly string[],
): string | undefined {
  if (weightText.some((w) => w.trim() === "") || weights.some((w) => !(w > 0))) {
    return "weights must be numbers > 0";
  }
  if (members.length !== weights.length || members.some((m) => m === "")) {
    return `${weights.length} weights need ${weights.length} tickers`;
  }
  const odd = members.find((m) => !TICKER.test(m));
  if (odd !== undefined) return `"${odd}" is not a ticker`;
  if (new Set(members).size !== members.length) return "a ticker appears twice";
  return undefined;
}

function _some(tickers: readonly string[]): string {
  const shown = tickers.slice(0, 8).join(", ");
  return tickers.length > 8 ? `${tickers.length} tickers: ${shown}, ...` : shown;
}
