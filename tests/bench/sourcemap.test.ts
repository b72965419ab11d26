import { encode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
import { piecesBySource, sourceLookup } from '../../src/cli/bench/sourcemap';

// The bench's byte attribution reads sourcemaps with @jridgewell/sourcemap-codec;
// these pin what it makes of a small map, sourceRoot included.

const code = 'abcdef\nxyz';
// line 0: "abc" from a.ts line 1, "def" from b.ts line 5; line 1: "xyz" from b.ts line 6.
const mappings = encode([
  [
    [0, 0, 0, 0],
    [3, 1, 4, 0],
  ],
  [[0, 1, 5, 2]],
]);

describe('bench sourcemap reading', () => {
  it('splits the generated text by source file, applying sourceRoot', () => {
    const pieces = piecesBySource(code, { sources: ['a.ts', 'b.ts'], sourceRoot: 'src/ui', mappings });
    expect(Object.fromEntries(pieces)).toEqual({ 'src/ui/a.ts': ['abc'], 'src/ui/b.ts': ['def', '\n', 'xyz', '\n'] });
  });

  it('looks up the original file and line of a generated position', () => {
    const look = sourceLookup({ sources: ['a.ts', 'b.ts'], mappings });
    expect(look(0, 1)).toEqual({ source: 'a.ts', line: 1 });
    expect(look(0, 4)).toEqual({ source: 'b.ts', line: 5 });
    expect(look(1, 0)).toEqual({ source: 'b.ts', line: 6 });
    expect(look(5, 0)).toBeNull();
  });
});
