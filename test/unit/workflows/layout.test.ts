import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { PROJECT_ROOT, TEMPLATES_DIR, WORKFLOWS_DIR } from '../../../src/paths.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { templates } from '../../support/workflows.js';

/*
 * Issue #20, "A workflow is one name in three places": `workflows/<name>.yaml`,
 * `templates/<name>-*.mustache` and `src/workflows/<name>/` match one to one, and the engine
 * knows no workflow. A newcomer finds a workflow's rules, texts and code from its name alone.
 */
const SRC = join(PROJECT_ROOT, 'src');
const sorted = (names: Iterable<string>) => [...names].sort();
const yamlNames = sorted(
  readdirSync(WORKFLOWS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length)),
);
const codeFolders = sorted(
  readdirSync(join(SRC, 'workflows'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name),
);
const loaded = loadWorkflows(templates, defaultProgramConfig());

/** Every `.ts` file below `dir`, as paths. */
const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
/** The files a source file imports, resolved to paths relative to src/ (`.js` specifiers name `.ts` files). */
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((m) =>
    relative(SRC, resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))),
  );

describe('a workflow is one name in three places', () => {
  it('every workflows/<name>.yaml has its code in src/workflows/<name>/, and no code folder lacks a definition', () => {
    expect(codeFolders).toEqual(yamlNames);
  });

  it('the bot runs exactly the workflows of workflows/, each named as its file', () => {
    expect(sorted(loaded.map((w) => w.definition.name))).toEqual(yamlNames);
  });

  it('each workflow’s status template is templates/<name>-status.mustache', () => {
    for (const workflow of loaded)
      expect(workflow.definition.statusTemplate).toBe(`${workflow.definition.name}-status`);
  });

  it('every other template is one the program issues render, outside any workflow', () => {
    const renderedOutside = new Set(
      tsFiles(SRC)
        .filter((file) => !file.startsWith(join(SRC, 'workflows')))
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/render\('([\w-]+)'/g)].map((m) => m[1])),
    );
    const names = readdirSync(TEMPLATES_DIR)
      .filter((f) => f.endsWith('.mustache'))
      .map((f) => f.slice(0, -'.mustache'.length));
    for (const name of names) {
      const owner = yamlNames.find((workflow) => name.startsWith(`${workflow}-`));
      expect({ name, owned: owner !== undefined || renderedOutside.has(name) }).toEqual({
        name,
        owned: true,
      });
      expect({ name, both: owner !== undefined && renderedOutside.has(name) }).toEqual({ name, both: false });
    }
  });

  it('the engine imports no workflow’s code or types', () => {
    const crossings = tsFiles(join(SRC, 'engine')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('workflows/') || target.startsWith('domain/payroll/'))
        .map((target) => `${relative(SRC, file)} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});
