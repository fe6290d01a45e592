/**
 * The commands of a Markdown document's fenced shell blocks (```sh, ```bash,
 * ```shell), with the markers that say what a command needs, as
 * tests/docs_commands_test.ts runs them. The README ("Commands in this README
 * are tested") documents the markers for writers.
 *
 * A command is one line, or several when a line ends with `\` or leaves a
 * quote open. Lines that are only a comment, and blank lines, are not
 * commands. A marker is a comment on the command's last line, or a part of it
 * after another `#`:
 *
 * | marker | the command runs |
 * | ------ | ---------------- |
 * | (none) | always, offline, without a database, on a fresh copy of the project |
 * | `# needs: shared` | where `../shared/data` (real prices beside the project) is present |
 * | `# needs: postgres` | where a database is configured (required when CI=true), on a scratch database |
 * | `# needs: network` | when `DOCS_NETWORK=1` says the internet (Yahoo) may be used |
 * | `# needs: long` | when `DOCS_LONG=1` allows commands that take minutes (the benchmarks) |
 * | `# not tested: REASON` | never: it sets up the machine, or is the test suite itself |
 *
 * Several needs are separated by commas (`# needs: shared, postgres`).
 *
 * @module
 */

/** What a command may need that is not always there. */
export const NEEDS = ["shared", "postgres", "network", "long"] as const;
/** One of {@link NEEDS}. */
export type Need = typeof NEEDS[number];

/** One command of a block, as written. */
export type DocCommand = {
  /** Line of the document where it starts (1-based). */
  readonly line: number;
  /** Its text, the block's indentation removed, lines joined by newlines, comments kept. */
  readonly text: string;
  /** What it needs (empty: nothing). */
  readonly needs: readonly Need[];
  /** Why it is never run, when it is marked so. */
  readonly notTested?: string;
};

/** A fenced shell block: where it starts and its commands, in order. */
export type DocBlock = {
  readonly file: string;
  /** Line of the opening fence (1-based). */
  readonly line: number;
  readonly commands: readonly DocCommand[];
};

/** What {@link docBlocks} found: the blocks, and every problem with its line. */
export type DocBlocks = {
  readonly blocks: readonly DocBlock[];
  readonly problems: readonly string[];
};

const SHELLS = new Set(["sh", "bash", "shell"]);

/**
 * The shell blocks of a Markdown text and their commands.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { docBlocks } from "./_doc_commands.ts";
 *
 * const fence = "`".repeat(3);
 * const md = `# Title\n\n${fence}sh\ndeno task a   # what it does\ndeno task b \\\n  --flag  # needs: shared\n${fence}\n`;
 * const { blocks } = docBlocks(md, "README.md");
 * assert.deepEqual(blocks[0]?.commands.map((c) => [c.line, c.needs]), [[4, []], [5, ["shared"]]]);
 * ```
 */
export function docBlocks(markdown: string, file: string): DocBlocks {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = (lines[i] ?? "").match(/^(\s*)(`{3,}|~{3,})\s*([\w-]*)/);
    if (!open) continue;
    const [, indent = "", fence = "", lang = ""] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? "").trimStart().startsWith(fence)) end++;
    if (end >= lines.length) {
      problems.push(`${file}:${i + 1}: the fence is never closed`);
      break;
    }
    if (SHELLS.has(lang)) {
      const body = lines.slice(i + 1, end).map((l) =>
        l.startsWith(indent) ? l.slice(indent.length) : l
      );
      const commands = _commands(body, i + 2, file, problems);
      blocks.push({ file, line: i + 1, commands });
    }
    i = end;
  }
  return { blocks, problems };
}

/** Splits a block's lines (the first at document line `first`) into commands. */
function _commands(
  body: readonly string[],
  first: number,
  file: string,
  problems: string[],
): DocCommand[] {
  const commands: DocCommand[] = [];
  let pending: string[] = [];
  let start = 0;
  let quote: string | null = null;
  body.forEach((text, k) => {
    if (pending.length === 0) {
      if (text.trim() === "" || text.trimStart().startsWith("#")) return;
      start = first + k;
    }
    pending.push(text);
    const scanned = scanShellLine(text, quote);
    quote = scanned.quote;
    if (scanned.continues) return;
    const where = `${file}:${start}`;
    commands.push(_command(start, pending.join("\n"), scanned.comment, where, problems));
    pending = [];
  });
  if (pending.length > 0) {
    problems.push(`${file}:${start}: the command never ends (an open quote or a trailing \\)`);
  }
  return commands;
}

function _command(
  line: number,
  text: string,
  comment: string | null,
  where: string,
  problems: string[],
): DocCommand {
  const markers = (comment ?? "").split("#").map((part) => part.trim());
  const needs: Need[] = [];
  let notTested: string | undefined;
  for (const marker of markers) {
    const need = marker.match(/^needs:\s*(.*)$/);
    if (need) {
      for (const name of (need[1] ?? "").split(",").map((s) => s.trim())) {
        if ((NEEDS as readonly string[]).includes(name)) needs.push(name as Need);
        else problems.push(`${where}: unknown need "${name}" (known: ${NEEDS.join(", ")})`);
      }
    }
    const skip = marker.match(/^not tested:\s*(.*)$/);
    if (skip) {
      notTested = (skip[1] ?? "").trim();
      if (notTested === "") problems.push(`${where}: "not tested:" needs a reason`);
    }
  }
  return notTested === undefined ? { line, text, needs } : { line, text, needs, notTested };
}

/** One line of shell, scanned for quotes, a trailing comment and a continuation. */
export type ShellLine = {
  /** The quote still open at the end of the line, or null. */
  readonly quote: string | null;
  /** The comment's text (after `#`), or null. */
  readonly comment: string | null;
  /** Whether the command goes on to the next line (a trailing `\` or an open quote). */
  readonly continues: boolean;
};

/**
 * Scans a line as a POSIX shell reads it, starting inside `quote` (an open
 * quote from the line before, or null): `#` starts a comment only at the start
 * of a word and outside quotes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanShellLine } from "./_doc_commands.ts";
 *
 * assert.deepEqual(scanShellLine(`echo "a # b" # c`, null), { quote: null, comment: " c", continues: false });
 * assert.deepEqual(scanShellLine(`deno task x \\`, null), { quote: null, comment: null, continues: true });
 * assert.equal(scanShellLine(`sql "SELECT 1`, null).quote, '"');
 * ```
 */
export function scanShellLine(line: string, quote: string | null): ShellLine {
  let open = quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (open === "'") {
      if (c === "'") open = null;
    } else if (open === '"') {
      if (c === "\\") i++;
      else if (c === '"') open = null;
    } else if (c === "\\") {
      if (i === line.length - 1) return { quote: null, comment: null, continues: true };
      i++;
    } else if (c === "'" || c === '"') {
      open = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""))) {
      return { quote: null, comment: line.slice(i + 1), continues: false };
    }
  }
  return { quote: open, comment: null, continues: open !== null };
}
