/**
 * A sweep page's data without running a sweep, for page and browser tests:
 * three parameters (one with a hostile name and value), every pair's heatmap,
 * a distribution and ten equity curves, all from a seeded generator.
 *
 * @module
 */
import { createRandom } from "../../data/random.ts";
import { HOSTILE } from "../../report/testdata/synthetic_run_result.ts";
import type { CellStats, SweepReportData } from "../sweep_report_data.ts";

/** Page data of a 5 x 4 x 3 grid (60 runs). */
export function syntheticSweepData(): SweepReportData {
  const rng = createRandom(7, "sweep-page");
  const parameters = [
    { path: "sizing.minScore", values: ["0.55", "0.6", "0.65", "0.7", "0.75"] },
    { path: "protection.graceDays", values: ["2", "3", "4", "5"] },
    { path: `strategy.params.${HOSTILE}`, values: ["a", HOSTILE, "c"] },
  ];
  const cells = (n: number): CellStats => {
    const best = Array.from({ length: n }, () => 0.5 + rng.next());
    return {
      best,
      mean: best.map((b) => b - 0.2 * rng.next()),
      count: Array.from({ length: n }, () => 3),
    };
  };
  const sizes = parameters.map((p) => p.values.length);
  const heatmaps = [];
  for (let x = 0; x < sizes.length; x++) {
    for (let y = x + 1; y < sizes.length; y++) {
      heatmaps.push({ x, y, ...cells((sizes[x] ?? 0) * (sizes[y] ?? 0)) });
    }
  }
  const dates = Array.from(
    { length: 300 },
    (_, i) => new Date(Date.UTC(2019, 0, 2 + i)).toISOString().slice(0, 10),
  );
  const top = Array.from({ length: 10 }, (_, k) => {
    let v = 100_000;
    return {
      rank: k + 1,
      label: `minScore=0.${55 + k} ${HOSTILE}`,
      value: 1.5 - k / 20,
      dates,
      values: dates.map(() => v *= 1 + 0.0005 + 0.01 * rng.normal()),
    };
  });
  return {
    name: "synthetic",
    source: `grids/${HOSTILE}.yaml`,
    dataHash: "f".repeat(64),
    codeVersion: "test",
    metric: { name: "sharpe", label: "Sharpe", better: "higher", format: "number" },
    planned: 60,
    stored: 60,
    parameters,
    profiles: sizes.map(cells),
    heatmaps,
    distribution: {
      bins: Array.from(
        { length: 8 },
        (_, i) => ({ from: 0.5 + i / 8, to: 0.5 + (i + 1) / 8, count: 1 + i % 4 }),
      ),
      quartiles: [0.5, 0.8, 1, 1.2, 1.5],
      missing: 2,
    },
    top,
    table: [],
  };
}
