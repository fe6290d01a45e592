import assert from "node:assert/strict";
import { coloursFor, colourWanted } from "./colour.ts";

Deno.test("colourWanted() colours a terminal only, and never under NO_COLOR", () => {
  assert.equal(colourWanted(true, false), true);
  assert.equal(colourWanted(true, true), false);
  assert.equal(colourWanted(false, false), false);
});

Deno.test("coloursFor() leaves text plain on a stream that is not a terminal", () => {
  const c = coloursFor({ isTerminal: () => false });
  assert.equal(c.red("error:"), "error:");
  assert.equal(c.isColorSupported, false);
});

Deno.test("coloursFor() paints with ANSI codes on a terminal unless NO_COLOR is set", () => {
  const c = coloursFor({ isTerminal: () => true });
  // picocolors' red is ESC[31m ... ESC[39m; Deno.noColor mirrors NO_COLOR in this process.
  assert.equal(c.red("x"), Deno.noColor ? "x" : "\u001b[31mx\u001b[39m");
});

Deno.test("a script without env permission still loads colour.ts and writes plain text", async () => {
  const repo = new URL("../../", import.meta.url).pathname;
  const dir = await Deno.makeTempDir({ prefix: "colour_" });
  try {
    const file = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      file,
      `import { coloursFor } from "${repo}lib/cli/colour.ts";
console.log(JSON.stringify(coloursFor({ isTerminal: () => true }).red("x")));`,
    );
    const run = async (flags: string[]) => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "--no-prompt", "--config", `${repo}deno.json`, ...flags, file],
        clearEnv: true,
        env: Object.fromEntries(
          ["HOME", "PATH", "DENO_DIR"].flatMap((k) => {
            const v = Deno.env.get(k);
            return v === undefined ? [] : [[k, v]];
          }),
        ),
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      return JSON.parse(new TextDecoder().decode(out.stdout));
    };
    assert.equal(await run([]), "x");
    assert.equal(await run(["--allow-env"]), "\u001b[31mx\u001b[39m");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
