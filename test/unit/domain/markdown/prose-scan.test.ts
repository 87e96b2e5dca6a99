import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanProse } from '../../../../src/domain/markdown/prose-scan.js';

describe('the prose of a PR description (a scan, deliberately not CommonMark)', () => {
  it.each([
    ['Fixes #12', 'Fixes #12'],
    ['see `#12` here', 'see       here'],
    ['```\n#12\n```\nFixes #3', '   \n   \n   \nFixes #3'],
    ['~~~~\n#12\n~~~\nstill code', '    \n   \n   \n          '], // a shorter fence does not close
    ['<!-- Fixes #1 -->Fixes #2', '                 Fixes #2'],
    ['a `b\n\nc` d', 'a `b\n\nc` d'], // a code span does not cross a paragraph break
    ['    #12 indented', '    #12 indented'], // indentation is a nested list more often than code
  ])('%j → %j', (markdown, prose) => {
    expect(scanProse(markdown)).toBe(prose);
  });

  it('keeps every offset and line: only blanks characters (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '#', '1', '`', '~', '\n', ' ', '<!--', '-->') }),
        (text) => {
          const prose = scanProse(text);
          expect(prose.length).toBe(text.length);
          for (let i = 0; i < text.length; i++) expect([text[i], ' ']).toContain(prose[i]);
        },
      ),
    );
  });
});
