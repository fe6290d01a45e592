/**
 * The research database's setup and health check.
 *
 *     deno task db init [--schema NAME] [--json]   create the seed's tables and indexes (idempotent)
 *     deno task db check [--schema NAME] [--json]  show the connection, the tables found, readiness
 *
 * The connection comes from DATABASE_URL, or DB_HOST, DB_PORT, DB_NAME, DB_USER and
 * DB_PASSWORD; the password is never printed. Exit 0 when done and ready, 1 when `check`
 * finds the database not ready, 2 on a bad command line, no database configured, or a
 * database that cannot be reached.
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { InputError } from "../lib/errors.ts";
import { connectionFromEnv, describeConnection } from "../lib/db/connection.ts";
import { openDatabase } from "../lib/db/database.ts";
import { checkDatabase, type DatabaseCheck, initSchema } from "../lib/db/schema.ts";

/** Printed by `--help`. */
export const USAGE = `Usage: deno task db <init|check> [--schema NAME] [--json] [--help]

  init    create the tables research and scanner_historical and their indexes
          (only those missing: safe to run again)
  check   print the connection (password hidden), the tables found and whether
          the database is ready; exit 1 when it is not

Options:
  --schema NAME  work in this schema (default: the first of the server's search path)
  --json         print one JSON object instead of text
  --help         print this help

Connection: DATABASE_URL=postgres://user:password@host:5432/database, or
DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD.
The task's permissions reach 127.0.0.1:5432 and localhost:5432; for another server run
  deno run -P=db --allow-net=HOST:PORT scripts/db.ts check`;

/** Where the script reads its environment and writes its lines (tests pass their own). */
export type DbScriptIo = {
  readonly env: (name: string) => string | undefined;
  readonly print: (line: string) => void;
};

/** Runs `deno task db` with `args`; returns the exit code (0 or 1), throws InputError/ServiceError for 2. */
export async function dbMain(args: readonly string[], io: DbScriptIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    schema: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  }, true);
  if (values.help) {
    io.print(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command !== "init" && command !== "check") {
    throw new InputError(
      command === undefined
        ? "missing command: init or check (see --help)"
        : `unknown command "${command}": expected init or check (see --help)`,
    );
  }
  if (extra.length > 0) throw new InputError(`unexpected argument "${extra[0]}" (see --help)`);
  const connection = connectionFromEnv(io.env);
  if (connection === undefined) {
    throw new InputError(
      "no database configured: set DATABASE_URL, or DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD",
    );
  }
  if (values.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(values.schema)) {
    throw new InputError(`--schema: "${values.schema}" must be a lower-case SQL name`);
  }
  const db = openDatabase(
    connection,
    values.schema === undefined ? {} : { searchPath: values.schema },
  );
  try {
    if (command === "init") await initSchema(db);
    const check = await checkDatabase(db);
    _report(command, describeConnection(connection), check, values.json, io.print);
    return check.ready ? 0 : 1;
  } finally {
    await db.close();
  }
}

function _report(
  command: "init" | "check",
  where: string,
  check: DatabaseCheck,
  json: boolean,
  print: (line: string) => void,
): void {
  if (json) {
    print(JSON.stringify({ command, connection: where, ...check }));
    return;
  }
  const list = (items: readonly string[]) => items.length > 0 ? items.join(", ") : "(none)";
  print(`connection: ${where}`);
  print(
    `server: ${check.server} (schema ${
      check.schema ?? "none: the search path names no existing schema"
    })`,
  );
  print(`tables found: ${list(check.tablesFound)}`);
  if (check.tablesMissing.length > 0) print(`tables missing: ${list(check.tablesMissing)}`);
  if (check.columnsMissing.length > 0) print(`columns missing: ${list(check.columnsMissing)}`);
  if (check.indexesMissing.length > 0) print(`indexes missing: ${list(check.indexesMissing)}`);
  print(check.ready ? "database ready" : "database not ready (run `deno task db init`)");
}

if (import.meta.main) {
  await runScript(async () => {
    const code = await dbMain(Deno.args, { env: (name) => Deno.env.get(name), print: console.log });
    if (code !== 0) Deno.exit(code);
  });
}
