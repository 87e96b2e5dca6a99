import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanBody,
  closesFence,
  readCheckbox,
  readFenceOpening,
  readHeading,
} from '../../../../src/domain/markdown/line-scan.js';

describe('the application parser reads its template line by line', () => {
  it.each([
    ['### Node count', { level: 3, text: 'Node count' }],
    ['   ## Wallet ##', { level: 2, text: 'Wallet' }],
    ['# C#', { level: 1, text: 'C#' }],
    ['###', undefined], // no space after the marks
    ['####### Seven', undefined],
    ['    ### Indented code', undefined],
  ])('heading %j is %j', (line, heading) => {
    expect(readHeading(line)).toEqual(heading);
  });

  it.each([
    ['- [x] I agree', { checked: true, label: 'I agree' }],
    ['* [ ] Not yet', { checked: false, label: 'Not yet' }],
    ['1. [✓] Ticked', { checked: true, label: 'Ticked' }],
    ['[x] no list marker', undefined],
  ])('checkbox %j is %j', (line, box) => {
    expect(readCheckbox(line)).toEqual(box);
  });

  it('opens and closes fences, also one older Gitea closed at the end of the value line', () => {
    expect(readFenceOpening('```yaml')).toBe('```');
    expect(readFenceOpening('~~~~')).toBe('~~~~');
    expect(readFenceOpening('    ```')).toBeUndefined();
    expect(closesFence('```', '```')).toBe(true);
    expect(closesFence('value```', '```')).toBe(true);
    expect(closesFence('````', '```')).toBe(false);
  });

  it('cleans a body: line endings, HTML comments and invisible characters', () => {
    expect(cleanBody('a\r\nb<!-- hint -->c\u200B\u00A0d\re')).toBe('a\nbc d\ne');
    expect(cleanBody('<!-- unclosed')).toBe('<!-- unclosed');
  });

  it('reads a padded heading as the trimmed text (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/),
        fc.nat(200),
        (level, text, pad) => {
          expect(readHeading(`${'#'.repeat(level)} ${text}${' '.repeat(pad)}`)).toEqual({ level, text });
        },
      ),
    );
  });
});
