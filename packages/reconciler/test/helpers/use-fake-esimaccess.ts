/** A test file's store and eSIM Access fake: a fresh fake before each test, served through msw. */
import { beforeEach } from 'vitest';
import type { Store } from '../../src/store/open.js';
import { esimAccessHandlers, FakeEsimAccess } from './fake-esimaccess.js';
import { useMsw } from './msw.js';
import { useStore } from './store.js';

export function useFakeEsimAccess(): { getStore: () => Store; fake: () => FakeEsimAccess } {
  const getStore = useStore();
  const use = useMsw();
  let fake: FakeEsimAccess | undefined;
  beforeEach(() => {
    fake = new FakeEsimAccess();
    use(...esimAccessHandlers(fake));
  });
  return { getStore, fake: () => fake! };
}
