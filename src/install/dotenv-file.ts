import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Sets `NAME=value` in a dotenv file: replaces the line that sets (or comments out an empty)
 * NAME, else appends one; creates the file when missing. Mode 0600: it holds secrets.
 */
export function setDotEnvValue(path: string, name: string, value: string): void {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  const line = `${name}=${value}`;
  const index = lines.findIndex((text) => new RegExp(`^\\s*(#\\s*)?${name}\\s*=`).test(text));
  if (index >= 0) lines[index] = line;
  else {
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    lines.push(line, '');
  }
  writeFileSync(path, lines.join('\n'), { mode: 0o600 });
}
