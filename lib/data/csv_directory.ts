/**
 * A folder of price CSVs: every `TICKER.csv` (or `TICKER_1h.csv`) becomes a series
 * (ticker and interval from the file name, see `describeCsvPath`), with corporate actions from a sibling `actions/` folder
 * (`actions/TICKER.csv`, `Date,Dividend,Split`) or `actions.csv` file
 * (`Ticker,Date,Dividend,Split`) when one is there. This is the layout of
 * `../shared/data` (`market/` + `actions/`) and of `fixtures/` (`market/` + `actions.csv`).
 *
 * All or nothing: the first bad file (in name order) fails the load with its message.
 *
 * @module
 */
import { dirname, join } from "node:path";
import type { BarSeries, Interval } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { readActionsCsv } from "./actions_csv.ts";
import { describeCsvPath, readBarsCsv } from "./csv.ts";
import type { PriceBatch } from "./price_batch.ts";
import { accessProblem, InputError } from "../errors.ts";

/** Options of {@link loadCsvDirectory}. */
export type CsvDirectoryOptions = {
  /** Interval of every file (default per file: "1h" with a Datetime column, else "1d"). */
  readonly interval?: Interval;
  /** Only these tickers (upper case); a missing file for one is an {@link InputError}. */
  readonly tickers?: readonly string[];
  /** An actions folder or file to use instead of looking for a sibling; `false` for none. */
  readonly actions?: string | false;
};

async function _entries(path: string): Promise<Deno.DirEntry[]> {
  try {
    const out: Deno.DirEntry[] = [];
    for await (const entry of Deno.readDir(path)) out.push(entry);
    return out;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`${path}: no such folder`, { cause: error });
    }
    if (error instanceof Deno.errors.NotADirectory) {
      throw new InputError(`${path}: is a file, not a folder`, { cause: error });
    }
    throw accessProblem(error, "CSV folder", path, "read") ?? error;
  }
}

async function _kind(path: string): Promise<"file" | "folder" | "none"> {
  try {
    const info = await Deno.stat(path);
    return info.isDirectory ? "folder" : "file";
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return "none";
    throw accessProblem(error, "corporate actions", path, "read") ?? error;
  }
}

/** A CSV file of a folder and the ticker its name gives. */
type CsvFile = { readonly ticker: string; readonly path: string };

/** The CSV files of `dir` in name order; two names for one ticker and interval are an error. */
async function _csvFiles(dir: string): Promise<CsvFile[]> {
  const names = (await _entries(dir))
    .filter((e) => e.isFile && e.name.toLowerCase().endsWith(".csv"))
    .map((e) => e.name)
    .sort();
  const byKey = new Map<string, string>();
  const files: CsvFile[] = [];
  for (const name of names) {
    const { ticker, interval } = describeCsvPath(name);
    const key = `${ticker} ${interval ?? ""}`;
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      throw new InputError(`${dir}: ${earlier} and ${name} are both ticker ${ticker}`);
    }
    byKey.set(key, name);
    files.push({ ticker, path: join(dir, name) });
  }
  return files;
}

/** The actions of `tickers` from an actions folder or file. */
async function _loadActions(
  path: string,
  tickers: ReadonlySet<string>,
): Promise<CorporateAction[]> {
  if ((await _kind(path)) === "file") {
    return (await readActionsCsv(path)).filter((a) => tickers.has(a.ticker));
  }
  const out: CorporateAction[] = [];
  for (const { ticker, path: file } of await _csvFiles(path)) {
    if (tickers.has(ticker)) out.push(...await readActionsCsv(file, { ticker }));
  }
  return out;
}

/** The sibling actions folder or file of `dir`, if there is one. */
async function _siblingActions(dir: string): Promise<string | undefined> {
  const parent = dirname(join(dir, "."));
  for (const candidate of [join(parent, "actions"), join(parent, "actions.csv")]) {
    if (candidate !== join(dir, ".") && (await _kind(candidate)) !== "none") return candidate;
  }
  return undefined;
}

/** Loads every `TICKER.csv` of `dir` (and actions, see the module doc) into one batch. */
export async function loadCsvDirectory(
  dir: string,
  options: CsvDirectoryOptions = {},
): Promise<PriceBatch> {
  const files = await _csvFiles(dir);
  if (files.length === 0) throw new InputError(`${dir}: no .csv files in the folder`);
  const present = new Set(files.map((f) => f.ticker));
  const wanted = new Set(options.tickers ?? present);
  const missing = [...wanted].filter((t) => !present.has(t));
  if (missing.length > 0) {
    throw new InputError(`${dir}: no CSV file for ticker ${missing.join(", ")}`);
  }
  const series: BarSeries[] = [];
  const skippedRows: Record<string, number> = {};
  for (const file of files.filter((f) => wanted.has(f.ticker))) {
    const parsed = await readBarsCsv(
      file.path,
      options.interval === undefined ? { ticker: file.ticker } : {
        ticker: file.ticker,
        interval: options.interval,
      },
    );
    series.push(parsed.series);
    if (parsed.skippedNullRows > 0) {
      skippedRows[file.ticker] = (skippedRows[file.ticker] ?? 0) + parsed.skippedNullRows;
    }
  }
  const actionsPath = options.actions === undefined ? await _siblingActions(dir) : options.actions;
  const actions = actionsPath === undefined || actionsPath === false
    ? []
    : await _loadActions(actionsPath, wanted);
  return { series, actions, skippedRows };
}
