/**
 * Opening the sweep store a script's flags ask for: the SQLite file
 * `sweep.db` in the sweep's (or walk-forward's) folder, or the PostgreSQL
 * schema of `DATABASE_URL` (or `DB_HOST`, ...) with `--postgres`.
 *
 * @module
 */
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { readEnv } from "../run/audit_target.ts";
import { writeFilesAtomically } from "../run/write_results.ts";
import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
import type { SweepStore } from "./sweep_store.ts";

/** An open store and how to release it (the SQLite file, or the PostgreSQL connection). */
export type OpenedSweepStore = { readonly store: SweepStore; readonly close: () => Promise<void> };

/**
 * The store the settings ask for: `folder/sweep.db` (the folder created, or an
 * `InputError` saying the task may not write there), or PostgreSQL.
 */
export async function openSweepStore(
  settings: { readonly postgres: boolean; readonly schema: string },
  folder: string,
): Promise<OpenedSweepStore> {
  if (!settings.postgres) {
    // Creates the folder, or says the task may not write there (writing no file).
    await writeFilesAtomically(folder, {});
    const store = SqliteSweepStore.open(join(folder, "sweep.db"));
    return { store, close: () => store.close() };
  }
  const { connectionFromEnv } = await import("../db/connection.ts");
  const { openDatabase } = await import("../db/database.ts");
  const { PostgresSweepStore } = await import("./postgres_sweep_store.ts");
  const connection = connectionFromEnv(readEnv);
  if (connection === undefined) {
    throw new InputError(
      "--postgres: no database configured: set DATABASE_URL (or DB_HOST, DB_NAME, ...)",
    );
  }
  const db = openDatabase(connection);
  try {
    const store = await PostgresSweepStore.open(db, settings.schema);
    return { store, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
