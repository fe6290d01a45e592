/**
 * The plain CSV that price files use (comma separated, no quoting, one header
 * line): lines with their numbers, columns found by name, numbers parsed strictly.
 * The bar and action parsers build on it.
 *
 * Design decision: no general CSV library, because price files never quote and a
 * split on "," with `Number()` per field parses 100k rows in a few milliseconds;
 * a quoted field therefore fails as "not a number", naming its line and column.
 *
 * @module
 */
import { accessProblem, InputError } from "../errors.ts";

/** A CSV header line: names as written and normalised, and where it is. */
export type CsvHeader = {
  /** File path or source name, for messages. */
  readonly source: string;
  /** Header names, trimmed and lower-cased (for matching). */
  readonly header: readonly string[];
  /** Header names, trimmed, as the file writes them (for messages). */
  readonly names: readonly string[];
  /** Line number (1-based) of the header. */
  readonly headerLine: number;
};

/** A CSV text cut into lines, with its header. */
export type CsvText = CsvHeader & {
  /** Every line of the text (without line ends); line number = index + 1. */
  readonly lines: readonly string[];
  /** Index in {@link CsvText.lines} of the first line after the header. */
  readonly firstDataIndex: number;
};

/** Reads a header line (number `headerLine`, 1-based) of `source`. */
export function parseHeader(line: string, headerLine: number, source: string): CsvHeader {
  const names = line.split(",").map((h) => h.trim());
  return { source, header: names.map((h) => h.toLowerCase()), names, headerLine };
}

/** Cuts `text` into lines and reads its header (the first non-blank line). */
export function readCsvText(text: string, source: string): CsvText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new InputError(`${source}: the file is empty (no header line)`);
  const header = parseHeader(lines[headerIndex] as string, headerIndex + 1, source);
  return { ...header, lines, firstDataIndex: headerIndex + 1 };
}

/**
 * Index of the first header column whose name is one of `names` (lower case), or
 * -1. With `required`, a missing column is an {@link InputError} naming the file
 * and the header it has.
 */
export function findColumn(
  csv: CsvHeader,
  names: readonly string[],
  required: boolean,
): number {
  const index = csv.header.findIndex((h) => names.includes(h));
  if (index < 0 && required) {
    throw new InputError(
      `${csv.source} line ${csv.headerLine}: no ${
        names.map((n) => `"${n}"`).join(" or ")
      } column in header "${csv.header.join(",")}"`,
    );
  }
  return index;
}

/** A strict number: NaN for an empty or blank field (which `Number()` would read as 0). */
export function numberField(text: string): number {
  const value = Number(text);
  if (value === 0 && text.trim() === "") return NaN;
  return value;
}

/** The display name of header column `index` as the file writes it (for messages). */
export function columnName(csv: CsvHeader, index: number): string {
  return csv.names[index] ?? `column ${index + 1}`;
}

/** Reads a text file the user named: a missing file or a folder is an {@link InputError}. */
export async function readInputText(path: string): Promise<string> {
  return new TextDecoder().decode(await readInputBytes(path));
}

/** Reads a file the user named: a missing file or a folder is an {@link InputError}. */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`${path}: no such file`, { cause: error });
    }
    if (error instanceof Deno.errors.IsADirectory) {
      throw new InputError(`${path}: is a folder, not a file`, { cause: error });
    }
    throw accessProblem(error, "file", path, "read") ?? error;
  }
}
