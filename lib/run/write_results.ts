/**
 * Writing a run's files under the results folder: all or nothing. Every file
 * is first written beside its final name and renamed into place only when all
 * of them are written, so a failure leaves no half-written result.
 *
 * @module
 */
import { join } from "node:path";
import type { RunResult } from "../engine/run_result.ts";
import { InputError } from "../errors.ts";

/** The folder of one run: `<results>/<strategy>-<config hash>-<data hash>` (8 hex digits each). */
export function runFolder(
  resultsDir: string,
  result: { readonly strategy: string; readonly configHash: string; readonly dataHash: string },
): string {
  const name = result.strategy.replace(/[^A-Za-z0-9_-]+/g, "_");
  return join(
    resultsDir,
    `${name}-${result.configHash.slice(0, 8)}-${result.dataHash.slice(0, 8)}`,
  );
}

/** Writes `files` (name -> text) into `folder` atomically; returns their paths. */
export async function writeFilesAtomically(
  folder: string,
  files: Readonly<Record<string, string>>,
): Promise<string[]> {
  try {
    await Deno.mkdir(folder, { recursive: true });
    const staged: [string, string][] = [];
    for (const [name, text] of Object.entries(files)) {
      const path = join(folder, name);
      const temp = `${path}.partial`;
      await Deno.writeTextFile(temp, text);
      staged.push([temp, path]);
    }
    for (const [temp, path] of staged) await Deno.rename(temp, path);
    return staged.map(([, path]) => path);
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw new InputError(
        `cannot write ${folder}: this task may only write under its results folder (see its permission set in deno.json)`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The result as compact JSON text (stable key order as built): a 500-asset run holds tens of thousands of fills. */
export function resultJson(result: RunResult): string {
  return JSON.stringify(result) + "\n";
}
