/**
 * The report's stylesheet: a light theme, readable tables, a responsive
 * layout (two columns on wide screens, one on narrow), regime colours as the
 * design names them (Goldilocks green, Reflation orange, Inflation red,
 * Deflation blue; the same values as client/common.ts).
 *
 * @module
 */

/** The CSS of the report page. */
export const PAGE_STYLE = `
:root { --ink: #212529; --muted: #6c757d; --line: #dee2e6; --card: #ffffff; --page: #f4f6f8;
  --accent: #1d4ed8; --gain: #2b8a3e; --loss: #c92a2a; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.top { background: var(--card); border-bottom: 1px solid var(--line); }
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header.top .wrap { padding-top: 20px; padding-bottom: 16px; }
h1 { font-size: 24px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 16px 0 8px; }
.sub { color: var(--muted); margin: 0 0 14px; }
nav { position: sticky; top: 0; z-index: 10; background: rgba(255,255,255,0.95);
  border-bottom: 1px solid var(--line); }
nav .wrap { display: flex; flex-wrap: wrap; gap: 4px 16px; padding-top: 8px; padding-bottom: 8px; }
nav a { color: var(--accent); text-decoration: none; font-size: 13px; }
nav a:hover { text-decoration: underline; }
main { padding: 16px 0 32px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 18px 20px; margin: 0 0 16px; scroll-margin-top: 48px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: #fbfcfd; }
.tile span { display: block; color: var(--muted); font-size: 12px; }
.tile b { font-size: 20px; font-weight: 600; }
.tile small { display: block; color: var(--muted); font-size: 12px; }
.chart { width: 100%; min-width: 0; }
.two { display: grid; grid-template-columns: 1fr; gap: 16px; }
.two > * { min-width: 0; }
@media (min-width: 960px) { .two { grid-template-columns: 1fr 1fr; } .two.wide-left { grid-template-columns: 3fr 2fr; } }
.toolbar { display: flex; justify-content: flex-end; margin: -6px 0 4px; font-size: 13px; }
.toolbar label { cursor: pointer; user-select: none; }
.note { color: var(--muted); margin: 4px 0 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 6px 0; font-size: 13px; }
.chip { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.chip i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; background: #adb5bd; }
.regime-Goldilocks i { background: #22a06b; } .regime-Reflation i { background: #f08c00; }
.regime-Inflation i { background: #e03131; } .regime-Deflation i { background: #1c7ed6; }
.severity { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; border: 1px solid; }
.severity-minor { color: #868e96; border-color: #ced4da; }
.severity-major { color: #495057; border-color: #495057; font-weight: 600; }
.severity-critical { color: #fff; background: #000; border-color: #000; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 10px; border-bottom: 1px solid #edf0f2; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
td.text { white-space: normal; min-width: 120px; }
thead th { position: sticky; top: 0; background: #f8f9fa; font-weight: 600; border-bottom: 1px solid var(--line); }
tbody tr:nth-child(even) { background: #fafbfc; }
table.metrics { max-width: 760px; }
table.metrics tbody th { font-weight: 500; }
td.gain { color: var(--gain); } td.loss { color: var(--loss); }
.scroll { max-height: 520px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.scroll.short { max-height: 480px; }
dl.info { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.info dt { color: var(--muted); } dl.info dd { margin: 0; overflow-wrap: anywhere; }
pre.config { background: #f8f9fa; border: 1px solid var(--line); border-radius: 6px; padding: 12px;
  max-height: 420px; overflow: auto; font-size: 12px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 0 0 24px; }
`;
