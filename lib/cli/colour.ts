/**
 * Colour for terminal output through picocolors, on only where it helps: the
 * stream is a terminal and `NO_COLOR` is not set (https://no-color.org).
 * Piped output, files and tests get plain text.
 *
 * picocolors reads NO_COLOR, FORCE_COLOR, TERM and CI when it loads; the task
 * permission sets allow those four. A script run with fewer permissions (no
 * env access) still runs, in plain text: the import is attempted once and its
 * refusal means "no colour".
 *
 * @module
 */
import type picocolors from "picocolors";

/** The colour functions picocolors makes (identity functions when colour is off). */
export type Colours = ReturnType<typeof picocolors.createColors>;

const pico: typeof picocolors | undefined = await import("picocolors").then(
  (module) => module.default,
  () => undefined,
);

/** Plain text for every style, where picocolors could not load. */
const PLAIN: Colours = new Proxy({ isColorSupported: false } as Colours, {
  get: (target, key) => key in target ? Reflect.get(target, key) : (text: unknown) => String(text),
});

/** Whether to colour a stream: a terminal, and `NO_COLOR` unset. */
export function colourWanted(isTerminal: boolean, noColor: boolean): boolean {
  return isTerminal && !noColor;
}

/** Colours for text written to `stream` (Deno.noColor reflects NO_COLOR and needs no permission). */
export function coloursFor(stream: { isTerminal(): boolean }): Colours {
  const enabled = colourWanted(stream.isTerminal(), Deno.noColor);
  return pico ? pico.createColors(enabled) : PLAIN;
}
