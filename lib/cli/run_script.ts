/**
 * The one way a script ends: exit 0 on success, 2 on bad input (an
 * {@link InputError}, printed one problem a line on stderr), 1 on any other
 * failure (printed with its stack, since it is a bug or a failed run).
 *
 * A path the task's permission set does not cover ({@link AccessRefused}) gets
 * the supported ways to run with it (`access_hint.ts`), and a Deno permission
 * flag given after `deno task NAME` gets the command that does what it meant.
 *
 * @module
 */
import { AccessRefused, InputError, ServiceError } from "../errors.ts";
import type { Invocation } from "./access_hint.ts";

/** Exit codes shared by every script. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Runs a script's main function and exits with the code its outcome calls for. */
export async function runScript(main: () => Promise<void> | void): Promise<never> {
  try {
    await _refuseDenoFlags();
    await main();
    Deno.exit(EXIT.ok);
  } catch (error) {
    if (error instanceof InputError || error instanceof ServiceError) {
      // Loaded only on this path: picocolors (CommonJS) costs every script
      // ~25 ms of start-up when imported up front.
      const { coloursFor } = await import("./colour.ts");
      const c = coloursFor(Deno.stderr);
      for (const line of error.message.split("\n")) console.error(`${c.red("error:")} ${line}`);
      if (error instanceof AccessRefused) {
        const invocation = await _invocation();
        if (invocation) {
          const { accessHint } = await import("./access_hint.ts");
          for (const line of accessHint(error, invocation)) {
            console.error(`${c.cyan("hint:")} ${line}`);
          }
        }
      }
      Deno.exit(EXIT.badInput);
    }
    console.error(error);
    Deno.exit(EXIT.failure);
  }
}

/** How this process was started, from deno.json (part of the module graph: no read needed). */
async function _invocation(): Promise<Invocation | undefined> {
  const root = new URL("../../", import.meta.url).href;
  if (!Deno.mainModule.startsWith(root)) return undefined;
  const [{ default: config }, { invocationOf }] = await Promise.all([
    import("../../deno.json", { with: { type: "json" } }),
    import("./access_hint.ts"),
  ]);
  return invocationOf(config, Deno.mainModule.slice(root.length), Deno.args);
}

/** A Deno permission flag among the script's arguments is bad input: say where it goes. */
async function _refuseDenoFlags(): Promise<void> {
  if (!Deno.args.some((a) => /^(--(allow|deny)-|-A$|-P(=|$)|--permission-set)/.test(a))) return;
  const invocation = await _invocation();
  if (!invocation) return;
  const { denoFlagProblem } = await import("./access_hint.ts");
  const problem = denoFlagProblem(invocation);
  if (problem) throw new InputError(problem);
}
