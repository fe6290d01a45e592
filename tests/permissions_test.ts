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

/**
 * Runs the probe under permission set `set` (with `flags` before the script) from the
 * repository root; one outcome per action.
 */
async function probe(
  set: string,
  actions: readonly Action[],
  flags: readonly string[] = [],
): Promise<string[]> {
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
        ...flags,
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
async function expectUnder(
  set: string,
  expected: readonly [Action, string][],
  flags: readonly string[] = [],
): Promise<void> {
  const outcomes = await probe(set, expected.map(([a]) => a), flags);
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

/** What the job queue's driver (npm pg, under pg-boss) reads for options it is not given. */
const PG_DRIVER_ENV = [
  "PGBINARY",
  "PGCLIENT_ENCODING",
  "PGOPTIONS",
  "PGREPLICATION",
  "PGSSLMODE",
  "PGSSLNEGOTIATION",
];

Deno.test("the sweep has the backtest's permissions (and reads the queue driver's variables): writes only results/, no network but the database port", async () => {
  assert.deepEqual(sets.sweep, {
    ...sets.backtest,
    env: [...(sets.backtest?.env as string[]), ...PG_DRIVER_ENV],
  });
  await expectUnder("sweep", [
    ...NET_OTHER.map(denied),
    denied(TMP_WRITE),
    denied(REPO_WRITE),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "write", target: "./results/sweeps/x/sweep.db" }),
    granted({ kind: "query", name: "net", target: "127.0.0.1:5432" }),
  ]);
});

Deno.test("the walk-forward has the sweep's permissions: writes only results/, no network but the database port", async () => {
  assert.deepEqual(sets.walkforward, sets.sweep);
  await expectUnder("walkforward", [
    ...NET_OTHER.map(denied),
    denied(TMP_WRITE),
    denied(REPO_WRITE),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "write", target: "./results/walkforward/x/result.json" }),
    granted({ kind: "query", name: "net", target: "127.0.0.1:5432" }),
  ]);
});

Deno.test("the worker reads the project, writes nothing, reaches only the database port", async () => {
  assert.deepEqual(sets.worker?.read, ["."]);
  assert.equal(sets.worker?.write, undefined);
  assert.deepEqual(sets.worker?.net, ["127.0.0.1:5432", "localhost:5432"]);
  assert.ok(PG_DRIVER_ENV.every((v) => (sets.worker?.env as string[]).includes(v)));
  assert.ok(
    !(sets.worker?.env as string[]).includes("ENGINE_*"),
    "a job's config comes with the job",
  );
  await expectUnder("worker", [
    ...NET_OTHER.map(denied),
    denied(TMP_WRITE),
    denied(REPO_WRITE),
    denied({ kind: "write", target: "./results/permission-probe.txt" }),
    denied({ kind: "env", target: "HOME" }),
    denied({ kind: "env", target: "ENGINE_RUN_CASH" }),
    denied({ kind: "run", target: "true" }),
    granted({ kind: "query", name: "read", target: "./data/prices.db" }),
    granted({ kind: "query", name: "env", target: "PGSSLMODE" }),
    granted({ kind: "query", name: "net", target: "127.0.0.1:5432" }),
  ]);
});

