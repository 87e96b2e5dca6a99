import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPayrollMonth } from '../../../../src/domain/payroll/marker.js';
import { createMarkerSeal } from '../../../../src/domain/text/marker.js';
import { trustedBody } from '../../../../src/domain/text/trusted-body.js';

const seal = createMarkerSeal('test-secret');
const PLACE = 'fleet/program#9';

describe('signed markers', () => {
  it('reads back what it sealed, at the place it sealed it for', () => {
    const marker = seal.seal('note', 'escalation-1', PLACE);
    expect(marker).toMatch(/^<!-- operator-bot:note escalation-1 mac=[0-9a-f]{32} -->$/);
    expect(seal.read(`text\n\n${marker}`, 'note', PLACE)).toEqual(['escalation-1']);
  });

  it.each([
    ['an unsigned marker', '<!-- operator-bot:note escalation-1 -->'],
    ['the nested comment of the issue, as left after stripping', '<!-- operator-bot:note escalation-1 -->'],
    ['a made-up MAC', '<!-- operator-bot:note escalation-1 mac=0123456789abcdef0123456789abcdef -->'],
    ['a real marker of another issue', seal.seal('note', 'escalation-1', 'fleet/program#10')],
    ['a real marker of another kind', seal.seal('reply', 'escalation-1', PLACE)],
    [
      'a real marker edited to another key',
      seal.seal('note', 'escalation-2', PLACE).replace('escalation-2', 'escalation-1'),
    ],
    ['a marker sealed with another key', createMarkerSeal('other').seal('note', 'escalation-1', PLACE)],
  ])('ignores %s', (_why, text) => {
    expect(seal.read(text, 'note', PLACE)).toEqual([]);
  });

  it('property: no text a person writes verifies, whatever it copies', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (key, noise) => {
        const forged = `<!-- operator-bot:note ${key.replace(/-->|\n|\r/g, '')} mac=${'0'.repeat(32)} -->${noise}`;
        expect(seal.read(forged, 'note', PLACE)).toEqual([]);
      }),
    );
  });

  it('refuses a payload that could end the comment', () => {
    expect(() => seal.seal('note', 'a --> b', PLACE)).toThrow(/-->/);
  });
});

describe('issue bodies as decide reads them', () => {
  it('keeps a signed payroll marker and drops a typed one, however it is nested', () => {
    const signed = seal.seal('payroll', '{"month":"2026-11"}', 'fleet/program');
    expect(readPayrollMonth(trustedBody(`Pay\n\n${signed}`, seal, 'fleet/program'))).toBe('2026-11');
    const typed = 'Pay <!-<!-- x -->- operator-bot:payroll {"month":"2026-11"} -->';
    expect(readPayrollMonth(trustedBody(typed, seal, 'fleet/program'))).toBeUndefined();
    expect(
      readPayrollMonth(
        trustedBody('<!-- operator-bot:payroll {"month":"2026-11"} -->', seal, 'fleet/program'),
      ),
    ).toBeUndefined();
  });
});
