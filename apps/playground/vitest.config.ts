import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Scenarios and the browser test talk to real loopback servers; none of them asserts on timing.
export default mergeConfig(shared, defineProject({}));
