import type { ProgramConfig } from '../config/program.js';
import { fillConfig } from '../domain/text/config-text.js';
import { describeRoles } from '../engine/roles.js';
import { type CommandSpec, describePlace } from './catalog.js';

/** Text safe inside a markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * The README's command table (`npm run docs`), made from the catalog `/help` and the answers use:
 * one row per command and help line, who may use it (src/engine/roles.ts) and where, numbers
 * from `config`. Pure.
 */
export function commandReference(catalog: readonly CommandSpec[], config: ProgramConfig): string {
  const rows = catalog.map(({ help, roles, where }) => {
    const [usage = help, ...text] = fillConfig(help, config).split(' — ');
    return `| \`${cell(usage.trim())}\` | ${describeRoles(roles)} | ${describePlace(where)} | ${cell(text.join(' — ').trim())} |`;
  });
  return [
    'Generated from the command catalog (`src/commands/catalog.ts`: the commands of any issue and',
    '`workflows/*.yaml`) by `npm run docs`; `/help` lists the same, for the person asking.',
    '',
    '| command | who | where | what it does |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
