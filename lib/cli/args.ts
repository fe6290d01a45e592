/**
 * Command-line parsing on `node:util` parseArgs, turning its errors into
 * {@link InputError}s that name the flag.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../errors.ts";

/** Options as `node:util` parseArgs takes them. */
export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parses `args` strictly: an unknown flag or a missing value is an {@link InputError}. */
export function parseFlags<T extends FlagSpec>(
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    throw new InputError(`bad command line: ${(error as Error).message}`, { cause: error });
  }
}
