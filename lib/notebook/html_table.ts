/**
 * Tables for notebooks: rows of records (query results, metrics, scan
 * results) as an HTML table with a plain-text twin, numbers right-aligned and
 * formatted one way everywhere.
 *
 * @module
 */
import { escapeMarkup, type RichOutput, richOutput } from "./rich_output.ts";

/** Options of {@link htmlTable}. */
export type TableOptions = {
  /** A caption above the table. */
  readonly caption?: string;
  /** The columns and their order. Default: every key met, in the order met. */
  readonly columns?: readonly string[];
  /** Columns holding fractions to show as percentages. */
  readonly percent?: readonly string[];
  /** Decimals of non-integer numbers below 1,000 in absolute value. Default 3. */
  readonly digits?: number;
  /** Rows shown at most; a last line says how many were left out. Default 100. */
  readonly maxRows?: number;
};

/** How one cell is written. */
export type CellFormat = {
  /** Decimals of non-integer numbers below 1,000 in absolute value. */
  readonly digits: number;
  /** Whether the number is a fraction to show as a percentage (2 decimals). */
  readonly percent: boolean;
};

/** Shown for null, undefined and non-finite numbers. */
export const MISSING_CELL = "–";

/**
 * Writes one value as table text: null, undefined, NaN and infinities as
 * {@link MISSING_CELL}; integers with thousands separators; other numbers
 * with `digits` decimals, or none from 1,000 up; fractions as percentages
 * with 2 decimals when `percent`; strings as they are; arrays and objects as
 * compact JSON.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatCell } from "./html_table.ts";
 *
 * const plain = { digits: 3, percent: false };
 * assert.equal(formatCell(166505.29, plain), "166,505");
 * assert.equal(formatCell(0.69123, plain), "0.691");
 * assert.equal(formatCell(0.69123, { digits: 3, percent: true }), "69.12%");
 * assert.equal(formatCell(["Gold", "Treasuries"], plain), `["Gold","Treasuries"]`);
 * assert.equal(formatCell(null, plain), "–");
 * ```
 */
export function formatCell(value: unknown, format: CellFormat): string {
  if (value === null || value === undefined) return MISSING_CELL;
  if (typeof value === "number") return _formatNumber(value, format);
  if (typeof value === "bigint") return _group(value.toString());
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Rows as a table: an HTML `<table>` (numbers right-aligned, text escaped)
 * with an aligned plain-text twin. Throws `RangeError` on negative `digits`
 * or a `maxRows` below 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { htmlTable } from "./html_table.ts";
 *
 * const table = htmlTable(
 *   [{ ticker: "SPY", weight: 0.25 }, { ticker: "TLT", weight: 0.1 }],
 *   { percent: ["weight"] },
 * );
 * assert.ok(table.markup.includes(`<td style="text-align:right">25.00%</td>`));
 * assert.equal(table.plain, "ticker  weight\nSPY     25.00%\nTLT     10.00%");
 * ```
 */
export function htmlTable(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: TableOptions = {},
): RichOutput {
  const digits = options.digits ?? 3, maxRows = options.maxRows ?? 100;
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 12)) {
    throw new RangeError(
      `Cannot build the table as digits must be an integer in [0, 12]: current value is ${digits}`,
    );
  }
  if (!(Number.isInteger(maxRows) && maxRows >= 1)) {
    throw new RangeError(
      `Cannot build the table as maxRows must be a positive integer: current value is ${maxRows}`,
    );
  }
  const columns = options.columns ?? _keys(rows);
  const percent = new Set(options.percent ?? []);
  const shown = rows.slice(0, maxRows);
  const cells = shown.map((row) =>
    columns.map((c) => ({
      text: formatCell(row[c], { digits, percent: percent.has(c) }),
      numeric: typeof row[c] === "number" || typeof row[c] === "bigint",
    }))
  );
  const more = rows.length - shown.length;
  const note = more > 0 ? `… ${more.toLocaleString("en-US")} more rows` : "";
  const caption = options.caption ?? "";
  const head = columns.map((c) => `<th>${escapeMarkup(c)}</th>`).join("");
  const body = cells.map((row) =>
    `<tr>${
      row.map((cell) =>
        cell.numeric
          ? `<td style="text-align:right">${escapeMarkup(cell.text)}</td>`
          : `<td>${escapeMarkup(cell.text)}</td>`
      ).join("")
    }</tr>`
  ).join("\n");
  const markup = [
    `<table>`,
    caption ? `<caption style="text-align:left">${escapeMarkup(caption)}</caption>` : "",
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `</table>`,
    note ? `<p><em>${escapeMarkup(note)}</em></p>` : "",
  ].filter((s) => s !== "").join("\n");
  const plain = [
    ...(caption ? [caption] : []),
    ..._aligned(columns, cells),
    ...(note ? [note] : []),
  ].join("\n");
  return richOutput("text/html", markup, plain);
}

function _keys(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Text lines: text columns padded right, numeric ones left, two spaces apart, no trailing space. */
function _aligned(
  columns: readonly string[],
  cells: readonly (readonly { text: string; numeric: boolean }[])[],
): string[] {
  const widths = columns.map((c, j) =>
    Math.max(c.length, ...cells.map((row) => row[j]?.text.length ?? 0))
  );
  const line = (parts: readonly { text: string; numeric: boolean }[]) =>
    parts.map((p, j) => {
      const w = widths[j] ?? 0;
      return p.numeric ? p.text.padStart(w) : p.text.padEnd(w);
    }).join("  ").trimEnd();
  return [
    line(columns.map((c) => ({ text: c, numeric: false }))),
    ...cells.map(line),
  ];
}

function _formatNumber(value: number, format: CellFormat): string {
  if (!Number.isFinite(value)) return MISSING_CELL;
  if (format.percent) return `${_fixed(value * 100, 2)}%`;
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return _fixed(value, 0);
  return _fixed(value, format.digits);
}

/** Fixed decimals with thousands separators; no "-0". */
function _fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  const negative = value < 0 && Number(text) !== 0;
  const [whole = "", fraction] = text.split(".");
  return `${negative ? "-" : ""}${_group(whole)}${fraction === undefined ? "" : `.${fraction}`}`;
}

function _group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
