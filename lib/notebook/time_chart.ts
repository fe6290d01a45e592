/**
 * A chart over a trading calendar as inline SVG: value lines (linear or log
 * scale) above, categorical bands below (a regime per day, say), vertical
 * markers across both, years along the bottom. Days are evenly spaced (the
 * x axis counts trading days, not calendar time), as in the HTML report.
 *
 * Design decision: long lines are thinned to the minimum and maximum of each
 * pixel-wide run of days, which keeps every peak and trough the eye looks for
 * while a 10-year daily line stays a few kilobytes.
 *
 * @module
 */
import { logTicks, niceTicks, yearTicks } from "./axis_ticks.ts";
import { formatCell } from "./html_table.ts";
import { paletteColor } from "./palette.ts";
import { escapeMarkup, type RichOutput, richOutput } from "./rich_output.ts";

/** A value line; null, NaN (and on a log scale, values <= 0) leave a gap. */
export type ChartLine = {
  readonly name: string;
  /** One value per date. */
  readonly values: ArrayLike<number | null>;
  /** Default: the palette colour of the line's position. */
  readonly color?: string;
};

/** A row of coloured segments, one category per date (null: none). */
export type ChartBand = {
  readonly name: string;
  readonly values: readonly (string | null)[];
};

/** A vertical line at a date (the first trading day on or after it). */
export type ChartMarker = {
  readonly date: string;
  /** Shown when the pointer rests on the line. */
  readonly label?: string;
  /** Default a dark grey. */
  readonly color?: string;
};

/** What {@link timeChart} draws. */
export type TimeChartOptions = {
  /** Sorted ISO dates, the x axis (at least two). */
  readonly dates: readonly string[];
  readonly lines?: readonly ChartLine[];
  readonly bands?: readonly ChartBand[];
  /** Colour of each band category; categories without one take palette colours. */
  readonly bandColors?: Readonly<Record<string, string>>;
  readonly markers?: readonly ChartMarker[];
  readonly title?: string;
  /** A log scale for the lines. Default false. */
  readonly logScale?: boolean;
  /** Width of the chart in pixels. Default 760. */
  readonly width?: number;
  /** Height of the line area in pixels. Default 240. */
  readonly height?: number;
};

const BAND_HEIGHT = 18, BAND_GAP = 4, ROW = 18, FONT = 11;

/**
 * Draws lines, bands and markers over a calendar (see the module doc). Throws
 * `RangeError` when a line or band does not have one value per date, on
 * fewer than two dates, or on a width or height that is not a positive integer.
 *
 * @example A line over a regime band
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeChart } from "./time_chart.ts";
 *
 * const chart = timeChart({
 *   dates: ["2020-12-30", "2020-12-31", "2021-01-04"],
 *   lines: [{ name: "SPY", values: [100, 102, 101] }],
 *   bands: [{ name: "regime", values: ["Goldilocks", "Goldilocks", "Inflation"] }],
 * });
 * assert.equal(chart.mime, "image/svg+xml");
 * assert.equal((chart.markup.match(/<path /g) ?? []).length, 1);
 * assert.ok(chart.markup.includes(">2021</text>"));
 * ```
 */
