/**
 * Writing a run's files under the results folder: all or nothing. Every file
 * is first written beside its final name and renamed into place only when all
 * of them are written, so a failure leaves no half-written result.
 *
 * @module
 */
import { join } from "node:path";
import type { RunResult } from "../engine/run_result.ts";
import { accessProblem } from "../errors.ts";
import { jsonChunks } from "./json_chunks.ts";

/** A file's content: its text, or its text in pieces (written one after another, never joined). */
export type FileText = string | Iterable<string>;

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

/** Writes `files` (name -> text, whole or in pieces) into `folder` atomically; returns their paths. */
export async function writeFilesAtomically(
  folder: string,
  files: Readonly<Record<string, FileText>>,
): Promise<string[]> {
  try {
    await Deno.mkdir(folder, { recursive: true });
    const staged: [string, string][] = [];
    for (const [name, text] of Object.entries(files)) {
      const path = join(folder, name);
      const temp = `${path}.partial`;
      if (typeof text === "string") await Deno.writeTextFile(temp, text);
      else await _writePieces(temp, text);
      staged.push([temp, path]);
    }
    for (const [temp, path] of staged) await Deno.rename(temp, path);
    return staged.map(([, path]) => path);
  } catch (error) {
    throw accessProblem(error, "folder", folder, "write") ?? error;
  }
}

/** The result as compact JSON text (stable key order as built): a 500-asset run holds tens of thousands of fills. */
export function resultJson(result: RunResult): string {
  return JSON.stringify(result) + "\n";
}

/**
 * {@link resultJson}'s text in pieces (see {@link jsonChunks}), for
 * {@link writeFilesAtomically}: a 500-asset result (30 MB) is written without
 * ever being one string.
 */
export function* resultJsonPieces(result: RunResult): Generator<string, void, undefined> {
  yield* jsonChunks(result);
  yield "\n";
}

/** Bytes gathered before a write: pieces are small, writes are not. */
const _WRITE_BYTES = 1 << 20;

/** Writes text pieces to a new file at `path`, encoding them into one reused buffer. */
async function _writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    const encoder = new TextEncoder();
    let buffer = new Uint8Array(_WRITE_BYTES);
    let used = 0;
    const flush = async () => {
      for (let done = 0; done < used;) done += await file.write(buffer.subarray(done, used));
      used = 0;
    };
    for (const piece of pieces) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (piece.length * 3 > buffer.length - used) {
        await flush();
        if (piece.length * 3 > buffer.length) buffer = new Uint8Array(piece.length * 3);
      }
      used += encoder.encodeInto(piece, buffer.subarray(used)).written;
    }
    await flush();
  } finally {
    file.close();
  }
}