Deno.test("a sweep's workers hold no more than its set: a strategy writing outside results/ fails the sweep", async () => {
  const { dir, cleanup } = await resultsScratch("perm-sweep");
  try {
    const outside = `/tmp/permission-probe-${crypto.randomUUID()}.txt`;
    // The write happens in onDay, which only the worker runs (the main thread prepares runs).
    const file = join(dir, "sweep-probe.ts");
    await Deno.writeTextFile(
      join(REPO, file),
      `import { defineStrategy } from "${REPO}mod.ts";
export default defineStrategy({
  name: "sweep-probe",
  params: {},
  create: () => ({
    name: "sweep-probe",
    onDay: () => {
      Deno.writeTextFileSync(${JSON.stringify(outside)}, "probe");
      return undefined;
    },
  }),
});
`,
    );
    const grid = join(dir, "grid.yaml");
    await Deno.writeTextFile(
      join(REPO, grid),
      `base: { strategy: { name: ${JSON.stringify(file)} }, run: { start: "2020-06-01" } }\n` +
        "parameters:\n  run.cash: [1000, 2000]\n",
    );
    const run = await runTask("sweep", "sweep", [
      "--grid",
      grid,
      "--results-dir",
      dir,
      "--workers",
      "1",
    ]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /NotCapable|Requires write access/);
    assert.equal(await exists(outside), false);
  } finally {
    await cleanup();
  }
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

/** A folder outside the project holding a copy of one fixture CSV, removed by `cleanup`. */
async function outsideData(): Promise<{ dir: string; csv: string; cleanup: () => Promise<void> }> {
  const dir = await Deno.makeTempDir({ prefix: "outside-project-" });
  const csv = join(dir, "SPY.csv");
  await Deno.copyFile(join(REPO, "fixtures/market/SPY.csv"), csv);
  return { dir, csv, cleanup: () => Deno.remove(dir, { recursive: true }) };
}

/** The commands a refusal's hint lines offer (indented under `hint:`). */
function hintedCommands(stderr: string): string[] {
  return [...stderr.matchAll(/^hint:\s{3}(.+)$/gm)].map((m) => m[1] ?? "");
}

/** Runs a command line as a user's shell would, from the repository root. */
async function shell(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command("sh", {
    args: ["-c", command],
    cwd: REPO,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("a read flag before the script replaces the set's reads and keeps its writes and network", async () => {
  const { dir, csv, cleanup } = await outsideData();
  try {
    await expectUnder("backtest", [
      [{ kind: "read", target: csv }, "allowed"],
      [{ kind: "read", target: "./deno.json" }, "allowed"],
      denied({ kind: "read", target: "/etc/hostname" }),
      denied({ kind: "write", target: join(dir, "probe.txt") }),
      denied(TMP_WRITE),
      ...NET_OTHER.map(denied),
      granted({ kind: "query", name: "write", target: "./results/x" }),
    ], [`--allow-read=.,${dir}`]);
    // Alone, the flag replaces the set's list: the project is no longer readable.
    await expectUnder("backtest", [denied({ kind: "read", target: "./deno.json" })], [
      `--allow-read=${dir}`,
    ]);
  } finally {
    await cleanup();
  }
});

Deno.test("a CSV outside the project is refused as a permission, not a missing file, and the hinted commands run", async () => {
  const { dir, csv, cleanup } = await outsideData();
  const scratch = await resultsScratch("perm-outside");
  const store = `data/permission-test-${crypto.randomUUID()}.db`;
  try {
    const args = ["--csv", csv, "--strategy", "sma-cross", "--results-dir", scratch.dir];
    const refused = await runTask("backtest", "backtest", [...args, "--no-report", "--no-audit"]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.doesNotMatch(refused.stderr, /no such|not found|does not exist/);
    assert.match(
      refused.stderr,
      new RegExp(
        `CSV file or folder ${csv}: this task's permission set does not let it read there`,
      ),
    );
    assert.match(refused.stderr, /`deno task backtest` reads only \. \(permission set "backtest"/);
    const [widened, ingest, onStore] = hintedCommands(refused.stderr);
    assert.equal(
      widened,
      `deno run -P=backtest --allow-read=.,${dir} scripts/backtest.ts ${
        args.join(" ")
      } --no-report --no-audit`,
    );
    assert.deepEqual(await listFiles(scratch.dir), []);
    // The supported way, as printed: the run reads the folder and writes its result.
    const run = await shell(widened ?? "");
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await listFiles(scratch.dir)).filter((f) => f.endsWith("result.json")).length, 1);
    // The other way: ingest (which may read anywhere), then the store.
    assert.equal(ingest, `deno task ingest --source csv --path ${csv}`);
    assert.match(onStore ?? "", /^deno task backtest --source store --strategy sma-cross /);
    const loaded = await shell(`${ingest} --store ${store}`);
    assert.equal(loaded.code, 0, loaded.stderr);
    const fromStore = await shell(`${onStore} --store ${store}`);
    assert.equal(fromStore.code, 0, fromStore.stderr);
  } finally {
    await Promise.all([
      cleanup(),
      scratch.cleanup(),
      Deno.remove(join(REPO, store)).catch(() => {}),
    ]);
  }
});

Deno.test("a price store, config file, strategy file or audit store outside the project names the permission and the way", async () => {
  const { dir, cleanup } = await outsideData();
  try {
    const cases: [string, string, string[], RegExp][] = [
      ["backtest", "backtest", ["--source", "store", "--store", join(dir, "p.db")], /price store/],
      ["backtest", "backtest", ["--config", join(dir, "my.yaml")], /config file/],
      ["backtest", "backtest", ["--strategy", join(dir, "mine.ts")], /strategy file/],
      ["config", "config", ["show", "--config", join(dir, "my.yaml")], /config file/],
      ["audit", "audit", ["health", "--store", join(dir, "audit.db")], /audit event store/],
      ["report", "report", [join(dir, "result.json")], /result file/],
    ];
    for (const [set, script, args, what] of cases) {
      const run = await runTask(set, script, args);
      assert.equal(run.code, 2, `${script} ${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, what);
      assert.match(run.stderr, /this task's permission set does not let it read there/);
      const reads = (sets[set]?.read as string[]).join(",");
      assert.deepEqual(hintedCommands(run.stderr), [
        `deno run -P=${set} --allow-read=${reads},${dir} scripts/${script}.ts ${args.join(" ")}`,
      ]);
    }
  } finally {
    await cleanup();
  }
});

Deno.test("a Deno flag after deno task NAME gets the command that does what it meant", async () => {
  const run = await runTask("backtest", "backtest", [
    "--allow-read=../elsewhere",
    "--csv",
    "../elsewhere/SPY.csv",
  ]);
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /--allow-read=\.\.\/elsewhere: `deno task backtest` hands this to the script/,
  );
  assert.match(
    run.stderr,
    /deno run -P=backtest --allow-read=\.,\.\.\/elsewhere scripts\/backtest\.ts --csv \.\.\/elsewhere\/SPY\.csv/,
  );
});
