/**
 * Escaping for the two places untrusted text (tickers, rule and bucket names,
 * config strings) enters the report: HTML text and attributes, and the JSON
 * embedded in a `<script type="application/json">` element.
 *
 * @module
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeHtml } from "./html_escape.ts";
 *
 * assert.equal(escapeHtml(`<b class="x">A&B</b>`), "&lt;b class=&quot;x&quot;&gt;A&amp;B&lt;/b&gt;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * JSON for the body of a `<script type="application/json">` element: `<`, `>`
 * and `&` are written as `\u003c`, `\u003e`, `\u0026` so that no string in
 * the data can close the element (`</script>`) or open a comment (`<!--`);
 * U+2028 and U+2029 are escaped too. `JSON.parse` gives back the same value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jsonForScript } from "./html_escape.ts";
 *
 * const text = jsonForScript({ name: "</script>" });
 * assert.ok(!text.includes("</"));
 * assert.deepEqual(JSON.parse(text), { name: "</script>" });
 * ```
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
