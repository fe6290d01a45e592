/**
 * The walk-forward's HTML page (`results/walkforward/<name>/walkforward.html`),
 * in the run report's self-contained style (its stylesheet, ECharts inlined,
 * no network): each window's in-sample winner against its out-of-sample
 * result with the parameters chosen, the stitched out-of-sample curve and
 * metrics against the benchmarks, the deflated Sharpe ratio and the
 * probability of backtest overfitting of each search and of the whole
 * period's, how to read them, and what the walk-forward was. The stitched
 * result's own tearsheet is `report.html` beside it.
 *
 * @module
 */
import { ECHARTS_VERSION } from "../report/echarts_library.ts";
import { escapeHtml } from "../report/html_escape.ts";
import { pageShell } from "../report/page_shell.ts";
import type { SearchStatistics } from "./search_statistics.ts";
import { type Headline, parameterText, type WalkForwardReport } from "./walk_forward_report.ts";
import { WALK_FORWARD_SCRIPT } from "./walk_forward_script.ts";

const SECTIONS = [
  ["windows", "Windows"],
  ["out-of-sample", "Out of sample"],
  ["overfitting", "Overfitting"],
  ["about", "About"],
] as const;

function _pct(v: number | null | undefined, digits = 2): string {
  return typeof v === "number" && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : "–";
}

function _num(v: number | null | undefined, digits = 3): string {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "–";
}

function _metric(data: WalkForwardReport, v: number | null): string {
  return data.metric.format === "percent" ? _pct(v) : _num(v);
}

function _header(data: WalkForwardReport): string {
  const s = data.stitched.headline;
  const tiles: [string, string][] = [
    ["Windows", String(data.windows.length)],
    ["Configurations", String(data.trials)],
    ["Out-of-sample Sharpe", _num(s.sharpe, 2)],
    ["Out-of-sample CAGR", _pct(s.cagr)],
    ["Max drawdown", _pct(s.maxDrawdown)],
    ["DSR, whole period", _num(data.whole.statistics.deflatedSharpe?.probability, 2)],
    ["PBO, whole period", _num(data.whole.statistics.overfitting?.probability, 2)],
  ];
  const sub = `${escapeHtml(data.source)} · ${escapeHtml(data.train)} train / ${
    escapeHtml(data.test)
  } test, ${data.anchored ? "anchored" : "rolling"} · winners by ${
    escapeHtml(data.metric.label)
  } · data ${escapeHtml(data.dataHash.slice(0, 12))}`;
  return `<header class="top"><div class="wrap"><h1>Walk-forward ${
    escapeHtml(data.name)
  }</h1><p class="sub">${sub}</p><div class="tiles">${
    tiles.map(([label, value]) =>
      `<div class="tile"><span>${escapeHtml(label)}</span><b>${value}</b></div>`
    ).join("")
  }</div></div></header>`;
}

function _windows(data: WalkForwardReport): string {
  const paths = data.parameters.map((p) => p.path);
  const label = escapeHtml(data.metric.label);
  const sharpe = data.metric.name === "sharpe";
  const head = [
    "#",
    "Train",
    "Test",
    ...paths,
    `IS ${label}`,
    `OOS ${label}`,
    ...(sharpe ? [] : ["IS Sharpe", "OOS Sharpe"]),
    "OOS return",
    "DSR",
    "PBO",
  ].map((h, i) =>
    `<th${i >= 1 && i < 3 + paths.length ? ' class="text"' : ""}>${
      i < 3 + paths.length ? escapeHtml(h) : h
    }</th>`
  ).join("");
  const rows = data.windows.map((w) =>
    `<tr><td>${w.index}${w.partial ? "*" : ""}${w.byMetric ? "" : "!"}</td><td class="text">${
      escapeHtml(`${w.train.start} to ${w.train.end}`)
    }</td><td class="text">${escapeHtml(`${w.test.start} to ${w.test.end}`)}</td>${
      paths.map((p) => `<td class="text">${escapeHtml(parameterText(w.params[p]))}</td>`).join("")
    }<td>${_metric(data, w.inSample.value)}</td><td>${_metric(data, w.outOfSample.value)}</td>${
      sharpe
        ? ""
        : `<td>${_num(w.inSample.sharpe, 2)}</td><td>${_num(w.outOfSample.sharpe, 2)}</td>`
    }<td>${_pct(w.outOfSample.totalReturn)}</td><td>${
      _num(w.statistics.deflatedSharpe?.probability, 2)
    }</td><td>${_num(w.statistics.overfitting?.probability, 2)}</td></tr>`
  ).join("\n");
  const notes = [
    data.windows.some((w) => w.partial)
      ? "* the test window was cut short by the end of the data."
      : "",
    data.windows.some((w) => !w.byMetric)
      ? `! no run of the window had a value of ${label}: the first configuration by config hash was run.`
      : "",
  ].filter((n) => n !== "").join(" ");
  return `<section id="windows"><h2>In sample against out of sample</h2>
<p class="note">In each window the best of ${data.trials} configurations by ${label} over the training span (IS) is run on the test span that follows (OOS), from the value the previous window ended with. A large fall from IS to OOS is what overfitting looks like.</p>
<div class="chart" id="chart-windows" style="height:320px"></div>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div>${notes ? `<p class="note">${notes}</p>` : ""}</section>`;
}

