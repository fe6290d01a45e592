/**
 * A sweep's name: it names the sweep's folder (`results/sweeps/<name>/`) and
 * its rows in a shared store, so it is kept to characters safe in both.
 *
 * @module
 */
import { basename, extname } from "node:path";
import { InputError } from "../errors.ts";

/** Lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64. */
export const SWEEP_NAME: RegExp = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * The name a sweep goes by: the one given (flag or grid file), else the grid
 * file's name without its extension, lower-cased with other characters as `-`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepName } from "./sweep_name.ts";
 *
 * assert.equal(sweepName(undefined, "examples/Sizing Grid.yaml"), "sizing-grid");
 * assert.equal(sweepName("mine", "examples/grid.yaml"), "mine");
 * assert.throws(() => sweepName("../up", "g.yaml"), /--name: must be/);
 * ```
 */
export function sweepName(given: string | undefined, gridPath: string): string {
  if (given !== undefined) {
    if (!SWEEP_NAME.test(given)) {
      throw new InputError(
        `--name: must be lower-case letters, digits, '.', '_' or '-' (at most 64), got ${
          JSON.stringify(given)
        }`,
      );
    }
    return given;
  }
  const stem = basename(gridPath, extname(gridPath)).toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 64);
  return stem === "" ? "sweep" : stem;
}
