/**
 * The latest run: `results/latest`, a one-line text file naming the folder of
 * the last run `deno task backtest` wrote, which the scripts that read a run
 * (`deno task audit`, `deno task report`) use when no path is given.
 *
 * Design decision: a pointer file rather than a symbolic link or "the newest
 * folder". Deno refuses `Deno.symlink` to any task without unscoped read and
 * write permissions, which the backtest must not have; and the newest folder
 * by modification time is a guess (a run with the same config and data
 * rewrites an older folder, and results/ holds other folders: benchmarks,
 * notebooks, scratch runs). The pointer names exactly the run that finished
 * last, whatever `--results-dir` it used, and is replaced atomically, so two
 * runs finishing at once leave one of them, never half a path.
 *
 * @module
 */
import { dirname } from "node:path";
import { accessProblem, InputError } from "../errors.ts";

/** Where the pointer to the latest run lives (relative to the project folder). */
export const LATEST_RUN_POINTER = "results/latest";

/**
 * Records `folder` as the latest run in `pointer` (default {@link LATEST_RUN_POINTER}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latestRun, pointLatestRun } from "./latest_run.ts";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/sma-cross-1a2b3c4d-5e6f7a8b`);
 * await pointLatestRun(`${dir}/sma-cross-1a2b3c4d-5e6f7a8b`, `${dir}/latest`);
 * assert.equal(await latestRun(`${dir}/latest`), `${dir}/sma-cross-1a2b3c4d-5e6f7a8b`);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function pointLatestRun(
  folder: string,
  pointer: string = LATEST_RUN_POINTER,
): Promise<void> {
  const temp = `${pointer}.${crypto.randomUUID()}.partial`;
  try {
    await Deno.mkdir(dirname(pointer), { recursive: true });
    await Deno.writeTextFile(temp, `${folder}\n`);
    await Deno.rename(temp, pointer);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw accessProblem(error, "latest-run pointer", pointer, "write") ?? error;
  }
}

/**
 * The folder `pointer` names; an {@link InputError} saying how to get one
 * when there is no run yet.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../errors.ts";
 * import { latestRun } from "./latest_run.ts";
 *
 * await assert.rejects(latestRun("no-such-folder/latest"), InputError);
 * ```
 */
export async function latestRun(pointer: string = LATEST_RUN_POINTER): Promise<string> {
  let text: string;
  try {
    text = await Deno.readTextFile(pointer);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(
        `no run to read: ${pointer} does not exist yet (deno task backtest writes it); run a backtest or give a run's path`,
        { cause: error },
      );
    }
    throw accessProblem(error, "latest-run pointer", pointer, "read") ?? error;
  }
  const folder = text.trim();
  if (folder === "" || folder.includes("\n")) {
    throw new InputError(`${pointer}: not a pointer to a run folder (one line, a path)`);
  }
  try {
    await Deno.stat(folder);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) {
      throw accessProblem(error, "latest run", folder, "read") ?? error;
    }
    throw new InputError(
      `${pointer} names ${folder}, which no longer exists; run a backtest or give a run's path`,
      { cause: error },
    );
  }
  return folder;
}