function _headlineRow(name: string, h: Headline | null): string {
  if (h === null) return `<tr><td class="text">${escapeHtml(name)}</td><td colspan="6">–</td></tr>`;
  return `<tr><td class="text">${escapeHtml(name)}</td><td>${_pct(h.totalReturn)}</td><td>${
    _pct(h.cagr)
  }</td><td>${_num(h.sharpe, 2)}</td><td>${_num(h.sortino, 2)}</td><td>${
    _pct(h.annualVolatility)
  }</td><td>${_pct(h.maxDrawdown)}</td></tr>`;
}

function _outOfSample(data: WalkForwardReport): string {
  const s = data.stitched;
  const notes = s.benchmarkNotes.map((n) => escapeHtml(n)).join("; ");
  return `<section id="out-of-sample"><h2>Out of sample, stitched</h2>
<p class="note">The test spans of every window, end to end: ${escapeHtml(s.period.start)} to ${
    escapeHtml(s.period.end)
  } (${s.period.days} days), against the benchmarks run over the same days through the same broker. report.html beside this page is its full tearsheet.</p>
<div class="chart" id="chart-equity" style="height:400px"></div>
<div class="scroll"><table><thead><tr><th class="text"></th><th>Return</th><th>CAGR</th><th>Sharpe</th><th>Sortino</th><th>Volatility</th><th>Max DD</th></tr></thead><tbody>
${_headlineRow("walk-forward", s.headline)}
${s.benchmarks.map((b) => _headlineRow(b.name, b.headline)).join("\n")}
</tbody></table></div>${notes ? `<p class="note">${notes}</p>` : ""}</section>`;
}

/** One row of the statistics table: a span's search, its DSR and PBO (or why not). */
function _statisticsRow(label: string, span: string, stats: SearchStatistics): string {
  const d = stats.deflatedSharpe, o = stats.overfitting;
  const notes = [
    stats.deflatedSharpeNote,
    stats.overfittingNote,
  ].filter((n): n is string => n !== null).map(escapeHtml).join("; ");
  return `<tr><td class="text">${escapeHtml(label)}</td><td class="text">${
    escapeHtml(span)
  }</td><td>${stats.trials}</td><td>${_num(d?.sharpe, 2)}</td><td>${
    _num(d?.expectedMaximumSharpe, 2)
  }</td><td><b>${_num(d?.probability, 2)}</b></td><td><b>${_num(o?.probability, 2)}</b></td><td>${
    _num(o?.probabilityOfLoss, 2)
  }</td><td>${_num(o?.degradation?.slope, 2)}</td><td class="text">${notes}</td></tr>`;
}

