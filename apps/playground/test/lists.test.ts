import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../src/server/playground.js';
import { pageOf } from '../src/views/paging.js';
import { readEvents, sections } from './helpers.js';
import { seedProfiles } from './seed.js';

const ROWS = Array.from({ length: 120 }, (_, i) => ({
  id: `row-${i + 1}`,
  kind: i % 3 === 0 ? 'apple' : 'pear',
}));

describe('pageOf: one page of a list after the search', () => {
  it.each([
    {
      name: 'the first page',
      query: { q: '', page: 1, limit: 50 },
      ids: ['row-1', 'row-50'],
      page: 1,
      pages: 3,
      matched: 120,
    },
    {
      name: 'the last, partial page',
      query: { q: '', page: 3, limit: 50 },
      ids: ['row-101', 'row-120'],
      page: 3,
      pages: 3,
      matched: 120,
    },
    {
      name: 'a page past the end gives the last',
      query: { q: '', page: 9, limit: 50 },
      ids: ['row-101', 'row-120'],
      page: 3,
      pages: 3,
      matched: 120,
    },
    {
      name: 'a search, case-insensitive',
      query: { q: 'APPLE', page: 1, limit: 50 },
      ids: ['row-1', 'row-118'],
      page: 1,
      pages: 1,
      matched: 40,
    },
    {
      name: 'a search that matches one row',
      query: { q: 'row-77', page: 1, limit: 50 },
      ids: ['row-77', 'row-77'],
      page: 1,
      pages: 1,
      matched: 1,
    },
    {
      name: 'a search that matches nothing',
      query: { q: 'plum', page: 1, limit: 50 },
      ids: [],
      page: 1,
      pages: 1,
      matched: 0,
    },
  ])('$name', ({ query, ids, page, pages, matched }) => {
    const result = pageOf(ROWS, query, (r) => `${r.id} ${r.kind}`);
    const shown = result.items.map((r) => r.id);
    expect(ids.length === 0 ? shown : [shown[0], shown.at(-1)]).toEqual(ids);
    expect(result).toMatchObject({ page, pages, matched, total: 120, limit: 50 });
  });

  it('an empty list is one empty page', () => {
    expect(pageOf([], { q: '', page: 1, limit: 50 }, String)).toEqual({
      items: [],
      total: 0,
      matched: 0,
      page: 1,
      pages: 1,
      limit: 50,
      q: '',
    });
  });
});

describe('the list endpoint at 10,000 profiles', () => {
  let playground: Playground;
  let account: string;
  let url: (list: string, query?: string) => string;

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, clock: 'manual', pollMs: 200 });
    account = await seedProfiles(playground, 10_000);
    url = (list, query = '') =>
      `${playground.url}/api/esimaccess/accounts/${encodeURIComponent(account)}/lists/${list}${query}`;
  }, 120_000);
  afterAll(() => playground?.close());

  interface PageBody {
    items: { esimTranNo: string; orderNo: string }[];
    total: number;
    matched: number;
    page: number;
    pages: number;
  }
  const get = async (u: string) => {
    const res = await fetch(u);
    return { status: res.status, body: (await res.json()) as PageBody & { error?: { field?: string } } };
  };

  it.each([
    { query: '', count: 50, page: 1, pages: 200, matched: 10_000 },
    { query: '?page=2', count: 50, page: 2, pages: 200, matched: 10_000 },
    { query: '?page=200', count: 50, page: 200, pages: 200, matched: 10_000 },
    { query: '?page=201', count: 50, page: 200, pages: 200, matched: 10_000 },
    { query: '?limit=200&page=50', count: 200, page: 50, pages: 50, matched: 10_000 },
    { query: '?q=no-such-profile', count: 0, page: 1, pages: 1, matched: 0 },
  ])(
    'profiles$query: $count rows of page $page of $pages',
    async ({ query, count, page, pages, matched }) => {
      const { status, body } = await get(url('profiles', query));
      expect(status).toBe(200);
      expect(body).toMatchObject({ page, pages, matched, total: 10_000 });
      expect(body.items).toHaveLength(count);
    },
  );

  it('pages do not overlap, and a search by esimTranNo finds that one profile', async () => {
    const first = (await get(url('profiles'))).body.items.map((p) => p.esimTranNo);
    const second = (await get(url('profiles', '?page=2'))).body.items.map((p) => p.esimTranNo);
    expect(new Set([...first, ...second]).size).toBe(100);
    const { body } = await get(url('profiles', `?q=${second[7]}`));
    expect(body.items.map((p) => p.esimTranNo)).toEqual([second[7]]);
  });

  it.each([
    { list: 'orders', total: 334 },
    { list: 'journal', min: 1 },
    { list: 'deliveries', min: 0 },
  ])('$list pages on the server too', async ({ list, total, min }) => {
    const { status, body } = await get(url(list, '?limit=10'));
    expect(status).toBe(200);
    if (total !== undefined) expect(body.total).toBe(total);
    else expect(body.total).toBeGreaterThanOrEqual(min!);
    expect(body.items.length).toBeLessThanOrEqual(10);
  });

  it.each([
    { query: '?page=0', field: 'page' },
    { query: '?page=x', field: 'page' },
    { query: '?limit=201', field: 'limit' },
    { query: `?q=${'a'.repeat(201)}`, field: 'q' },
  ])('$query is a 400 naming $field', async ({ query, field }) => {
    const { status, body } = await get(url('profiles', query));
    expect(status).toBe(400);
    expect(body.error?.field).toBe(field);
  });

  it('an unknown list or account is a 404 saying which', async () => {
    const list = await get(url('sims'));
    expect(list.status).toBe(404);
    expect(list.body.error?.field).toBe('list');
    const unknown = await fetch(`${playground.url}/api/esimaccess/accounts/nobody/lists/profiles`);
    expect(unknown.status).toBe(404);
  });

  it('the live section carries one page of rows, not 10,000', async () => {
    const events = await readEvents(
      `${playground.url}/events?esimaccess=${account}&esimaccess.profiles.page=3`,
      (e) => sections(e).has('esimaccess-profiles'),
    );
    const html = sections(events).get('esimaccess-profiles')!;
    expect(html.match(/class="profile-row"/g)).toHaveLength(50);
    expect(html).toContain('page 3 of 200');
  });
});
