import { BUILT_IN_COMMANDS, workflowCommands } from '../commands/catalog.js';
import type { WorkflowDefinition } from './definition.js';
import { stateDiagram } from './mermaid.js';

/** The README section `npm run docs` owns lies between these markers. */
export const DOCS_START = '<!-- docs:workflows:start -->';
export const DOCS_END = '<!-- docs:workflows:end -->';

/**
 * The README's workflow reference, generated from the loaded definitions (`workflows/*.yaml`):
 * per workflow its state diagram, its states and the help of each of its commands. Pure.
 */
export function workflowDocs(workflows: readonly { definition: WorkflowDefinition }[]): string {
  const intro = [
    'Generated from `workflows/*.yaml` by `npm run docs` (do not edit by hand; a test fails when it is',
    `out of date). Every workflow issue also answers ${BUILT_IN_COMMANDS.map((c) => `\`/${c}\``).join(' and ')}.`,
  ].join('\n');
  return [intro, ...workflows.map(({ definition }) => workflowSection(definition))].join('\n\n');
}

function workflowSection(definition: WorkflowDefinition): string {
  const lines = [`### ${definition.name}`, ''];
  if (definition.description) lines.push(definition.description, '');
  lines.push(
    `Runs on issues labelled \`${definition.trigger}\`; the state is the \`${definition.labelScope}/<state>\` label; the status comment is \`templates/${definition.statusTemplate}.mustache\`.`,
    '',
    '```mermaid',
    stateDiagram(definition),
    '```',
    '',
    '| state | meaning |',
    '|---|---|',
  );
  for (const [name, state] of Object.entries(definition.states)) {
    const notes = [state.final ? 'final' : '', state.close ? 'closes the issue' : ''].filter(Boolean);
    lines.push(`| \`${name}\`${notes.length ? ` (${notes.join(', ')})` : ''} | ${cell(state.description)} |`);
  }
  const commands = workflowCommands(definition);
  if (commands.length > 0) {
    lines.push('', '| command | who | in states | what it does |', '|---|---|---|---|');
    for (const { help, roles, where } of commands) {
      const [usage = help, ...text] = help.split(' — ');
      const states = typeof where === 'object' ? where.states : [];
      lines.push(
        `| \`${cell(usage.trim())}\` | ${roles.join(', ')} | ${states.map((s) => `\`${s}\``).join(', ')} | ${cell(text.join(' — ').trim())} |`,
      );
    }
  }
  const timers = Object.entries(definition.timers);
  if (timers.length > 0) {
    lines.push(
      '',
      `Timers: ${timers
        .map(
          ([name, timer]) =>
            `\`${name}\` (in ${timer.in.map((s) => `\`${s}\``).join(', ')}; ${timer.after ? `after \`${timer.after}\`` : 'due time set by an action'})`,
        )
        .join('; ')}.`,
    );
  }
  return lines.join('\n');
}

/** Text safe inside a markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The markers of a README section `npm run docs` owns: `workflows` (the default) or `commands`. */
const markers = (section: string) =>
  section === 'workflows'
    ? [DOCS_START, DOCS_END]
    : [`<!-- docs:${section}:start -->`, `<!-- docs:${section}:end -->`];

/** What the README holds between a section's markers (trimmed); undefined when the markers are missing. */
export function readmeDocs(readme: string, section = 'workflows'): string | undefined {
  const [open = '', close = ''] = markers(section);
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + open.length, end).trim();
}

/**
 * The README with `docs` between a section's markers. Without markers, a `## Workflows` section
 * holding the workflow markers is added before `## CLI` (or at the end); other sections need theirs.
 */
export function withReadmeDocs(readme: string, docs: string, section = 'workflows'): string {
  const [open = '', close = ''] = markers(section);
  const block = `${open}\n\n${docs.trim()}\n\n${close}`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + close.length);
  if (section !== 'workflows') throw new Error(`README.md has no ${open} … ${close} markers`);
  const added = `## Workflows\n\n${block}\n\n`;
  const cli = readme.search(/^## CLI\s*$/m);
  if (cli >= 0) return readme.slice(0, cli) + added + readme.slice(cli);
  return `${readme.trimEnd()}\n\n${added.trimEnd()}\n`;
}
