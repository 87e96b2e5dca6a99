import { BUILT_IN_COMMANDS } from './commands.js';
import { ISSUE_EVENTS, type Role, type WorkflowDefinition } from './definition.js';
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
  const commands = commandRows(definition);
  if (commands.length > 0) {
    lines.push('', '| command | who | in states | what it does |', '|---|---|---|---|');
    for (const row of commands) {
      lines.push(
        `| \`${cell(row.usage)}\` | ${row.roles.join(', ')} | ${row.from.map((s) => `\`${s}\``).join(', ')} | ${cell(row.text)} |`,
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

type CommandRow = { usage: string; text: string; roles: Role[]; from: string[] };

/**
 * One row per command and help text: transitions of one command with the same help are merged
 * (roles and source states joined); one command with different helps (`/terminate confirm`,
 * `/terminate cancel`) gets a row each. A command without any help shows as `/name`.
 */
function commandRows(definition: WorkflowDefinition): CommandRow[] {
  const rows = new Map<string, CommandRow>();
  const isCommand = (on: string) =>
    on !== 'auto' && !on.startsWith('timer:') && !(ISSUE_EVENTS as readonly string[]).includes(on);
  const helped = new Set(definition.transitions.filter((t) => t.help).map((t) => t.on));
  for (const transition of definition.transitions) {
    if (!isCommand(transition.on)) continue;
    if (!transition.help && helped.has(transition.on)) continue;
    const help = transition.help ?? `/${transition.on}`;
    const [usage = help, ...rest] = help.split(' — ');
    const key = `${transition.on}\n${help}`;
    const row = rows.get(key) ?? { usage: usage.trim(), text: rest.join(' — ').trim(), roles: [], from: [] };
    for (const role of transition.roles ?? ['anyone']) if (!row.roles.includes(role)) row.roles.push(role);
    for (const state of transition.from) if (!row.from.includes(state)) row.from.push(state);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Text safe inside a markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** What the README holds between the markers (trimmed); undefined when the markers are missing. */
export function readmeDocs(readme: string): string | undefined {
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + DOCS_START.length, end).trim();
}

/**
 * The README with `docs` between the markers. Without markers, a `## Workflows` section holding
 * them is added before `## CLI` (or at the end).
 */
export function withReadmeDocs(readme: string, docs: string): string {
  const block = `${DOCS_START}\n\n${docs.trim()}\n\n${DOCS_END}`;
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + DOCS_END.length);
  const section = `## Workflows\n\n${block}\n\n`;
  const cli = readme.search(/^## CLI\s*$/m);
  if (cli >= 0) return readme.slice(0, cli) + section + readme.slice(cli);
  return `${readme.trimEnd()}\n\n${section.trimEnd()}\n`;
}