export function timeChart(options: TimeChartOptions): RichOutput {
  const { dates } = options;
  const lines = options.lines ?? [], bands = options.bands ?? [];
  const width = options.width ?? 760, height = options.height ?? 240;
  _check(dates, lines, bands, width, height);
  const n = dates.length;
  const longestBand = Math.max(0, ...bands.map((b) => b.name.length));
  const left = Math.max(60, longestBand * 6.5 + 14), right = 16;
  const plotWidth = width - left - right;
  const x = (i: number) => left + (i / (n - 1)) * plotWidth;
  const parts: string[] = [];
  let y = 0;
  if (options.title) {
    y += ROW;
    parts.push(`<text x="0" y="${y - 5}" font-weight="600">${escapeMarkup(options.title)}</text>`);
  }
  if (lines.length > 0) {
    y += ROW;
    parts.push(_legend(lines.map((l, i) => [l.name, l.color ?? paletteColor(i)]), y - 5, width));
  }
  const top = y + 8;
  const lineHeight = lines.length > 0 ? height : 0;
  if (lines.length > 0) {
    parts.push(
      ..._lines(lines, { x, top, height: lineHeight, left, right: width - right }, options),
    );
  }
  const bandTop = top + lineHeight + (lines.length > 0 ? 8 : 0);
  const colors = _bandColors(bands, options.bandColors ?? {});
  bands.forEach((band, k) => {
    const by = bandTop + k * (BAND_HEIGHT + BAND_GAP);
    parts.push(
      `<text x="${left - 6}" y="${by + 13}" text-anchor="end">${escapeMarkup(band.name)}</text>`,
      ..._segments(band.values, dates, x, by, colors),
    );
  });
  const bottom = bandTop + bands.length * (BAND_HEIGHT + BAND_GAP) - (bands.length ? BAND_GAP : 0);
  for (const m of options.markers ?? []) {
    const i = _indexOnOrAfter(dates, m.date);
    if (i < 0) continue;
    const label = m.label ?? m.date;
    parts.push(
      `<line x1="${_r(x(i))}" x2="${_r(x(i))}" y1="${top}" y2="${bottom}" stroke="${
        escapeMarkup(m.color ?? "#495057")
      }" stroke-width="1" stroke-dasharray="3,3"><title>${escapeMarkup(label)}</title></line>`,
    );
  }
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${bottom}" y2="${bottom}" stroke="#adb5bd"/>`,
  );
  for (const t of yearTicks(dates)) {
    const tx = _r(x(t.index));
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${bottom}" y2="${bottom + 4}" stroke="#adb5bd"/>`,
      `<text x="${tx}" y="${bottom + 16}" text-anchor="middle" fill="#495057">${t.label}</text>`,
    );
  }
  let total = bottom + 22;
  const categories = [...colors];
  if (categories.length > 0) {
    total += ROW;
    parts.push(_legend(categories, total - 5, width));
  }
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" ` +
    `viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif" font-size="${FONT}">\n` +
    `${parts.join("\n")}\n</svg>`;
  const described = [
    ...(lines.length ? [`lines ${lines.map((l) => l.name).join(", ")}`] : []),
    ...(bands.length ? [`bands ${bands.map((b) => b.name).join(", ")}`] : []),
  ].join("; ");
  const plain = `${options.title ? `${options.title}: ` : ""}${described} from ${dates[0]} to ${
    dates[n - 1]
  }`;
  return richOutput("image/svg+xml", markup, plain);
}

type Frame = {
  readonly x: (i: number) => number;
  readonly top: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
};

