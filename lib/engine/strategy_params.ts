/**
 * Strategy parameters: each strategy declares its params with a type and a
 * default; {@link parseStrategyParams} turns what the user gave (strings from
 * `--param period=15`, or numbers and booleans from a config file) into typed
 * values, reporting every unknown or malformed param in one {@link InputError}.
 *
 * @module
 */
import { InputError } from "../errors.ts";

/** A number param; `integer` and the bounds are checked. */
export type NumberParam = {
  readonly type: "number";
  readonly default: number;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly description?: string;
};
/** A free text param. */
export type StringParam = {
  readonly type: "string";
  readonly default: string;
  readonly description?: string;
};
/** A true/false param (`true`, `false`, `1`, `0`, `yes`, `no`). */
export type BooleanParam = {
  readonly type: "boolean";
  readonly default: boolean;
  readonly description?: string;
};
/** One of a fixed list of words. */
export type ChoiceParam<C extends string = string> = {
  readonly type: "choice";
  readonly choices: readonly C[];
  readonly default: C;
  readonly description?: string;
};
/** Any param declaration. */
export type ParamSpec = NumberParam | StringParam | BooleanParam | ChoiceParam;
/** A strategy's param declarations by name. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The typed value of one declaration. */
export type ParamValue<P extends ParamSpec> = P extends NumberParam ? number
  : P extends BooleanParam ? boolean
  : P extends ChoiceParam<infer C> ? C
  : string;

/** Typed values of a set of declarations. */
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: ParamValue<S[K]> };

/** What the user may give for a param: text from the command line, or a typed config value. */
export type RawParams = Readonly<Record<string, string | number | boolean>>;

function _number(spec: NumberParam, raw: string | number | boolean): number | string {
  const n = typeof raw === "number"
    ? raw
    : typeof raw === "string" && raw.trim() !== ""
    ? Number(raw)
    : NaN;
  if (!Number.isFinite(n)) return `expected a number, got ${JSON.stringify(raw)}`;
  if (spec.integer && !Number.isInteger(n)) return `expected a whole number, got ${raw}`;
  if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}, got ${raw}`;
  if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}, got ${raw}`;
  return n;
}

function _boolean(raw: string | number | boolean): boolean | string {
  if (typeof raw === "boolean") return raw;
  const s = String(raw).trim().toLowerCase();
  if (["true", "1", "yes"].includes(s)) return true;
  if (["false", "0", "no"].includes(s)) return false;
  return `expected true or false, got ${JSON.stringify(raw)}`;
}

function _parseOne(spec: ParamSpec, raw: string | number | boolean): { value: unknown } | string {
  switch (spec.type) {
    case "number": {
      const v = _number(spec, raw);
      return typeof v === "string" ? v : { value: v };
    }
    case "boolean": {
      const v = _boolean(raw);
      return typeof v === "string" ? v : { value: v };
    }
    case "choice":
      return spec.choices.includes(String(raw))
        ? { value: String(raw) }
        : `expected one of ${spec.choices.join(", ")}, got ${JSON.stringify(raw)}`;
    case "string":
      return { value: String(raw) };
  }
}

/**
 * Typed params from user input: defaults for what is missing, an
 * {@link InputError} listing every unknown or malformed param.
 */
export function parseStrategyParams<S extends ParamSpecs>(
  strategy: string,
  specs: S,
  raw: RawParams = {},
): ParamValues<S> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  const known = Object.keys(specs);
  for (const [name, value] of Object.entries(raw)) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) {
      const list = known.length > 0 ? known.join(", ") : "none";
      problems.push(`--param ${name}: strategy ${strategy} has no param ${name} (known: ${list})`);
      continue;
    }
    const parsed = _parseOne(spec, value);
    if (typeof parsed === "string") problems.push(`--param ${name}=${String(value)}: ${parsed}`);
    else out[name] = parsed.value;
  }
  if (problems.length > 0) throw new InputError(problems);
  for (const name of known) {
    if (!(name in out)) out[name] = (specs[name] as ParamSpec).default;
  }
  return Object.freeze(out) as ParamValues<S>;
}
