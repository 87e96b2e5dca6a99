/**
 * The added lines of a unified diff as `git diff` (and Gitea's `.diff` endpoint) writes it:
 * `diff --git a/x b/x`, `--- a/x`, `+++ b/x`, then hunks `@@ -a,b +c,d @@`. A hunk's body is
 * read by its line counts, so an added line that reads `++ b/x` (shown as `+++ b/x`) is content,
 * not a header. Removed (`-`) and context (` `) lines are not returned; context lines and blank
 * lines inside a hunk advance the new-file line number, `\ No newline at end of file` does not.
 * Deleted files (`+++ /dev/null`), binary files and mode-only changes have no added lines.
 */

export interface AddedLine {
  /** The path in the new tree, without the `b/` prefix. */
  file: string;
  /** The 1-based line number in the new file. */
  line: number;
  /** The line's text, without the leading `+` and without a trailing CR. */
  text: string;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Git's C-style quoted path (`"a/with \"quote\" and \303\251"`), unquoted; other paths as they are. */
export function unquotePath(path: string): string {
  if (!(path.length >= 2 && path.startsWith('"') && path.endsWith('"'))) return path;
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13 };
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let index = 0; index < body.length; index++) {
    const char = body[index] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1, index + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8) & 0xff);
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The new path named by `diff --git a/P b/P` (the `+++` line, when there is one, wins). */
function pathFromDiffGit(rest: string): string {
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "');
    if (start >= 0) return stripPrefix(unquotePath(rest.slice(start + 1)), 'b/');
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ' && rest.slice(2, half) === rest.slice(half + 3)) {
    return rest.slice(half + 3);
  }
  const start = rest.lastIndexOf(' b/');
  return start >= 0 ? rest.slice(start + 3) : rest;
}

/** The path of a `+++ ` line, or `undefined` for `/dev/null`. */
function pathFromPlusLine(rest: string): string | undefined {
  const path = unquotePath(rest.replace(/\t$/, ''));
  return path === '/dev/null' ? undefined : stripPrefix(path, 'b/');
}

export function addedLines(diff: string): AddedLine[] {
  const added: AddedLine[] = [];
  let file: string | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;
  for (const raw of diff.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const marker = line[0];
    if ((oldLeft > 0 || newLeft > 0) && (marker === undefined || ' +-\\'.includes(marker))) {
      if (marker === '+') {
        if (file !== undefined) added.push({ file, line: newLine, text: line.slice(1) });
        newLine++;
        newLeft--;
      } else if (marker === '-') {
        oldLeft--;
      } else if (marker !== '\\') {
        newLine++;
        newLeft--;
        oldLeft--;
      }
      continue;
    }
    oldLeft = 0;
    newLeft = 0;
    if (line.startsWith('diff --git ')) {
      file = pathFromDiffGit(line.slice('diff --git '.length));
    } else if (line.startsWith('+++ ')) {
      file = pathFromPlusLine(line.slice(4));
    } else {
      const hunk = HUNK_HEADER.exec(line);
      if (!hunk) continue;
      const counts = [hunk[2] ?? '1', hunk[3] ?? '', hunk[4] ?? '1'].map(Number);
      const [oldCount = 0, start = 0, newCount = 0] = counts;
      if (!counts.every(Number.isSafeInteger)) continue;
      oldLeft = oldCount;
      newLeft = newCount;
      newLine = start;
    }
  }
  return added;
}
