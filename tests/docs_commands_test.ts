/**
 * Every command of a shell block in README.md and docs/*.md runs as written,
 * from a fresh state, on the fixtures: each block gets its own copy of the
 * project (tracked files and new ones git does not ignore; no results/, no
 * data/), with `../shared` beside it when the real one is there, and runs its
 * commands in order with `sh -c`; blocks run concurrently. A command marked
 * with what it needs (tests/_doc_commands.ts; the README documents the
 * markers) runs only where that is available, and every command not run is
 * printed with the reason. Unmarked commands run offline and without a
 * database: the environment's database variables are removed for them.
 *
 * Knobs: DOCS_NETWORK=1 and DOCS_LONG=1 allow the commands that need them;
 * DOCS_JOBS=N sets how many blocks run at once (default: the cores, at most 4).
 *
 * @module
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { type DocBlock, docBlocks, type DocCommand, type Need } from "./_doc_commands.ts";
import { REPO } from "./_task.ts";
import { connectionFromEnv, DatabaseConnection } from "../lib/db/connection.ts";
import { openDatabase } from "../lib/db/database.ts";

const SHARED = join(REPO, "..", "shared");
const IN_CI = Deno.env.get("CI") === "true";
const TIMEOUT_MS = { normal: 5 * 60_000, long: 30 * 60_000 };
/** Variables that would change what a command does (the user's config, their database). */
const STRIPPED = /^(ENGINE_|DATABASE_URL$|DB_(HOST|PORT|NAME|USER|PASSWORD)$|PG[A-Z]+$)/;

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Whether each need is available here, and why not. */
async function availability(): Promise<Record<Need, { ok: boolean; why: string }>> {
  const connection = connectionFromEnv((name) => Deno.env.get(name));
  return {
    shared: {
      ok: await exists(join(SHARED, "data")),
      why: "../shared/data (real prices) is not beside the project",
    },
    postgres: {
      ok: connection !== undefined,
      why: "no database: set DATABASE_URL (or DB_HOST...)",
    },
    network: { ok: Deno.env.get("DOCS_NETWORK") === "1", why: "network: set DOCS_NETWORK=1" },
    long: { ok: Deno.env.get("DOCS_LONG") === "1", why: "takes minutes: set DOCS_LONG=1" },
  };
}

/** What a checkout holds that a fresh clone does not (outside git: an unpacked copy). */
const NOT_IN_A_CLONE = new Set([".git", "results", "data", "node_modules", ".store"]);

/** The project's files as a fresh clone would hold them (plus new files git does not ignore). */
async function projectFiles(): Promise<string[]> {
  const out = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  }).output().catch(() => undefined);
  if (out?.code !== 0) {
    console.log(
      "docs_commands_test: not a git checkout: copying every file but results/ and data/",
    );
    return await _walk("");
  }
  const files = new TextDecoder().decode(out.stdout).split("\0").filter((f) => f !== "");
  const present = await Promise.all(files.map((f) => exists(join(REPO, f))));
  return files.filter((_, i) => present[i]);
}

async function _walk(folder: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(join(REPO, folder))) {
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    if (folder === "" && NOT_IN_A_CLONE.has(entry.name)) continue;
    if (entry.isDirectory) files.push(...await _walk(path));
    else if (entry.isFile) files.push(path);
  }
  return files;
}

/** A fresh copy of the project in a new folder, `../shared` beside it when there is one. */
async function freshCopy(files: readonly string[]): Promise<{ root: string; project: string }> {
  const root = await Deno.makeTempDir({ prefix: "docs_commands_" });
  const project = join(root, "project");
  const folders = new Set(files.map((f) => dirname(join(project, f))));
  for (const folder of [...folders].sort()) await Deno.mkdir(folder, { recursive: true });
  await Promise.all(files.map((f) => Deno.copyFile(join(REPO, f), join(project, f))));
  if (await exists(SHARED)) await Deno.symlink(await Deno.realPath(SHARED), join(root, "shared"));
  return { root, project };
}

