/**
 * What the research notebooks display: tables and inline SVG charts that the
 * Deno Jupyter kernel shows when a cell ends with them (or through
 * `Deno.jupyter.display`), each with a plain-text fallback, and a whole HTML
 * page (a run report) embedded in a frame.
 *
 * @example A table and a chart as a notebook shows them
 * ```ts
 * import assert from "node:assert/strict";
 * import { barChart, htmlTable, JUPYTER_DISPLAY } from "./mod.ts";
 *
 * const counts = [{ condition: "trending", assets: 12 }, { condition: "ranging", assets: 30 }];
 * const table = htmlTable(counts);
 * assert.ok(table[JUPYTER_DISPLAY]()["text/html"]?.startsWith("<table>"));
 * const chart = barChart({
 *   categories: counts.map((c) => c.condition),
 *   series: [{ name: "assets", values: counts.map((c) => c.assets) }],
 * });
 * assert.equal(chart.mime, "image/svg+xml");
 * ```
 *
 * @module
 */
export * from "./rich_output.ts";
export * from "./html_table.ts";
export * from "./axis_ticks.ts";
export * from "./palette.ts";
export * from "./time_chart.ts";
export * from "./bar_chart.ts";
export * from "./show.ts";
export * from "./heatmap_chart.ts";
export * from "./sweep_grid.ts";
