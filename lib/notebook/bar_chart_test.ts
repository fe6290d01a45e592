import assert from "node:assert/strict";
import { barChart } from "./bar_chart.ts";

function bars(markup: string): [number, number][] {
  return [...markup.matchAll(/<rect x="([-\d.]+)" y="[\d.]+" width="([\d.]+)" height="12"/g)]
    .map((m) => [Number(m[1]), Number(m[2])]);
}

Deno.test("barChart() scales bars from zero, to the left for negative values", () => {
  const chart = barChart({
    categories: ["a", "b"],
    series: [{ name: "change", values: [-1, 3] }],
    width: 400,
  });
  // Hand: left 60; room for labels on both sides: plot from 124 to 400 - 8 - 64 = 328,
  // 204 px over the range [-1, 3], so 51 px per unit and zero at 175.
  assert.deepEqual(bars(chart.markup), [[124, 51], [175, 153]]);
  assert.ok(chart.markup.includes(`text-anchor="end" fill="#495057">-1</text>`));
});

Deno.test("barChart() leaves out NaN values and writes percentages when asked", () => {
  const chart = barChart({
    categories: ["x", "y"],
    series: [{ name: "s", values: [0.125, NaN] }],
    percent: true,
  });
  assert.equal(bars(chart.markup).length, 1);
  assert.equal(chart.plain, "x: s 12.50%; y: s –");
});

Deno.test("barChart() escapes names and shows a legend for several series", () => {
  const chart = barChart({
    categories: ["<grace>"],
    series: [{ name: "A&B", values: [1] }, { name: "C", values: [2] }],
  });
  assert.ok(chart.markup.includes("&lt;grace&gt;") && chart.markup.includes(">A&amp;B</text>"));
  assert.ok(!chart.markup.includes("<grace>"));
});

Deno.test("barChart() refuses mismatched or empty input", () => {
  assert.throws(
    () => barChart({ categories: ["a"], series: [{ name: "s", values: [] }] }),
    RangeError,
  );
  assert.throws(() => barChart({ categories: [], series: [] }), RangeError);
  assert.throws(
    () => barChart({ categories: ["a"], series: [{ name: "s", values: [1] }], width: 10 }),
    RangeError,
  );
});
