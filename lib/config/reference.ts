/**
 * The configuration reference, generated from the schema: a Markdown table per
 * tier with each parameter's flag, config path, type, default and description.
 * `deno task docs` writes it to docs/configuration.md and into the README
 * between marker comments; a test fails when either is stale.
 *
 * @module
 */
import { flagParams } from "./flags.ts";
import { formatDefault } from "./help.ts";
import { TIERS } from "./param.ts";

/** Start and end markers of the generated block in the README. */
export const README_MARKERS = {
  start: "<!-- generated:flags:start (deno task docs) -->",
  end: "<!-- generated:flags:end -->",
} as const;

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

/** The Markdown tables of every parameter, grouped by tier. */
export function parameterTables(): string {
  const out: string[] = [];
  for (const tier of TIERS) {
    const params = flagParams().filter((p) => p.tier === tier);
    if (params.length === 0) continue;
    out.push(`### ${tier[0]?.toUpperCase()}${tier.slice(1)}`, "");
    const rows = params.map((p) => [
      `\`--${p.flag}\``,
      `\`${p.path}\``,
      escapeCell(p.typeName),
      p.defaultValue === undefined ? "" : `\`${escapeCell(formatDefault(p.defaultValue))}\``,
      escapeCell(p.description),
    ]);
    out.push(...alignedTable(["flag", "config path", "type", "default", "description"], rows));
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}

/** A Markdown table with padded columns, as `deno fmt` writes it (so formatting leaves it unchanged). */
export function alignedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((h, i) =>
    Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length))
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** The whole docs/configuration.md page. */
export function configurationReference(): string {
  return [
    "# Configuration reference",
    "",
    "Generated from the schema (`lib/config/schema.ts`) by `deno task docs`; do not edit by hand.",
    "",
    "Every parameter can be set in a YAML or JSON config file (`--config FILE`, by its config path)",
    "or on the command line (by its flag). Booleans take `--flag` / `--no-flag`; lists are",
    "comma-separated; `--param key=value` may repeat. The tiers go from what a first run needs",
    "(basic) to fine control (expert); `--help=TIER` lists them.",
    "",
    parameterTables(),
  ].join("\n");
}

/** `readme` with its generated block replaced by the current tables. */
export function updateReadme(readme: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) {
    throw new Error(
      `README.md lacks the markers ${README_MARKERS.start} ... ${README_MARKERS.end}`,
    );
  }
  return readme.slice(0, start + README_MARKERS.start.length) + "\n\n" + parameterTables() + "\n" +
    readme.slice(end);
}
