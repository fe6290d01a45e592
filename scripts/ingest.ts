/**
 * `deno task ingest`: load prices from CSV, the fixtures or Yahoo into the price store.
 *
 * Exit 0 with a summary (or `--json`), 2 on bad input with one message and
 * nothing written, 1 on a bug.
 *
 * @module
 */
import { parseFlags } from "../lib/cli/args.ts";
import { runScript } from "../lib/cli/run_script.ts";
import {
  ingest,
  INGEST_SOURCES,
  type IngestRequest,
  type IngestSource,
} from "../lib/data/ingest.ts";
import { formatIngestReport } from "../lib/data/ingest_report.ts";
import type { YahooInterval } from "../lib/data/yahoo.ts";
import { InputError } from "../lib/errors.ts";
import { type Progress, startProgress } from "../lib/cli/progress.ts";

const USAGE = `Usage: deno task ingest --source csv|yahoo|fixtures [options]

Loads daily or hourly bars (and dividends and splits) into the price store.
Writing the same data again changes nothing; a later range is appended; a bar
that differs from the stored one replaces it.

Options:
  --source csv|yahoo|fixtures  where the prices come from (required)
  --path FILE_OR_DIR           csv: a TICKER.csv file or a folder of them (actions from
                               a sibling actions/ folder or actions.csv); fixtures: the
                               fixtures folder (default fixtures: market/, or
                               intraday/ with --interval 1h)
  --tickers A,B                csv/fixtures: only these; yahoo: the tickers to fetch (required)
  --start YYYY-MM-DD           first day kept (yahoo default: last stored day of the tickers)
  --end YYYY-MM-DD             last day kept (inclusive; yahoo default: today)
  --interval 1d|1h             bar interval (csv default: 1h for a Datetime column, else 1d)
  --fundamentals               also load quarterly fundamentals (yahoo: the tickers' statements,
                               period ends from --start, default all Yahoo has; fixtures:
                               fundamentals.csv); funds have none
  --store PATH                 price store file (default data/prices.db)
  --json                       print the summary as JSON
  --help                       show this help
`;

const FLAGS = {
  source: { type: "string" },
  path: { type: "string" },
  tickers: { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  interval: { type: "string" },
  fundamentals: { type: "boolean", default: false },
  store: { type: "string", default: "data/prices.db" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const INTERVAL_FLAGS: readonly YahooInterval[] = ["1d", "1h"];

function _source(value: string | undefined): IngestSource {
  const found = INGEST_SOURCES.find((s) => s === value);
  if (found === undefined) {
    throw new InputError(
      `--source must be one of ${INGEST_SOURCES.join(", ")}: current value is ${
        value ?? "missing"
      }`,
    );
  }
  return found;
}

function _interval(value: string | undefined): YahooInterval | undefined {
  if (value === undefined) return undefined;
  const found = INTERVAL_FLAGS.find((i) => i === value);
  if (found === undefined) {
    throw new InputError(`--interval must be 1d or 1h: current value is ${value}`);
  }
  return found;
}

function _tickers(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tickers = value.split(",").map((t) => t.trim().toUpperCase()).filter((t) => t !== "");
  if (tickers.length === 0) throw new InputError("--tickers is empty");
  const bad = tickers.filter((t) => !/^[A-Z0-9.^=_-]+$/.test(t));
  if (bad.length > 0) {
    throw new InputError(`--tickers has a name that is not a ticker: ${bad.join(", ")}`);
  }
  return [...new Set(tickers)];
}

/** A fetch that ticks `progress` with the ticker of each Yahoo chart answer (one per ticker). */
function _tickingFetch(base: typeof fetch, progress: Progress): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = input instanceof Request ? input.url : String(input);
    progress.tick(decodeURIComponent(/\/chart\/([^/?]+)/.exec(url)?.[1] ?? ""));
    return response;
  };
}

/** The ingest request the flags describe (or "help"); an {@link InputError} names a bad flag. */
function requestFromArgs(
  args: readonly string[],
): { readonly request: IngestRequest; readonly json: boolean } | "help" {
  const { values, positionals } = parseFlags(args, FLAGS, true);
  if (values.help) return "help";
  if (positionals.length > 0) {
    throw new InputError(`unexpected argument ${positionals[0]} (see --help)`);
  }
  const tickers = _tickers(values.tickers), interval = _interval(values.interval);
  const request: IngestRequest = {
    source: _source(values.source),
    storePath: values.store,
    ...(values.path === undefined ? {} : { path: values.path }),
    ...(tickers === undefined ? {} : { tickers }),
    ...(values.start === undefined ? {} : { start: values.start }),
    ...(values.end === undefined ? {} : { end: values.end }),
    ...(interval === undefined ? {} : { interval }),
    ...(values.fundamentals ? { fundamentals: true } : {}),
  };
  return { request, json: values.json };
}

if (import.meta.main) {
  await runScript(async () => {
    const parsed = requestFromArgs(Deno.args);
    if (parsed === "help") {
      console.log(USAGE);
      return;
    }
    const { request } = parsed;
    const tickers = request.source === "yahoo" ? request.tickers ?? [] : [];
    const progress = startProgress(tickers.length, "yahoo");
    let report;
    try {
      report = await ingest(
        request,
        tickers.length > 0 ? { fetch: _tickingFetch(globalThis.fetch, progress) } : {},
      );
    } finally {
      progress.stop();
    }
    console.log(parsed.json ? JSON.stringify(report, null, 2) : formatIngestReport(report));
  });
}
