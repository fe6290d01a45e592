/**
 * Reading a run's result file back (the I/O edge of `deno task report`): a
 * missing file, a file that is not JSON or not a result, or a result of
 * another version is an {@link InputError} that names the file.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { accessProblem, InputError } from "../errors.ts";
import { checkRunResult } from "./run_result_schema.ts";

/** Reads and checks a result file. Needs read permission on `path`. */
export async function readRunResult(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw accessProblem(error, "result file", path, "read") ??
      new InputError(`${path}: ${_readProblem(error)}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not JSON (${(error as Error).message})`, { cause: error });
  }
  return checkRunResult(value, path);
}

function _readProblem(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return "no such file";
  if (error instanceof Deno.errors.IsADirectory) return "is a folder, not a result file";
  return `cannot read it (${error instanceof Error ? error.message : String(error)})`;
}
