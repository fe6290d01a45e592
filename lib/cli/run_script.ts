/**
 * The one way a script ends: exit 0 on success, 2 on bad input (an
 * {@link InputError}, printed one problem a line on stderr), 1 on any other
 * failure (printed with its stack, since it is a bug or a failed run).
 *
 * @module
 */
import { InputError, ServiceError } from "../errors.ts";

/** Exit codes shared by every script. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Runs a script's main function and exits with the code its outcome calls for. */
export async function runScript(main: () => Promise<void> | void): Promise<never> {
  try {
    await main();
    Deno.exit(EXIT.ok);
  } catch (error) {
    if (error instanceof InputError || error instanceof ServiceError) {
      // Loaded only on this path: picocolors (CommonJS) costs every script
      // ~25 ms of start-up when imported up front.
      const { coloursFor } = await import("./colour.ts");
      const c = coloursFor(Deno.stderr);
      for (const line of error.message.split("\n")) console.error(`${c.red("error:")} ${line}`);
      Deno.exit(EXIT.badInput);
    }
    console.error(error);
    Deno.exit(EXIT.failure);
  }
}
