import assert from "node:assert/strict";
import { helpRequest, helpText } from "./help.ts";
import { flagParams } from "./flags.ts";

Deno.test("helpRequest() finds --help, -h and --help=TIER, and refuses an unknown tier", () => {
  assert.equal(helpRequest(["--cash", "5"]), undefined);
  assert.equal(helpRequest(["--csah", "--help"]), "basic");
  assert.equal(helpRequest(["-h"]), "basic");
  assert.equal(helpRequest(["--help=advanced"]), "advanced");
  assert.equal(helpRequest(["--", "--help"]), undefined);
  assert.throws(() => helpRequest(["--help=guru"]), /--help: must be one of basic, intermediate/);
});

Deno.test("helpText() shows the basic tier by default with flag, path, type, default and description", () => {
  const text = helpText("backtest", "basic", "usage line");
  assert.ok(text.startsWith("usage line\n"));
  for (const p of flagParams()) {
    assert.equal(
      text.includes(`--${p.flag} `) || text.includes(`--${p.flag}\n`),
      p.tier === "basic",
      p.flag,
    );
  }
  assert.match(text, /--cash number +run\.cash\n +Starting cash \(default 100000\)/);
  assert.match(text, /--help=intermediate\|advanced\|expert/);
  assert.match(text, /ENGINE_RUN_CASH/);
});

Deno.test("helpText() at the expert tier shows every parameter", () => {
  const text = helpText("backtest", "expert", "usage");
  for (const p of flagParams()) assert.ok(text.includes(`--${p.flag}`), p.flag);
  assert.doesNotMatch(text, /More parameters/);
});
