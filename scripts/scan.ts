/**
 * `deno task scan`: the market conditions of every asset (of some buckets) on one
 * day, ranked, as a table or JSON; database first with `--enable-database`, and
 * saved into `scanner_historical` with `--save`.
 *
 * Exit 0 when done, 2 on a bad command line, a date outside the data, an unknown
 * bucket or ticker, `--save` without a database, or a database `--save` cannot
 * write to. Reading the database (`--enable-database`) never fails the scan: no
 * database configured gives one info line, an unreachable one (or missing tables)
 * one warning, and the scan is computed.
 *
 * @module
 */
import type { BarSeries } from "../lib/data/bars.ts";
import { loadMarket, type MarketData } from "../lib/data/load_market.ts";
import { Panel } from "../lib/data/panel.ts";
import { PriceStore } from "../lib/data/price_store.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { flagParams, parseConfigFlags } from "../lib/config/flags.ts";
import { readConfigFile } from "../lib/config/load.ts";
import type { ConfigLayer } from "../lib/config/layers.ts";
import { envLayer } from "../lib/config/env_layer.ts";
import { resolveConfig } from "../lib/config/resolve_config.ts";
import { applyBucketFile } from "../lib/config/bucket_file.ts";
import type { Config } from "../lib/config/schema.ts";
import { upsertScannerRows } from "../lib/db/scanner_repository.ts";
import { InputError } from "../lib/errors.ts";
import type { RegimeLogger } from "../lib/market/regime_provider.ts";
import {
  parseScanDate,
  parseTimeframes,
  scanDayIndex,
  scanTickers,
} from "../lib/market/scan_request.ts";
import { formatScanTable, scanTableRows } from "../lib/market/scan_table.ts";
import { scanDatabaseFirst, scannerRowsOf } from "../lib/market/scanner_database.ts";
import { scanHistory } from "../lib/market/scanner_history.ts";
import { openDatabaseServices, stderrLogger } from "../lib/run/database_services.ts";
import { readEnv } from "../lib/run/audit_target.ts";

/** Printed by `--help`. */
export const USAGE = `Usage: deno task scan [--date YYYY-MM-DD] [options]

Scans every asset on the last trading day on or before --date and prints them
ranked: breakouts, then trends, breakdowns and ranges, each by confidence.

Options:
  --date YYYY-MM-DD       the day to scan (default: the last day in the data, said on stderr)
  --buckets A,B           only the assets of these buckets ("Risk Assets,Gold")
  --tickers A,B           only these tickers
  --timeframes LIST       timeframes and optional weights (default 1d,1w,1mo; e.g. 1d=0.7,1w=0.3;
                          1h and 4h read hourly bars from the fixtures or the price store)
  --source S              fixtures (default), store or csv
  --csv PATH              a Yahoo-format CSV file or a folder of them (implies --source csv)
  --store PATH            the price store (default data/prices.db)
  --prices adjusted|raw   adjusted (default) or as-traded prices
  --config FILE           a YAML or JSON config file (its data and buckets sections)
  --enable-database       use rows already in scanner_historical for (ticker, timeframe, date)
                          instead of computing them (source "database")
  --save                  upsert the computed per-timeframe rows into scanner_historical
                          (the combined row is not stored: it is recomputed from its parts)
  --schema NAME           the database schema to read and write (default: the server's)
  --json                  print one JSON object (the rows with their parts) instead of the table
  --help                  print this help

Database: DATABASE_URL=postgres://user:password@host:5432/database, or DB_HOST, DB_PORT,
DB_NAME, DB_USER, DB_PASSWORD. The task may reach 127.0.0.1:5432 and localhost:5432 only;
for another server give the whole list (--allow-net replaces the set's):
  deno run -P=scan --allow-net=db.example.com:5432 scripts/scan.ts --date ... --enable-database`;