function _statisticsTable(data: WalkForwardReport): string {
  const rows = [
    ...data.windows.map((w) =>
      _statisticsRow(`window ${w.index}`, `${w.train.start} to ${w.train.end}`, w.statistics)
    ),
    _statisticsRow(
      "whole period",
      `${data.whole.span.start} to ${data.whole.span.end}`,
      data.whole.statistics,
    ),
  ].join("\n");
  return `<div class="scroll"><table><thead><tr><th class="text">Search</th><th class="text">Span</th><th>Configurations</th><th>Chosen Sharpe</th><th>Best by luck (SR0)</th><th>DSR</th><th>PBO</th><th>P(loss)</th><th>Degradation</th><th class="text">Notes</th></tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

function _overfitting(data: WalkForwardReport): string {
  const w = data.whole;
  const chosen = data.parameters.map((p) => `${p.path} = ${parameterText(w.params[p.path])}`).join(
    ", ",
  );
  const logits = w.statistics.overfitting === null
    ? ""
    : `<h3>Where the whole period's in-sample best ranks out of sample</h3><p class="note">Each of the ${w.statistics.overfitting.splits} splits of CSCV halves the blocks into an in-sample and an out-of-sample set; λ is the logit of the in-sample best's rank out of sample. Red bars (λ ≤ 0: at or below the median) make up the PBO.</p><div class="chart" id="chart-logits" style="height:300px"></div>`;
  return `<section id="overfitting"><h2>Skill or luck</h2>
<p class="note"><b>Deflated Sharpe ratio</b> (Bailey and López de Prado, 2014): the probability that the chosen run's true Sharpe ratio is above the highest Sharpe ratio that ${data.trials} configurations without skill would show by luck, given the returns' length, skewness and kurtosis. Above 0.95 the search found more than luck; near 0.5 or below, its best is what luck alone gives. <b>Probability of backtest overfitting</b> (Bailey, Borwein, López de Prado and Zhu, 2017): how often the configuration best in one half of the time ranks at or below the median in the other half, over every way of halving the blocks. Near 0 the search picks configurations that hold up; 0.5 or more, it picks noise.</p>
<div class="chart" id="chart-statistics" style="height:320px"></div>
<p class="note">Sharpe ratios annualised. SR0 is the highest Sharpe ratio the search's configurations would show by luck alone (no skill), given how much their Sharpe ratios differ; P(loss) is the share of CSCV splits whose in-sample best lost money out of sample; degradation is the slope of the out-of-sample on the in-sample Sharpe ratio across splits (1 would be no loss of performance).</p>
${_statisticsTable(data)}
<h3>The whole period</h3>
<p class="note">The same ${data.trials} configurations over ${escapeHtml(w.span.start)} to ${
    escapeHtml(w.span.end)
  }: the best by ${escapeHtml(data.metric.label)} (${_metric(data, w.inSample.value)}) is ${
    escapeHtml(chosen)
  }. This search sees every day the windows test on, so it is the one the deflated Sharpe ratio and PBO judge as the paper does; the stitched out-of-sample curve above is what the walk-forward would have earned without that hindsight.</p>${logits}</section>`;
}

function _about(data: WalkForwardReport): string {
  const values = data.parameters.map((p) =>
    `<dt>${escapeHtml(p.path)}</dt><dd>${escapeHtml(p.values.join(", "))}</dd>`
  ).join("");
  const random = data.random
    ? `<dt>random search</dt><dd>${data.random.count} combinations, seed ${data.random.seed}</dd>`
    : "";
  return `<section id="about"><h2>About</h2><dl class="info"><dt>walk-forward</dt><dd>${
    escapeHtml(data.name)
  }</dd><dt>grid</dt><dd>${escapeHtml(data.source)}</dd>${values}${random}<dt>windows</dt><dd>${
    escapeHtml(data.train)
  } train, ${escapeHtml(data.test)} test, ${
    data.anchored ? "anchored" : "rolling"
  }</dd><dt>winners by</dt><dd>${escapeHtml(data.metric.label)}</dd><dt>config hash</dt><dd><code>${
    escapeHtml(data.configHash)
  }</code></dd><dt>data hash</dt><dd><code>${
    escapeHtml(data.dataHash)
  }</code></dd><dt>code version</dt><dd>${escapeHtml(data.codeVersion)}</dd></dl></section>`;
}

/**
 * The whole walk-forward page for its report: one HTML document that opens offline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { walkForwardPage } from "./walk_forward_page.ts";
 * import { syntheticWalkForwardReport } from "./testdata/synthetic_walk_forward.ts";
 *
 * const html = walkForwardPage(syntheticWalkForwardReport());
 * assert.ok(html.startsWith("<!doctype html>"));
 * assert.ok(html.includes("<h1>Walk-forward synthetic</h1>"));
 * assert.ok(html.includes('id="chart-windows"') && html.includes('id="chart-logits"'));
 * assert.doesNotMatch(html, /(?:src|href)\s*=\s*["']?https?:/i);
 * assert.doesNotMatch(html, /<\/script><script>window\.__pwned/);
 * ```
 */
export function walkForwardPage(data: WalkForwardReport): string {
  return pageShell({
    kind: "walkforward",
    title: `Walk-forward ${escapeHtml(data.name)}`,
    header: _header(data),
    nav: SECTIONS,
    sections: [_windows(data), _outOfSample(data), _overfitting(data), _about(data)],
    footer:
      `Self-contained page: data and ECharts ${ECHARTS_VERSION} are inlined; it opens offline.`,
    data,
    script: WALK_FORWARD_SCRIPT,
  });
}
