/**
 * The bucket file (`buckets.file`): a user's own tickers put into buckets,
 * each by its bucket names or by its sector (the sector map `buckets.sectors`
 * gives a sector's buckets). A ticker the file names sits in exactly the
 * buckets the file gives it. Three formats, by the file's extension:
 *
 * ```yaml
 * # buckets.yaml (or the same as JSON)
 * tickers:
 *   GE: [Cyclicals, Value Assets]      # its buckets
 *   CSCO: Information Technology       # its sector
 *   WMT: { sector: Consumer Staples }
 * sectors:                             # optional: adds to / overrides buckets.sectors
 *   Information Technology: [Growth Assets, Risk Assets]
 * ```
 *
 * ```csv
 * ticker,sector,buckets
 * GE,,Cyclicals;Value Assets
 * CSCO,Information Technology,
 * ```
 *
 * (CSV: a `ticker` column and a `buckets` and/or `sector` column; bucket names
 * separated by `;`; no quoting; blank lines and lines starting with `#` skipped.)
 *
 * Every problem is reported at once with its file and line (a malformed file,
 * an unknown key or column, a ticker twice, an unknown bucket or sector, with a
 * did-you-mean), and nothing is run.
 *
 * @module
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { accessProblem, InputError } from "../errors.ts";
import type { Config } from "./schema.ts";
import { assignBuckets, type BucketAssignment } from "./bucket_assignment.ts";

/** A bucket file read and checked for form: its assignments and the sectors it defines. */
export type BucketFile = {
  readonly path: string;
  readonly assignments: readonly BucketAssignment[];
  readonly sectors: Readonly<Record<string, readonly string[]>>;
};

const TICKER = /^[A-Za-z0-9^][A-Za-z0-9.\-=^_]*$/;
const TICKER_RULE = "is not a ticker (letters, digits, . - = ^ _)";
const names = z.array(z.string().trim().min(1, "must not be empty")).min(1, "must not be empty");
const fileSchema = z.strictObject({
  tickers: z.record(
    z.string().regex(TICKER, TICKER_RULE),
    z.union([
      names,
      z.string().trim().min(1, "must not be empty"),
      z.strictObject({ buckets: names.optional(), sector: z.string().trim().min(1).optional() }),
    ], { error: "must be a list of buckets, a sector, or { buckets: [...] } / { sector: ... }" }),
  ),
  sectors: z.record(z.string().trim().min(1), names).optional(),
});

/**
 * Parses a bucket file's text (YAML or JSON by default, CSV for `.csv`);
 * throws an {@link InputError} listing every problem of form with its line.
 *
 * @example The CSV form
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseBucketFile } from "./bucket_file.ts";
 *
 * const file = parseBucketFile("ticker,sector,buckets\nGE,,Cyclicals;Value Assets\nCSCO,Information Technology,\n", "my.csv");
 * assert.deepEqual(file.assignments, [
 *   { ticker: "GE", buckets: ["Cyclicals", "Value Assets"], where: "my.csv line 2" },
 *   { ticker: "CSCO", sector: "Information Technology", where: "my.csv line 3" },
 * ]);
 * assert.throws(() => parseBucketFile("ticker,bucket\nGE,Cyclicals\n", "bad.csv"), /unknown column "bucket"/);
 * ```
 */
export function parseBucketFile(text: string, path: string): BucketFile {
  return path.toLowerCase().endsWith(".csv") ? _parseCsv(text, path) : _parseYaml(text, path);
}

/** Reads and parses the bucket file at `path` (a missing or unreadable file is an InputError). */
export async function readBucketFile(path: string): Promise<BucketFile> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw accessProblem(error, "bucket file", path, "read") ??
      new InputError(
        error instanceof Deno.errors.NotFound
          ? `bucket file ${path}: not found (buckets.file)`
          : `bucket file ${path}: cannot be read (${(error as Error).message})`,
        { cause: error },
      );
  }
  return parseBucketFile(text, path);
}

/**
 * The configuration with its bucket file applied to `buckets.map` (unchanged
 * without `buckets.file`): what a run and its config hash see. Unknown buckets
 * and sectors are an {@link InputError} listing each with its line.
 */
