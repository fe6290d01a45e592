/**
 * `writeReport`: the I/O edge of the report, building it and writing it
 * whole or not at all.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { buildReport } from "./build_report.ts";
import type { ReportOptions } from "./report_options.ts";

/** Where a report went and how big it is. */
export type WrittenReport = { readonly path: string; readonly bytes: number };

/**
 * Builds the report of `result` and writes it to `path`: first to
 * `<path>.partial` beside it, then renamed over `path`, so a failure never
 * leaves a half-written report (the partial file is removed). Needs write
 * permission on the folder of `path`; throws what `Deno.writeFile` throws.
 */
export async function writeReport(
  path: string,
  result: RunResult,
  options: ReportOptions = {},
): Promise<WrittenReport> {
  const bytes = new TextEncoder().encode(buildReport(result, options));
  const partial = `${path}.partial`;
  try {
    await Deno.writeFile(partial, bytes);
    await Deno.rename(partial, path);
  } catch (error) {
    await Deno.remove(partial).catch(() => undefined);
    throw error;
  }
  return { path, bytes: bytes.length };
}
