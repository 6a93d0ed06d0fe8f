/**
 * @module
 * Path patterns for fault rules and journal filters: an exact path, or a glob where `*` matches within one
 * segment and `**` matches across segments (so `/api/v1/open/**` is a prefix match).
 */

const cache = new Map<string, RegExp>();

export function globMatch(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  let re = cache.get(pattern);
  if (!re) {
    const source = pattern
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*');
    re = new RegExp(`^${source}$`);
    cache.set(pattern, re);
  }
  return re.test(path);
}
