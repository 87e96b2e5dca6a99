/**
 * Secret-shaped values for the tests, generated at run time so that no secret-shaped literal sits in
 * the repository (its own scan, and any push protection, stay quiet). Deterministic: same seed,
 * same value.
 */

export const DIGITS = '0123456789';
export const HEX = `${DIGITS}abcdef`;
export const UPPER_DIGITS = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}`;
export const ALNUM = `abcdefghijklmnopqrstuvwxyz${UPPER_DIGITS}`;
export const BASE64 = `${ALNUM}+/`;

export function pseudoRandom(alphabet: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let out = '';
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out += alphabet[(state >>> 16) % alphabet.length];
  }
  return out;
}

const join = (...parts: string[]) => parts.join('');

export const planted = {
  githubClassic: join('gh', 'p_', pseudoRandom(ALNUM, 36, 1)),
  githubOauth: join('gh', 'o_', pseudoRandom(ALNUM, 36, 2)),
  githubUser: join('gh', 'u_', pseudoRandom(ALNUM, 36, 3)),
  githubServer: join('gh', 's_', pseudoRandom(ALNUM, 36, 4)),
  githubRefresh: join('gh', 'r_', pseudoRandom(ALNUM, 36, 5)),
  githubFineGrained: join('github', '_pat_', pseudoRandom(ALNUM, 22, 6), '_', pseudoRandom(ALNUM, 59, 7)),
  gitea: pseudoRandom(HEX, 40, 8),
  awsKeyId: join('AK', 'IA', pseudoRandom(UPPER_DIGITS, 16, 9)),
  awsTemporaryKeyId: join('AS', 'IA', pseudoRandom(UPPER_DIGITS, 16, 10)),
  awsSecret: pseudoRandom(BASE64, 40, 11),
  slack: join(
    'xo',
    'xb-',
    pseudoRandom(DIGITS, 12, 12),
    '-',
    pseudoRandom(DIGITS, 13, 13),
    '-',
    pseudoRandom(ALNUM, 24, 14),
  ),
  telegram: join('7', pseudoRandom(DIGITS, 8, 15), ':AA', pseudoRandom(`${ALNUM}_-`, 33, 16)),
  highEntropy: pseudoRandom(ALNUM, 32, 17),
  hexSecret: pseudoRandom(HEX, 64, 18),
  jwt: join('eyJhbGciOiJIUzI1NiJ9', '.', pseudoRandom(ALNUM, 40, 19), '.', pseudoRandom(ALNUM, 43, 20)),
  gitSha: pseudoRandom(HEX, 40, 21),
};

export const pemLines = (kind: string, seed: number) => [
  join('-----BEGIN ', kind, 'PRIVATE KEY-----'),
  pseudoRandom(BASE64, 64, seed),
  pseudoRandom(BASE64, 64, seed + 1),
  `${pseudoRandom(BASE64, 30, seed + 2)}==`,
  join('-----END ', kind, 'PRIVATE KEY-----'),
];

/** A one-file unified diff adding `lines` to a new file. */
export function newFileDiff(file: string, lines: readonly string[]): string {
  return [
    `diff --git a/${file} b/${file}`,
    'new file mode 100644',
    'index 0000000..1111111',
    '--- /dev/null',
    `+++ b/${file}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((line) => `+${line}`),
    '',
  ].join('\n');
}
