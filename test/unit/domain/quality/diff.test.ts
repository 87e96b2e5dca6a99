import { describe, expect, it } from 'vitest';
import { unquotePath } from '../../../../src/domain/quality/diff.js';
import { addedLines } from '../../../../src/domain/quality/index.js';

const lines = (diff: string) => addedLines(diff).map(({ file, line, text }) => [file, line, text]);

describe('addedLines', () => {
  it('numbers added lines in the new file, skipping removed lines, counting context and blank lines', () => {
    const diff = [
      'diff --git a/app.ts b/app.ts',
      'index 1111111..2222222 100644',
      '--- a/app.ts',
      '+++ b/app.ts',
      '@@ -3,5 +3,6 @@ function main() {',
      ' one',
      '-two',
      '+TWO',
      '',
      '+new',
      ' four',
      '\\ No newline at end of file',
      '+five',
      '@@ -20 +21,2 @@',
      '-old',
      '+a',
      '+b',
    ].join('\n');
    expect(lines(diff)).toEqual([
      ['app.ts', 4, 'TWO'],
      ['app.ts', 6, 'new'],
      ['app.ts', 8, 'five'],
      ['app.ts', 21, 'a'],
      ['app.ts', 22, 'b'],
    ]);
  });

  it('reads an added line that looks like a header as content, by the hunk counts', () => {
    const diff = [
      'diff --git a/notes.txt b/notes.txt',
      '--- a/notes.txt',
      '+++ b/notes.txt',
      '@@ -1,1 +1,3 @@',
      '-x',
      '+++ b/elsewhere.txt',
      '+--- a/elsewhere.txt',
      '+@@ -1 +1 @@',
    ].join('\n');
    expect(lines(diff)).toEqual([
      ['notes.txt', 1, '++ b/elsewhere.txt'],
      ['notes.txt', 2, '--- a/elsewhere.txt'],
      ['notes.txt', 3, '@@ -1 +1 @@'],
    ]);
  });

  it('follows files, renames and deletions; binary and mode-only changes add nothing', () => {
    const diff = [
      'From 1234 Mon Sep 17 00:00:00 2001',
      'Subject: [PATCH] patch mail headers are ignored',
      '+not in a hunk',
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 90%',
      'rename from old name.txt',
      'rename to new name.txt',
      '--- a/old name.txt\t',
      '+++ b/new name.txt\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/logo.png b/logo.png',
      'Binary files a/logo.png and b/logo.png differ',
      'diff --git a/run.sh b/run.sh',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-x',
      '-y',
      'diff --git "a/caf\\303\\251 \\"q\\".txt" "b/caf\\303\\251 \\"q\\".txt"',
      '--- "a/caf\\303\\251 \\"q\\".txt"',
      '+++ "b/caf\\303\\251 \\"q\\".txt"',
      '@@ -0,0 +1 @@',
      '+quoted',
    ].join('\n');
    expect(lines(diff)).toEqual([
      ['new name.txt', 1, 'b'],
      ['café "q".txt', 1, 'quoted'],
    ]);
  });

  it('takes the path from `diff --git` when there is no `+++` line', () => {
    const diff = ['diff --git a/dir with space/f b/dir with space/f', '@@ -0,0 +1 @@', '+x'].join('\n');
    expect(lines(diff)).toEqual([['dir with space/f', 1, 'x']]);
  });

  it('reads CRLF diffs', () => {
    const diff = [
      'diff --git a/w.txt b/w.txt',
      '--- a/w.txt',
      '+++ b/w.txt',
      '@@ -1 +1,2 @@',
      ' a',
      '+b',
      '',
    ].join('\r\n');
    expect(lines(diff)).toEqual([['w.txt', 2, 'b']]);
  });

  it('ignores garbage', () => {
    expect(lines('')).toEqual([]);
    expect(lines('@@ -1 +1 @@\n+no file yet')).toEqual([]);
    expect(lines('+++ b/x\n@@ -1 +99999999999999999999 @@\n+too far')).toEqual([]);
  });

  it.each([
    ['plain/path', 'plain/path'],
    ['"a\\tb"', 'a\tb'],
    ['"\\303\\244"', 'ä'],
    ['"\\\\"', '\\'],
  ])('unquotes %s', (quoted, path) => {
    expect(unquotePath(quoted)).toBe(path);
  });
});
