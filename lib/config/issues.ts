/**
 * Turns zod issues into one line each, path first:
 * `broker.slippageBps: must be <= 1000, got 1500`, with a did-you-mean for
 * unknown keys.
 *
 * @module
 */
import type { z } from "zod";

/** One problem of a failed parse: the dotted path (empty at the top level) and what is wrong. */
export type ConfigProblem = { readonly path: string; readonly message: string };

/** Formats every issue of a failed parse against the input it came from, as `path: message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return configProblems(issues, input).map((p) =>
    `${p.path === "" ? "(top level)" : p.path}: ${p.message}`
  );
}

/** Every issue of a failed parse as a {@link ConfigProblem}, unknown keys one by one. */
export function configProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    const path = issue.path.map(String).join(".");
    const value = valueAt(input, issue.path);
    const got = describe(value);
    const one = (message: string) => [{ path, message }];
    switch (issue.code) {
      case "too_big":
        return one(
          issue.origin === "array"
            ? `must list at most ${issue.maximum}, got ${got}`
            : `must be ${issue.inclusive ? "<=" : "<"} ${issue.maximum}, got ${got}`,
        );
      case "too_small":
        return one(
          issue.origin === "array"
            ? `must list at least ${issue.minimum}, got ${
              Array.isArray(value) && value.length === 0 ? "an empty list" : got
            }`
            : issue.origin === "string"
            ? `must be at least ${issue.minimum} characters, got ${got}`
            : `must be ${issue.inclusive ? ">=" : ">"} ${issue.minimum}, got ${got}`,
        );
      case "invalid_type":
        return one(`must be ${issue.expected}, got ${got}`);
      case "invalid_value": {
        const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
        const guess = typeof value === "string"
          ? closest(value, issue.values.filter((v): v is string => typeof v === "string"))
          : undefined;
        return one(
          `must be one of ${options}, got ${got}${guess ? ` (did you mean "${guess}"?)` : ""}`,
        );
      }
      case "unrecognized_keys": {
        const known = knownKeys(input, issue.path, issue.keys);
        return issue.keys.map((key) => {
          const guess = keyAliasProvider?.(issue.path, key) ?? closest(key, known);
          return {
            path: path === "" ? key : `${path}.${key}`,
            message: `unknown key${guess ? ` (did you mean "${guess}"?)` : ""}`,
          };
        });
      }
      case "invalid_union":
        return one(`${issue.message}, got ${got}`);
      default:
        return one(issue.message);
    }
  });
}

let knownKeysProvider: ((path: readonly PropertyKey[]) => readonly string[]) | undefined;

/** Lets the loader tell the formatter which keys exist at a path (for did-you-mean). */
export function setKnownKeysProvider(
  provider: (path: readonly PropertyKey[]) => readonly string[],
): void {
  knownKeysProvider = provider;
}

let keyAliasProvider:
  | ((path: readonly PropertyKey[], key: string) => string | undefined)
  | undefined;

/**
 * Lets the loader map an unknown key written as a flag or variable name
 * (`enableWhipsaw` for `--enable-whipsaw`) to the key it stands for.
 */
export function setKeyAliasProvider(
  provider: (path: readonly PropertyKey[], key: string) => string | undefined,
): void {
  keyAliasProvider = provider;
}

function knownKeys(
  _input: unknown,
  path: readonly PropertyKey[],
  _unknown: readonly string[],
): readonly string[] {
  return knownKeysProvider?.(path) ?? [];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}

/** The candidate closest to `word` by edit distance, if close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}
