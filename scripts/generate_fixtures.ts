/**
 * Regenerates the committed fixture market: `deno run --allow-read=fixtures
 * --allow-write=fixtures scripts/generate_fixtures.ts [--seed 42] [--out fixtures]`.
 * Same seed, same bytes. Removes price files of tickers no longer generated.
 *
 * @module
 */
import { parseFlags } from "../lib/cli/args.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { accessProblem, InputError } from "../lib/errors.ts";
import { DEFAULT_FIXTURE_SPEC, generateFixtureMarket } from "../lib/data/fixture_market.ts";
import { fixtureFiles, MANIFEST_NAME, manifestText } from "../lib/data/fixture_files.ts";

const USAGE = `Usage: deno task fixtures [--seed N] [--out DIR] [--json]

Regenerates the synthetic fixture market (same seed, same bytes).

  --seed N    generator seed (default ${DEFAULT_FIXTURE_SPEC.seed})
  --out DIR   where to write (default fixtures; the task may write only there)
  --json      print the summary as JSON
  --help      this help`;

/** Writes every fixture file under `out` and prints a one-line summary (or `--json`). */
export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseFlags(args, {
    seed: { type: "string", default: String(DEFAULT_FIXTURE_SPEC.seed) },
    out: { type: "string", default: "fixtures" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) {
    throw new InputError(`--seed: expected an integer, got "${values.seed}"`);
  }
  const out = values.out.replace(/\/+$/, "") || ".";
  const files = fixtureFiles(generateFixtureMarket({ seed }));
  files.set(MANIFEST_NAME, await manifestText(files));
  const bytes = await _write(out, files).catch((error: unknown) => {
    throw accessProblem(error, "fixtures folder", out, "write") ?? error;
  });
  console.log(
    values.json
      ? JSON.stringify({ files: files.size, bytes, out, seed })
      : `wrote ${files.size} files (${(bytes / 1e6).toFixed(2)} MB) to ${out}/ with seed ${seed}`,
  );
}

/** Writes the files under `out`, removing CSVs of tickers the market no longer has; the bytes written. */
async function _write(out: string, files: ReadonlyMap<string, string>): Promise<number> {
  for (const folder of ["market", "intraday"]) {
    await Deno.mkdir(`${out}/${folder}`, { recursive: true });
    for await (const entry of Deno.readDir(`${out}/${folder}`)) {
      const path = `${folder}/${entry.name}`;
      if (entry.isFile && entry.name.endsWith(".csv") && !files.has(path)) {
        await Deno.remove(`${out}/${path}`);
      }
    }
  }
  let bytes = 0;
  for (const [path, text] of files) {
    const data = new TextEncoder().encode(text);
    bytes += data.length;
    await Deno.writeFile(`${out}/${path}`, data);
  }
  return bytes;
}

if (import.meta.main) await runScript(() => main(Deno.args));
