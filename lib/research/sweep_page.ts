/**
 * The sweep's HTML page (`results/sweeps/<name>/report.html`), in the run
 * report's self-contained style (its stylesheet, ECharts inlined, no network):
 * the grid as heatmaps over any two parameters (picked on the page), each
 * parameter's profile, the metric's distribution, the top runs' equity curves,
 * the ranked table and what the sweep was.
 *
 * @module
 */
import { ECHARTS_VERSION } from "../report/echarts_library.ts";
import { pageShell } from "../report/page_shell.ts";
import { escapeHtml } from "../report/html_escape.ts";
import { SWEEP_SCRIPT } from "./sweep_script.ts";
import type { SweepReportData } from "./sweep_report_data.ts";
import type { RankedRun } from "./ranked_runs.ts";

const SECTIONS = [
  ["heatmap", "Heatmap"],
  ["parameters", "Parameters"],
  ["distribution", "Distribution"],
  ["top", "Top runs"],
  ["ranked", "Ranked runs"],
  ["about", "About"],
] as const;

function _value(v: number | null, format: "percent" | "number"): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return format === "percent" ? `${(v * 100).toFixed(2)}%` : v.toFixed(3);
}

function _header(data: SweepReportData): string {
  const q = data.distribution.quartiles, f = data.metric.format;
  const best = data.table[0]?.value ?? null;
  const tiles: [string, string][] = [
    ["Runs stored", `${data.stored} of ${data.planned}`],
    [`Best ${data.metric.label}`, _value(best, f)],
    [`Median ${data.metric.label}`, _value(q ? q[2] : null, f)],
    [
      `Worst ${data.metric.label}`,
      _value(q ? (data.metric.better === "higher" ? q[0] : q[4]) : null, f),
    ],
    ["Parameters", String(data.parameters.length)],
  ];
  const sub = `${escapeHtml(data.source)} · ranked by ${
    escapeHtml(data.metric.label)
  } (${data.metric.better} is better) · data ${escapeHtml(data.dataHash.slice(0, 12))}`;
  return `<header class="top"><div class="wrap"><h1>Sweep ${
    escapeHtml(data.name)
  }</h1><p class="sub">${sub}</p><div class="tiles">${
    tiles.map(([label, value]) =>
      `<div class="tile"><span>${escapeHtml(label)}</span><b>${value}</b></div>`
    )
      .join("")
  }</div></div></header>`;
}

function _options(data: SweepReportData, selected: number): string {
  return data.parameters.map((p, i) =>
    `<option value="${i}"${i === selected ? " selected" : ""}>${escapeHtml(p.path)}</option>`
  ).join("");
}

function _heatmap(data: SweepReportData): string {
  if (data.parameters.length < 2) {
    return `<section id="heatmap"><h2>Heatmap</h2><p class="note">The sweep varies one parameter: its profile below shows the metric by value.</p></section>`;
  }
  return `<section id="heatmap"><h2>Heatmap</h2>
<p class="note">${
    escapeHtml(data.metric.label)
  } over two parameters; each cell takes the best (or the mean) over the other parameters' values.</p>
<div class="toolbar" style="justify-content:flex-start;gap:16px">
<label>columns <select id="heatmap-x">${_options(data, 0)}</select></label>
<label>rows <select id="heatmap-y">${_options(data, 1)}</select></label>
<label>cell <select id="heatmap-aggregate"><option value="best" selected>best</option><option value="mean">mean</option></select></label>
</div>
<div class="chart" id="chart-heatmap" style="height:${
    Math.min(640, 200 + 28 * Math.max(...data.parameters.map((p) => p.values.length)))
  }px"></div></section>`;
}

function _profiles(data: SweepReportData): string {
  const charts = data.parameters.map((p, i) =>
    `<div><h3>${
      escapeHtml(p.path)
    }</h3><div class="chart" id="chart-profile-${i}" style="height:260px"></div></div>`
  ).join("");
  return `<section id="parameters"><h2>Parameters</h2><p class="note">Best and mean ${
    escapeHtml(data.metric.label)
  } at each value of a parameter, over all the others.</p><div class="two">${charts}</div></section>`;
}

function _distribution(data: SweepReportData): string {
  const d = data.distribution, f = data.metric.format;
  const q = d.quartiles;
  const text = q === null
    ? "No run has a value for this metric."
    : `min ${_value(q[0], f)} · first quartile ${_value(q[1], f)} · median ${
      _value(q[2], f)
    } · third quartile ${_value(q[3], f)} · max ${_value(q[4], f)}${
      d.missing > 0 ? ` · ${d.missing} runs without a value` : ""
    }`;
  const chart = d.bins.length > 0
    ? `<div class="chart" id="chart-distribution" style="height:320px"></div>`
    : "";
  return `<section id="distribution"><h2>Distribution of ${
    escapeHtml(data.metric.label)
  }</h2><p class="note">${text}</p>${chart}</section>`;
}

