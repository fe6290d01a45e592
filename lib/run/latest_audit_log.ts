/**
 * The audit log of the latest result, for `deno task audit` without
 * `--store`: the `audit.db` of the folder `results/latest` names
 * (lib/run/latest_run.ts), or one line saying why that folder has none and
 * what to pass instead.
 *
 * `results/latest` names the last result written, and not every result has
 * an audit log: a walk-forward's folder (`deno task walkforward`) holds the
 * stitched out-of-sample result, whose pieces run without an audit log as a
 * sweep's runs do, and a backtest with `audit.enabled: false`, or whose audit
 * store is PostgreSQL (`--audit-store postgres`), writes no `audit.db`.
 *
 * @module
 */
import { join } from "node:path";
import { accessProblem, InputError } from "../errors.ts";
import { LATEST_RUN_POINTER, latestRun } from "./latest_run.ts";

/** The file a walk-forward's folder holds beside its stitched result. */
const WALK_FORWARD_FILE = "walkforward.json";

/**
 * Whether `folder` is a walk-forward's (it holds `walkforward.json`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isWalkForwardFolder } from "./latest_audit_log.ts";
 *
 * const dir = await Deno.makeTempDir();
 * assert.equal(await isWalkForwardFolder(dir), false);
 * await Deno.writeTextFile(`${dir}/walkforward.json`, "{}");
 * assert.equal(await isWalkForwardFolder(dir), true);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function isWalkForwardFolder(folder: string): Promise<boolean> {
  return await _exists(join(folder, WALK_FORWARD_FILE));
}

/**
 * The path of the latest result's `audit.db`; an {@link InputError} of one
 * line when `pointer` names no result yet, or a result without an audit log
 * (saying which and what to pass instead).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../errors.ts";
 * import { latestAuditLog } from "./latest_audit_log.ts";
 * import { pointLatestRun } from "./latest_run.ts";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/walkforward/demo-2y-1y`, { recursive: true });
 * await Deno.writeTextFile(`${dir}/walkforward/demo-2y-1y/walkforward.json`, "{}");
 * await pointLatestRun(`${dir}/walkforward/demo-2y-1y`, `${dir}/latest`);
 * await assert.rejects(latestAuditLog(`${dir}/latest`), InputError, "is a walk-forward");
 * await Deno.mkdir(`${dir}/run`);
 * await Deno.writeTextFile(`${dir}/run/audit.db`, "");
 * await pointLatestRun(`${dir}/run`, `${dir}/latest`);
 * assert.equal(await latestAuditLog(`${dir}/latest`), `${dir}/run/audit.db`);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function latestAuditLog(pointer: string = LATEST_RUN_POINTER): Promise<string> {
  const folder = await latestRun(pointer);
  const path = join(folder, "audit.db");
  if (await _exists(path)) return path;
  const store = "--store results/<run>/audit.db";
  if (await isWalkForwardFolder(folder)) {
    throw new InputError(
      `${pointer} names ${folder}, a walk-forward, which keeps no audit log (its out-of-sample ` +
        `pieces run without one, as a sweep's runs do): give a backtest's log with ${store} ` +
        `(deno task backtest writes one), or read a PostgreSQL audit store with deno task audit:pg`,
    );
  }
  throw new InputError(
    `${pointer} names ${folder}, which holds no audit.db (a run with audit.enabled false, or ` +
      `whose audit store is PostgreSQL: deno task audit:pg reads that): give a log with ${store}`,
  );
}

async function _exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw accessProblem(error, "latest result", path, "read") ?? error;
  }
}
