/**
 * Showing outputs from a notebook cell so that executed copies keep them.
 *
 * Why: the Deno kernel (2.9) relays a cell's outputs from the thread that runs
 * the code to the one that talks to Jupyter, and may report the cell idle
 * before the last output has crossed; nbconvert stops listening to a cell at
 * "idle" and drops what comes later. Measured on the development machine: a
 * cell ending on a value lost it in 12 of 80 runs; `Deno.jupyter.display` of
 * a small table lost it in 10 of 380, of a 1.8 MB page (a run report) in 7 of
 * 40 even after yielding one macrotask. Waiting 25 ms after the last display
 * lost nothing in 300 runs (200 small tables, 100 pages of 1.8 MB). This
 * narrows the race; only a runner that keeps reading outputs after "idle"
 * closes it.
 *
 * @module
 */

/** The kernel's display function (`Deno.jupyter.display` in a notebook). */
export type DisplayFunction = (value: unknown) => unknown;

/** Displays each item in order, then gives the kernel time to send them before the cell ends. */
export type Show = (...items: readonly unknown[]) => Promise<void>;

/** Options of {@link createShow}. */
export type ShowOptions = {
  /** Milliseconds to wait after the last display (see the module doc). Default 25. */
  readonly settleMs?: number;
};

/**
 * Wraps the kernel's display function into a {@link Show}: each item is
 * displayed (and awaited) in order, then `settleMs` pass on a timer (see the
 * module doc for why). In a notebook: `const show = createShow(Deno.jupyter.display);`
 * then `await show(table, chart);` at the end of a cell. Throws `RangeError`
 * on a `settleMs` that is not a finite number >= 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createShow } from "./show.ts";
 *
 * const shown: unknown[] = [];
 * const show = createShow((value) => shown.push(value), { settleMs: 0 });
 * await show("a table", "a chart");
 * assert.deepEqual(shown, ["a table", "a chart"]);
 * ```
 */
export function createShow(display: DisplayFunction, options: ShowOptions = {}): Show {
  const settleMs = options.settleMs ?? 25;
  if (!(Number.isFinite(settleMs) && settleMs >= 0)) {
    throw new RangeError(
      `Cannot create show() as settleMs must be a finite number >= 0: current value is ${settleMs}`,
    );
  }
  return async (...items) => {
    for (const item of items) await display(item);
    await new Promise<void>((resolve) => setTimeout(resolve, settleMs));
  };
}