function _top(data: SweepReportData): string {
  const chart = data.top.length > 0
    ? `<div class="chart" id="chart-top" style="height:420px"></div>`
    : `<p class="note">No run is stored yet.</p>`;
  return `<section id="top"><h2>Top runs</h2><p class="note">Equity of the ${data.top.length} best runs, rebuilt from their stored daily returns.</p>${chart}</section>`;
}

function _table(data: SweepReportData): string {
  const f = data.metric.format;
  const params = data.parameters.map((p) => p.path);
  const extra = ([
    ["sharpe", "Sharpe", (r: RankedRun) => _value(r.sharpe, "number")],
    ["cagr", "CAGR", (r: RankedRun) => _value(r.cagr, "percent")],
    ["maxDrawdown", "Max DD", (r: RankedRun) => _value(r.maxDrawdown, "percent")],
  ] as const).filter(([name]) => name !== data.metric.name);
  const head = [
    "#",
    data.metric.label,
    ...params,
    ...extra.map(([, label]) => label),
    "Trades",
    "Config",
  ]
    .map((h, i) =>
      `<th${i >= 2 && i < 2 + params.length ? ' class="text"' : ""}>${escapeHtml(h)}</th>`
    )
    .join("");
  const rows = data.table.map((r) =>
    `<tr><td>${r.rank}</td><td>${_value(r.value, f)}</td>${
      params.map((p) => {
        const v = r.params[p];
        return `<td class="text">${escapeHtml(typeof v === "string" ? v : JSON.stringify(v))}</td>`;
      }).join("")
    }${
      extra.map(([, , cell]) => `<td>${cell(r)}</td>`).join("")
    }<td>${r.trades}</td><td class="text"><code>${
      escapeHtml(r.configHash.slice(0, 12))
    }</code></td></tr>`
  ).join("\n");
  return `<section id="ranked"><h2>Ranked runs</h2><p class="note">The first ${data.table.length} of ${data.stored}; ranked.json beside this page holds them all.</p><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div></section>`;
}

function _about(data: SweepReportData): string {
  const values = data.parameters.map((p) =>
    `<dt>${escapeHtml(p.path)}</dt><dd>${escapeHtml(p.values.join(", "))}</dd>`
  ).join("");
  return `<section id="about"><h2>About</h2><dl class="info"><dt>sweep</dt><dd>${
    escapeHtml(data.name)
  }</dd><dt>grid</dt><dd>${escapeHtml(data.source)}</dd>${values}<dt>data hash</dt><dd><code>${
    escapeHtml(data.dataHash)
  }</code></dd><dt>code version</dt><dd>${escapeHtml(data.codeVersion)}</dd></dl></section>`;
}

/**
 * The whole sweep page for its data: one HTML document that opens offline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepPage } from "./sweep_page.ts";
 *
 * const html = sweepPage({
 *   name: "demo", source: "grid.yaml", dataHash: "d".repeat(64), codeVersion: "0.1.0",
 *   metric: { name: "sharpe", label: "Sharpe", better: "higher", format: "number" },
 *   planned: 2, stored: 2,
 *   parameters: [{ path: "sizing.minScore", values: ["0.6", "0.7"] }],
 *   profiles: [{ best: [0.5, 0.8], mean: [0.5, 0.8], count: [1, 1] }],
 *   heatmaps: [],
 *   distribution: { bins: [{ from: 0.5, to: 0.8, count: 2 }], quartiles: [0.5, 0.575, 0.65, 0.725, 0.8], missing: 0 },
 *   top: [], table: [],
 * });
 * assert.ok(html.startsWith("<!doctype html>"));
 * assert.ok(html.includes("<h1>Sweep demo</h1>"));
 * assert.doesNotMatch(html, /(?:src|href)\s*=\s*["']?https?:/i);
 * ```
 */
export function sweepPage(data: SweepReportData): string {
  return pageShell({
    kind: "sweep",
    title: `Sweep ${escapeHtml(data.name)}`,
    header: _header(data),
    nav: SECTIONS,
    sections: [
      _heatmap(data),
      _profiles(data),
      _distribution(data),
      _top(data),
      _table(data),
      _about(data),
    ],
    footer:
      `Self-contained page: data and ECharts ${ECHARTS_VERSION} are inlined; it opens offline.`,
    data,
    script: SWEEP_SCRIPT,
  });
}
