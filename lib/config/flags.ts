/**
 * Command-line flags for every configuration parameter, derived from the
 * schema: `--cash 50000`, `--broker-slippage-bps 3`, `--broker-fractional`
 * (or `--no-broker-fractional`), `--tickers SPY,TLT`, `--param period=15`.
 * The result is a config layer (a partial nested object) that overrides the
 * file; zod validates the merge.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { closest } from "./issues.ts";
import { listParams, type ParamInfo } from "./params.ts";
import { setPath } from "./layers.ts";

/** Flags a script adds beside the configuration's own (e.g. `--json`, `--config`). */
export type ExtraFlags = Readonly<
  Record<string, { type: "string" | "boolean"; multiple?: boolean }>
>;

/** What {@link parseConfigFlags} returns. */
export type ParsedFlags = {
  /** The configuration layer the flags set (paths as nested objects). */
  readonly layer: Record<string, unknown>;
  /** Values of the extra flags, as strings or booleans. */
  readonly extra: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
};

/** Parameters that have a flag (every one but the file's version). */
export function flagParams(): readonly ParamInfo[] {
  return listParams().filter((p) => p.path !== "version");
}

/** Parses the command line into a config layer plus the script's extra flags. */
export function parseConfigFlags(
  args: readonly string[],
  extra: ExtraFlags = {},
  allowPositionals = false,
): ParsedFlags {
  const params = flagParams();
  const booleans = new Set([
    ...params.filter((p) => p.kind.type === "boolean").map((p) => p.flag),
    ...Object.entries(extra).filter(([, v]) => v.type === "boolean").map(([k]) => k),
  ]);
  const options: Record<string, { type: "string"; multiple?: boolean }> = {};
  for (const p of params) options[p.flag] = { type: "string", multiple: p.kind.type === "record" };
  for (const [name, spec] of Object.entries(extra)) {
    options[name] = { type: "string", ...(spec.multiple ? { multiple: true } : {}) };
  }
  const normalised = args.map((a) => {
    const m = /^--(no-)?([a-z0-9-]+)$/.exec(a);
    if (!m || !booleans.has(m[2] as string)) return a;
    return `--${m[2]}=${m[1] ? "false" : "true"}`;
  });
  let parsed;
  try {
    parsed = parseArgs({ args: normalised, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const guess = closest(unknown, Object.keys(options));
      throw new InputError(
        `unknown flag --${unknown}${guess ? ` (did you mean --${guess}?)` : ""}; see --help`,
      );
    }
    throw new InputError(`bad command line: ${message.split("\n")[0]}`, { cause: error });
  }
  const values = parsed.values as Record<string, string | string[] | undefined>;
  const layer: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const p of params) {
    const raw = values[p.flag];
    if (raw === undefined) continue;
    try {
      setPath(layer, p.path, parseParamText(p, raw));
    } catch (error) {
      problems.push(`--${p.flag}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const extraValues: Record<string, string | boolean | readonly string[] | undefined> = {};
  for (const [name, spec] of Object.entries(extra)) {
    const raw = values[name];
    if (raw === undefined) continue;
    extraValues[name] = spec.type === "boolean" ? raw === "true" : raw;
  }
  return { layer, extra: extraValues, positionals: parsed.positionals };
}

/**
 * Reads a parameter's value from text, as a flag or an environment variable
 * gives it (a map parameter takes several `key=value` texts); throws an Error
 * whose message says what was expected.
 */
export function parseParamText(p: ParamInfo, raw: string | readonly string[]): unknown {
  const text: readonly string[] = typeof raw === "string" ? [raw] : raw;
  const one = text[text.length - 1] as string;
  switch (p.kind.type) {
    case "number": {
      const n = Number(one);
      if (one.trim() === "" || !Number.isFinite(n)) {
        throw new Error(`must be a number, got "${one}"`);
      }
      return n;
    }
    case "boolean": {
      const value = BOOLEAN_TEXT[one.trim().toLowerCase()];
      if (value === undefined) throw new Error(`must be true or false, got "${one}"`);
      return value;
    }
    case "list":
      return one.split(",").map((s) => s.trim()).filter((s) => s !== "");
    case "record": {
      const out: Record<string, string | number | boolean> = {};
      for (const pair of text) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new Error(`must be key=value, got "${pair}"`);
        out[pair.slice(0, eq)] = coerce(pair.slice(eq + 1));
      }
      return out;
    }
    case "json":
      return parseCompact(one);
    default:
      return one;
  }
}

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  "1": true,
  "0": false,
  yes: true,
  no: false,
};

/** `true`/`false`, numbers and strings from a `key=value` value. */
function coerce(text: string): string | number | boolean {
  if (text === "true" || text === "false") return text === "true";
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

/** JSON, or the compact form `type:arg:arg` used for the commission (`percent:0.001`). */
function parseCompact(text: string): unknown {
  if (text.startsWith("{")) {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`must be JSON, got "${text}"`);
    }
  }
  const [type, a, b] = text.split(":");
  switch (type) {
    case "none":
      return { type };
    case "perShare":
      return { type, ...(a ? { perShare: Number(a) } : {}), ...(b ? { minimum: Number(b) } : {}) };
    case "percent":
      return { type, rate: Number(a) };
    case "fixed":
      return { type, amount: Number(a) };
    default:
      throw new Error(
        `must be none, perShare[:PER_SHARE[:MINIMUM]], percent:RATE, fixed:AMOUNT or JSON, got "${text}"`,
      );
  }
}
