/**
 * Each task's permission set (deno.json) is the narrowest that works, proven
 * by running code under it: a probe script tries what the set must refuse
 * (and asks for what it must allow), and the backtest runs strategy files that
 * try to reach the network or write outside results/.
 *
 * Note: fetch() refuses "bad ports" such as 1 before any permission check, so
 * the network probes use port 8080 and Deno.connect.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

type Json = Record<string, unknown>;
const denoJson: {
  tasks: Record<string, string>;
  permissions: Record<string, Record<string, boolean | string[]>>;
} = JSON.parse(await Deno.readTextFile(join(REPO, "deno.json")));
const sets = denoJson.permissions;

/** What the probe does: an action and its target. */
type Action =
  | { readonly kind: "connect"; readonly host: string; readonly port: number }
  | { readonly kind: "fetch" | "write" | "read" | "env" | "run"; readonly target: string }
  | {
    readonly kind: "query";
    readonly name: "net" | "read" | "write" | "env";
    readonly target: string;
  };

const PROBE = `
const actions = JSON.parse(Deno.args[0]);
const outcomes = [];
for (const a of actions) {
  try {
    if (a.kind === "query") {
      const key = { net: "host", read: "path", write: "path", env: "variable" }[a.name];
      outcomes.push((await Deno.permissions.query({ name: a.name, [key]: a.target })).state);
      continue;
    }
    if (a.kind === "connect") (await Deno.connect({ hostname: a.host, port: a.port })).close();
    if (a.kind === "fetch") await (await fetch(a.target)).body?.cancel();
    if (a.kind === "write") { await Deno.writeTextFile(a.target, "probe"); await Deno.remove(a.target); }
    if (a.kind === "read") await Deno.readTextFile(a.target);
    if (a.kind === "env") Deno.env.get(a.target);
    if (a.kind === "run") await new Deno.Command(a.target).output();
    outcomes.push("allowed");
  } catch (error) {
    outcomes.push(error instanceof Deno.errors.NotCapable ? "denied" : "failed: " + error.message);
  }
}
console.log(JSON.stringify(outcomes));
`;

/** Runs the probe under permission set `set` from the repository root; one outcome per action. */
async function probe(set: string, actions: readonly Action[]): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "permission_probe_" });
  try {
    const file = join(dir, "probe.js");
    await Deno.writeTextFile(file, PROBE);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--config",
        join(REPO, "deno.json"),
        `-P=${set}`,
        file,
        JSON.stringify(actions),
      ],
      cwd: REPO,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, stderr);
    return JSON.parse(new TextDecoder().decode(out.stdout));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Asserts each action's outcome: `expected` pairs an action with "denied", "allowed" or "granted". */
async function expectUnder(set: string, expected: readonly [Action, string][]): Promise<void> {
  const outcomes = await probe(set, expected.map(([a]) => a));
  expected.forEach(([action, want], i) => {
    assert.equal(outcomes[i], want, `${set}: ${JSON.stringify(action)}`);
  });
}

const denied = (a: Action): [Action, string] => [a, "denied"];
const granted = (a: Action): [Action, string] => [a, "granted"];
const NET_OTHER: Action[] = [
  { kind: "connect", host: "127.0.0.1", port: 8080 },
  { kind: "fetch", target: "http://127.0.0.1:8080/" },
  { kind: "fetch", target: "https://example.com/" },
];
const TMP_WRITE: Action = { kind: "write", target: "/tmp/permission-probe.txt" };
const REPO_WRITE: Action = { kind: "write", target: "./permission-probe.txt" };

Deno.test("every task runs its script under a named permission set, never with blanket flags", () => {
  for (const [task, command] of Object.entries(denoJson.tasks)) {
    assert.doesNotMatch(command, /(^|\s)(-A|--allow-all|--allow-[a-z]+)\b/, task);
    for (const m of command.matchAll(/-P=([\w-]+)/g)) {
      assert.ok(sets[m[1] ?? ""], `${task}: ${m[1]}`);
    }
  }
  for (const [name, set] of Object.entries(sets)) {
    if (name === "test" || name === "bench") continue;
    for (const kind of ["write", "net", "run", "sys", "ffi"]) {
      assert.notEqual(set[kind], true, `${name}: ${kind} must list what it needs`);
    }
  }
});

