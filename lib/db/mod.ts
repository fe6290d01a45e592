/**
 * The research database on PostgreSQL: the connection from the environment
 * (password never shown), a lazy client whose failures are ServiceErrors, the
 * seed's schema, and the `research` and `scanner_historical` repositories.
 *
 * @module
 */
export * from "./connection.ts";
export * from "./database.ts";
export * from "./schema.ts";
export * from "./research_repository.ts";
export * from "./scanner_repository.ts";
