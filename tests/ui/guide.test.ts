// The teacher's guide in each language reads as the writer meant: every *emphasis* and
// **bold** is taken as such. CommonMark does not take a `*` that sits between Japanese
// punctuation and a letter, so a marker left as a bare asterisk means the text needs
// rewording (「…」 for a screen's name, or a space).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownTree, type MdNode } from '../../src/ui/class/markdown';

/** The guide's visible text, code left out (a `*` there is meant). */
function prose(nodes: readonly (MdNode | string)[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') out.push(n);
    else if (n.tag !== 'code' && n.tag !== 'pre') out.push(...prose(n.children));
  }
  return out;
}

describe('the teacher’s guide', () => {
  for (const file of ['docs/teaching.md', 'docs/teaching.ja.md', 'docs/teaching.ru.md']) {
    it(`${file}: no emphasis marker shows as a bare asterisk`, () => {
      const left = prose(markdownTree(readFileSync(file, 'utf8'))).filter((s) => s.includes('*'));
      expect(left).toEqual([]);
    });
  }
});