Deno.test("the backtest writes only results/, reaches no network but the database port, reads ENGINE_*", async () => {
  assert.deepEqual(sets.backtest?.write, ["./results"]);
  assert.deepEqual(sets.backtest?.net, ["127.0.0.1:5432", "localhost:5432"]);
  assert.ok((sets.backtest?.env as string[]).includes("ENGINE_*"));
  await expectUnder("backtest", [
    ...NET_OTHER.map(denied),
    denied(TMP_WRITE),
    denied(REPO_WRITE),
    denied({ kind: "write", target: "./data/permission-probe.txt" }),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "env", target: "ENGINE_RUN_CASH" }),
    granted({ kind: "query", name: "write", target: "./results/x" }),
    granted({ kind: "query", name: "net", target: "127.0.0.1:5432" }),
  ]);
});

Deno.test("the plan writes only its ledgers under data/portfolios and results/, reaches only the database port", async () => {
  assert.deepEqual(sets.plan?.write, ["./data/portfolios", "./results"]);
  assert.deepEqual(sets.plan?.read, ["."]);
  assert.deepEqual(sets.plan?.net, ["127.0.0.1:5432", "localhost:5432"]);
  await expectUnder("plan", [
    ...NET_OTHER.map(denied),
    denied(TMP_WRITE),
    denied(REPO_WRITE),
    denied({ kind: "write", target: "./data/prices.db.probe" }),
    denied({ kind: "write", target: "./fixtures/permission-probe.txt" }),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "write", target: "./data/portfolios/x.db" }),
    granted({ kind: "query", name: "write", target: "./results/portfolios/x/audit.db" }),
    granted({ kind: "query", name: "read", target: "./data/prices.db" }),
    granted({ kind: "query", name: "net", target: "127.0.0.1:5432" }),
    granted({ kind: "query", name: "env", target: "ENGINE_LEDGER_DIR" }),
  ]);
});

Deno.test("ingest reaches only Yahoo's hosts and writes only data/", async () => {
  const hosts = sets.ingest?.net as string[];
  assert.ok(hosts.length > 0);
  for (const host of hosts) assert.match(host, /^query[12]\.finance\.yahoo\.com$/);
  assert.deepEqual(sets.ingest?.write, ["./data"]);
  await expectUnder("ingest", [
    ...NET_OTHER.map(denied),
    denied({ kind: "connect", host: "127.0.0.1", port: 5432 }),
    denied(TMP_WRITE),
    denied({ kind: "write", target: "./results/permission-probe.txt" }),
    denied({ kind: "run", target: "true" }),
    ...hosts.map((host) => granted({ kind: "query", name: "net", target: host })),
  ]);
});

Deno.test("the audit CLI reads only results/ and cannot write or reach the network", async () => {
  assert.equal(sets.audit?.write, undefined);
  assert.equal(sets.audit?.net, undefined);
  await expectUnder("audit", [
    denied({ kind: "write", target: "./results/permission-probe.txt" }),
    denied(TMP_WRITE),
    denied({ kind: "read", target: "./deno.json" }),
    ...NET_OTHER.map(denied),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "read", target: "./results/audit.db" }),
  ]);
});

Deno.test("config reads files and ENGINE_* variables and can write nothing", async () => {
  assert.equal(sets.config?.write, undefined);
  assert.equal(sets.config?.net, undefined);
  await expectUnder("config", [
    denied({ kind: "write", target: "./results/permission-probe.txt" }),
    denied(TMP_WRITE),
    ...NET_OTHER.map(denied),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "env", target: "ENGINE_SIZING_MAX_SINGLE" }),
    granted({ kind: "query", name: "read", target: "./tests/bad_configs/wrong_type.yaml" }),
  ]);
});

