/**
 * Recording: a fetch wrapper for core's clients (their `fetch` option) that keeps every request/response pair,
 * redacted as it is recorded, so secrets never reach memory that could be written out.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import type { Json } from '../runner/types.js';
import { FIXTURE_FORMAT, type Fixture, type FixtureBody, type FixtureEntry } from './fixture.js';
import { type RedactionOptions, Redactor } from './redact.js';

export interface RecorderOptions extends RedactionOptions {
  /** The fetch that really sends (default the global one). */
  fetch?: FetchLike;
}

export interface Recorder {
  /** Give this to a client: `new EsimAccessClient({ ..., fetch: recorder.fetch })`. */
  fetch: FetchLike;
  /** What was recorded so far. */
  readonly entries: readonly FixtureEntry[];
  fixture(): Fixture;
}

/** Response headers that describe one transfer, not the answer: left out so replays set their own. */
const TRANSFER_HEADERS = new Set(['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

function isText(contentType: string): boolean {
  return /json|text|xml|html|javascript/.test(contentType);
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function textBody(text: string, redactor: Redactor): FixtureBody | undefined {
  if (text === '') return undefined;
  const json = parseJson(text);
  return json === undefined ? { text: redactor.text(text) } : { json: redactor.json(json) };
}

async function responseBody(response: Response, redactor: Redactor): Promise<FixtureBody | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type || isText(type)) return textBody(await response.clone().text(), redactor);
  const bytes = Buffer.from(await response.clone().arrayBuffer());
  return bytes.length === 0 ? undefined : { base64: bytes.toString('base64') };
}

/**
 * @example
 * const recorder = createRecorder({ secrets: [secretKey], placeholders: { [accessCode]: '<ACCESS_CODE>' } });
 * const client = new EsimAccessClient({ accessCode, secretKey, fetch: recorder.fetch });
 * await client.getBalance();
 * await writeFixture('balance.fixture.json', recorder.fixture());
 */
export function createRecorder(options: RecorderOptions = {}): Recorder {
  const redactor = new Redactor(options);
  const base = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const entries: FixtureEntry[] = [];
  const recordedAt = new Date().toISOString();
  return {
    entries,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const requestText = request.body ? await request.clone().text() : '';
      const response = await base(input, init);
      const requestBody = textBody(requestText, redactor);
      const body = await responseBody(response, redactor);
      entries.push({
        request: {
          method: request.method,
          url: redactor.text(request.url),
          headers: redactor.headers(request.headers),
          ...(requestBody ? { body: requestBody } : {}),
        },
        response: {
          status: response.status,
          headers: redactor.headers(response.headers, (name) => !TRANSFER_HEADERS.has(name.toLowerCase())),
          ...(body ? { body } : {}),
        },
      });
      return response;
    },
    fixture: () => ({
      format: FIXTURE_FORMAT,
      version: 1,
      recordedAt,
      redacted: redactor.describe(),
      entries: structuredClone(entries),
    }),
  };
}
