/**
 * Help text generated from the schema: the basic tier by default, more with
 * `--help=intermediate|advanced|expert`. Each line gives the flag, the config
 * path, the type, the default and a one-line description.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { flagParams } from "./flags.ts";
import { type Tier, TIERS } from "./param.ts";
import type { ParamInfo } from "./params.ts";

/** Parses a `--help=TIER` value. */
export function parseTier(text: string): Tier {
  if ((TIERS as readonly string[]).includes(text)) return text as Tier;
  throw new InputError(`--help: must be one of ${TIERS.join(", ")}, got "${text}"`);
}

/**
 * The tier a command line asks help for (`--help`, `-h` or `--help=TIER`), or
 * undefined when it asks none. Help wins over every other flag, bad ones included.
 */
export function helpRequest(args: readonly string[]): Tier | undefined {
  let tier: Tier | undefined;
  for (const arg of args) {
    if (arg === "--") break;
    if (arg === "--help" || arg === "-h") tier ??= "basic";
    else if (arg.startsWith("--help=")) tier = parseTier(arg.slice("--help=".length));
  }
  return tier;
}

/** The help of a script: its usage, then every parameter up to `tier`, grouped by tier. */
export function helpText(script: string, tier: string, usage: string): string {
  const upTo = TIERS.indexOf(parseTier(tier));
  const shown = TIERS.slice(0, upTo + 1);
  const lines = [usage, ""];
  for (const t of shown) {
    const params = flagParams().filter((p) => p.tier === t);
    if (params.length === 0) continue;
    lines.push(`${t[0]?.toUpperCase()}${t.slice(1)} parameters:`);
    for (const p of params) lines.push(...paramLines(p));
    lines.push("");
  }
  lines.push(
    "Every parameter is also an environment variable ENGINE_<PATH> (run.cash: ENGINE_RUN_CASH).",
    "Precedence: defaults < --preset < --config file < environment < flags;",
    "`deno task config show [flags]` prints each value with where it came from.",
    "",
  );
  const hidden = TIERS.slice(upTo + 1);
  if (hidden.length > 0) {
    lines.push(
      `More parameters: deno task ${script} --help=${
        hidden.join("|")
      }; reference: docs/configuration.md`,
    );
  }
  return lines.join("\n").trimEnd();
}

function paramLines(p: ParamInfo): string[] {
  const flag = `  --${p.flag} ${p.kind.type === "boolean" ? "" : p.typeName}`.trimEnd();
  const dflt = p.defaultValue === undefined ? "" : ` (default ${formatDefault(p.defaultValue)})`;
  return [`${flag.padEnd(34)} ${p.path}`, `${"".padEnd(35)}${p.description}${dflt}`];
}

/** A default as it would be typed on the command line. */
export function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.join(",");
  if (value !== null && typeof value === "object") {
    const json = JSON.stringify(value);
    return json.length <= 60
      ? json
      : `${Object.keys(value).length} entries (see docs/configuration.md)`;
  }
  return String(value);
}