function _lines(lines: readonly ChartLine[], frame: Frame, options: TimeChartOptions): string[] {
  const log = options.logScale ?? false;
  const usable = (v: number | null | undefined): v is number =>
    typeof v === "number" && Number.isFinite(v) && (!log || v > 0);
  let lo = Infinity, hi = -Infinity;
  for (const line of lines) {
    for (let i = 0; i < line.values.length; i++) {
      const v = line.values[i];
      if (!usable(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) [lo, hi] = log ? [1, 10] : [0, 1];
  const ticks = log ? logTicks(lo, hi) : niceTicks(lo, hi);
  const [domainLo, domainHi] = log
    ? [Math.min(lo, ticks[0] ?? lo), Math.max(hi, ticks.at(-1) ?? hi)]
    : [ticks[0] ?? lo, ticks.at(-1) ?? hi];
  const scale = log ? Math.log : (v: number) => v;
  const s0 = scale(domainLo), s1 = scale(domainHi);
  const y = (v: number) =>
    frame.top + frame.height - ((scale(v) - s0) / (s1 - s0 || 1)) * frame.height;
  const out: string[] = [];
  for (const t of ticks) {
    const ty = _r(y(t));
    out.push(
      `<line x1="${frame.left}" x2="${frame.right}" y1="${ty}" y2="${ty}" stroke="#e9ecef"/>`,
      `<text x="${frame.left - 6}" y="${ty + 4}" text-anchor="end" fill="#495057">${
        formatCell(t, { digits: _decimals(ticks), percent: false })
      }</text>`,
    );
  }
  const n = lines[0]?.values.length ?? 0;
  const keep = sampleIndices(lines.map((l) => l.values), Math.round(frame.right - frame.left));
  lines.forEach((line, k) => {
    let d = "", pen = false;
    for (const i of keep) {
      const v = line.values[i];
      if (!usable(v)) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${_r(frame.x(i))},${_r(y(v))}`;
      pen = true;
    }
    if (d === "" || n === 0) return;
    out.push(
      `<path d="${d}" fill="none" stroke="${
        escapeMarkup(line.color ?? paletteColor(k))
      }" stroke-width="1.4"><title>${escapeMarkup(line.name)}</title></path>`,
    );
  });
  return out;
}

/**
 * Indices of the days to draw when `buckets` pixel columns share `length`
 * days: the first and last day, and in each column the day of each line's
 * minimum and maximum (nulls and NaN never chosen). Every index when the lines
 * are no longer than twice the columns.
 *
 * @example A V of 9 points in 2 columns keeps its bottom
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleIndices } from "./time_chart.ts";
 *
 * assert.deepEqual(sampleIndices([[4, 3, 2, 1, 0, 1, 2, 3, 4]], 2), [0, 1, 3, 4, 7, 8]);
 * ```
 */
export function sampleIndices(
  lines: readonly ArrayLike<number | null>[],
  buckets: number,
): number[] {
  const length = lines[0]?.length ?? 0;
  if (length <= 2 * buckets) return Array.from({ length }, (_, i) => i);
  const picked = new Set<number>([0, length - 1]);
  const size = (length - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * size), end = 1 + Math.floor((b + 1) * size);
    for (const values of lines) {
      let low = -1, high = -1, lowValue = Infinity, highValue = -Infinity;
      for (let i = start; i < end; i++) {
        const v = values[i];
        if (typeof v !== "number" || Number.isNaN(v)) continue;
        if (v < lowValue) [low, lowValue] = [i, v];
        if (v > highValue) [high, highValue] = [i, v];
      }
      if (low >= 0) picked.add(low);
      if (high >= 0) picked.add(high);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

function _segments(
  values: readonly (string | null)[],
  dates: readonly string[],
  x: (i: number) => number,
  y: number,
  colors: ReadonlyMap<string, string>,
): string[] {
  const out: string[] = [];
  const last = values.length - 1;
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i <= last && values[i] === values[start]) continue;
    const value = values[start];
    if (value !== null && value !== undefined) {
      const x0 = x(start), x1 = x(Math.min(i, last));
      out.push(
        `<rect x="${_r(x0)}" y="${y}" width="${
          _r(Math.max(0.5, x1 - x0))
        }" height="${BAND_HEIGHT}" fill="${escapeMarkup(colors.get(value) ?? "#adb5bd")}"><title>${
          escapeMarkup(`${value}: ${dates[start]} to ${dates[i - 1]}`)
        }</title></rect>`,
      );
    }
    start = i;
  }
  return out;
}

function _bandColors(
  bands: readonly ChartBand[],
  given: Readonly<Record<string, string>>,
): Map<string, string> {
  const seen = new Set<string>();
  for (const b of bands) for (const v of b.values) if (v !== null) seen.add(v);
  const colors = new Map<string, string>();
  for (const [name, color] of Object.entries(given)) if (seen.has(name)) colors.set(name, color);
  let k = 0;
  for (const name of seen) if (!colors.has(name)) colors.set(name, paletteColor(k++));
  return colors;
}

/** Swatches and names in a row (wrapping is left to the width: names are short). */
function _legend(items: readonly (readonly [string, string])[], y: number, width: number): string {
  let x = 0;
  const out: string[] = [];
  for (const [name, color] of items) {
    if (x > width - 40) break;
    out.push(
      `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${escapeMarkup(color)}"/>`,
      `<text x="${x + 14}" y="${y}">${escapeMarkup(name)}</text>`,
    );
    x += 14 + name.length * 6.5 + 14;
  }
  return out.join("");
}

function _indexOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] ?? "") < date) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length ? lo : -1;
}

/** Decimals the tick labels need to tell neighbouring ticks apart. */
function _decimals(ticks: readonly number[]): number {
  const step = Math.abs((ticks[1] ?? 1) - (ticks[0] ?? 0)) || 1;
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

function _r(v: number): number {
  return Math.round(v * 10) / 10;
}

function _check(
  dates: readonly string[],
  lines: readonly ChartLine[],
  bands: readonly ChartBand[],
  width: number,
  height: number,
): void {
  const fail = (what: string, expected: string, value: unknown) => {
    throw new RangeError(
      `Cannot draw the chart as ${what} must be ${expected}: current value is ${value}`,
    );
  };
  if (dates.length < 2) fail("dates", "at least two", dates.length);
  for (const l of lines) {
    if (l.values.length !== dates.length) {
      fail(`line "${l.name}"`, `${dates.length} values (one per date)`, l.values.length);
    }
  }
  for (const b of bands) {
    if (b.values.length !== dates.length) {
      fail(`band "${b.name}"`, `${dates.length} values (one per date)`, b.values.length);
    }
  }
  if (!(Number.isInteger(width) && width >= 200)) {
    fail("width", "an integer of at least 200", width);
  }
  if (!(Number.isInteger(height) && height > 0)) fail("height", "a positive integer", height);
}
