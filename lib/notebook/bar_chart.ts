/**
 * A horizontal bar chart as inline SVG: one row per category, one bar per
 * series in each row, bars to the left of zero for negative values, each
 * labelled with its value. Suits counts by condition and differences between
 * variants of a run.
 *
 * @module
 */
import { formatCell } from "./html_table.ts";
import { paletteColor } from "./palette.ts";
import { escapeMarkup, type RichOutput, richOutput } from "./rich_output.ts";

/** One series: a value per category (NaN: no bar). */
export type BarChartSeries = {
  readonly name: string;
  readonly values: readonly number[];
  /** Default: the palette colour of the series' position. */
  readonly color?: string;
};

/** What {@link barChart} draws. */
export type BarChartOptions = {
  readonly categories: readonly string[];
  readonly series: readonly BarChartSeries[];
  readonly title?: string;
  /** Value labels as percentages of a fraction. Default false. */
  readonly percent?: boolean;
  /** Decimals of non-integer value labels (see `formatCell`). Default 2. */
  readonly digits?: number;
  /** Width in pixels. Default 640. */
  readonly width?: number;
};

const BAR = 12, GROUP_GAP = 10, ROW = 18, LABEL_ROOM = 64;

/**
 * Draws grouped horizontal bars (see the module doc). Throws `RangeError`
 * when a series does not have one value per category, when there is no
 * category or no series, or on a width below 300.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { barChart } from "./bar_chart.ts";
 *
 * const chart = barChart({
 *   categories: ["trending", "ranging"],
 *   series: [{ name: "1d", values: [12, 30] }, { name: "1w", values: [20, 22] }],
 * });
 * assert.equal((chart.markup.match(/<rect [^>]*height="12"/g) ?? []).length, 4);
 * assert.equal(chart.plain, "trending: 1d 12, 1w 20; ranging: 1d 30, 1w 22");
 * ```
 */
export function barChart(options: BarChartOptions): RichOutput {
  const { categories, series } = options;
  const width = options.width ?? 640, digits = options.digits ?? 2;
  _check(categories, series, width);
  const format = (v: number) => formatCell(v, { digits, percent: options.percent ?? false });
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const lo = Math.min(0, ...finite), hi = Math.max(0, ...finite);
  const left = Math.max(60, Math.max(...categories.map((c) => c.length)) * 6.5 + 14);
  const x0 = left + (lo < 0 ? LABEL_ROOM : 0), x1 = width - 8 - (hi > 0 ? LABEL_ROOM : 0);
  const x = (v: number) => x0 + ((v - lo) / (hi - lo || 1)) * (x1 - x0);
  const parts: string[] = [];
  let y = 0;
  if (options.title) {
    y += ROW;
    parts.push(`<text x="0" y="${y - 5}" font-weight="600">${escapeMarkup(options.title)}</text>`);
  }
  if (series.length > 1) {
    y += ROW;
    let lx = 0;
    series.forEach((s, k) => {
      const color = escapeMarkup(s.color ?? paletteColor(k));
      parts.push(
        `<rect x="${lx}" y="${y - 14}" width="10" height="10" fill="${color}"/>`,
        `<text x="${lx + 14}" y="${y - 5}">${escapeMarkup(s.name)}</text>`,
      );
      lx += 28 + s.name.length * 6.5;
    });
  }
  const top = y + 6;
  const groupHeight = series.length * BAR + GROUP_GAP;
  const zero = _r(x(0));
  categories.forEach((category, c) => {
    const gy = top + c * groupHeight;
    parts.push(
      `<text x="${left - 6}" y="${gy + (series.length * BAR) / 2 + 4}" text-anchor="end">${
        escapeMarkup(category)
      }</text>`,
    );
    series.forEach((s, k) => {
      const v = s.values[c] ?? NaN;
      const by = gy + k * BAR;
      if (!Number.isFinite(v)) return;
      const end = _r(x(v));
      const [bx, bw] = v >= 0 ? [zero, end - zero] : [end, zero - end];
      const color = escapeMarkup(s.color ?? paletteColor(k));
      const label = escapeMarkup(format(v));
      parts.push(
        `<rect x="${bx}" y="${by + 1}" width="${
          _r(Math.max(bw, 0.5))
        }" height="${BAR}" fill="${color}"><title>${
          escapeMarkup(`${category}, ${s.name}: ${format(v)}`)
        }</title></rect>`,
        v >= 0
          ? `<text x="${_r(end + 4)}" y="${by + 11}" fill="#495057">${label}</text>`
          : `<text x="${_r(end - 4)}" y="${
            by + 11
          }" text-anchor="end" fill="#495057">${label}</text>`,
      );
    });
  });
  const bottom = top + categories.length * groupHeight - GROUP_GAP + 2;
  parts.push(`<line x1="${zero}" x2="${zero}" y1="${top}" y2="${bottom}" stroke="#495057"/>`);
  const height = bottom + 4;
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">\n` +
    `${parts.join("\n")}\n</svg>`;
  const plain = (options.title ? `${options.title}: ` : "") +
    categories.map((category, c) =>
      `${category}: ${series.map((s) => `${s.name} ${format(s.values[c] ?? NaN)}`).join(", ")}`
    ).join("; ");
  return richOutput("image/svg+xml", markup, plain);
}

function _r(v: number): number {
  return Math.round(v * 10) / 10;
}

function _check(
  categories: readonly string[],
  series: readonly BarChartSeries[],
  width: number,
): void {
  const fail = (what: string, expected: string, value: unknown) => {
    throw new RangeError(
      `Cannot draw the bar chart as ${what} must be ${expected}: current value is ${value}`,
    );
  };
  if (categories.length === 0) fail("categories", "non-empty", 0);
  if (series.length === 0) fail("series", "non-empty", 0);
  for (const s of series) {
    if (s.values.length !== categories.length) {
      fail(`series "${s.name}"`, `${categories.length} values (one per category)`, s.values.length);
    }
  }
  if (!(Number.isInteger(width) && width >= 300)) {
    fail("width", "an integer of at least 300", width);
  }
}
