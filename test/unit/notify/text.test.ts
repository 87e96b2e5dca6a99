import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitParts, truncate } from '../../../src/notify/text.js';

const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('hello world', 7)).toBe('hello…');
    expect(truncate('abcdef', 1)).toBe('…');
    expect(truncate('abcdef', 0)).toBe('');
  });

  it('never splits a surrogate pair, an emoji sequence or a combining mark', () => {
    expect(truncate('ab😀😀', 4)).toBe('ab…');
    expect(truncate('a👩‍👩‍👧b', 8)).toBe('a…');
    expect(truncate('ae\u0301e\u0301', 4)).toBe('ae\u0301…');
  });

  it('stays within the limit, is a prefix plus "…", and keeps well-formed text well-formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(400), (text, limit) => {
        const out = truncate(text, limit);
        expect(out.length).toBeLessThanOrEqual(limit);
        if (text.length <= limit) expect(out).toBe(text);
        else if (out) {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
        expect(wellFormed(out)).toBe(true);
      }),
    );
  });
});

describe('fitParts', () => {
  it('shortens the body first so head and tail survive', () => {
    expect(fitParts('HEAD ', 'x'.repeat(100), ' TAIL', 20)).toBe(`HEAD ${'x'.repeat(9)}… TAIL`);
    expect(fitParts('HEAD ', 'body', ' TAIL', 100)).toBe('HEAD body TAIL');
  });

  it('cuts the whole when head and tail alone are too long', () => {
    const out = fitParts('h'.repeat(30), 'body', 't'.repeat(30), 20);
    expect(out).toBe(`${'h'.repeat(19)}…`);
  });
});
