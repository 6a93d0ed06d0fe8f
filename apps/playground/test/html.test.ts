import { describe, expect, it } from 'vitest';
import { html, raw } from '../src/dashboard/html.js';

describe('the html template escapes what it interpolates', () => {
  it('escapes markup, quotes and ampersands in values', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;&#38;">&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;&#38;</td>',
    );
  });

  it('keeps nested fragments and raw markup as they are, and joins arrays', () => {
    const rows = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a&#60;</li><li>b</li></ul><hr>');
  });

  it('prints nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${12.5}]`.value).toBe('[012.5]');
  });
});
