import assert from "node:assert/strict";
import { embedPage, escapeMarkup, JUPYTER_DISPLAY, richOutput } from "./rich_output.ts";

Deno.test("richOutput() answers the Deno kernel's display protocol with its markup and text", () => {
  const out = richOutput("image/svg+xml", "<svg/>", "a chart");
  assert.equal(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
  assert.deepEqual(out[JUPYTER_DISPLAY](), { "image/svg+xml": "<svg/>", "text/plain": "a chart" });
  assert.ok(Object.isFrozen(out));
});

Deno.test("embedPage() puts the whole page, escaped, in the frame's srcdoc", () => {
  const page = `<!doctype html><script>const s = "</script>";</script>`; // 54 characters
  const out = embedPage(page, { title: `run "a"` });
  const srcdoc = /srcdoc="([^"]*)"/.exec(out.markup)?.[1] ?? "";
  assert.equal(srcdoc, escapeMarkup(page));
  assert.ok(!srcdoc.includes("<") && !srcdoc.includes('"'));
  assert.ok(
    out.markup.includes(`title="run &quot;a&quot;"`) && out.markup.includes(`height="900"`),
  );
  assert.equal(out.plain, `[run "a": 54 characters of HTML]`);
});

Deno.test("embedPage() refuses a height that is not a positive integer", () => {
  assert.throws(() => embedPage("<p></p>", { height: 0 }), RangeError);
  assert.throws(() => embedPage("<p></p>", { height: 1.5 }), RangeError);
});

Deno.test("escapeMarkup() escapes the five characters that matter in text and attributes", () => {
  assert.equal(
    escapeMarkup(`<a href='x'>&"</a>`),
    "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;",
  );
});
