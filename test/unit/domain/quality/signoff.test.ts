import { describe, expect, it } from 'vitest';
import { type PrCommit, parseTrailers } from '../../../../src/domain/quality/index.js';
import { checkSignoff, checkSignoffs, parseSigner } from '../../../../src/domain/quality/signoff.js';

const author = { name: 'Ada Lovelace', email: 'ada@fleet.example' };
const commit = (message: string, who = author): PrCommit => ({ sha: 'a1b2c3d4e5f6', message, author: who });

describe('parseTrailers (git trailer rules)', () => {
  it.each([
    [
      'a trailer block after the body',
      'Fix\n\nBody.\n\nSigned-off-by: A <a@x>',
      [['Signed-off-by', 'A <a@x>']],
    ],
    [
      'several trailers',
      'Fix\n\nReviewed-by: B <b@x>\nSigned-off-by: A <a@x>',
      [
        ['Reviewed-by', 'B <b@x>'],
        ['Signed-off-by', 'A <a@x>'],
      ],
    ],
    ['CRLF line ends', 'Fix\r\n\r\nSigned-off-by: A <a@x>\r\n', [['Signed-off-by', 'A <a@x>']]],
    ['trailing blank lines', 'Fix\n\nSigned-off-by: A <a@x>\n\n\n', [['Signed-off-by', 'A <a@x>']]],
    ['spaces before the colon', 'Fix\n\nSigned-off-by : A <a@x>', [['Signed-off-by', 'A <a@x>']]],
    [
      'a continuation line',
      'Fix\n\nNote: first\n  second\nSigned-off-by: A <a@x>',
      [
        ['Note', 'first second'],
        ['Signed-off-by', 'A <a@x>'],
      ],
    ],
    [
      'a quarter trailers with a git-generated one',
      'Fix\n\nsome words\nmore words\nother words\nSigned-off-by: A <a@x>',
      [['Signed-off-by', 'A <a@x>']],
    ],
    ['no trailers in the title paragraph', 'Signed-off-by: A <a@x>', []],
    ['no trailers in a paragraph that is not last', 'Fix\n\nSigned-off-by: A <a@x>\n\nMore prose.', []],
    ['not when prose outweighs trailers', 'Fix\n\none\ntwo\nthree\nfour\nSigned-off-by: A <a@x>', []],
    ['not a paragraph of prose with a colon in it', 'Fix\n\nThis is prose\nNote: a trailer-like line', []],
  ])('%s', (_name, message, expected) => {
    expect(parseTrailers(message).map((trailer) => [trailer.key, trailer.value])).toEqual(expected);
  });
});

describe('parseSigner', () => {
  it.each([
    ['Ada Lovelace <ada@fleet.example>', { name: 'Ada Lovelace', email: 'ada@fleet.example' }],
    ['  Ada   <ada@x>  ', { name: 'Ada', email: 'ada@x' }],
    ['<ada@x>', { name: '', email: 'ada@x' }],
    ['Ada Lovelace', undefined],
    ['ada@fleet.example', undefined],
  ])('%j', (value, expected) => {
    expect(parseSigner(value)).toEqual(expected);
  });
});

describe('checkSignoff', () => {
  const signed = 'Fix the gateway\n\nLonger text.\n\nSigned-off-by: Ada Lovelace <ada@fleet.example>';

  it.each([
    ['the author signs off', signed],
    ['email differs in case', 'Fix\n\nSigned-off-by: Ada Lovelace <ADA@Fleet.Example>'],
    ['name differs in case and spacing', 'Fix\n\nSigned-off-by:   ada  lovelace   <ada@fleet.example>  '],
    ['lower-case key', 'Fix\n\nsigned-off-by: Ada Lovelace <ada@fleet.example>'],
    ['CRLF', signed.replaceAll('\n', '\r\n')],
    [
      'another sign-off as well',
      'Fix\n\nSigned-off-by: Bo Reviewer <bo@x>\nSigned-off-by: Ada Lovelace <ada@fleet.example>',
    ],
    [
      'among other trailers',
      'Fix\n\nCo-authored-by: Bo <bo@x>\nSigned-off-by: Ada Lovelace <ada@fleet.example>\nRefs: #12',
    ],
  ])('passes: %s', (_name, message) => {
    expect(checkSignoff(commit(message))).toBeUndefined();
  });

  it.each([
    ['no trailer at all', 'Fix the gateway', 'missing', []],
    ['only Co-authored-by', 'Fix\n\nCo-authored-by: Ada Lovelace <ada@fleet.example>', 'missing', []],
    ['sign-off in the title only', 'Signed-off-by: Ada Lovelace <ada@fleet.example>', 'misplaced', []],
    [
      'sign-off followed by prose',
      'Fix\n\nSigned-off-by: Ada Lovelace <ada@fleet.example>\n\nThanks!',
      'misplaced',
      [],
    ],
    ['someone else signs off', 'Fix\n\nSigned-off-by: Bo <bo@x>', 'mismatch', ['Bo <bo@x>']],
    [
      'right name, other email',
      'Fix\n\nSigned-off-by: Ada Lovelace <ada@home.example>',
      'mismatch',
      ['Ada Lovelace <ada@home.example>'],
    ],
    [
      'right email, other name',
      'Fix\n\nSigned-off-by: Charles <ada@fleet.example>',
      'mismatch',
      ['Charles <ada@fleet.example>'],
    ],
    ['no email in the sign-off', 'Fix\n\nSigned-off-by: Ada Lovelace', 'mismatch', ['Ada Lovelace']],
  ])('fails: %s → %s', (_name, message, reason, found) => {
    expect(checkSignoff(commit(message))).toEqual({
      sha: 'a1b2c3d4e5f6',
      reason,
      expected: 'Ada Lovelace <ada@fleet.example>',
      found,
    });
  });

  it('gives one problem per failing commit, in order', () => {
    const commits = [
      { ...commit('One\n\nSigned-off-by: Ada Lovelace <ada@fleet.example>'), sha: '1111' },
      { ...commit('Two'), sha: '2222' },
      { ...commit('Three\n\nSigned-off-by: Bo <bo@x>'), sha: '3333' },
    ];
    expect(checkSignoffs(commits).map((problem) => [problem.sha, problem.reason])).toEqual([
      ['2222', 'missing'],
      ['3333', 'mismatch'],
    ]);
    expect(checkSignoffs([])).toEqual([]);
  });
});
