/**
 * The report rendered in a real browser: headless Chromium (Debian's
 * `chromium`, driven over the DevTools protocol) loads report files, and the
 * test checks that the page logs no error and throws no exception, fetches
 * nothing but its own file, inlines the pinned ECharts, draws marks in every
 * chart, escapes hostile names, and toggles the log scale; then it writes a
 * full-page PNG screenshot to `results/report-screenshot.png` (and the page
 * beside it, `results/report-sample.html`).
 *
 * Skips with a message where /usr/bin/chromium is absent, unless `CI=true`,
 * where that fails. Needs `--allow-run=/usr/bin/chromium`, `--allow-net=127.0.0.1`
 * (the DevTools socket), read and write (temp files, results/), env (CI).
 *
 * @module
 */
import assert from "node:assert/strict";
import { buildReport } from "../lib/report/mod.ts";
import { ECHARTS_VERSION } from "../lib/report/echarts_library.ts";
import { ChromiumSession, type DevtoolsEvent } from "../lib/report/testdata/chromium_session.ts";
import { HOSTILE, syntheticRunResult } from "../lib/report/testdata/synthetic_run_result.ts";
import { sweepPage } from "../lib/research/sweep_page.ts";
import { syntheticSweepData } from "../lib/research/testdata/synthetic_sweep_data.ts";
import { walkForwardPage } from "../lib/research/walk_forward_page.ts";
import { syntheticWalkForwardReport } from "../lib/research/testdata/synthetic_walk_forward.ts";

const CHROMIUM = "/usr/bin/chromium";
const RESULTS = new URL("../results/", import.meta.url);
const present = await Deno.stat(CHROMIUM).then(() => true, () => false);
const inCi = Deno.env.get("CI") === "true";
if (!present && !inCi) console.log(`report browser test skipped: ${CHROMIUM} is absent`);

/** What the page reports about itself once its charts are drawn. */
type PageCheck = {
  readonly version: string;
  readonly rendered: number;
  readonly pwned: boolean;
  readonly title: string;
  readonly charts: readonly {
    readonly id: string;
    readonly instance: boolean;
    readonly seriesWithData: number;
    readonly marks: number;
    readonly width: number;
  }[];
};

/**
 * Runs in the page: for each chart container, its ECharts instance, how many
 * series have data, and how many SVG elements the data adds (the chart's
 * element count minus that of the same option with every series emptied).
 */
const CHECK_EXPRESSION = `(async () => {
  const rendered = await window.reportRendered;
  const count = (el) => el.querySelectorAll("svg path, svg rect, svg circle, svg polygon, svg polyline, svg text").length;
  const charts = [...document.querySelectorAll(".chart")].map((el) => {
    const chart = echarts.getInstanceByDom(el);
    if (!chart) return { id: el.id, instance: false, seriesWithData: 0, marks: 0, width: el.clientWidth };
    const option = chart.getOption();
    const blankHost = document.createElement("div");
    blankHost.style.cssText = "position:absolute;left:-9999px;width:" + el.clientWidth + "px;height:" + el.clientHeight + "px";
    document.body.appendChild(blankHost);
    const blank = echarts.init(blankHost, null, { renderer: "svg" });
    blank.setOption({ ...option, series: option.series.map((s) => ({ ...s, data: [] })) });
    const marks = count(el) - count(blankHost);
    blank.dispose();
    blankHost.remove();
    const seriesWithData = option.series.filter((s) => Array.isArray(s.data) && s.data.length > 0).length;
    return { id: el.id, instance: true, seriesWithData, marks, width: el.clientWidth };
  });
  return { version: echarts.version, rendered, pwned: window.__pwned !== undefined,
    title: document.querySelector("h1").textContent, charts };
})()`;

type Opened = {
  readonly sessionId: string;
  readonly problems: string[];
  readonly external: string[];
};

