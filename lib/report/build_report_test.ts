import assert from "node:assert/strict";
import { checkRunResult } from "./run_result_schema.ts";
import { escapeHtml } from "./html_escape.ts";
import { buildReport } from "./build_report.ts";
import { declaredVersion, ECHARTS_VERSION } from "./echarts_library.ts";
import { reportData } from "./report_data.ts";
import { resolveReportOptions } from "./report_options.ts";
import { HOSTILE, syntheticRunResult } from "./testdata/synthetic_run_result.ts";

const FULL = syntheticRunResult({ assets: 40, days: 1500 });
const BIG = syntheticRunResult({ assets: 500, days: 5000 });

type Script = { readonly attributes: string; readonly body: string };

function scriptsOf(html: string): Script[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attributes: m[1] ?? "",
    body: m[2] ?? "",
  }));
}

function embeddedData(html: string): unknown {
  const data = scriptsOf(html).find((s) => s.attributes.includes(`id="report-data"`));
  assert.ok(data !== undefined, "no report-data script");
  return JSON.parse(data.body);
}

Deno.test("buildReport() gives the same bytes for the same result, also read back from JSON", () => {
  const html = buildReport(FULL);
  assert.equal(buildReport(FULL), html);
  assert.equal(buildReport(JSON.parse(JSON.stringify(FULL))), html);
});

Deno.test("buildReport() has the sections in the order the issue lists them", () => {
  const html = buildReport(FULL);
  const order = [
    "equity",
    "drawdown",
    "returns",
    "rolling",
    "regimes",
    "allocation",
    "protection",
    "metrics",
    "trades",
    "run",
  ];
  const positions = order.map((id) => html.indexOf(`<section id="${id}">`));
  assert.ok(positions.every((p) => p > 0), JSON.stringify(positions));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions);
});

Deno.test("buildReport() embeds the chart data as one JSON script equal to reportData()", () => {
  const html = buildReport(FULL);
  assert.equal(scriptsOf(html).filter((s) => s.attributes.includes("application/json")).length, 1);
  const expected = JSON.parse(JSON.stringify(reportData(FULL, resolveReportOptions())));
  assert.deepEqual(embeddedData(html), expected);
});

Deno.test("buildReport() inlines the pinned ECharts build", () => {
  const library = scriptsOf(buildReport(FULL)).find((s) =>
    s.attributes.includes(`id="echarts-library"`)
  );
  assert.ok(library !== undefined);
  assert.ok(library.attributes.includes(`data-version="${ECHARTS_VERSION}"`));
  assert.equal(declaredVersion(library.body), "6.1.0");
  assert.ok(library.body.length > 500_000, "the whole minified build, not a loader");
});

