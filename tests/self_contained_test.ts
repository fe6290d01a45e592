/**
 * The project stands on its own: its doc comments cite documents of the
 * project that exist (down to the heading), no tracked file names a folder of
 * the machine it was written on, and what the tasks write (the price store
 * under data/, runs under results/) is ignored by git.
 *
 * @module
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO } from "./_task.ts";

const decoder = new TextDecoder();

/** Runs git in the repository; null when this is not a git checkout (a tarball). */
async function git(args: readonly string[]): Promise<{ code: number; stdout: string } | null> {
  try {
    const out = await new Deno.Command("git", { args: [...args], cwd: REPO, stderr: "null" })
      .output();
    return { code: out.code, stdout: decoder.decode(out.stdout) };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

const tracked = await git(["ls-files", "-z"]);
const files = tracked === null || tracked.code !== 0
  ? null
  : tracked.stdout.split("\0").filter((f) => f !== "");
if (files === null) console.log("self_contained_test: not a git checkout, skipping");

/** The text of a tracked file, or null for a binary or deleted one. */
async function textOf(file: string): Promise<string | null> {
  try {
    const bytes = await Deno.readFile(join(REPO, file));
    return bytes.includes(0) ? null : decoder.decode(bytes);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to dashes. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");
}

Deno.test({
  name: "every docs/ page a doc comment in lib/ cites exists, with the heading it names",
  ignore: files === null,
  fn: async () => {
    const cited = new Map<string, string[]>();
    for (const file of files ?? []) {
      if (!file.startsWith("lib/") || !file.endsWith(".ts")) continue;
      const text = await textOf(file) ?? "";
      for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
        const where = `${file}: docs/${m[1]}${m[2] ? `#${m[2]}` : ""}`;
        cited.set(where, [m[1] ?? "", m[2] ?? ""]);
      }
    }
    assert.ok(cited.size >= 18, `${cited.size} citations of docs/ in lib/`);
    for (const [where, [page, anchor]] of cited) {
      const text = await textOf(`docs/${page}`);
      assert.ok(text !== null, `${where}: no such page`);
      if (anchor === "") continue;
      const anchors = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1] ?? ""));
      assert.ok(anchors.includes(anchor ?? ""), `${where}: no such heading`);
    }
  },
});

Deno.test({
  name: "no tracked file names the folder this checkout sits in, nor cites ../shared/SEED.md",
  ignore: files === null,
  fn: async () => {
    // The parent of the checkout: where a development machine keeps its other folders.
    const machine = `${dirname(REPO.replace(/\/$/, ""))}/`;
    // A clone made in the system's temporary folder (as CI may make one) has that folder as its
    // parent, which tests name on purpose (paths a permission set refuses): no machine path then.
    const temporary = [`${tmpdir().replace(/\/$/, "")}/`, "/tmp/"].includes(machine);
    if (temporary) console.warn(`the checkout sits in ${machine}: its parent is not checked`);
    const offenders: string[] = [];
    for (const file of files ?? []) {
      const text = await textOf(file);
      if (text === null) continue;
      if (!temporary && text.includes(machine)) offenders.push(`${file}: ${machine}`);
      if (/shared\/(SEED|DESIGN|STYLE)\.md/.test(text) && file !== "tests/self_contained_test.ts") {
        offenders.push(`${file}: cites a document outside the project`);
      }
    }
    assert.deepEqual(offenders, []);
  },
});

Deno.test({
  name: "git ignores the price store ingest writes under data/ and the runs under results/",
  ignore: files === null,
  fn: async () => {
    for (const path of ["data/prices.db", "data/prices.db-wal", "results/latest"]) {
      const check = await git(["check-ignore", "--no-index", "-q", path]);
      assert.equal(check?.code, 0, `${path} is not ignored`);
    }
    // Anchored: lib/data/ is source, not the store's folder.
    const source = await git(["check-ignore", "--no-index", "-q", "lib/data/new_file.ts"]);
    assert.equal(source?.code, 1, "lib/data/ must not be ignored");
  },
});