/** Opens `html` (written to a temp file) in a new tab, collecting errors and non-file requests. */
async function open(
  browser: ChromiumSession,
  html: string,
  dir: string,
  name: string,
): Promise<Opened> {
  const path = `${dir}/${name}.html`;
  await Deno.writeTextFile(path, html);
  const target = await browser.send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await browser.send("Target.attachToTarget", {
    targetId: target.targetId,
    flatten: true,
  });
  assert.equal(typeof sessionId, "string");
  const id = String(sessionId), problems: string[] = [], external: string[] = [];
  browser.listen((event: DevtoolsEvent) => {
    if (event.sessionId !== id) return;
    const p = event.params;
    if (event.method === "Runtime.exceptionThrown") {
      problems.push(`exception: ${JSON.stringify(p.exceptionDetails)}`);
    }
    if (
      event.method === "Runtime.consoleAPICalled" &&
      (p.type === "error" || p.type === "assert" || p.type === "warning")
    ) {
      problems.push(`console.${p.type}: ${JSON.stringify(p.args)}`);
    }
    if (event.method === "Log.entryAdded") {
      const entry = p.entry as { level?: string; text?: string };
      if (entry.level === "error" || entry.level === "warning") {
        problems.push(`log ${entry.level}: ${entry.text}`);
      }
    }
    if (event.method === "Network.requestWillBeSent") {
      const url = String((p.request as { url?: string }).url);
      if (!/^(file:|data:|about:)/.test(url)) external.push(url);
    }
  });
  for (const domain of ["Page", "Runtime", "Log", "Network"]) {
    await browser.send(`${domain}.enable`, {}, id);
  }
  await browser.send("Emulation.setDeviceMetricsOverride", {
    width: 1280,
    height: 900,
    deviceScaleFactor: 1,
    mobile: false,
  }, id);
  const loaded = browser.next("Page.loadEventFired", id);
  await browser.send("Page.navigate", { url: new URL(`file://${path}`).href }, id);
  await loaded;
  return { sessionId: id, problems, external };
}

async function evaluate<T>(
  browser: ChromiumSession,
  sessionId: string,
  expression: string,
): Promise<T> {
  const reply = await browser.send("Runtime.evaluate", {
    expression,
    awaitPromise: true,
    returnByValue: true,
  }, sessionId);
  if (reply.exceptionDetails !== undefined) {
    throw new Error(`page threw: ${JSON.stringify(reply.exceptionDetails)}`);
  }
  return (reply.result as { value: T }).value;
}

function assertChartsDrawn(check: PageCheck, expectedIds: readonly string[]): void {
  assert.equal(check.version, ECHARTS_VERSION);
  assert.deepEqual(check.charts.map((c) => c.id).sort(), [...expectedIds].sort());
  assert.equal(check.rendered, expectedIds.length);
  for (const chart of check.charts) {
    assert.ok(chart.instance, `${chart.id} has no ECharts instance`);
    assert.ok(chart.seriesWithData > 0, `${chart.id} has no series with data`);
    assert.ok(chart.marks > 0, `${chart.id} draws no mark for its data`);
    assert.ok(chart.width > 300, `${chart.id} is ${chart.width}px wide`);
  }
}

async function screenshot(browser: ChromiumSession, sessionId: string, file: URL): Promise<number> {
  const metrics = await browser.send("Page.getLayoutMetrics", {}, sessionId);
  const size = metrics.cssContentSize as { width: number; height: number };
  const shot = await browser.send("Page.captureScreenshot", {
    format: "png",
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: size.width, height: size.height, scale: 1 },
  }, sessionId);
  const bytes = Uint8Array.from(atob(String(shot.data)), (c) => c.charCodeAt(0));
  await Deno.writeFile(file, bytes);
  return bytes.length;
}

const ALL_CHARTS = [
  "chart-equity",
  "chart-drawdown",
  "chart-monthly",
  "chart-yearly",
  "chart-rolling",
  "chart-allocation",
  "chart-holdings",
  "chart-protection-rules",
  "chart-protection-interventions",
  "chart-protection-blocks",
];

