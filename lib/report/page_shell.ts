/**
 * The document around a self-contained page (the run report, the sweep page):
 * head and stylesheet, header, section links, sections, footer, the page's
 * data as one JSON `<script>`, the inlined ECharts and the page's own script.
 *
 * @module
 */
import { ECHARTS_LIBRARY, ECHARTS_VERSION } from "./echarts_library.ts";
import { jsonForScript } from "./html_escape.ts";
import { PAGE_STYLE } from "./page_style.ts";

/** The parts of a page (HTML already escaped where it holds text). */
export type PageParts = {
  /** What the page is, for its `generator` tag and element ids (`report`, `sweep`). */
  readonly kind: string;
  /** The `<title>` text, escaped. */
  readonly title: string;
  /** The `<header>` element. */
  readonly header: string;
  /** Section links: [id, label]. */
  readonly nav: readonly (readonly [string, string])[];
  readonly sections: readonly string[];
  /** The footer's text. */
  readonly footer: string;
  /** The page's data, embedded as `<script type="application/json" id="<kind>-data">`. */
  readonly data: unknown;
  /** The page's browser script, embedded as `<script id="<kind>-script">`. */
  readonly script: string;
};

/**
 * The whole HTML document of a page.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pageShell } from "./page_shell.ts";
 *
 * const html = pageShell({
 *   kind: "demo", title: "Demo", header: "<header>Demo</header>", nav: [["a", "A"]],
 *   sections: ['<section id="a"></section>'], footer: "offline", data: { x: 1 }, script: "0;",
 * });
 * assert.ok(html.startsWith("<!doctype html>"));
 * assert.ok(html.includes('<script type="application/json" id="demo-data">{"x":1}</script>'));
 * assert.ok(html.includes('<a href="#a">A</a>'));
 * ```
 */
export function pageShell(parts: PageParts): string {
  const nav = parts.nav.map(([id, label]) => `<a href="#${id}">${label}</a>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="regime engine ${parts.kind}; ECharts ${ECHARTS_VERSION}">
<title>${parts.title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${parts.header}
<nav><div class="wrap">${nav}</div></nav>
<main class="wrap">
${parts.sections.join("\n")}
</main>
<footer>${parts.footer}</footer>
<script type="application/json" id="${parts.kind}-data">${jsonForScript(parts.data)}</script>
<script id="echarts-library" data-version="${ECHARTS_VERSION}">${ECHARTS_LIBRARY}</script>
<script id="${parts.kind}-script">${parts.script}</script>
</body>
</html>
`;
}
