/**
 * A walk-forward's report as lines for the screen: the windows side by side
 * (the parameters chosen, the metric in and out of sample, the deflated
 * Sharpe ratio and the PBO of each search), the stitched out-of-sample
 * figures against the benchmarks, and the whole period's search.
 *
 * @module
 */
import type { Headline, WalkForwardReport } from "./walk_forward_report.ts";
import { parameterText } from "./walk_forward_report.ts";
import type { SearchStatistics } from "./search_statistics.ts";

const percent = (v: number | null | undefined, digits = 1) =>
  typeof v === "number" && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : "-";
const number = (v: number | null | undefined, digits = 3) =>
  typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "-";

/**
 * Columns padded to their widest cell, two spaces apart, with a rule under the head.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textTable } from "./walk_forward_text.ts";
 *
 * assert.deepEqual(textTable(["a", "bb"], [["ccc", "d"]]), ["a    bb", "---  --", "ccc  d"]);
 * ```
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/**
 * The report's lines.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { walkForwardLines } from "./walk_forward_text.ts";
 * import { syntheticWalkForwardReport } from "./testdata/synthetic_walk_forward.ts";
 *
 * const lines = walkForwardLines(syntheticWalkForwardReport());
 * assert.match(lines[0] ?? "", /^window +train +test +minScore +graceDays +IS sharpe +OOS sharpe/);
 * assert.ok(lines.some((l) => l.startsWith("out of sample ")));
 * assert.ok(lines.some((l) => l.startsWith("whole period ")));
 * ```
 */
export function walkForwardLines(report: WalkForwardReport): string[] {
  const metric = report.metric;
  const fmt = (v: number | null) => metric.format === "percent" ? percent(v) : number(v);
  const paths = report.parameters.map((p) => p.path);
  const short = paths.map((p) => _short(p, paths));
  const head = [
    "window",
    "train",
    "test",
    ...short,
    `IS ${metric.name}`,
    `OOS ${metric.name}`,
    "OOS return",
    "DSR",
    "PBO",
  ];
  const rows = report.windows.map((w) => [
    `${w.index}${w.partial ? "*" : ""}${w.byMetric ? "" : "!"}`,
    `${w.train.start}..${w.train.end}`,
    `${w.test.start}..${w.test.end}`,
    ...paths.map((p) => parameterText(w.params[p])),
    fmt(w.inSample.value),
    fmt(w.outOfSample.value),
    percent(w.outOfSample.totalReturn),
    number(w.statistics.deflatedSharpe?.probability, 2),
    number(w.statistics.overfitting?.probability, 2),
  ]);
  const lines = textTable(head, rows);
  if (report.windows.some((w) => w.partial)) {
    lines.push("* the test window was cut short by the end of the data");
  }
  if (report.windows.some((w) => !w.byMetric)) {
    lines.push(
      `! no run of the window had a ${metric.name}: the first configuration by config hash was run`,
    );
  }
  const s = report.stitched;
  lines.push(
    "",
    `out of sample ${s.period.start}..${s.period.end} (${report.windows.length} windows, ${s.period.days} days): ${
      _headline(s.headline)
    }`,
  );
  for (const b of s.benchmarks) {
    lines.push(`  ${b.name.padEnd(14)} ${b.headline ? _headline(b.headline) : "no metrics"}`);
  }
  for (const note of s.benchmarkNotes) lines.push(`  (${note})`);
  const notes = _windowNotes(report);
  if (notes.length > 0) lines.push("", ...notes);
  const whole = report.whole;
  lines.push(
    "",
    `whole period ${whole.span.start}..${whole.span.end} (${report.trials} configurations): best ${metric.name} ${
      fmt(whole.inSample.value)
    } (${paths.map((p, i) => `${short[i]}=${parameterText(whole.params[p])}`).join(" ")})`,
    `  ${_dsr(whole.statistics)}`,
    `  ${_pbo(whole.statistics)}`,
  );
  return lines;
}

/** DSR and PBO read in one sentence each, for the whole period. */
function _dsr(stats: SearchStatistics): string {
  const d = stats.deflatedSharpe;
  if (d === null) return `deflated Sharpe ratio: none (${stats.deflatedSharpeNote})`;
  return `deflated Sharpe ratio ${number(d.probability, 2)}: Sharpe ${
    number(d.sharpe, 2)
  } against ${number(d.expectedMaximumSharpe, 2)} expected from the best of ${d.trials} by luck${
    stats.deflatedSharpeNote ? ` (${stats.deflatedSharpeNote})` : ""
  }`;
}

function _pbo(stats: SearchStatistics): string {
  const o = stats.overfitting;
  if (o === null) return stats.overfittingNote ?? "no PBO";
  return `probability of backtest overfitting ${
    number(o.probability, 2)
  } (CSCV, ${o.blocks} blocks of ${o.blockPeriods} days, ${o.splits} splits); probability of loss ${
    number(o.probabilityOfLoss, 2)
  }`;
}

/** Why some windows have no DSR or PBO, each reason once. */
function _windowNotes(report: WalkForwardReport): string[] {
  const notes = new Set<string>();
  for (const w of report.windows) {
    if (w.statistics.deflatedSharpe === null && w.statistics.deflatedSharpeNote) {
      notes.add(`window ${w.index}: no DSR: ${w.statistics.deflatedSharpeNote}`);
    }
    if (w.statistics.overfittingNote) notes.add(`windows: ${w.statistics.overfittingNote}`);
  }
  return [...notes];
}

function _headline(h: Headline): string {
  return `return ${percent(h.totalReturn)}, CAGR ${percent(h.cagr)}, Sharpe ${
    number(h.sharpe, 2)
  }, max DD ${percent(h.maxDrawdown)}`;
}

/** The last part of a path, unless two parameters share it (then the whole path). */
function _short(path: string, paths: readonly string[]): string {
  const last = path.split(".").at(-1) ?? path;
  return paths.filter((p) => (p.split(".").at(-1) ?? p) === last).length > 1 ? path : last;
}
