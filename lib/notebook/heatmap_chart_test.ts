import assert from "node:assert/strict";
import { heatmapChart } from "./heatmap_chart.ts";

function fills(markup: string): string[] {
  return [...markup.matchAll(/<rect [^>]*fill="([^"]+)"/g)].map((m) => m[1] ?? "");
}

Deno.test("heatmapChart() colours the worst cell red, the middle white and the best green", () => {
  const chart = heatmapChart({ rows: ["r"], columns: ["a", "b", "c"], values: [[0, 1, 2]] });
  // By hand: shares 0, 0.5 and 1 of the range [0, 2].
  assert.deepEqual(fills(chart.markup), ["rgb(201,42,42)", "rgb(248,249,250)", "rgb(43,138,62)"]);
  const lower = heatmapChart({
    rows: ["r"],
    columns: ["a", "b"],
    values: [[0.1, 0.3]],
    better: "lower",
  });
  assert.deepEqual(fills(lower.markup), ["rgb(43,138,62)", "rgb(201,42,42)"]);
});

Deno.test("heatmapChart() greys a cell without a value, writes percentages and escapes labels", () => {
  const chart = heatmapChart({
    rows: ["<r>"],
    columns: ["a&b", "c"],
    values: [[0.125, null]],
    percent: true,
    rowLabel: "x.y",
    columnLabel: "z",
  });
  assert.equal(fills(chart.markup)[1], "#e9ecef");
  assert.equal(chart.plain, "<r>: a&b 12.50%, c –");
  assert.ok(chart.markup.includes("&lt;r&gt;") && chart.markup.includes(">a&amp;b</text>"));
  assert.ok(chart.markup.includes(">x.y ↓</text>") && chart.markup.includes(">z →</text>"));
});

Deno.test("heatmapChart() refuses a grid whose rows and values disagree", () => {
  assert.throws(() => heatmapChart({ rows: ["r"], columns: ["a"], values: [[1, 2]] }), RangeError);
  assert.throws(() => heatmapChart({ rows: [], columns: ["a"], values: [] }), RangeError);
  assert.throws(
    () => heatmapChart({ rows: ["r"], columns: ["a"], values: [[1]], width: 100 }),
    RangeError,
  );
});
