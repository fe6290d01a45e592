/**
 * The chart library inlined into every report: ECharts' single-file minified
 * build, `dist/echarts.min.js`, of the exact version pinned in deno.json.
 *
 * Design decision: the file is imported as text (`with { type: "text" }`), so
 * it is part of the module graph, loaded from Deno's npm cache like any
 * import: building a report needs no read permission on the cache, and the
 * version cannot drift from the pin (deno.lock holds its checksum).
 *
 * @module
 */

import library from "echarts/dist/echarts.min.js" with { type: "text" };

/** The ECharts version the report is built and tested with (deno.json pins it). */
export const ECHARTS_VERSION = "6.1.0";

/** The source of `echarts.min.js`; throws at load if it could close its `<script>` element early. */
export const ECHARTS_LIBRARY: string = _checked(library);

/**
 * The version a minified ECharts build declares of itself, or null: its
 * namespace export `<name>.version="x.y.z"` (zrender's own `version:"x.y.z"`
 * is an object key, not matched).
 */
export function declaredVersion(source: string): string | null {
  return /\.version="(\d+\.\d+\.\d+)"/.exec(source)?.[1] ?? null;
}

function _checked(source: string): string {
  if (/<\/script|<!--/i.test(source)) {
    throw new Error("echarts.min.js contains </script or <!--: it cannot be inlined as is");
  }
  return source;
}
