/**
 * Turns zod issues into one line each, path first:
 * `broker.slippageBps: must be <= 1000, got 1500`, with a did-you-mean for
 * unknown keys.
 *
 * @module
 */
import type { z } from "zod";

/** Formats every issue of a failed parse against the input it came from. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    const got = describe(valueAt(input, issue.path));
    const where = path === "" ? "(top level)" : path;
    switch (issue.code) {
      case "too_big":
        return [`${where}: must be ${issue.inclusive ? "<=" : "<"} ${issue.maximum}, got ${got}`];
      case "too_small":
        return [`${where}: must be ${issue.inclusive ? ">=" : ">"} ${issue.minimum}, got ${got}`];
      case "invalid_type":
        return [`${where}: must be ${issue.expected}, got ${got}`];
      case "invalid_value":
        return [
          `${where}: must be one of ${
            issue.values.map((v) => JSON.stringify(v)).join(", ")
          }, got ${got}`,
        ];
      case "unrecognized_keys": {
        const known = knownKeys(input, issue.path, issue.keys);
        return issue.keys.map((key) => {
          const at = path === "" ? key : `${path}.${key}`;
          const guess = closest(key, known);
          return `${at}: unknown key${guess ? ` (did you mean "${guess}"?)` : ""}`;
        });
      }
      case "invalid_union":
        return [`${where}: ${issue.message}, got ${got}`];
      default:
        return [`${where}: ${issue.message}`];
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
