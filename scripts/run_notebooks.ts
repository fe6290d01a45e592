/**
 * Executes every notebook under notebooks/ on the Deno kernel with nbconvert
 * and fails on the first cell error. Executed copies go to results/notebooks/: the
 * committed notebooks stay without outputs (see the README).
 *
 * Usage: deno task test:notebooks [NOTEBOOK.ipynb ...]
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";

const USAGE = `Usage: deno task test:notebooks [NOTEBOOK.ipynb ...] [--json]

Executes the notebooks (default: every notebooks/*.ipynb) on the Deno kernel with
nbconvert; executed copies go to results/notebooks/. Exit 1 when one fails.
Without Jupyter they are skipped with a message (an error when CI=true).

  --json   print one JSON object with each notebook's outcome
  --help   this help`;

async function has(command: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(command, { args, stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

await runScript(async () => {
  const { values, positionals } = parseFlags(Deno.args, {
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  }, true);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const required = Deno.env.get("CI") === "true";
  const ready = await has("jupyter", ["nbconvert", "--version"]) &&
    await has("jupyter", ["kernelspec", "list"]);
  if (!ready) {
    const message = "jupyter nbconvert is not installed (apt-get install jupyter-nbconvert " +
      "python3-nbclient jupyter-client; deno jupyter --install)";
    if (required) throw new Error(`notebooks cannot run in CI: ${message}`);
    console.error(`skipping notebooks: ${message}`);
    return;
  }
  const names = positionals.length > 0 ? positionals : [...Deno.readDirSync("notebooks")]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `notebooks/${e.name}`)
    .sort();
  const outDir = "results/notebooks";
  await Deno.mkdir(outDir, { recursive: true });
  let failed = 0;
  const outcomes: { notebook: string; ok: boolean; seconds: number }[] = [];
  for (const name of names) {
    const started = performance.now();
    const out = await new Deno.Command("jupyter", {
      args: [
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--ExecutePreprocessor.kernel_name=deno",
        "--ExecutePreprocessor.timeout=600",
        "--output-dir",
        outDir,
        name,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    outcomes.push({ notebook: name, ok: out.success, seconds: Number(seconds) });
    if (values.json) {
      if (!out.success) console.error(`FAIL ${name}\n${new TextDecoder().decode(out.stderr)}`);
    } else if (out.success) {
      console.log(`ok   ${name} (${seconds}s)`);
    } else {
      failed++;
      console.error(`FAIL ${name} (${seconds}s)\n${new TextDecoder().decode(out.stderr)}`);
    }
  }
  console.log(
    values.json
      ? JSON.stringify({ passed: names.length - failed, failed, notebooks: outcomes })
      : `notebooks: ${names.length - failed} passed, ${failed} failed`,
  );
  if (failed > 0) throw new Error(`${failed} notebook(s) failed`);
});