Deno.test({
  name:
    "report renders in headless Chromium: no console error, every chart drawn, screenshot written",
  ignore: !present && !inCi,
  async fn() {
    assert.ok(
      present,
      `CI=true but ${CHROMIUM} is absent: the report cannot be tested in a browser`,
    );
    const dir = await Deno.makeTempDir({ prefix: "report_browser_" });
    const browser = await ChromiumSession.launch(CHROMIUM);
    try {
      // A 500-asset, 20-year run: every section present.
      const html = buildReport(syntheticRunResult({ assets: 500, days: 5000 }));
      const full = await open(browser, html, dir, "full");
      const check = await evaluate<PageCheck>(browser, full.sessionId, CHECK_EXPRESSION);
      assertChartsDrawn(check, ALL_CHARTS);
      await Deno.mkdir(RESULTS, { recursive: true });
      await Deno.writeTextFile(new URL("report-sample.html", RESULTS), html);
      assert.ok(
        await screenshot(browser, full.sessionId, new URL("report-screenshot.png", RESULTS)) >
          10_000,
      );
      // The log-scale toggle redraws the equity chart on a log axis.
      const axis = await evaluate<string>(
        browser,
        full.sessionId,
        `(() => {
        document.getElementById("equity-log").click();
        return echarts.getInstanceByDom(document.getElementById("chart-equity")).getOption().yAxis[0].type;
      })()`,
      );
      assert.equal(axis, "log");
      assert.deepEqual(full.problems, []);
      assert.deepEqual(full.external, []);

      // No benchmark, regimes, allocation or protection; hostile names everywhere.
      const bare = syntheticRunResult({
        assets: 6,
        days: 150,
        sections: false,
        hostileNames: true,
      });
      const small = await open(browser, buildReport(bare), dir, "bare");
      const smallCheck = await evaluate<PageCheck>(browser, small.sessionId, CHECK_EXPRESSION);
      assertChartsDrawn(smallCheck, [
        "chart-equity",
        "chart-drawdown",
        "chart-monthly",
        "chart-yearly",
        "chart-rolling",
        "chart-holdings",
      ]);
      assert.equal(smallCheck.pwned, false);
      assert.equal(smallCheck.title, bare.strategy);
      assert.deepEqual(small.problems, []);
      assert.deepEqual(small.external, []);

      // Hostile names in buckets and rules reach chart labels and tooltips unharmed.
      const named = await open(
        browser,
        buildReport(syntheticRunResult({ assets: 30, days: 700, hostileNames: true })),
        dir,
        "named",
      );
      const namedCheck = await evaluate<PageCheck>(browser, named.sessionId, CHECK_EXPRESSION);
      assertChartsDrawn(namedCheck, ALL_CHARTS);
      const legendHasHostile = await evaluate<boolean>(
        browser,
        named.sessionId,
        `(() =>
        [...document.querySelectorAll("#chart-allocation svg text")].some((t) => t.textContent.includes(${
          JSON.stringify(HOSTILE.slice(0, 12))
        })))()`,
      );
      assert.ok(legendHasHostile, "the hostile bucket name is drawn as text");
      assert.equal(namedCheck.pwned, false);
      assert.deepEqual(named.problems, []);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "the sweep page renders in headless Chromium: every chart drawn, the heatmap's pickers redraw it",
  ignore: !present && !inCi,
  async fn() {
    assert.ok(present, `CI=true but ${CHROMIUM} is absent: the sweep page cannot be tested`);
    const dir = await Deno.makeTempDir({ prefix: "sweep_browser_" });
    const browser = await ChromiumSession.launch(CHROMIUM);
    try {
      const html = sweepPage(syntheticSweepData());
      const page = await open(browser, html, dir, "sweep");
      const check = await evaluate<PageCheck>(browser, page.sessionId, CHECK_EXPRESSION);
      assertChartsDrawn(check, [
        "chart-heatmap",
        "chart-profile-0",
        "chart-profile-1",
        "chart-profile-2",
        "chart-distribution",
        "chart-top",
      ]);
      assert.equal(check.title, "Sweep synthetic");
      assert.equal(check.pwned, false);
      // Columns: the third parameter; rows: the first; cells: means. The heatmap follows.
      const axes = await evaluate<string[]>(
        browser,
        page.sessionId,
        `(() => {
        const set = (id, value) => {
          const el = document.getElementById(id);
          el.value = value;
          el.dispatchEvent(new Event("change"));
        };
        set("heatmap-x", "2");
        set("heatmap-y", "0");
        set("heatmap-aggregate", "mean");
        const option = echarts.getInstanceByDom(document.getElementById("chart-heatmap")).getOption();
        return [option.xAxis[0].name, option.yAxis[0].name, option.series[0].name, String(option.series[0].data.length)];
      })()`,
      );
      assert.deepEqual(axes, [
        `strategy.params.${HOSTILE}`,
        "sizing.minScore",
        "mean Sharpe",
        "15",
      ]);
      assert.deepEqual(page.problems, []);
      assert.deepEqual(page.external, []);
      await Deno.mkdir(RESULTS, { recursive: true });
      assert.ok(
        await screenshot(browser, page.sessionId, new URL("sweep-screenshot.png", RESULTS)) >
          10_000,
      );
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "the walk-forward page renders in headless Chromium: every chart drawn, hostile names inert",
  ignore: !present && !inCi,
  async fn() {
    assert.ok(present, `CI=true but ${CHROMIUM} is absent: the walk-forward page cannot be tested`);
    const dir = await Deno.makeTempDir({ prefix: "walkforward_browser_" });
    const browser = await ChromiumSession.launch(CHROMIUM);
    try {
      const html = walkForwardPage(syntheticWalkForwardReport());
      const page = await open(browser, html, dir, "walkforward");
      const check = await evaluate<PageCheck>(browser, page.sessionId, CHECK_EXPRESSION);
      assertChartsDrawn(check, [
        "chart-windows",
        "chart-equity",
        "chart-statistics",
        "chart-logits",
      ]);
      assert.equal(check.title, "Walk-forward synthetic");
      assert.equal(check.pwned, false);
      assert.deepEqual(page.problems, []);
      assert.deepEqual(page.external, []);
      await Deno.mkdir(RESULTS, { recursive: true });
      assert.ok(
        await screenshot(browser, page.sessionId, new URL("walkforward-screenshot.png", RESULTS)) >
          10_000,
      );
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
