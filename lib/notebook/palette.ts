/**
 * Colours of the notebook charts: a categorical palette, and the regime
 * colours the report uses (Goldilocks green, Reflation orange, Inflation red,
 * Deflation blue; see lib/report/page_style.ts) so a notebook and a report
 * read alike.
 *
 * @module
 */
import type { RegimeName } from "../data/regime_label.ts";

/** Ten distinct colours for series without a colour of their own (Tableau 10). */
export const PALETTE: readonly string[] = Object.freeze([
  "#1f77b4",
  "#7f7f7f",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
  "#bcbd22",
]);

/** The colour of each regime, as in the HTML report. */
export const REGIME_COLORS: Readonly<Record<RegimeName, string>> = Object.freeze({
  Goldilocks: "#22a06b",
  Reflation: "#f08c00",
  Inflation: "#e03131",
  Deflation: "#1c7ed6",
});

/**
 * The palette colour of the i-th series, cycling.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PALETTE, paletteColor } from "./palette.ts";
 *
 * assert.equal(paletteColor(0), "#1f77b4");
 * assert.equal(paletteColor(PALETTE.length + 2), PALETTE[2]);
 * ```
 */
export function paletteColor(i: number): string {
  const n = PALETTE.length;
  return PALETTE[((Math.trunc(i) % n) + n) % n] ?? "#1f77b4";
}
