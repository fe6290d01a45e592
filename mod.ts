/** Public API (being assembled). @module */
export * from "./lib/data/panel.ts";
