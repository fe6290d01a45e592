/**
 * Loads the committed fixture market (`fixtures/`) into memory: daily and
 * hourly {@link BarSeries}, corporate actions, regime labels, the universe and
 * the stocks' fundamentals.
 *
 * Design decision: the files are our own, written by `scripts/generate_fixtures.ts`
 * with fixed headers and columns, so this reader is a plain split-and-`Number`
 * loop (no quoting, no column search) that only checks the header and that every
 * field parsed. Arbitrary user CSV goes through `csv.ts` instead.
 *
 * @module
 */
import { type BarSeries, emptySeries, type Interval } from "./bars.ts";
import { msOfDay, parseIsoDay } from "./dates.ts";
import { accessProblem, InputError } from "../errors.ts";
import type { CorporateAction } from "./actions.ts";
import type {
  Direction,
  Fixtures,
  FundamentalRow,
  RegimeLabels,
  RegimeName,
  Universe,
} from "./fixture_types.ts";
import {
  ACTIONS_HEADER,
  DAILY_HEADER,
  FUNDAMENTALS_HEADER,
  INTRADAY_HEADER,
  REGIMES_HEADER,
} from "./fixture_files.ts";

export type {
  Fixtures,
  FundamentalRow,
  RegimeLabels,
  Universe,
  UniverseEntry,
} from "./fixture_types.ts";

/** The repository's `fixtures/` folder. */
export const DEFAULT_FIXTURES_DIR: URL = new URL("../../fixtures/", import.meta.url);

/**
 * Reads every fixture file under `dir` (default: the repository's `fixtures/`).
 * Daily series come in `universe.json` order, hourly series in file-name order.
 * Throws an {@link InputError} naming the file and row when a file is malformed.
 *
 * @example Load the committed fixtures and build a Panel
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadFixtures } from "./fixtures.ts";
 * import { splitsByTicker } from "./actions.ts";
 * import { Panel } from "./panel.ts";
 *
 * const fx = await loadFixtures();
 * assert.equal(fx.series[0]?.ticker, "SPY");
 * assert.equal(fx.universe["SPY"]?.benchmark, true);
 * assert.equal(fx.regimes.dates[0], "2011-01-03");
 * const raw = Panel.fromSeries(fx.series, { prices: "raw", splits: splitsByTicker(fx.actions) });
 * assert.deepEqual(raw.splits[raw.indexOf("AAPL")]?.map((s) => s.ratio), [4]);
 * ```
 */
export async function loadFixtures(dir: string | URL = DEFAULT_FIXTURES_DIR): Promise<Fixtures> {
  const at = (rel: string) => _join(dir, rel);
  const universe = _parseUniverse(await _read(at("universe.json")), String(at("universe.json")));
  const intradayNames: string[] = [];
  for await (const entry of Deno.readDir(at("intraday"))) {
    if (entry.isFile && entry.name.endsWith("_1h.csv")) intradayNames.push(entry.name);
  }
  intradayNames.sort();
  const days = new Map<string, number>();
  const [series, intraday, actions, regimes, fundamentals] = await Promise.all([
    Promise.all(
      Object.keys(universe).map(async (ticker) => {
        const path = at(`market/${ticker}.csv`);
        return _parseBars(await _read(path), String(path), ticker, "1d", days);
      }),
    ),
    Promise.all(intradayNames.map(async (name) => {
      const path = at(`intraday/${name}`);
      return _parseBars(
        await _read(path),
        String(path),
        name.slice(0, -"_1h.csv".length),
        "1h",
        days,
      );
    })),
    _read(at("actions.csv")).then((t) => _parseActions(t, String(at("actions.csv")))),
    _read(at("regimes.csv")).then((t) => _parseRegimes(t, String(at("regimes.csv")))),
    _read(at("fundamentals.csv")).then((t) =>
      _parseFundamentals(t, String(at("fundamentals.csv")))
    ),
  ]);
  return { series, actions, regimes, universe, intraday, fundamentals };
}

/**
 * Reads a `fundamentals.csv` in the fixtures' format (a missing file or a bad row
 * is an {@link InputError} naming it), as {@link loadFixtures} does.
 */
export async function loadFixtureFundamentals(path: string | URL): Promise<FundamentalRow[]> {
  return _parseFundamentals(await _read(path), String(path));
}

function _join(dir: string | URL, rel: string): string | URL {
  if (dir instanceof URL) return new URL(rel, dir.href.endsWith("/") ? dir : `${dir.href}/`);
  return `${dir.replace(/\/+$/, "")}/${rel}`;
}

async function _read(path: string | URL): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`${String(path)}: fixture file not found`, { cause: error });
    }
    throw accessProblem(error, "fixture file", String(path), "read") ?? error;
  }
}

