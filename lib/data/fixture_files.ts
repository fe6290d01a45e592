/**
 * The fixture market as files: Yahoo-format CSVs (`market/TICKER.csv`,
 * `intraday/TICKER_1h.csv`), `actions.csv`, `regimes.csv`, `fundamentals.csv`,
 * `universe.json`, a README, and `MANIFEST.sha256` (sha256sum format) over all of them.
 *
 * Design decision: numbers are written with `toFixed` at a fixed number of decimals
 * per column (cents for prices, 6 places for Adj Close), which the language defines
 * exactly, so the bytes are identical on every platform. Lines end with `\n`.
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import { formatIsoDay } from "./dates.ts";
import type { FixtureMarket } from "./fixture_market.ts";
import { ADJUSTED_DECIMALS, DIVIDEND_DECIMALS, PRICE_DECIMALS } from "./fixture_prices.ts";
import { FIXTURE_README } from "./fixture_readme.ts";

/** Header of a daily price file (Yahoo's download format). */
export const DAILY_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
/** Header of an hourly price file. */
export const INTRADAY_HEADER = "Datetime,Open,High,Low,Close,Adj Close,Volume";
/** Header of `actions.csv`. */
export const ACTIONS_HEADER = "Ticker,Date,Dividend,Split";
/** Header of `regimes.csv`. */
export const REGIMES_HEADER = "Date,Growth,Inflation,Regime";
/** Header of `fundamentals.csv`. */
export const FUNDAMENTALS_HEADER =
  "Ticker,PeriodEnd,FilingDate,PE,PB,ROE,DebtToEquity,ProfitMargin,RevenueGrowth,EpsGrowth";
/** Name of the hash manifest. */
export const MANIFEST_NAME = "MANIFEST.sha256";

/** Every fixture file's text by path relative to the fixtures folder, manifest excluded, paths sorted. */
export function fixtureFiles(market: FixtureMarket): Map<string, string> {
  const files: [string, string][] = [];
  for (const s of market.series) files.push([`market/${s.ticker}.csv`, barsCsv(s, "daily")]);
  for (const s of market.intraday) {
    files.push([`intraday/${s.ticker}_1h.csv`, barsCsv(s, "intraday")]);
  }
  files.push([
    "actions.csv",
    _csv(
      ACTIONS_HEADER,
      market.actions.map((a) =>
        `${a.ticker},${a.date},${a.dividend.toFixed(DIVIDEND_DECIMALS)},${a.split}`
      ),
    ),
  ]);
  const r = market.regimes;
  files.push([
    "regimes.csv",
    _csv(
      REGIMES_HEADER,
      r.dates.map((d, i) => `${d},${r.growth[i]},${r.inflation[i]},${r.regime[i]}`),
    ),
  ]);
  files.push([
    "fundamentals.csv",
    _csv(
      FUNDAMENTALS_HEADER,
      market.fundamentals.map((f) =>
        [
          f.ticker,
          f.periodEnd,
          f.filingDate,
          f.pe.toFixed(2),
          f.pb.toFixed(2),
          f.roe.toFixed(4),
          f.debtToEquity.toFixed(2),
          f.profitMargin.toFixed(4),
          f.revenueGrowth.toFixed(4),
          f.epsGrowth.toFixed(4),
        ].join(",")
      ),
    ),
  ]);
  files.push(["universe.json", JSON.stringify(market.universe, null, 2) + "\n"]);
  files.push(["README.md", FIXTURE_README]);
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A price series as Yahoo-format CSV text: daily rows dated, intraday rows stamped in UTC. */
export function barsCsv(s: BarSeries, kind: "daily" | "intraday"): string {
  const lines: string[] = [];
  for (let i = 0; i < s.time.length; i++) {
    const ms = s.time[i] as number;
    const when = kind === "daily"
      ? formatIsoDay(ms / 86_400_000)
      : new Date(ms).toISOString().replace(".000Z", "Z");
    lines.push(
      `${when},${_price(s.open[i])},${_price(s.high[i])},${_price(s.low[i])},${
        _price(s.close[i])
      },${(s.adjClose[i] as number).toFixed(ADJUSTED_DECIMALS)},${
        (s.volume[i] as number).toFixed(0)
      }`,
    );
  }
  return _csv(kind === "daily" ? DAILY_HEADER : INTRADAY_HEADER, lines);
}

/** The manifest text: one `<sha256 hex>  <path>` line per file, in the files' order. */
export async function manifestText(files: ReadonlyMap<string, string>): Promise<string> {
  const lines: string[] = [];
  for (const [path, text] of files) lines.push(`${await sha256Hex(text)}  ${path}`);
  return lines.join("\n") + "\n";
}

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex. */
export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

const _price = (x: number | undefined): string => (x as number).toFixed(PRICE_DECIMALS);

const _csv = (header: string, lines: readonly string[]): string =>
  header + "\n" + lines.map((l) => l + "\n").join("");
