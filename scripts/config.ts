/**
 * `deno task config`: the effective configuration and where each value came
 * from, config file validation, the presets and the environment variables.
 *
 *     deno task config show [--preset P] [--config FILE] [config flags] [--changed] [--json]
 *     deno task config validate FILE... [--json]
 *     deno task config presets [--json]
 *     deno task config env [--json]
 *
 * Exit 0 when done, 2 on bad input (a bad flag, an invalid config file: every
 * problem listed on stderr with its path), 1 on a bug. Reads config files and
 * `ENGINE_*` variables; writes nothing.
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { type Colours, coloursFor } from "../lib/cli/colour.ts";
import { InputError } from "../lib/errors.ts";
import { helpRequest, helpText } from "../lib/config/help.ts";
import { loadConfig } from "../lib/config/load_config.ts";
import { readConfigFile } from "../lib/config/load.ts";
import { resolveConfig } from "../lib/config/resolve_config.ts";
import { provenanceTable, shownConfig, valueText } from "../lib/config/show_config.ts";
import type { Origin } from "../lib/config/layers.ts";
import { PRESETS } from "../lib/config/presets.ts";
import { flagParams } from "../lib/config/flags.ts";
import { alignedTable } from "../lib/config/reference.ts";

/** Printed by `--help`. */
export const USAGE = `Usage: deno task config <show|validate|presets|env> [flags]

  show [--preset P] [--config FILE] [config flags] [--changed] [--json]
      the effective configuration, each value with its source: default,
      preset:NAME, file:PATH, env:ENGINE_..., flag:--name (--changed: only
      values not from the defaults); config flags as deno task backtest takes them
  validate FILE... [--json]
      check YAML or JSON config files (each over the preset it names); lists
      every problem with its path and exits 2 when a file is bad
  presets [--json]   the presets and the values each sets
  env [--json]       the environment variables, one per parameter

Precedence: schema defaults < preset < config file < environment (ENGINE_*) < flags.
deno task config show --help=TIER lists the config flags of a tier.`;

type Io = { readonly print: (line: string) => void; readonly colours: Colours };

/** Runs `deno task config` with `args`; throws {@link InputError} on bad input. */
export async function configMain(
  args: readonly string[],
  env: (name: string) => string | undefined,
  io: Io,
): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h") {
    if (command === undefined) {
      throw new InputError("missing command: show, validate, presets or env (see --help)");
    }
    io.print(USAGE);
    return;
  }
  if (command !== "show" && rest.some((a) => a === "--help" || a === "-h")) {
    io.print(USAGE);
    return;
  }
  switch (command) {
    case "show":
      return await show(rest, env, io);
    case "validate":
      return await validate(rest, io);
    case "presets":
      return presets(rest, io);
    case "env":
      return variables(rest, io);
    default:
      throw new InputError(
        `unknown command "${command}": expected show, validate, presets or env (see --help)`,
      );
  }
}

async function show(
  args: readonly string[],
  env: (name: string) => string | undefined,
  io: Io,
): Promise<void> {
  const tier = helpRequest(args);
  if (tier !== undefined) {
    io.print(helpText("config show", tier, USAGE));
    return;
  }
  const loaded = await loadConfig({
    args,
    env,
    extra: { json: { type: "boolean" }, changed: { type: "boolean" } },
  });
  if (loaded.extra.json === true) {
    io.print(JSON.stringify(shownConfig(loaded), null, 2));
    return;
  }
  const c = io.colours;
  const paint: Record<string, (text: string) => string> = {
    default: c.dim,
    preset: c.magenta,
    file: c.cyan,
    env: c.yellow,
    flag: c.green,
  };
  const style = (origin: Origin, column: string, text: string) =>
    column === "path" ? text : (paint[origin.split(":")[0] ?? ""] ?? String)(text);
  const lines = provenanceTable(loaded.provenance, {
    changedOnly: loaded.extra.changed === true,
    style,
  });
  for (const line of lines) io.print(line);
}

async function validate(args: readonly string[], io: Io): Promise<void> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } }, true);
  if (positionals.length === 0) {
    throw new InputError("validate needs one or more FILEs (see --help)");
  }
  const reports: { file: string; valid: boolean; preset: string | null; problems: string[] }[] = [];
  for (const file of positionals) {
    try {
      const layer = { kind: "file", name: file, values: await readConfigFile(file) } as const;
      const resolved = resolveConfig([layer]);
      reports.push({ file, valid: true, preset: resolved.config.preset ?? null, problems: [] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reports.push({ file, valid: false, preset: null, problems: [...error.problems] });
    }
  }
  if (values.json === true) io.print(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports.filter((r) => r.valid)) {
      io.print(`${io.colours.green("valid")} ${r.file}${r.preset ? ` (preset ${r.preset})` : ""}`);
    }
  }
  const problems = reports.flatMap((r) => r.problems);
  if (problems.length > 0) throw new InputError(problems);
}

function presets(args: readonly string[], io: Io): void {
  const { values } = parseFlags(args, { json: { type: "boolean" } });
  if (values.json === true) {
    io.print(JSON.stringify(Object.values(PRESETS), null, 2));
    return;
  }
  for (const preset of Object.values(PRESETS)) {
    io.print(`${io.colours.bold(preset.name)}: ${preset.summary}`);
    for (const [path, value] of leaves(preset.values, "")) {
      io.print(`  ${path} = ${valueText(value)}`);
    }
    io.print("");
  }
  io.print("Use: --preset NAME, `preset: NAME` in a config file, or ENGINE_PRESET=NAME.");
}

function variables(args: readonly string[], io: Io): void {
  const { values } = parseFlags(args, { json: { type: "boolean" } });
  const rows = flagParams().map((p) => ({ env: p.env, path: p.path, type: p.typeName }));
  if (values.json === true) {
    io.print(JSON.stringify(rows, null, 2));
    return;
  }
  const table = alignedTable(
    ["variable", "config path", "type"],
    rows.map((r) => [r.env, r.path, r.type]),
  );
  for (const line of table) io.print(line);
}

/** The leaves of a nested object as [dotted path, value], lists and tagged objects whole. */
function leaves(value: unknown, prefix: string): [string, unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value) || "type" in value) {
    return [[prefix, value]];
  }
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

if (import.meta.main) {
  await runScript(() =>
    configMain(Deno.args, (name) => Deno.env.get(name), {
      print: console.log,
      colours: coloursFor(Deno.stdout),
    })
  );
}
