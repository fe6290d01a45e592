/**
 * The effective configuration as `deno task config show` prints it: one line a
 * value with where it came from, or one JSON object.
 *
 * @module
 */
import type { Config } from "./schema.ts";
import type { Origin } from "./layers.ts";
import type { ProvenanceEntry } from "./provenance.ts";
import type { ResolvedConfig } from "./resolve_config.ts";

/** A value as one short cell: lists comma-joined, long objects summarised, unset as `-`. */
export function valueText(value: unknown): string {
  if (value === undefined) return "-";
  if (Array.isArray(value)) return value.join(",");
  if (value !== null && typeof value === "object") {
    const json = JSON.stringify(value);
    return json.length <= 60 ? json : `{${Object.keys(value).length} entries; --json shows all}`;
  }
  return String(value);
}

/** How the table paints a cell (a script passes colours; the default leaves text as it is). */
export type CellStyle = (
  origin: Origin,
  column: "path" | "value" | "origin",
  text: string,
) => string;

/**
 * The provenance as aligned text lines (`path  value  origin`), every value or
 * only those not from the defaults.
 */
export function provenanceTable(
  entries: readonly ProvenanceEntry[],
  options: { readonly changedOnly?: boolean; readonly style?: CellStyle } = {},
): string[] {
  const shown = options.changedOnly ? entries.filter((e) => e.origin !== "default") : entries;
  const rows = shown.map((e) => ({ e, cells: [e.path, valueText(e.value), e.origin] as const }));
  const header = ["path", "value", "source"] as const;
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? "").length))
  );
  const style = options.style ?? ((_o, _c, text) => text);
  const pad = (text: string, i: number) => text.padEnd(widths[i] ?? 0);
  return [
    header.map(pad).join("  ").trimEnd(),
    ...rows.map(({ e, cells }) =>
      [
        style(e.origin, "path", pad(cells[0], 0)),
        style(e.origin, "value", pad(cells[1], 1)),
        style(e.origin, "origin", cells[2]),
      ].join("  ")
    ),
  ];
}

/** What `config show --json` prints: the effective config and each value's source by path. */
export type ShownConfig = {
  readonly config: Config;
  readonly sources: Readonly<Record<string, Origin>>;
};

/** The effective config and its sources as one object (for `--json`). */
export function shownConfig(resolved: ResolvedConfig): ShownConfig {
  return {
    config: resolved.config,
    sources: Object.fromEntries(resolved.provenance.map((e) => [e.path, e.origin])),
  };
}
