/**
 * The generated catalogue sells day passes of every documented dataType (NOTES 1.5: 2 daily speed-reduced, 3 daily
 * cut-off, 4 daily unlimited), so each daily behaviour can be tried without a captured catalogue.
 */
import { describe, expect, it } from 'vitest';
import { isDayPass } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';

describe('generated day passes', () => {
  it.each([1, 7, 42])('include dataTypes 2, 3 and 4 (seed %s), a cut-off pass with no fupPolicy', (seed) => {
    const dayPasses = generateCatalog({ seed }).packages.filter(isDayPass);
    expect(new Set(dayPasses.map((p) => p.dataType))).toEqual(new Set([2, 3, 4]));
    for (const pass of dayPasses) expect(pass.fupPolicy === '').toBe(pass.dataType === 3);
  });
});
