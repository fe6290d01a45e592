import assert from "node:assert/strict";
import { escapeHtml, jsonForScript } from "./html_escape.ts";

Deno.test("escapeHtml() replaces the five HTML metacharacters and nothing else", () => {
  assert.equal(escapeHtml(`a&b<c>d"e'f`), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  assert.equal(escapeHtml("Déflation → 5%"), "Déflation → 5%");
});

Deno.test("jsonForScript() cannot close its script element or open a comment, and parses back", () => {
  const value = {
    a: "</script><script>x()</script>",
    b: "<!-- c -->",
    c: "x\u2028y\u2029z",
    d: [1, null],
  };
  const text = jsonForScript(value);
  assert.doesNotMatch(text, /<|>|&|\u2028|\u2029/);
  assert.deepEqual(JSON.parse(text), value);
});