export async function applyBucketFile(
  config: Config,
  read: (path: string) => Promise<BucketFile> = readBucketFile,
): Promise<Config> {
  const path = config.buckets.file;
  if (path === undefined) return config;
  const file = await read(path);
  const sectors = { ...config.buckets.sectors, ...file.sectors };
  const assigned = assignBuckets(config.buckets.map, file.assignments, sectors);
  if (!assigned.ok) {
    throw new InputError(assigned.problems.map((p) => `bucket file ${p}`));
  }
  const map = Object.fromEntries(
    Object.entries(assigned.map).map(([bucket, tickers]) => [bucket, Object.freeze([...tickers])]),
  );
  return Object.freeze({
    ...config,
    buckets: Object.freeze({ ...config.buckets, map: Object.freeze(map) }),
  }) as Config;
}

function _parseYaml(text: string, path: string): BucketFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => {
      const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
      return `bucket file ${path}${line ? ` line ${line}` : ""}: ${e.message.split("\n")[0]}`;
    }));
  }
  const lineOf = (keys: readonly PropertyKey[]): number | undefined => {
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | null;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = fileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys"
        ? [...issue.path, issue.keys[0] ?? ""]
        : issue.path;
      const line = lineOf(issue.path);
      return `bucket file ${path}${line ? ` line ${line}` : ""}: ${
        keys.join(".") || "(top level)"
      }: ${
        issue.code === "unrecognized_keys"
          ? "unknown key (keys are tickers, sectors)"
          : issue.code === "invalid_key"
          ? TICKER_RULE
          : issue.message
      }`;
    }));
  }
  const assignments = Object.entries(parsed.data.tickers).map(([ticker, value]) => {
    const where = `${path} line ${lineOf(["tickers", ticker]) ?? "?"}`;
    if (typeof value === "string") return { ticker, sector: value, where };
    if (Array.isArray(value)) return { ticker, buckets: value, where };
    return {
      ticker,
      ...(value.buckets ? { buckets: value.buckets } : {}),
      ...(value.sector ? { sector: value.sector } : {}),
      where,
    };
  });
  return { path, assignments, sectors: parsed.data.sectors ?? {} };
}

const CSV_COLUMNS = ["ticker", "sector", "buckets"] as const;

function _parseCsv(text: string, path: string): BucketFile {
  const rows = text.replace(/^\uFEFF/, "").split("\n").map((l, i) => ({
    line: i + 1,
    text: l.replace(/\r$/, ""),
  })).filter((r) => r.text.trim() !== "" && !r.text.trimStart().startsWith("#"));
  const head = rows.shift();
  if (head === undefined) throw new InputError(`bucket file ${path}: the file is empty`);
  const header = head.text.split(",").map((h) => h.trim().toLowerCase());
  const problems: string[] = [];
  const at = (line: number) => `bucket file ${path} line ${line}`;
  header.forEach((h) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) {
      problems.push(
        `${at(head.line)}: unknown column "${h}" (columns are ${CSV_COLUMNS.join(", ")})`,
      );
    }
  });
  if (!header.includes("ticker") || !(header.includes("sector") || header.includes("buckets"))) {
    problems.push(
      `${at(head.line)}: the header needs a ticker column and a buckets or sector column`,
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  const column = (name: string) => header.indexOf(name);
  const seen = new Map<string, number>();
  const assignments: BucketAssignment[] = [];
  for (const row of rows) {
    const fields = row.text.split(",").map((f) => f.trim());
    if (fields.length !== header.length) {
      problems.push(
        `${at(row.line)}: has ${fields.length} fields, the header has ${header.length}`,
      );
      continue;
    }
    const ticker = fields[column("ticker")] ?? "";
    const sector = column("sector") < 0 ? "" : fields[column("sector")] ?? "";
    const buckets = column("buckets") < 0
      ? []
      : (fields[column("buckets")] ?? "").split(";").map((b) => b.trim()).filter((b) => b !== "");
    if (!TICKER.test(ticker)) {
      problems.push(`${at(row.line)}: "${ticker}" ${TICKER_RULE}`);
    } else if (seen.has(ticker)) {
      problems.push(
        `${at(row.line)}: ${ticker} is given twice (first on line ${seen.get(ticker)})`,
      );
    } else if (buckets.length === 0 && sector === "") {
      problems.push(`${at(row.line)}: ${ticker}: gives neither buckets nor a sector`);
    } else {
      seen.set(ticker, row.line);
      assignments.push({
        ticker,
        ...(buckets.length > 0 ? { buckets } : { sector }),
        where: `${path} line ${row.line}`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { path, assignments, sectors: {} };
}
