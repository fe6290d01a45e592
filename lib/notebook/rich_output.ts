/**
 * Rich output for Jupyter: a value the Deno kernel shows as HTML or SVG when a
 * cell ends with it, or when it is passed to `Deno.jupyter.display`. It speaks
 * the kernel's display protocol (a method under `Symbol.for("Jupyter.display")`
 * returning a MIME bundle), so library code needs no `Deno.jupyter`, which
 * exists only inside a notebook. Every output carries a `text/plain` fallback
 * for viewers that cannot render the markup.
 *
 * @module
 */

/** The key under which the Deno kernel looks for a value's MIME bundle (`Deno.jupyter.$display`). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** The MIME types a {@link RichOutput} may carry. */
export type RichMime = "text/html" | "image/svg+xml";

/** Markup the kernel displays, with its plain-text fallback. */
export type RichOutput = {
  readonly mime: RichMime;
  /** The HTML or SVG. */
  readonly markup: string;
  /** What a text-only viewer shows. */
  readonly plain: string;
  /** The MIME bundle the kernel displays. */
  readonly [JUPYTER_DISPLAY]: () => Readonly<Record<string, string>>;
};

/**
 * Wraps markup for display in a notebook.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { JUPYTER_DISPLAY, richOutput } from "./rich_output.ts";
 *
 * const out = richOutput("text/html", "<b>3 assets</b>", "3 assets");
 * assert.deepEqual(out[JUPYTER_DISPLAY](), { "text/html": "<b>3 assets</b>", "text/plain": "3 assets" });
 * ```
 */
export function richOutput(mime: RichMime, markup: string, plain: string): RichOutput {
  return Object.freeze({
    mime,
    markup,
    plain,
    [JUPYTER_DISPLAY]: () => ({ [mime]: markup, "text/plain": plain }),
  });
}

/** Options of {@link embedPage}. */
export type EmbedOptions = {
  /** Height of the frame in pixels. Default 900. */
  readonly height?: number;
  /** The frame's accessible title. Default "embedded page". */
  readonly title?: string;
};

/**
 * A whole HTML page (a run report, say) shown inside a notebook cell: an
 * `<iframe>` whose `srcdoc` holds the page, so its styles and scripts stay out
 * of the notebook's own page. Throws `RangeError` on a height that is not a
 * positive integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { embedPage } from "./rich_output.ts";
 *
 * const out = embedPage(`<p class="x">A & B</p>`, { height: 300 });
 * assert.ok(out.markup.includes(`srcdoc="&lt;p class=&quot;x&quot;&gt;A &amp; B&lt;/p&gt;"`));
 * assert.ok(out.markup.includes(`height="300"`));
 * ```
 */
export function embedPage(page: string, options: EmbedOptions = {}): RichOutput {
  const height = options.height ?? 900;
  if (!(Number.isInteger(height) && height > 0)) {
    throw new RangeError(
      `Cannot embed the page as height must be a positive integer: current value is ${height}`,
    );
  }
  const title = options.title ?? "embedded page";
  const markup = `<iframe title="${escapeMarkup(title)}" srcdoc="${
    escapeMarkup(page)
  }" width="100%" height="${height}" style="border:1px solid #dee2e6"></iframe>`;
  return richOutput(
    "text/html",
    markup,
    `[${title}: ${page.length.toLocaleString("en-US")} characters of HTML]`,
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML or SVG element content and quoted attribute values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeMarkup } from "./rich_output.ts";
 *
 * assert.equal(escapeMarkup(`S&P "500" <x>`), "S&amp;P &quot;500&quot; &lt;x&gt;");
 * ```
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
