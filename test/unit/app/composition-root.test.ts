import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => ({ path: relative(SRC, join(SRC, path)), text: readFileSync(join(SRC, path), 'utf8') }));
/** A file's code without its import lines (a module path is not a decision). */
const code = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(import|export) .* from '/.test(line))
    .join('\n');
/** Wherever the event handler and the worker are created: that is the composition root. */
const root = sources.filter((file) =>
  /(?<!function )\b(createEventHandler|startEventWorker)\(/.test(code(file.text)),
);

describe('the composition root (src/app/)', () => {
  it('is the one place the bot is wired: src/app/, and no module is named core.ts', () => {
    expect(root.map((file) => file.path).sort()).toEqual(['app/compose.ts', 'app/runtime.ts']);
    expect(sources.filter((file) => basename(file.path) === 'core.ts').map((f) => f.path)).toEqual([]);
  });

  it('loads the workflows once per process: only app/program.ts calls loadWorkflows', () => {
    const callers = sources.filter((file) => /\bloadWorkflows\(/.test(code(file.text))).map((f) => f.path);
    expect(callers.filter((path) => path !== 'workflows/all.ts')).toEqual(['app/program.ts']);
  });

  it.each([
    { rule: 'a workflow by name', pattern: /'(onboarding|alert|exit|payroll)'/ },
    { rule: 'a replay mode', pattern: /\breplaying\b/ },
    { rule: 'a retry or timeout policy', pattern: /\b(timeoutMs|attempts|baseDelayMs|maxDelayMs)\s*:\s*\d/ },
    { rule: 'a closure run after an effect', pattern: /\bafter(Partner)?Report\b/ },
  ])('names no $rule: that rule lives in the module the root connects', ({ pattern }) => {
    expect(root.filter((file) => pattern.test(code(file.text))).map((f) => f.path)).toEqual([]);
  });
});
