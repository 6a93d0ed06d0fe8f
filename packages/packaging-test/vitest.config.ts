import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      // Packing builds every package and npm installs the tarballs: minutes on a busy two-core runner, not seconds.
      hookTimeout: 600_000,
      testTimeout: 180_000,
    },
  }),
);