Deno.test("buildReport() refers to nothing outside the file", () => {
  const html = buildReport(FULL);
  assert.doesNotMatch(html, /\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  assert.doesNotMatch(html, /@import|url\(\s*["']?(?:https?:)?\/\//i);
  // Outside the library (whose licence and SVG namespace strings mention URLs), no URL at all.
  const withoutLibrary = html.replace(/<script id="echarts-library"[\s\S]*?<\/script>/, "");
  assert.doesNotMatch(withoutLibrary, /https?:\/\//);
});

Deno.test("buildReport() escapes hostile names in every place they appear", () => {
  const result = syntheticRunResult({ assets: 10, days: 400, hostileNames: true });
  const html = buildReport(result);
  assert.ok(!html.includes(HOSTILE));
  assert.ok(!html.includes(`X<b>&"0`));
  assert.equal(html.match(/<script/g)?.length, 3);
  assert.equal(html.match(/<\/script>/g)?.length, 3);
  assert.ok(html.includes("<h1>rotation &lt;/script&gt;&lt;script&gt;window.__pwned=1"));
  const data = embeddedData(html) as { allocation: { layers: { bucket: string }[] } };
  assert.ok(data.allocation.layers.some((l) => l.bucket === HOSTILE), "names survive in the data");
});

Deno.test("buildReport() of a run without benchmark, regimes, allocation or protection says so and draws no chart for them", () => {
  const html = buildReport(syntheticRunResult({ assets: 5, days: 200, sections: false }));
  assert.ok(html.includes("This strategy does not detect regimes."));
  assert.ok(html.includes("No allocation by bucket was recorded."));
  assert.ok(html.includes("Protection rules were not used."));
  assert.ok(html.includes("no benchmark"));
  for (
    const id of ["allocation", "protection-rules", "protection-interventions", "protection-blocks"]
  ) {
    assert.ok(!html.includes(`id="chart-${id}"`), id);
  }
  assert.ok(!html.includes("<th>SPY</th>"));
});

Deno.test("buildReport() shows every benchmark as a line and a column, and the notes on the defaults", () => {
  const notes = ["benchmark 60/40:SPY,TLT left out: TLT is not in the run's data"];
  const html = buildReport({ ...FULL, benchmarkNotes: notes });
  const data = embeddedData(html) as { equity: { benchmarks: { name: string }[] } };
  assert.deepEqual(data.equity.benchmarks.map((b) => b.name), ["SPY", "60/40:SPY,TLT"]);
  assert.ok(html.includes("<th>Strategy</th><th>SPY</th><th>60/40:SPY,TLT</th>"));
  assert.ok(html.includes(`<p class="note">${escapeHtml(notes[0] as string)}</p>`));
  assert.ok(html.includes("benchmarks SPY, 60/40:SPY,TLT"));
});

Deno.test("buildReport() of a version 1 result read back shows its one benchmark", () => {
  const { benchmarks, benchmarkNotes: _, ...rest } = JSON.parse(JSON.stringify(FULL));
  const old = checkRunResult(
    { ...rest, version: 1, benchmark: { ticker: "SPY", value: benchmarks[0].value } },
    "old.json",
  );
  const html = buildReport(old);
  assert.ok(html.includes("<th>Strategy</th><th>SPY</th></tr>"));
  const data = embeddedData(html) as { equity: { benchmarks: { name: string }[] } };
  assert.deepEqual(data.equity.benchmarks.map((b) => b.name), ["SPY"]);
});

Deno.test("buildReport() of a 500-asset, 20-year run stays under 5 MB with at most 2,000 points a line and 500 trades", () => {
  assert.ok(BIG.trades.length > 5000);
  const html = buildReport(BIG);
  assert.ok(new TextEncoder().encode(html).length < 5 * 1024 * 1024);
  const data = embeddedData(html) as {
    equity: { strategy: unknown[]; benchmarks: { points: unknown[] }[] };
    drawdown: { series: unknown[] };
    rolling: { sharpe: unknown[] };
  };
  for (const line of [data.drawdown.series, data.rolling.sharpe]) {
    assert.ok(line.length > 1000 && line.length <= 2005, String(line.length));
  }
  // The strategy and its two benchmarks share the 2,000 points: 333 buckets of 6 extremes, so
  // every line keeps at least a point a bucket and at most 2,000 in all.
  const equity = [data.equity.strategy, ...data.equity.benchmarks.map((b) => b.points)];
  assert.equal(equity.length, 3);
  for (const line of equity) {
    assert.ok(line.length >= 333 && line.length <= 2002, String(line.length));
  }
  assert.ok(
    html.includes(
      `The 500 most recent of ${BIG.trades.length.toLocaleString("en-US")} closed trades.`,
    ),
  );
  const tradeRows = html.slice(html.indexOf(`<table class="trades">`)).split("</table>")[0]?.match(
    /<tr>/g,
  );
  assert.equal(tradeRows?.length, 501);
});

Deno.test("buildReport() refuses a result whose equity columns disagree in length", () => {
  const broken = { ...FULL, equity: { ...FULL.equity, value: FULL.equity.value.slice(1) } };
  assert.throws(() => buildReport(broken), RangeError, "equity.value");
});
