/**
 * `deno task docs`: regenerates docs/configuration.md and the flag tables of
 * README.md from the configuration schema. `--check` only verifies they are
 * current (exit 1 when stale).
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { configurationReference, updateReadme } from "../lib/config/reference.ts";

await runScript(async () => {
  const { values } = parseFlags(Deno.args, {
    check: { type: "boolean" },
    help: { type: "boolean" },
  });
  if (values.help) {
    console.log(
      "deno task docs [--check]\n\nRegenerates docs/configuration.md and README.md's flag tables.",
    );
    return;
  }
  const targets: [string, string][] = [
    ["docs/configuration.md", configurationReference()],
    ["README.md", updateReadme(await Deno.readTextFile("README.md"))],
  ];
  const stale: string[] = [];
  for (const [path, text] of targets) {
    let current = "";
    try {
      current = await Deno.readTextFile(path);
    } catch { /* missing: stale */ }
    if (current === text) continue;
    stale.push(path);
    if (!values.check) {
      await Deno.mkdir("docs", { recursive: true });
      await Deno.writeTextFile(path, text);
    }
  }
  if (values.check && stale.length > 0) {
    throw new Error(`out of date: ${stale.join(", ")}; run deno task docs`);
  }
  console.log(
    stale.length === 0
      ? "docs are up to date"
      : `${values.check ? "stale" : "wrote"}: ${stale.join(", ")}`,
  );
});
