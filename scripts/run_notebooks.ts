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

async function has(command: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(command, { args, stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

await runScript(async () => {
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
  const names = Deno.args.length > 0 ? Deno.args : [...Deno.readDirSync("notebooks")]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `notebooks/${e.name}`)
    .sort();
  const outDir = "results/notebooks";
  await Deno.mkdir(outDir, { recursive: true });
  let failed = 0;
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
    if (out.success) {
      console.log(`ok   ${name} (${seconds}s)`);
    } else {
      failed++;
      console.error(`FAIL ${name} (${seconds}s)\n${new TextDecoder().decode(out.stderr)}`);
    }
  }
  console.log(`notebooks: ${names.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} notebook(s) failed`);
});