/** A new, empty database for a block's commands, dropped by `drop`. */
async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const connection = connectionFromEnv((name) => Deno.env.get(name));
  if (connection === undefined) throw new Error("no database configured");
  const name = `docs_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = openDatabase(connection, { maxConnections: 1 });
  await admin.sql.unsafe(`CREATE DATABASE ${name}`);
  const scratch = new DatabaseConnection({
    host: connection.host,
    port: connection.port,
    database: name,
    user: connection.user,
    password: connection.revealPassword(),
    ssl: connection.ssl,
  });
  const login = encodeURIComponent(scratch.user) +
    (scratch.hasPassword ? `:${encodeURIComponent(scratch.revealPassword())}` : "");
  const host = scratch.host.includes(":") ? `[${scratch.host}]` : scratch.host;
  const ssl = scratch.ssl === "disable" ? "" : `?sslmode=${scratch.ssl}`;
  return {
    url: `postgres://${login}@${host}:${scratch.port}/${name}${ssl}`,
    drop: async () => {
      await admin.sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** What happened to one command. */
type Outcome = {
  readonly where: string;
  readonly command: string;
  readonly status: "ok" | "skipped" | "failed";
  readonly detail: string;
};

function oneLine(command: DocCommand): string {
  const text = command.text.replace(/\s*\\\n\s*/g, " ").replace(/\s+#.*$/, "");
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** Runs one command as a user's shell would, in `cwd`, with `env`; its outcome. */
async function runCommand(
  command: DocCommand,
  where: string,
  cwd: string,
  env: Record<string, string>,
): Promise<Outcome> {
  const started = performance.now();
  const timeout = command.needs.includes("long") ? TIMEOUT_MS.long : TIMEOUT_MS.normal;
  const out = await new Deno.Command("sh", {
    args: ["-c", command.text],
    cwd,
    env,
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeout),
  }).output();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const base = { where, command: oneLine(command) };
  if (out.success) return { ...base, status: "ok", detail: `${seconds} s` };
  const tail = (bytes: Uint8Array) =>
    new TextDecoder().decode(bytes).trimEnd().split("\n").slice(-12);
  return {
    ...base,
    status: "failed",
    detail: [
      `exit ${
        out.signal ? `by ${out.signal} (timeout ${timeout / 1000} s?)` : out.code
      } after ${seconds} s`,
      ...tail(out.stderr).map((l) => `  stderr: ${l}`),
      ...tail(out.stdout).slice(-4).map((l) => `  stdout: ${l}`),
    ].join("\n"),
  };
}

/** Runs a block on a fresh copy; one outcome per command. */
async function runBlock(
  block: DocBlock,
  files: readonly string[],
  available: Record<Need, { ok: boolean; why: string }>,
): Promise<Outcome[]> {
  const where = (c: DocCommand) => `${block.file}:${c.line}`;
  const plan = block.commands.map((command) => {
    if (command.notTested !== undefined) return `not tested: ${command.notTested}`;
    const missing = command.needs.filter((n) => !available[n].ok);
    if (missing.includes("postgres") && IN_CI) return "postgres";
    return missing.length > 0 ? missing.map((n) => available[n].why).join("; ") : undefined;
  });
  if (plan.every((p) => p !== undefined && p !== "postgres")) {
    return block.commands.map((c, i) => ({
      where: where(c),
      command: oneLine(c),
      status: "skipped",
      detail: plan[i] ?? "",
    }));
  }
  const { root, project } = await freshCopy(files);
  const wantsDatabase = block.commands.some((c, i) =>
    plan[i] === undefined && c.needs.includes("postgres")
  );
  const database = wantsDatabase ? await scratchDatabase() : undefined;
  try {
    const base = Object.fromEntries(
      Object.entries(Deno.env.toObject()).filter(([name]) => !STRIPPED.test(name)),
    );
    base.NO_COLOR = "1";
    base.PATH = `${dirname(Deno.execPath())}:${base.PATH ?? "/usr/bin:/bin"}`;
    const outcomes: Outcome[] = [];
    for (const [i, command] of block.commands.entries()) {
      const reason = plan[i];
      if (reason === "postgres") {
        outcomes.push({
          where: where(command),
          command: oneLine(command),
          status: "failed",
          detail: "CI=true requires a database for the commands marked needs: postgres",
        });
      } else if (reason !== undefined) {
        outcomes.push({
          where: where(command),
          command: oneLine(command),
          status: "skipped",
          detail: reason,
        });
      } else {
        const env = command.needs.includes("postgres") && database
          ? { ...base, DATABASE_URL: database.url }
          : base;
        outcomes.push(await runCommand(command, where(command), project, env));
      }
    }
    return outcomes;
  } finally {
    await database?.drop();
    await Deno.remove(root, { recursive: true });
  }
}

/** README.md and every docs/*.md, in name order. */
async function documents(): Promise<string[]> {
  const docs = [];
  for await (const entry of Deno.readDir(join(REPO, "docs"))) {
    if (entry.isFile && entry.name.endsWith(".md")) docs.push(`docs/${entry.name}`);
  }
  return ["README.md", ...docs.sort()];
}

/** Runs `work` over `items`, `jobs` at a time, keeping the order of the items. */
async function pool<T, R>(
  items: readonly T[],
  jobs: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

const parsed = await Promise.all(
  (await documents()).map(async (file) =>
    docBlocks(await Deno.readTextFile(join(REPO, file)), file)
  ),
);

Deno.test("the shell blocks of README.md and docs/ parse, every marker known", () => {
  assert.deepEqual(parsed.flatMap((p) => p.problems), []);
  assert.ok((parsed[0]?.blocks.length ?? 0) > 3, "README.md has shell blocks");
});

Deno.test({
  name: "every command of README.md's and docs/'s shell blocks runs as written, from a fresh copy",
  sanitizeResources: false,
  fn: async () => {
    const blocks = parsed.flatMap((p) => p.blocks).filter((b) => b.commands.length > 0);
    const available = await availability();
    const files = await projectFiles();
    const jobs = Number(Deno.env.get("DOCS_JOBS")) ||
      Math.max(1, Math.min(4, navigator.hardwareConcurrency));
    const outcomes = (await pool(blocks, jobs, (b) => runBlock(b, files, available))).flat();
    for (const o of outcomes) {
      console.log(`${o.status.padEnd(7)} ${o.where}  ${o.command}  (${o.detail.split("\n")[0]})`);
    }
    const failed = outcomes.filter((o) => o.status === "failed");
    assert.ok(outcomes.some((o) => o.status === "ok"), "no command ran");
    assert.deepEqual(
      failed.map((o) => `${o.where}: ${o.command}\n${o.detail}`),
      [],
      "commands of the docs that fail as written",
    );
  },
});
