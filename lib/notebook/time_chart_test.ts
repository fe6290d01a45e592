import assert from "node:assert/strict";
import { sampleIndices, timeChart } from "./time_chart.ts";

const dates = ["2020-12-29", "2020-12-30", "2020-12-31", "2021-01-04", "2021-01-05"];

function attributes(markup: string, tag: string, name: string): string[] {
  const re = new RegExp(`<${tag} [^>]*${name}="([^"]*)"`, "g");
  return [...markup.matchAll(re)].map((m) => m[1] ?? "");
}

Deno.test("timeChart() places days evenly and scales values to the ticks' range", () => {
  const chart = timeChart({
    dates,
    lines: [{ name: "a", values: [10, 20, 30, 40, 50] }],
    width: 476,
    height: 100,
  });
  // Hand: left margin 60, right 16 -> plot 400 px, day i at 60 + 100 i. One legend row
  // (18) + 8 -> top 26. niceTicks(10, 50) = 10..50 by 10, so value v sits at
  // 126 - (v - 10) / 40 * 100.
  assert.deepEqual(attributes(chart.markup, "path", "d"), [
    "M60,126L160,101L260,76L360,51L460,26",
  ]);
});

Deno.test("timeChart() leaves a gap at null, NaN and, on a log scale, non-positive values", () => {
  const chart = timeChart({
    dates,
    lines: [{ name: "a", values: [1, null, 10, -1, 100] }],
    logScale: true,
  });
  const [d = ""] = attributes(chart.markup, "path", "d");
  assert.equal((d.match(/M/g) ?? []).length, 3);
  assert.equal((d.match(/L/g) ?? []).length, 0);
});

Deno.test("timeChart() merges equal days of a band into one segment and skips nulls", () => {
  const chart = timeChart({
    dates,
    bands: [{ name: "regime", values: ["Deflation", "Deflation", null, "Inflation", "Inflation"] }],
    bandColors: { Inflation: "#e03131", Deflation: "#1c7ed6", Goldilocks: "#22a06b" },
    width: 476,
  });
  const rects = [
    ...chart.markup.matchAll(
      /<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="18" fill="([^"]+)"/g,
    ),
  ]
    .map((m) => [Number(m[1]), Number(m[2]), m[3]]);
  // Hand: left margin max(60, 6 * 6.5 + 14 = 53) = 60, plot 400 px, day i at 60 + 100 i;
  // Deflation days 0-1 run to day 2, Inflation days 3-4 end at the last day.
  assert.deepEqual(rects, [[60, 200, "#1c7ed6"], [360, 100, "#e03131"]]);
  // The legend names only the categories present, in the order given.
  assert.ok(chart.markup.indexOf(">Inflation<") < chart.markup.indexOf(">Deflation<"));
  assert.ok(!chart.markup.includes("Goldilocks"));
});

Deno.test("timeChart() draws a marker at the first day on or after its date", () => {
  const chart = timeChart({
    dates,
    lines: [{ name: "a", values: [1, 2, 3, 4, 5] }],
    markers: [{ date: "2021-01-01", label: "switch" }, { date: "2030-01-01" }],
    width: 476,
  });
  const marker = /<line x1="([\d.]+)"[^>]*stroke-dasharray="3,3"><title>switch<\/title>/.exec(
    chart.markup,
  );
  assert.equal(marker?.[1], "360"); // 2021-01-04 is day 3: 60 + 3 * 100
  assert.equal((chart.markup.match(/stroke-dasharray/g) ?? []).length, 1); // the late one is dropped
});

Deno.test("timeChart() escapes names and describes itself in plain text", () => {
  const chart = timeChart({
    dates,
    lines: [{ name: "S&P <500>", values: [1, 2, 3, 4, 5] }],
    title: "A",
  });
  assert.ok(chart.markup.includes("S&amp;P &lt;500&gt;"));
  assert.equal(chart.plain, "A: lines S&P <500> from 2020-12-29 to 2021-01-05");
});

Deno.test("timeChart() refuses lines or bands that do not match the dates", () => {
  assert.throws(() => timeChart({ dates, lines: [{ name: "a", values: [1, 2] }] }), RangeError);
  assert.throws(() => timeChart({ dates, bands: [{ name: "b", values: [null] }] }), RangeError);
  assert.throws(() => timeChart({ dates: ["2020-01-02"] }), RangeError);
  assert.throws(() => timeChart({ dates, width: 100 }), RangeError);
});

Deno.test("sampleIndices() keeps every column's extremes of every line and both ends", () => {
  const up = Array.from({ length: 1000 }, (_, i) => i);
  const spike = up.map((_, i) => (i === 500 ? 1e6 : 0));
  const picked = sampleIndices([up, spike], 50);
  assert.ok(picked.length <= 2 + 50 * 4);
  assert.ok(picked.includes(0) && picked.includes(999) && picked.includes(500));
  assert.deepEqual(picked, [...picked].sort((a, b) => a - b));
});