const EXTRA = {
  date: { type: "string" },
  timeframes: { type: "string" },
  config: { type: "string" },
  schema: { type: "string" },
  json: { type: "boolean" },
  save: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** Config sections whose flags the scan takes; the others are the backtest's. */
const SCAN_SECTIONS = /^(data|buckets|database)\./;

/** Where the script reads its environment and writes (tests pass their own). */
export type ScanScriptIo = {
  readonly env: (name: string) => string | undefined;
  /** A line of the result (stdout). */
  readonly print: (line: string) => void;
  /** Info lines and warnings (stderr). */
  readonly logger: RegimeLogger;
};

/** Runs `deno task scan` with `args`; throws InputError/ServiceError for exit 2. */
export async function scanMain(args: readonly string[], io: ScanScriptIo): Promise<void> {
  const { layer, extra } = parseConfigFlags(args, EXTRA);
  if (extra.help === true) {
    io.print(USAGE);
    return;
  }
  _rejectBacktestFlags(layer);
  const flagBuckets = _takeBuckets(layer);
  const asked = extra.date === undefined ? undefined : parseScanDate(extra.date as string);
  const timeframes = parseTimeframes((extra.timeframes as string | undefined) ?? "1d,1w,1mo");
  const schema = extra.schema as string | undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new InputError(`--schema: "${schema}" must be a lower-case SQL name`);
  }
  const configPath = extra.config as string | undefined;
  // The same layers as the backtest's: file (and the preset it names) < ENGINE_* < flags.
  const layers: ConfigLayer[] = [];
  if (configPath) {
    layers.push({ kind: "file", name: configPath, values: await readConfigFile(configPath) });
  }
  layers.push({ kind: "env", name: "environment", values: envLayer(io.env) });
  layers.push({ kind: "flags", name: "command line", values: layer });
  const config = await applyBucketFile(resolveConfig(layers).config);
  const save = extra.save === true;
  const readDatabase = config.database.enabled;
  const services = openDatabaseServices({
    enabled: readDatabase || save,
    env: io.env,
    logger: io.logger,
    ...(schema === undefined ? {} : { open: { searchPath: schema } }),
  });
  if (save && services.database === undefined) {
    throw new InputError(
      "--save: no database configured: set DATABASE_URL, or DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD",
    );
  }
  try {
    const market = await loadMarket({
      source: config.data.source,
      csv: config.data.csv,
      store: config.data.store,
      fixturesDir: config.data.fixturesDir,
      tickers: config.data.tickers,
    });
    const panel = Panel.fromSeries(market.series, {
      prices: config.data.prices,
      splits: market.splits,
    });
    const date = asked ?? panel.dateAt(panel.dayCount - 1);
    if (asked === undefined) {
      io.logger.info(`no --date: scanning ${date}, the last day in the data (${market.source})`);
    }
    const t = scanDayIndex(panel, date);
    const tickers = scanTickers(panel.tickers, {
      buckets: flagBuckets ?? config.buckets.allowed,
      map: config.buckets.map,
      source: market.source,
    });
    const intraday = "1h" in timeframes || "4h" in timeframes
      ? _intraday(config, market, tickers)
      : {};
    const history = scanHistory(panel.select(tickers).truncate(t), { timeframes, intraday });
    const scan = await scanDatabaseFirst({
      history,
      t,
      database: readDatabase ? services.scanner : undefined,
      ...(readDatabase ? { logger: io.logger } : {}),
    });
    const saved = save && services.database !== undefined
      ? await upsertScannerRows(services.database, scannerRowsOf(scan.scans))
      : undefined;
    const rows = scanTableRows(scan.scans, config.buckets.map);
    const scanned = new Set(rows.map((r) => r.ticker));
    const notScanned = tickers.filter((ticker) => !scanned.has(ticker));
    if (extra.json === true) {
      io.print(JSON.stringify({
        date: scan.date,
        asked: date,
        data: market.source,
        timeframes,
        database: readDatabase ? scan.databaseStatus : "disabled",
        databaseRows: scan.databaseRows,
        saved: saved ?? null,
        notScanned,
        rows,
      }));
      return;
    }
    const weights = Object.entries(timeframes).map(([tf, w]) => `${tf} ${w}`).join(", ");
    io.print(
      `scan of ${scan.date}${
        scan.date === date ? "" : ` (last trading day on or before ${date})`
      }` +
        ` - ${market.source} - timeframes ${weights}`,
    );
    for (const line of formatScanTable(rows)) io.print(line);
    io.print(
      `${rows.length} scanned` +
        (notScanned.length > 0
          ? `; not scannable on the day (no bar or too little history): ${notScanned.join(", ")}`
          : ""),
    );
    if (saved !== undefined) {
      io.print(`saved ${saved} rows to scanner_historical in ${services.description}`);
    }
  } finally {
    await services.close();
  }
}

/** An InputError naming every config flag given that is not the scan's. */
function _rejectBacktestFlags(layer: Record<string, unknown>): void {
  const problems = flagParams()
    .filter((p) => !SCAN_SECTIONS.test(p.path) && _get(layer, p.path) !== undefined)
    .map((p) => `--${p.flag}: not a scan flag (it sets ${p.path} of a backtest); see --help`);
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Removes `--buckets` from the layer and returns it: the scan checks bucket names
 * itself (naming the flag), where the config would name `buckets.allowed`.
 */
function _takeBuckets(layer: Record<string, unknown>): readonly string[] | undefined {
  const section = layer.buckets as Record<string, unknown> | undefined;
  const allowed = section?.allowed as readonly string[] | undefined;
  if (section !== undefined) delete section.allowed;
  return allowed;
}

function _get(node: unknown, path: string): unknown {
  let at = node;
  for (const key of path.split(".")) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Hourly bars of the scanned tickers: the fixtures', or the price store's; none for CSV. */
function _intraday(
  config: Config,
  market: MarketData,
  tickers: readonly string[],
): Record<string, BarSeries> {
  const wanted = new Set(tickers);
  let series: readonly BarSeries[] = [];
  if (market.fixtures !== undefined) {
    series = market.fixtures.intraday;
  } else if (config.data.source === "store" && config.data.csv === undefined) {
    const store = PriceStore.open(config.data.store, { readOnly: true });
    try {
      series = store.read("all", "1h");
    } finally {
      store.close();
    }
  }
  return Object.fromEntries(series.filter((s) => wanted.has(s.ticker)).map((s) => [s.ticker, s]));
}

if (import.meta.main) {
  await runScript(() =>
    scanMain(Deno.args, {
      env: readEnv,
      print: console.log,
      logger: stderrLogger,
    })
  );
}
