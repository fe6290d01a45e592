/**
 * Rules between parameters (a bucket limit below the position cap, an end
 * before the start, a bucket nobody defined). They run even when other fields
 * are bad, so one validation lists every problem; a rule whose own fields are
 * bad (wrong type, out of range) stays silent, since their own problems say it.
 *
 * @module
 */
import { parseIsoDay } from "../data/dates.ts";

/** A problem between fields, reported at `path`. */
export type CrossFieldProblem = { readonly path: readonly string[]; readonly message: string };

type Node = Readonly<Record<string, unknown>>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);
const section = (c: Node, key: string): Node => {
  const v = c[key];
  return isNode(v) ? v : {};
};
const fraction = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;
const isoDate = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(parseIsoDay(v));
const names = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((n): n is string => typeof n === "string") : [];

/** Every cross-field problem of a (possibly partly invalid) configuration. */
export function crossFieldProblems(config: unknown): CrossFieldProblem[] {
  if (!isNode(config)) return [];
  const out: CrossFieldProblem[] = [];
  const sizing = section(config, "sizing"), scoring = section(config, "scoring");
  const buckets = section(config, "buckets"), run = section(config, "run");
  const { maxSingle, maxBucketWeight } = sizing;
  if (fraction(maxSingle) && fraction(maxBucketWeight) && maxBucketWeight < maxSingle) {
    out.push({
      path: ["sizing", "maxBucketWeight"],
      message:
        `must be >= sizing.maxSingle (${maxSingle}): a bucket must hold at least one full position, got ${maxBucketWeight}`,
    });
  }
  const { technicalWeight, fundamentalWeight } = scoring;
  if (fraction(technicalWeight) && fraction(fundamentalWeight)) {
    if (technicalWeight + fundamentalWeight === 0) {
      out.push({
        path: ["scoring", "technicalWeight"],
        message: "must not be 0 when scoring.fundamentalWeight is 0 too",
      });
    }
  }
  const map = buckets.map;
  if (isNode(map)) {
    const regimeMap = isNode(buckets.regimeMap) ? buckets.regimeMap : {};
    for (const [regime, list] of Object.entries(regimeMap)) {
      for (const name of names(list).filter((n) => !(n in map))) {
        out.push({
          path: ["buckets", "regimeMap", regime],
          message: `names bucket "${name}", which buckets.map does not define`,
        });
      }
    }
    const fallback = section(config, "fallback");
    if (
      fallback.enabled === true && typeof fallback.bucket === "string" && !(fallback.bucket in map)
    ) {
      out.push({
        path: ["fallback", "bucket"],
        message: `unknown bucket "${fallback.bucket}": buckets are ${Object.keys(map).join(", ")}`,
      });
    }
    for (const name of names(buckets.allowed).filter((n) => !(n in map))) {
      out.push({
        path: ["buckets", "allowed"],
        message: `unknown bucket "${name}": buckets are ${Object.keys(map).join(", ")}`,
      });
    }
  }
  if (isoDate(run.start) && isoDate(run.end) && run.start > run.end) {
    out.push({
      path: ["run", "end"],
      message: `must not be before run.start (${run.start}), got ${run.end}`,
    });
  }
  return out;
}
