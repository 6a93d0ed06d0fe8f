/**
 * @module
 * The doctest markers: an HTML comment on the line before a fence (`<!-- doctest: illustrative: why -->`) that says
 * how the block is checked. Unmarked `ts` and `sh` blocks run as they are; every other block needs a marker, so a
 * new README block can never go untested without a stated reason.
 */

export type Marker =
  /** Not run, not compiled: a fragment, an output sample, a live-account or minutes-long command. */
  | { kind: 'illustrative'; reason: string }
  /** ts: compiled with the other TypeScript blocks, not run. */
  | { kind: 'typecheck-only'; reason: string }
  /** ts: run with both fakes answering on the providers' real base URLs and their credentials in the env. */
  | { kind: 'with-fakes' }
  /** sh: a long-running server: started, used by the `with server` blocks after it, stopped with Ctrl-C. */
  | { kind: 'server'; status: number }
  /** sh: run while the file's last `server` block is up, its documented URL replaced by the server's. */
  | { kind: 'with-server' };

/** One row per marker: its text (after `doctest:`), the languages it applies to, and what it parses to. */
const MARKERS: {
  kind: Marker['kind'];
  pattern: RegExp;
  langs: readonly ('ts' | 'sh')[] | 'any';
  parse: (m: RegExpExecArray) => Marker;
}[] = [
  {
    kind: 'illustrative',
    pattern: /^illustrative:(.*)$/,
    langs: 'any',
    parse: (m) => ({ kind: 'illustrative', reason: m[1]!.trim() }),
  },
  {
    kind: 'typecheck-only',
    pattern: /^typecheck only:(.*)$/,
    langs: ['ts'],
    parse: (m) => ({ kind: 'typecheck-only', reason: m[1]!.trim() }),
  },
  { kind: 'with-fakes', pattern: /^with fakes$/, langs: ['ts'], parse: () => ({ kind: 'with-fakes' }) },
  {
    kind: 'server',
    pattern: /^server, stopped with Ctrl-C: status (\d+)$/,
    langs: ['sh'],
    parse: (m) => ({ kind: 'server', status: Number(m[1]) }),
  },
  { kind: 'with-server', pattern: /^with server$/, langs: ['sh'], parse: () => ({ kind: 'with-server' }) },
];

export const MARKER_SYNTAX = [
  'illustrative: REASON',
  'typecheck only: REASON',
  'with fakes',
  'server, stopped with Ctrl-C: status N',
  'with server',
];

/** Languages whose blocks run without a marker. */
export const RUNNABLE_LANGS: Record<string, 'ts' | 'sh'> = {
  ts: 'ts',
  typescript: 'ts',
  sh: 'sh',
  bash: 'sh',
};

export function parseMarker(text: string): Marker | { error: string } {
  const body = text.trim();
  for (const row of MARKERS) {
    const m = row.pattern.exec(body);
    if (!m) continue;
    const marker = row.parse(m);
    if ('reason' in marker && marker.reason === '')
      return { error: `doctest marker '${body}' gives no reason` };
    return marker;
  }
  return { error: `unknown doctest marker '${body}' (known: ${MARKER_SYNTAX.join(' | ')})` };
}

/** Why a marker cannot stand before a block of this language, or undefined when it can. */
export function markerLangProblem(marker: Marker, lang: string): string | undefined {
  const row = MARKERS.find((r) => r.kind === marker.kind);
  const runnable = RUNNABLE_LANGS[lang];
  if (!row || row.langs === 'any' || (runnable !== undefined && row.langs.includes(runnable)))
    return undefined;
  return `the '${marker.kind}' marker applies to ${row.langs.join('/')} blocks, not '${lang || 'no language'}'`;
}
