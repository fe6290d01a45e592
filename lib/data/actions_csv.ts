/**
 * Corporate actions from CSV: `Date,Dividend,Split` per ticker (the shared
 * `actions/TICKER.csv` files) or `Ticker,Date,Dividend,Split` for many tickers in
 * one file (`fixtures/actions.csv`). Header matched case-insensitively; a missing
 * Dividend column means 0, a missing Split column means 1 (but one must be there).
 *
 * @module
 */
import { checkActions, type CorporateAction, sortActions } from "./actions.ts";
import { parseDayText } from "./bar_time.ts";
import { columnName, findColumn, numberField, readCsvText, readInputText } from "./csv_table.ts";
import { ProblemList } from "./validate.ts";
import { InputError } from "../errors.ts";

const MS_PER_DAY = 86_400_000;

/** Options of {@link parseActionsCsv}. */
export type ActionsCsvOptions = {
  /** File path or source name, for messages. */
  readonly source: string;
  /** Ticker of every row, for files without a Ticker column. */
  readonly ticker?: string;
};

/** Parses and validates an actions CSV; an {@link InputError} lists every problem. Sorted by ticker, day. */
export function parseActionsCsv(text: string, options: ActionsCsvOptions): CorporateAction[] {
  const csv = readCsvText(text, options.source);
  const { source, lines } = csv;
  const tickerCol = findColumn(csv, ["ticker", "symbol"], options.ticker === undefined);
  const dateCol = findColumn(csv, ["date"], true);
  const dividendCol = findColumn(csv, ["dividend", "dividends"], false);
  const splitCol = findColumn(csv, ["split", "splits", "stock splits"], false);
  if (dividendCol < 0 && splitCol < 0) {
    throw new InputError(`${source} line ${csv.headerLine}: no "dividend" or "split" column`);
  }
  const problems = new ProblemList();
  const actions: CorporateAction[] = [];
  const lineOf: number[] = [];
  const width = csv.header.length;
  const number = (fields: string[], col: number, fallback: number, line: number): number => {
    if (col < 0) return fallback;
    const raw = fields[col] as string;
    const value = numberField(raw);
    if (Number.isNaN(value)) {
      problems.add(
        `${source} line ${line} column ${columnName(csv, col)}: "${raw}" is not a number`,
      );
    }
    return value;
  };
  for (let i = csv.firstDataIndex; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const fields = line.split(",");
    if (fields.length !== width) {
      problems.add(
        `${source} line ${
          i + 1
        }: expected ${width} fields as in the header, found ${fields.length}`,
      );
      continue;
    }
    const dateText = (fields[dateCol] as string).trim();
    const ms = parseDayText(dateText);
    if (Number.isNaN(ms)) {
      problems.add(
        `${source} line ${i + 1} column ${columnName(csv, dateCol)}: "${dateText}" is not a date`,
      );
    }
    const ticker = tickerCol < 0
      ? options.ticker ?? ""
      : (fields[tickerCol] as string).trim().toUpperCase();
    if (ticker === "") problems.add(`${source} line ${i + 1}: empty ticker`);
    const dividend = number(fields, dividendCol, 0, i + 1);
    const split = number(fields, splitCol, 1, i + 1);
    actions.push({ ticker, day: ms / MS_PER_DAY, dividend, split });
    lineOf.push(i + 1);
  }
  problems.throwIfAny();
  checkActions(actions, { source, lineOf });
  return sortActions(actions);
}

/** Reads and parses an actions CSV file. */
export async function readActionsCsv(
  path: string,
  options: { readonly ticker?: string } = {},
): Promise<CorporateAction[]> {
  const text = await readInputText(path);
  return parseActionsCsv(
    text,
    options.ticker === undefined ? { source: path } : { source: path, ticker: options.ticker },
  );
}
