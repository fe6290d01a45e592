/**
 * Where a walk-forward keeps its out-of-sample pieces (each window's winner
 * run on its test span, as a whole run result) so that a walk-forward killed
 * and started again runs no piece twice: in memory for a program's own use,
 * or one JSON file per window under `pieces/` of the walk-forward's folder.
 *
 * A piece is found again only under the config hash it was stored with: its
 * config holds the winner's parameters, the test span and the cash it started
 * from (the previous piece's ending value), so a piece whose window, winner
 * or starting cash changed is run again.
 *
 * Design decision: a piece is kept as its JSON text reads back (a number
 * JSON cannot hold, such as an infinite profit factor, reads back as null),
 * and a piece just run is normalised the same way before use, so a resumed
 * walk-forward reports exactly what an uninterrupted one does.
 *
 * @module
 */
import { join } from "node:path";
import type { RunResult } from "../engine/run_result.ts";
import { resultJson, writeFilesAtomically } from "../run/write_results.ts";

/** The contract of both piece stores; see the module doc. */
export interface PieceStore {
  /** The piece of window `window` stored under `configHash`, if any. */
  get(window: number, configHash: string): Promise<RunResult | undefined>;
  /** Stores window `window`'s piece (replacing an older one); returns it as it reads back. */
  put(window: number, result: RunResult): Promise<RunResult>;
}

/**
 * A result as its JSON reads back (see the module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalisedResult } from "./piece_store.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const result = syntheticRunResult({ assets: 2, days: 5 });
 * const infinite = { ...result, metrics: { ...result.metrics, sortino: Infinity } };
 * assert.equal(normalisedResult(infinite).metrics.sortino, null);
 * ```
 */
export function normalisedResult(result: RunResult): RunResult {
  return JSON.parse(resultJson(result));
}

/**
 * Pieces held in memory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MemoryPieceStore } from "./piece_store.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const pieces = new MemoryPieceStore();
 * const result = syntheticRunResult({ assets: 2, days: 5 });
 * await pieces.put(0, result);
 * assert.equal((await pieces.get(0, result.configHash))?.finalValue, result.finalValue);
 * assert.equal(await pieces.get(0, "another hash"), undefined);
 * ```
 */
export class MemoryPieceStore implements PieceStore {
  readonly #pieces = new Map<number, string>();

  get(window: number, configHash: string): Promise<RunResult | undefined> {
    return Promise.resolve(_matching(this.#pieces.get(window), configHash));
  }

  put(window: number, result: RunResult): Promise<RunResult> {
    const text = resultJson(result);
    this.#pieces.set(window, text);
    return Promise.resolve(JSON.parse(text));
  }
}

/**
 * Pieces as `window-<k>.json` files in a folder, each written atomically.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FolderPieceStore } from "./piece_store.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const dir = await Deno.makeTempDir();
 * const result = syntheticRunResult({ assets: 2, days: 5 });
 * await new FolderPieceStore(dir).put(3, result);
 * const again = await new FolderPieceStore(dir).get(3, result.configHash);
 * assert.deepEqual(again?.equity.value, result.equity.value);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export class FolderPieceStore implements PieceStore {
  readonly #folder: string;

  /** Pieces in `folder` (created on the first write). */
  constructor(folder: string) {
    this.#folder = folder;
  }

  async get(window: number, configHash: string): Promise<RunResult | undefined> {
    let text: string;
    try {
      text = await Deno.readTextFile(join(this.#folder, _fileName(window)));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return undefined;
      throw error;
    }
    return _matching(text, configHash);
  }

  async put(window: number, result: RunResult): Promise<RunResult> {
    const text = resultJson(result);
    await writeFilesAtomically(this.#folder, { [_fileName(window)]: text });
    return JSON.parse(text);
  }
}

function _fileName(window: number): string {
  return `window-${window}.json`;
}

/** The piece in `text` when it parses and has `configHash`; anything else is no piece. */
function _matching(text: string | undefined, configHash: string): RunResult | undefined {
  if (text === undefined) return undefined;
  try {
    const result = JSON.parse(text) as RunResult;
    return result?.configHash === configHash ? result : undefined;
  } catch {
    return undefined; // a damaged file: the piece is run again and the file replaced
  }
}
