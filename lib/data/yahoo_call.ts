/**
 * One request to Yahoo Finance through yahoo-finance2, with the error mapping
 * both adapters (prices, fundamentals) share: no answer or HTTP 429/5xx is a
 * {@link ServiceError}; 404 is an unknown ticker and any other 4xx a refused
 * request ({@link InputError}s naming the ticker); anything else the library
 * could not use is a ServiceError. The library is given a `fetch` that records
 * the HTTP status, since its own errors do not carry it.
 *
 * @module
 */
import YahooFinance from "yahoo-finance2";
import { parseIsoDay } from "./dates.ts";
import { InputError, ServiceError } from "../errors.ts";

/** The yahoo-finance2 client both adapters use. */
export type YahooClient = InstanceType<typeof YahooFinance>;

/** A client that neither checks npm for updates nor logs validation noise. */
export function yahooClient(): YahooClient {
  return new YahooFinance({
    versionCheck: false,
    validation: { logErrors: false },
    suppressNotices: ["yahooSurvey"],
  });
}

/** How a request names itself in messages: after "HTTP n for", "refused", "an unusable". */
export type YahooRequestNames = {
  readonly http: string;
  readonly refused: string;
  readonly answer: string;
};

/** The text of an error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The day number of an ISO date flag, or an InputError naming it. */
export function requestDay(text: string, name: string): number {
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new InputError(`${name} ${text} is not a YYYY-MM-DD date`);
  return day;
}

/** The days of a request's `start` and optional `end` (ISO), checked in order. */
export function requestRange(
  request: { readonly start: string; readonly end?: string | undefined },
): { readonly fromDay: number; readonly toDay: number | undefined } {
  const fromDay = requestDay(request.start, "start");
  const toDay = request.end === undefined ? undefined : requestDay(request.end, "end");
  if (toDay !== undefined && toDay < fromDay) {
    throw new InputError(`end ${request.end} is before start ${request.start}`);
  }
  return { fromDay, toDay };
}

/** Runs `run` with a status-recording fetch and maps its failure as the module doc says. */
export async function callYahoo<T>(
  ticker: string,
  names: YahooRequestNames,
  baseFetch: typeof fetch,
  run: (fetch: typeof globalThis.fetch) => Promise<T>,
): Promise<T> {
  let status = 0;
  const tracked: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await baseFetch(input, init);
    } catch (error) {
      throw new ServiceError(`cannot reach Yahoo Finance for ${ticker}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    status = response.status;
    if (status === 429 || status >= 500) {
      await response.body?.cancel();
      throw new ServiceError(`Yahoo Finance answered HTTP ${status} for ${names.http}`);
    }
    return response;
  };
  try {
    return await run(tracked);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (status === 404) {
      throw new InputError(`unknown ticker ${ticker} on Yahoo Finance: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    if (status >= 400 && status < 500) {
      throw new InputError(`Yahoo Finance refused ${names.refused}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    throw new ServiceError(
      `Yahoo Finance gave an unusable ${names.answer}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
}
