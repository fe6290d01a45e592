import assert from "node:assert/strict";
import { loadFixtures } from "../lib/data/fixtures.ts";
import { Panel } from "../lib/data/panel.ts";
import { ServiceError } from "../lib/errors.ts";
import { DatabaseConnection } from "../lib/db/connection.ts";
import { openDatabase } from "../lib/db/database.ts";
import { initSchema } from "../lib/db/schema.ts";
import {
  insertResearch,
  type ResearchReader,
  researchReader,
} from "../lib/db/research_repository.ts";
import { createRegimeProvider } from "../lib/market/regime_provider.ts";
import { detectRegimes } from "../lib/market/regime_detection.ts";
import { dbMain } from "../scripts/db.ts";
import { closedPort, requireConnection, SKIP_DB_TESTS, withScratchSchema } from "./db_scratch.ts";

const ignore = SKIP_DB_TESTS;
const fixtures = await loadFixtures();
const panel = Panel.fromSeries(fixtures.series);
const series = detectRegimes(panel);
const SECRET = "Sup3r-Secret-Pw";

function notes() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info: ${m}`),
      warn: (m: string) => lines.push(`warn: ${m}`),
    },
  };
}

function countingReader(inner: ResearchReader) {
  const calls: [string, string][] = [];
  const reader: ResearchReader = {
    listResearch: (from, to) => {
      calls.push([from, to]);
      return inner.listResearch(from, to);
    },
  };
  return { reader, calls };
}

Deno.test({
  name:
    "createRegimeProvider() takes a research row for date D, the latest id first, and computes other dates",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      const t = 1500;
      const date = panel.dateAt(t);
      const computed = series.regimes[t];
      const other = computed === "Deflation" ? "Goldilocks" : "Deflation";
      await insertResearch(db, [
        { regime: "Reflation", buckets: ["Cyclicals"], date, confidence: 0.5 },
        { regime: other, buckets: ["Gold"], date, confidence: 0.812 },
      ]);
      const { reader, calls } = countingReader(researchReader(db));
      const { lines, logger } = notes();
      const provider = await createRegimeProvider({ panel, database: reader, logger });
      const atD = provider.at(date);
      assert.equal(atD.source, "database");
      assert.equal(atD.regime, other);
      assert.equal(atD.confidence, 0.812);
      assert.deepEqual(atD.buckets, ["Gold"]);
      const next = provider.atIndex(t + 1);
      assert.equal(next.source, "computed");
      assert.equal(next.regime, series.regimes[t + 1]);
      assert.equal(next.confidence, series.confidence[t + 1]);
      assert.equal(provider.databaseStatus, "used");
      assert.equal(provider.databaseDays, 1);
      assert.deepEqual(calls, [[panel.dateAt(0), panel.dateAt(panel.dayCount - 1)]]);
      assert.deepEqual(lines, []);
    }),
});

Deno.test({
  name: "createRegimeProvider() warns once and computes when the research table is missing",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      const { lines, logger } = notes();
      const provider = await createRegimeProvider({ panel, database: researchReader(db), logger });
      assert.equal(provider.databaseStatus, "unavailable");
      assert.equal(lines.length, 1);
      assert.match(
        lines[0] ?? "",
        /^warn: regime: table research not found in postgres:\/\/.*deno task db init/,
      );
      assert.equal(provider.atIndex(2000).regime, series.regimes[2000]);
    }),
});

Deno.test({
  name:
    "createRegimeProvider() warns once, computes, and never shows the password when the server is unreachable",
  ignore,
  fn: async () => {
    const real = requireConnection();
    const port = closedPort();
    const connection = new DatabaseConnection({
      host: "127.0.0.1",
      port,
      database: real.database,
      user: real.user,
      password: SECRET,
    });
    const db = openDatabase(connection);
    const { lines, logger } = notes();
    try {
      const provider = await createRegimeProvider({ panel, database: researchReader(db), logger });
      assert.equal(provider.databaseStatus, "unavailable");
      assert.equal(provider.at("2015-06-01").source, "computed");
    } finally {
      await db.close();
    }
    assert.deepEqual(lines, [
      `warn: regime: cannot connect to postgres://${real.user}:***@127.0.0.1:${port}/${real.database}: connection refused; regimes computed from market data`,
    ]);
  },
});

Deno.test({
  name: "db check exits 2 with 'connection refused' and the password hidden when nothing listens",
  ignore,
  fn: async () => {
    const real = requireConnection();
    const port = closedPort();
    const url = `postgres://${real.user}:${SECRET}@127.0.0.1:${port}/${real.database}`;
    const printed: string[] = [];
    const error = await dbMain(["check"], {
      env: (name) => name === "DATABASE_URL" ? url : undefined,
      print: (l) => printed.push(l),
    }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ServiceError);
    assert.equal(
      error.message,
      `cannot connect to postgres://${real.user}:***@127.0.0.1:${port}/${real.database}: connection refused`,
    );
    assert.deepEqual(printed, []);
  },
});

Deno.test({
  name: "a wrong password fails with the server's message, and the password appears nowhere",
  ignore,
  fn: async () => {
    const real = requireConnection();
    const connection = new DatabaseConnection({
      host: real.host,
      port: real.port,
      database: real.database,
      user: real.user,
      password: SECRET,
    });
    const db = openDatabase(connection);
    const { lines, logger } = notes();
    try {
      await createRegimeProvider({ panel, database: researchReader(db), logger });
    } finally {
      await db.close();
    }
    assert.equal(lines.length, 1);
    assert.match(
      lines[0] ?? "",
      /^warn: regime: cannot connect to postgres:\/\/[^@]*:\*\*\*@.*: password authentication failed/,
    );
    const shown = [
      ...lines,
      String(connection),
      JSON.stringify(connection),
      Deno.inspect(connection),
    ];
    for (const text of shown) assert.ok(!text.includes(SECRET), text);
  },
});