/** The data lines of a CSV text after checking its header. */
function _lines(text: string, source: string, header: string): string[] {
  const lines = text.split("\n");
  if (lines[0]?.replace(/\r$/, "") !== header) {
    throw new InputError(`${source} row 1: expected header "${header}"`);
  }
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.slice(1);
}

function _number(text: string | undefined, source: string, row: number, column: string): number {
  const x = text === undefined || text === "" ? NaN : Number(text);
  if (!Number.isFinite(x)) {
    throw new InputError(`${source} row ${row}: ${column} "${text ?? ""}" is not a number`);
  }
  return x;
}

function _day(
  text: string | undefined,
  source: string,
  row: number,
  cache: Map<string, number>,
): number {
  const key = text ?? "";
  let day = cache.get(key);
  if (day === undefined) {
    day = parseIsoDay(key);
    if (Number.isNaN(day)) {
      throw new InputError(`${source} row ${row}: date "${key}" is not YYYY-MM-DD`);
    }
    cache.set(key, day);
  }
  return day;
}

function _parseBars(
  text: string,
  source: string,
  ticker: string,
  interval: Interval,
  days: Map<string, number>,
): BarSeries {
  const lines = _lines(text, source, interval === "1d" ? DAILY_HEADER : INTRADAY_HEADER);
  const s = emptySeries(ticker, interval, lines.length);
  const fields = [s.open, s.high, s.low, s.close, s.adjClose, s.volume] as const;
  const names = ["Open", "High", "Low", "Close", "Adj Close", "Volume"] as const;
  for (let i = 0; i < lines.length; i++) {
    const cols = (lines[i] as string).split(",");
    const row = i + 2;
    if (interval === "1d") {
      s.time[i] = msOfDay(_day(cols[0], source, row, days));
    } else {
      const ms = Date.parse(cols[0] ?? "");
      if (Number.isNaN(ms)) {
        throw new InputError(`${source} row ${row}: Datetime "${cols[0]}" is not ISO`);
      }
      s.time[i] = ms;
    }
    for (let f = 0; f < 6; f++) {
      (fields[f] as Float64Array)[i] = _number(cols[f + 1], source, row, names[f] as string);
    }
  }
  return s;
}

function _parseActions(text: string, source: string): CorporateAction[] {
  return _lines(text, source, ACTIONS_HEADER).map((line, i) => {
    const [ticker = "", date = "", dividend, split] = line.split(",");
    if (Number.isNaN(parseIsoDay(date))) {
      throw new InputError(`${source} row ${i + 2}: date "${date}" is not YYYY-MM-DD`);
    }
    return {
      ticker,
      day: parseIsoDay(date),
      dividend: _number(dividend, source, i + 2, "Dividend"),
      split: _number(split, source, i + 2, "Split"),
    };
  });
}

const _DIRECTIONS: ReadonlySet<string> = new Set(["up", "down"]);
const _REGIME_NAMES: ReadonlySet<string> = new Set([
  "Goldilocks",
  "Reflation",
  "Inflation",
  "Deflation",
]);

function _parseRegimes(text: string, source: string): RegimeLabels {
  const dates: string[] = [], growth: Direction[] = [], inflation: Direction[] = [];
  const regime: RegimeName[] = [];
  _lines(text, source, REGIMES_HEADER).forEach((line, i) => {
    const [date = "", g = "", inf = "", r = ""] = line.split(",");
    if (!_DIRECTIONS.has(g) || !_DIRECTIONS.has(inf) || !_REGIME_NAMES.has(r)) {
      throw new InputError(`${source} row ${i + 2}: "${line}" is not Date,up|down,up|down,regime`);
    }
    dates.push(date);
    growth.push(g as Direction);
    inflation.push(inf as Direction);
    regime.push(r as RegimeName);
  });
  return { dates, growth, inflation, regime };
}

function _parseFundamentals(text: string, source: string): FundamentalRow[] {
  return _lines(text, source, FUNDAMENTALS_HEADER).map((line, i) => {
    const c = line.split(",");
    const n = (k: number, name: string) => _number(c[k], source, i + 2, name);
    return {
      ticker: c[0] ?? "",
      periodEnd: c[1] ?? "",
      filingDate: c[2] ?? "",
      pe: n(3, "PE"),
      pb: n(4, "PB"),
      roe: n(5, "ROE"),
      debtToEquity: n(6, "DebtToEquity"),
      profitMargin: n(7, "ProfitMargin"),
      revenueGrowth: n(8, "RevenueGrowth"),
      epsGrowth: n(9, "EpsGrowth"),
    };
  });
}

function _parseUniverse(text: string, source: string): Universe {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(`${source}: expected an object of tickers`);
  }
  // Trusted: written by the generator from typed entries.
  return value as Universe;
}
