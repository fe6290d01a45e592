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
import { PRESETS } from "./presets.ts";

/** Start and end markers of the generated block in the README. */
export const README_MARKERS = {
  start: "<!-- generated:flags:start (deno task docs) -->",
  end: "<!-- generated:flags:end -->",
} as const;

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

/**
 * The Markdown tables of every parameter, grouped by tier; with `env`, a
 * column gives each one's environment variable.
 */
export function parameterTables(options: { readonly env?: boolean } = {}): string {
  const out: string[] = [];
  for (const tier of TIERS) {
    const params = flagParams().filter((p) => p.tier === tier);
    if (params.length === 0) continue;
    out.push(`### ${tier[0]?.toUpperCase()}${tier.slice(1)}`, "");
    const rows = params.map((p) => [
      `\`--${p.flag}\``,
      `\`${p.path}\``,
      ...(options.env ? [`\`${p.env}\``] : []),
      escapeCell(p.typeName),
      p.defaultValue === undefined ? "" : `\`${escapeCell(formatDefault(p.defaultValue))}\``,
      escapeCell(p.description),
    ]);
    const header = [
      "flag",
      "config path",
      ...(options.env ? ["environment"] : []),
      "type",
      "default",
      "description",
    ];
    out.push(...alignedTable(header, rows));
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}

/** The presets: what each is for and every value it sets. */
export function presetSection(): string {
  const out: string[] = [];
  for (const preset of Object.values(PRESETS)) {
    out.push(`### \`${preset.name}\``, "", `Changes: ${preset.summary}. Why: ${preset.why}`, "");
    const rows = presetLeaves(preset.values, "").map(([path, value]) => {
      const param = flagParams().find((p) => p.path === path);
      const dflt = param?.defaultValue === undefined ? "" : formatDefault(param.defaultValue);
      return [`\`${path}\``, `\`${escapeCell(formatDefault(value))}\``, `\`${escapeCell(dflt)}\``];
    });
    out.push(...alignedTable(["config path", "value", "default"], rows), "");
  }
  return out.join("\n").trimEnd() + "\n";
}

function presetLeaves(value: unknown, prefix: string): [string, unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value) || "type" in value) {
    return [[prefix, value]];
  }
  return Object.entries(value).flatMap(([k, v]) => presetLeaves(v, prefix ? `${prefix}.${k}` : k));
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
    "Every parameter can be set in a YAML or JSON config file (`--config FILE`, by its config path),",
    "by an environment variable (`ENGINE_` and the config path in upper snake case) or on the",
    "command line (by its flag). Booleans take `--flag` / `--no-flag` (`true`/`false` in a variable);",
    "lists are comma-separated; `--param key=value` may repeat (`ENGINE_STRATEGY_PARAMS=a=1,b=2`).",
    "The tiers go from what a first run needs (basic) to fine control (expert); `--help=TIER`",
    "lists them.",
    "",
    "## Precedence",
    "",
    "Schema defaults < preset < config file < environment < flags: each layer overrides the ones",
    "before it, key by key (lists, and a commission model of another type, are replaced whole).",
    "The preset is the one named by the highest layer that names one (`--preset`, `ENGINE_PRESET`",
    "or `preset:` in the file). `deno task config show [flags]` prints every value with its source",
    "(`default`, `preset:NAME`, `file:PATH`, `env:ENGINE_...`, `flag:--name`);",
    "`deno task config validate FILE` lists every problem of a file, each with its path.",
    "",
    "## Presets",
    "",
    presetSection(),
    "## Parameters",
    "",
    parameterTables({ env: true }),
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
