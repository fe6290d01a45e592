/**
 * A heatmap as inline SVG: a value per cell of a rows x columns grid (a
 * sweep's metric over two of its parameters), coloured from red (worst)
 * through white to green (best), each cell labelled with its value; a cell
 * without a value is left grey.
 *
 * @module
 */
import { formatCell } from "./html_table.ts";
import { escapeMarkup, type RichOutput, richOutput } from "./rich_output.ts";

/** What {@link heatmapChart} draws. */
export type HeatmapChartOptions = {
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  /** Column labels, left to right. */
  readonly columns: readonly string[];
  /** `values[r][c]`: the value of row r, column c (null or NaN: no value). */
  readonly values: readonly (readonly (number | null)[])[];
  readonly title?: string;
  /** What the rows and the columns are (a parameter's path), drawn beside them. */
  readonly rowLabel?: string;
  readonly columnLabel?: string;
  /** Green for the highest values (default) or for the lowest. */
  readonly better?: "higher" | "lower";
  /** Value labels as percentages of a fraction. Default false. */
  readonly percent?: boolean;
  /** Decimals of the value labels. Default 2. */
  readonly digits?: number;
  /** Width in pixels. Default 640. */
  readonly width?: number;
};

const CELL_HEIGHT = 26;

/**
 * Draws the heatmap (see the module doc). Throws `RangeError` when there is
 * no row or column, a row does not have one value per column, or the width
 * is below 300.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { heatmapChart } from "./heatmap_chart.ts";
 *
 * const chart = heatmapChart({
 *   rows: ["weekly", "monthly"],
 *   columns: ["0.6", "0.7"],
 *   values: [[1.2, 0.4], [0.8, null]],
 * });
 * assert.equal((chart.markup.match(/<rect /g) ?? []).length, 4);
 * assert.equal(chart.plain, "weekly: 0.6 1.20, 0.7 0.40; monthly: 0.6 0.80, 0.7 –");
 * ```
 */
export function heatmapChart(options: HeatmapChartOptions): RichOutput {
  const { rows, columns, values } = options;
  const width = options.width ?? 640, digits = options.digits ?? 2;
  _check(options, width);
  const format = (v: number | null) =>
    formatCell(v ?? NaN, { digits, percent: options.percent ?? false });
  const finite = values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const colour = (v: number | null) =>
    v === null || !Number.isFinite(v)
      ? "#e9ecef"
      : _colour(hi > lo ? (v - lo) / (hi - lo) : 0.5, options.better ?? "higher");
  const left = Math.max(48, Math.max(...rows.map((r) => r.length)) * 6.5 + 12);
  const parts: string[] = [];
  let y = 0;
  if (options.title) {
    y += 18;
    parts.push(`<text x="0" y="${y - 5}" font-weight="600">${escapeMarkup(options.title)}</text>`);
  }
  if (options.rowLabel) {
    y += 16;
    parts.push(
      `<text x="0" y="${y - 4}" fill="#495057">${escapeMarkup(options.rowLabel)} ↓</text>`,
    );
  }
  const top = y + 2;
  const cellWidth = (width - left - 4) / columns.length;
  rows.forEach((row, r) => {
    const cy = top + r * CELL_HEIGHT;
    parts.push(
      `<text x="${left - 6}" y="${cy + CELL_HEIGHT / 2 + 4}" text-anchor="end">${
        escapeMarkup(row)
      }</text>`,
    );
    columns.forEach((column, c) => {
      const v = values[r]?.[c] ?? null;
      const cx = left + c * cellWidth;
      parts.push(
        `<rect x="${_r(cx)}" y="${cy}" width="${_r(cellWidth - 2)}" height="${
          CELL_HEIGHT - 2
        }" fill="${colour(v)}"><title>${
          escapeMarkup(`${row}, ${column}: ${format(v)}`)
        }</title></rect>`,
        `<text x="${_r(cx + cellWidth / 2 - 1)}" y="${
          cy + CELL_HEIGHT / 2 + 3
        }" text-anchor="middle">${escapeMarkup(format(v))}</text>`,
      );
    });
  });
  const bottom = top + rows.length * CELL_HEIGHT;
  columns.forEach((column, c) => {
    parts.push(
      `<text x="${_r(left + (c + 0.5) * cellWidth - 1)}" y="${bottom + 12}" text-anchor="middle">${
        escapeMarkup(column)
      }</text>`,
    );
  });
  let height = bottom + 18;
  if (options.columnLabel) {
    height += 14;
    parts.push(
      `<text x="${_r(left + (width - left) / 2)}" y="${
        height - 4
      }" text-anchor="middle" fill="#495057">${escapeMarkup(options.columnLabel)} →</text>`,
    );
  }
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">\n` +
    `${parts.join("\n")}\n</svg>`;
  const plain = (options.title ? `${options.title}: ` : "") +
    rows.map((row, r) =>
      `${row}: ${
        columns.map((column, c) => `${column} ${format(values[r]?.[c] ?? null)}`).join(", ")
      }`
    ).join("; ");
  return richOutput("image/svg+xml", markup, plain);
}

/** Red (0) through white (0.5) to green (1), or the reverse when lower is better. */
function _colour(share: number, better: "higher" | "lower"): string {
  const s = better === "higher" ? share : 1 - share;
  const [from, to] = s < 0.5 ? [[201, 42, 42], [248, 249, 250]] : [[248, 249, 250], [43, 138, 62]];
  const t = s < 0.5 ? s / 0.5 : (s - 0.5) / 0.5;
  const channel = (i: number) =>
    Math.round((from[i] as number) + ((to[i] as number) - (from[i] as number)) * t);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}

function _r(v: number): number {
  return Math.round(v * 10) / 10;
}

function _check(options: HeatmapChartOptions, width: number): void {
  const fail = (what: string, expected: string, value: unknown) => {
    throw new RangeError(
      `Cannot draw the heatmap as ${what} must be ${expected}: current value is ${value}`,
    );
  };
  if (options.rows.length === 0) fail("rows", "non-empty", 0);
  if (options.columns.length === 0) fail("columns", "non-empty", 0);
  if (options.values.length !== options.rows.length) {
    fail("values", `${options.rows.length} rows`, options.values.length);
  }
  options.values.forEach((row, r) => {
    if (row.length !== options.columns.length) {
      fail(`row ${r}`, `${options.columns.length} values (one per column)`, row.length);
    }
  });
  if (!(Number.isInteger(width) && width >= 300)) {
    fail("width", "an integer of at least 300", width);
  }
}
