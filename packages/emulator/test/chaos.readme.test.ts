import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CHAOS_PROFILES, type ChaosProfile } from '../src/index.js';

type Rule = [label: string, read: (p: ChaosProfile) => string | undefined];
const span = (w: { rate: number; minMs: number; maxMs: number } | undefined) =>
  w && `${w.rate} / ${w.minMs}-${w.maxMs}`;

const RULES: Rule[] = [
  ['api.busy', (p) => p.api?.busy?.toString()],
  ['api.serverError', (p) => p.api?.serverError?.toString()],
  [
    'api.rateLimitBurst',
    (p) => p.api?.rateLimitBurst && `${p.api.rateLimitBurst.rate} × ${p.api.rateLimitBurst.length}`,
  ],
  ['api.drop', (p) => p.api?.drop?.toString()],
  ['api.timeoutAfterWrite', (p) => p.api?.timeoutAfterWrite?.toString()],
  ['api.latency (real ms)', (p) => span(p.api?.latency)],
  ['webhooks.drop', (p) => p.webhooks?.drop?.toString()],
  ['webhooks.duplicate', (p) => p.webhooks?.duplicate?.toString()],
  ['webhooks.delay (virtual ms)', (p) => span(p.webhooks?.delay)],
  ['webhooks.reorder', (p) => p.webhooks?.reorder?.toString()],
  ['webhooks.lateAfterPoll', (p) => p.webhooks?.lateAfterPoll?.toString()],
  ['streams.allocation (virtual ms added)', (p) => span(p.streams?.allocation)],
];

test("the README's profiles table is the built-in profiles table, rule by rule", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block =
    readme.split('<!-- chaos-profiles:start -->\n')[1]?.split('<!-- chaos-profiles:end -->')[0] ?? '';
  const { gentle, realistic, hostile } = CHAOS_PROFILES;
  // Cells, not text: the formatter pads the columns.
  const cells = block
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  expect(cells[0]).toEqual(['rule (rate, or rate / duration)', 'gentle', 'realistic', 'hostile']);
  expect(cells.slice(2)).toEqual(
    RULES.map(([label, read]) => [label, ...[gentle, realistic, hostile].map((p) => read(p) ?? '-')]),
  );
});
