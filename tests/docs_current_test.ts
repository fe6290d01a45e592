import assert from "node:assert/strict";
import { configurationReference, updateReadme } from "../lib/config/reference.ts";
import { REPO } from "./_task.ts";

Deno.test("docs/configuration.md matches the schema (run deno task docs when this fails)", async () => {
  assert.equal(await Deno.readTextFile(`${REPO}docs/configuration.md`), configurationReference());
});

Deno.test("README.md's flag tables match the schema (run deno task docs when this fails)", async () => {
  const readme = await Deno.readTextFile(`${REPO}README.md`);
  assert.equal(readme, updateReadme(readme));
});