/** Writes a strategy file under `dir` whose module body runs `code` first. */
async function probeStrategy(dir: string, name: string, code: string): Promise<string> {
  const file = join(dir, `${name}.ts`);
  await Deno.writeTextFile(
    join(REPO, file),
    `import { defineStrategy } from "${REPO}mod.ts";
${code}
export default defineStrategy({
  name: "${name}",
  params: {},
  create: () => ({ name: "${name}", onDay: () => undefined }),
});
`,
  );
  return file;
}

Deno.test("a backtest strategy that opens a network connection fails the run", async () => {
  const { dir, cleanup } = await resultsScratch("perm-net");
  try {
    const file = await probeStrategy(dir, "net-probe", 'await fetch("http://127.0.0.1:8080/");');
    const run = await runTask("backtest", "backtest", ["--strategy", file, "--results-dir", dir]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /Requires net access to "127\.0\.0\.1:8080"/);
    assert.deepEqual(await listFiles(dir), ["net-probe.ts"]);
  } finally {
    await cleanup();
  }
});

Deno.test("a backtest strategy that writes outside results/ fails the run; inside is allowed", async () => {
  const { dir, cleanup } = await resultsScratch("perm-write");
  try {
    const outside = `/tmp/permission-probe-${crypto.randomUUID()}.txt`;
    for (const target of [outside, "./permission-probe.txt"]) {
      const file = await probeStrategy(
        dir,
        "write-probe",
        `Deno.writeTextFileSync(${JSON.stringify(target)}, "probe");`,
      );
      const run = await runTask("backtest", "backtest", ["--strategy", file, "--results-dir", dir]);
      assert.notEqual(run.code, 0, target);
      assert.match(run.stderr, /NotCapable|Requires write access/);
      assert.equal(await exists(target), false, target);
    }
    // The control: the same probe writing inside its results folder runs.
    const inside = join(dir, "inside.txt");
    const file = await probeStrategy(
      dir,
      "write-probe",
      `Deno.writeTextFileSync(${JSON.stringify(inside)}, "probe");`,
    );
    const run = await runTask("backtest", "backtest", [
      "--strategy",
      file,
      "--results-dir",
      dir,
      "--no-audit",
      "--no-report",
      "--start-date",
      "2020-06-01",
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await Deno.readTextFile(join(REPO, inside)), "probe");
  } finally {
    await cleanup();
  }
});

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(join(REPO, path));
    return true;
  } catch {
    return false;
  }
}

const COLOUR_ENV = ["NO_COLOR", "FORCE_COLOR", "TERM", "CI"];

Deno.test("every script task answers --help under its own set with NO_COLOR unset", async () => {
  const scripts = Object.entries(denoJson.tasks).flatMap(([task, command]) =>
    [...command.matchAll(/deno run -P=([\w-]+) (scripts\/\w+\.ts)/g)].map((m) => ({
      task,
      set: m[1] as string,
      script: m[2] as string,
    }))
  );
  assert.ok(scripts.length >= 10, scripts.map((s) => s.task).join(", "));
  const env: Json = Deno.env.toObject();
  for (const name of [...COLOUR_ENV, ...Object.keys(env).filter((k) => k.startsWith("ENGINE_"))]) {
    delete env[name];
  }
  for (const { task, set, script } of scripts) {
    // picocolors reads these four variables when it loads: every set must allow them.
    const allowed = sets[set]?.env;
    assert.ok(
      allowed === true || COLOUR_ENV.every((v) => (allowed as string[] | undefined)?.includes(v)),
      `${set} lists ${COLOUR_ENV.join(", ")}`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", `-P=${set}`, script, "--help"],
      cwd: REPO,
      clearEnv: true,
      env: { ...(env as Record<string, string>), TERM: "xterm-256color" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, `${task}: ${stderr}`);
    assert.ok(new TextDecoder().decode(out.stdout).length > 40, task);
  }
});
