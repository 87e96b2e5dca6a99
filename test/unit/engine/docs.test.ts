import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandCatalog } from '../../../src/commands/catalog.js';
import { commandReference } from '../../../src/commands/reference.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { DOCS_END, DOCS_START, readmeDocs, withReadmeDocs, workflowDocs } from '../../../src/engine/docs.js';
import { stateDiagram } from '../../../src/engine/mermaid.js';
import { loadTemplates } from '../../../src/templates.js';
import { loadWorkflows } from '../../../src/workflows/all.js';

const workflows = loadWorkflows(loadTemplates(), defaultProgramConfig());
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('npm run docs', () => {
  it('the README’s workflow section is up to date (run `npm run docs` when this fails)', () => {
    expect(readmeDocs(readme), 'README.md has no docs:workflows markers').toBeDefined();
    expect(readmeDocs(readme)).toBe(workflowDocs(workflows).trim());
  });

  it('the README’s command table is the command catalog, every command with who and where (run `npm run docs`)', () => {
    const catalog = commandCatalog(workflows.map((w) => w.definition));
    const table = commandReference(catalog, defaultProgramConfig());
    expect(readmeDocs(readme, 'commands'), 'README.md has no docs:commands markers').toBe(table.trim());
    for (const { name } of catalog) expect(table).toContain(`| \`/${name}`);
    expect(table).toContain(
      '| `/ack` | the responsible operator or a maintainer | alert issues (open, escalated) |',
    );
    expect(table).toContain(
      '| `/rotated [note]` | a registered operator | any issue | you rotated your credentials now (due every 90 days) |',
    );
  });

  it('holds each workflow’s state diagram, states and command help', () => {
    const docs = workflowDocs(workflows);
    for (const { definition } of workflows) {
      expect(docs).toContain(`### ${definition.name}\n`);
      expect(docs).toContain(`\`\`\`mermaid\n${stateDiagram(definition)}\n\`\`\``);
      for (const state of Object.keys(definition.states)) expect(docs).toContain(`| \`${state}\``);
      for (const transition of definition.transitions) {
        if (transition.help) expect(docs).toContain(transition.help.split(' — ')[1]?.replace(/\|/g, '\\|'));
      }
    }
    expect(docs).toContain(
      '| `/terminate confirm` | maintainer | `proposed` | confirm the proposed termination |',
    );
    expect(docs).not.toMatch(/undefined|\[object Object\]/);
  });

  it('adds a Workflows section before the CLI once, then replaces only what is between the markers', () => {
    const original = '# bot\n\n## Commands\n\ntext\n\n## CLI\n\ncli\n';
    const first = withReadmeDocs(original, 'one');
    expect(first).toBe(
      `# bot\n\n## Commands\n\ntext\n\n## Workflows\n\n${DOCS_START}\n\none\n\n${DOCS_END}\n\n## CLI\n\ncli\n`,
    );
    const second = withReadmeDocs(first, 'two\n');
    expect(second).toBe(first.replace('\none\n', '\ntwo\n'));
    expect(readmeDocs(second)).toBe('two');
    expect(readmeDocs(original)).toBeUndefined();
  });
});
