import assert from "node:assert/strict";
import { docBlocks } from "./_doc_commands.ts";

const fence = "```";

Deno.test("docBlocks() takes sh, bash and shell blocks, indented ones too, and leaves the others", () => {
  const md = [
    "# Doc",
    `${fence}sh`,
    "deno task a",
    fence,
    `${fence}ts ignore`,
    "const x = 1;",
    fence,
    "- a list item:",
    "",
    `  ${fence}bash`,
    "  deno task b",
    `  ${fence}`,
    `${fence}`,
    "plain output",
    fence,
  ].join("\n");
  const { blocks, problems } = docBlocks(md, "doc.md");
  assert.deepEqual(problems, []);
  assert.deepEqual(blocks.map((b) => [b.line, b.commands.map((c) => [c.line, c.text])]), [
    [2, [[3, "deno task a"]]],
    [10, [[11, "deno task b"]]],
  ]);
});

Deno.test("docBlocks() joins continued lines and open quotes into one command, comment lines apart", () => {
  const md = [
    `${fence}sh`,
    "# a comment line is not a command",
    "",
    "deno task x --a \\",
    "  --b   # needs: shared",
    'deno task audit sql "SELECT a',
    "  FROM t WHERE b = '#1'\" --json",
    fence,
  ].join("\n");
  const { blocks, problems } = docBlocks(md, "doc.md");
  assert.deepEqual(problems, []);
  assert.deepEqual(blocks[0]?.commands, [
    { line: 4, text: "deno task x --a \\\n  --b   # needs: shared", needs: ["shared"] },
    {
      line: 6,
      text: "deno task audit sql \"SELECT a\n  FROM t WHERE b = '#1'\" --json",
      needs: [],
    },
  ]);
});

Deno.test("docBlocks() reads needs and not tested after a description, and reports unknown ones", () => {
  const md = [
    `${fence}sh`,
    "deno task a   # what it does  # needs: shared, postgres",
    "npm install -g deno   # not tested: installs Deno",
    "deno task b   # the scan needs: nothing, this is prose",
    "deno task c   # needs: moon",
    "deno task d   # not tested:",
    'deno task e "open',
    fence,
  ].join("\n");
  const { blocks, problems } = docBlocks(md, "doc.md");
  assert.deepEqual(blocks[0]?.commands.map((c) => [c.needs, c.notTested]), [
    [["shared", "postgres"], undefined],
    [[], "installs Deno"],
    [[], undefined],
    [[], undefined],
    [[], ""],
  ]);
  assert.deepEqual(problems, [
    'doc.md:5: unknown need "moon" (known: shared, postgres, network, long)',
    'doc.md:6: "not tested:" needs a reason',
    "doc.md:7: the command never ends (an open quote or a trailing \\)",
  ]);
});

Deno.test("docBlocks() reports a fence that is never closed", () => {
  assert.deepEqual(docBlocks(`${fence}sh\ndeno task a\n`, "doc.md").problems, [
    "doc.md:1: the fence is never closed",
  ]);
});
