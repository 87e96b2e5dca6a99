import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSignoff,
  findSecrets,
  formatQualityComment,
  qualityVerdict,
  qualityVerdictSchema,
  referencesIssue,
  type SecretKind,
  shannonEntropy,
} from '../../../../src/domain/quality/index.js';
import { pemLines, planted } from './planted.js';

const PLANTS: { secret: string; line: (secret: string) => string; kind: SecretKind }[] = [
  { secret: planted.githubClassic, line: (s) => `const x = "${s}";`, kind: 'github-token' },
  { secret: planted.githubFineGrained, line: (s) => `pat: ${s}`, kind: 'github-token' },
  { secret: planted.gitea, line: (s) => `GITEA_TOKEN=${s}`, kind: 'gitea-token' },
  { secret: planted.awsKeyId, line: (s) => `id = '${s}'`, kind: 'aws-access-key-id' },
  { secret: planted.awsSecret, line: (s) => `aws_secret_access_key = ${s}`, kind: 'aws-secret-access-key' },
  { secret: planted.slack, line: (s) => `slack: '${s}'`, kind: 'slack-token' },
  { secret: planted.telegram, line: (s) => `bot("${s}")`, kind: 'telegram-bot-token' },
  { secret: planted.highEntropy, line: (s) => `const apiKey = '${s}';`, kind: 'high-entropy-assignment' },
  {
    secret: pemLines('EC ', 400)[1] ?? '',
    line: (s) => `"${pemLines('EC ', 400)[0]}\\n${s}"`,
    kind: 'private-key',
  },
];

const textLine = fc.string({ unit: 'grapheme', maxLength: 60 }).map((text) => text.replace(/[\r\n]/g, ' '));
const fileName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}(\/[a-z0-9_-]{1,12}){0,2}\.(ts|yml|env|json|md)$/);

const diffLike = fc
  .array(
    fc.oneof(
      textLine,
      textLine.map((text) => `+${text}`),
      textLine.map((text) => `-${text}`),
      textLine.map((text) => ` ${text}`),
      fc.constantFrom(
        'diff --git a/x b/x',
        '+++ b/x',
        '+++ /dev/null',
        '--- a/x',
        '\\ No newline at end of file',
      ),
      fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([a, b, c, d]) => `@@ -${a},${b} +${c},${d} @@`),
    ),
    { maxLength: 40 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((end) => lines.join(end)));

describe('properties', () => {
  it('planted test values really are random enough', () => {
    expect(shannonEntropy(planted.highEntropy)).toBeGreaterThanOrEqual(4);
    expect(shannonEntropy(planted.awsSecret)).toBeGreaterThanOrEqual(4);
  });

  it('findSecrets never throws, on any text or diff-like text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), diffLike), (text) => {
        const findings = findSecrets(text);
        for (const finding of findings)
          expect(Number.isSafeInteger(finding.line) && finding.line > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a planted secret at its line, and never returns its value', () => {
    fc.assert(
      fc.property(
        fileName,
        fc.array(textLine, { maxLength: 8 }),
        fc.array(textLine, { maxLength: 8 }),
        fc.constantFrom(...PLANTS),
        fc.nat({ max: 500 }),
        (file, before, after, plant, start) => {
          const added = [...before, plant.line(plant.secret), ...after];
          const diff = [
            `diff --git a/${file} b/${file}`,
            `--- a/${file}`,
            `+++ b/${file}`,
            `@@ -${start},1 +${start + 1},${added.length + 1} @@`,
            ' context',
            ...added.map((line) => `+${line}`),
            `-${plant.line(plant.secret)}`,
          ].join('\n');
          const findings = findSecrets(diff);
          expect(JSON.stringify(findings)).not.toContain(plant.secret);
          expect(findings).toContainEqual({ file, line: start + 2 + before.length, kind: plant.kind });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('referencesIssue never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(fc.string({ unit: 'binary' })),
        fc.string(),
        (title, body, baseUrl) => {
          expect(typeof referencesIssue(title, body, { baseUrl, repo: 'o/r' })).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a number in prose is a reference; the same text in a fence is not', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z ]{0,20}$/),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.stringMatching(/^[a-z ]{0,20}$/),
        (before, number, after) => {
          const body = `${before} #${number} ${after}`;
          const context = { baseUrl: 'https://gitea.example', repo: 'o/r' };
          expect(referencesIssue('t', body, context)).toBe(true);
          expect(referencesIssue('t', `\`\`\`\n${body}\n\`\`\``, context)).toBe(false);
        },
      ),
    );
  });

  it('a commit passes once its author signs off at the end, whatever the message', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,20}[A-Za-z]$/);
    const email = fc.emailAddress();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        name,
        email,
        fc.boolean(),
        (message, who, address, crlf) => {
          const text = `${message}\n\nSigned-off-by: ${who} <${address}>\n`;
          const commit = {
            sha: 'abc',
            message: crlf ? text.replace(/\n/g, '\r\n') : text,
            author: { name: ` ${who.toUpperCase()} `, email: address.toUpperCase() },
          };
          expect(checkSignoff(commit)).toBeUndefined();
          expect(checkSignoff({ ...commit, message })?.reason).not.toBeUndefined();
        },
      ),
    );
  });

  it('any verdict fits the commit status and its comment never echoes a finding value', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2_000 }),
        fc.boolean(),
        fc.array(fc.record({ file: fileName, line: fc.integer({ min: 1, max: 1e6 }) }), { maxLength: 50 }),
        fc.nat(),
        (unsigned, referenced, places, pr) => {
          const verdict = qualityVerdict({
            signoffs: Array.from({ length: unsigned }, () => ({
              sha: 'abc',
              reason: 'missing' as const,
              expected: 'A <a@x>',
              found: [],
            })),
            referencesIssue: referenced,
            secrets: places.map((place) => ({ ...place, kind: 'github-token' as const })),
          });
          expect(qualityVerdictSchema.parse(verdict)).toEqual(verdict);
          expect(verdict.description).not.toMatch(/\n/);
          expect(formatQualityComment(verdict, pr)).not.toContain(planted.githubClassic);
        },
      ),
    );
  });
});
