import assert from "node:assert/strict";
import { formatCell, htmlTable } from "./html_table.ts";
import { JUPYTER_DISPLAY } from "./rich_output.ts";

const plain = { digits: 3, percent: false };

Deno.test("formatCell() writes integers grouped, small decimals with `digits`, large ones whole", () => {
  assert.equal(formatCell(1_061, plain), "1,061");
  assert.equal(formatCell(-0.14, plain), "-0.140");
  assert.equal(formatCell(999.9996, plain), "1,000.000"); // below 1,000 before rounding: 3 decimals
  assert.equal(formatCell(-1234.5, plain), "-1,235"); // toFixed(0) rounds half away from zero
  assert.equal(formatCell(-0.0001, plain), "0.000"); // no negative zero
  assert.equal(formatCell(2n ** 40n, plain), "1,099,511,627,776");
});

Deno.test("formatCell() shows missing and non-finite values as a dash", () => {
  for (const v of [null, undefined, NaN, Infinity, -Infinity]) {
    assert.equal(formatCell(v, plain), "–");
  }
});

Deno.test("formatCell() writes percentages with two decimals", () => {
  // Hand: -0.1490 * 100 = -14.90.
  assert.equal(formatCell(-0.149, { digits: 3, percent: true }), "-14.90%");
});

Deno.test("htmlTable() escapes text and keeps the column order given", () => {
  const table = htmlTable([{ b: "<x>", a: 1 }], { columns: ["a", "b"], caption: "A & B" });
  assert.equal(
    table.markup,
    [
      "<table>",
      `<caption style="text-align:left">A &amp; B</caption>`,
      "<thead><tr><th>a</th><th>b</th></tr></thead>",
      `<tbody>\n<tr><td style="text-align:right">1</td><td>&lt;x&gt;</td></tr>\n</tbody>`,
      "</table>",
    ].join("\n"),
  );
  assert.equal(table.plain, "A & B\na  b\n1  <x>");
  assert.equal(table[JUPYTER_DISPLAY]()["text/html"], table.markup);
});

Deno.test("htmlTable() takes the union of keys and leaves absent cells dashed", () => {
  const table = htmlTable([{ a: 1 }, { b: 2 }]);
  assert.equal(table.plain, "a  b\n1  –\n–  2");
});

Deno.test("htmlTable() shows at most maxRows rows and counts the rest", () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ i }));
  const table = htmlTable(rows, { maxRows: 2 });
  assert.equal(table.plain, "i\n0\n1\n… 3 more rows");
  assert.equal((table.markup.match(/<tr>/g) ?? []).length, 3); // the header and two rows
});

Deno.test("htmlTable() refuses bad options", () => {
  assert.throws(() => htmlTable([], { digits: -1 }), RangeError);
  assert.throws(() => htmlTable([], { maxRows: 0 }), RangeError);
});
