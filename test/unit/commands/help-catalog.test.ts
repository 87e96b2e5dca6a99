import { describe, expect, it } from 'vitest';
import { workflowCommands } from '../../../src/commands/catalog.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { ROLES, type Role } from '../../../src/engine/definition.js';
import { mayUse } from '../../../src/engine/roles.js';
import { helpLine, helpText } from '../../../src/engine/workflow-help.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { templates } from '../../support/workflows.js';

/**
 * Issue #14: `/help` and the README command table come from one model, so in every state of
 * every workflow, whoever asks, `/help` names each command the table lists for that state —
 * under "now" exactly when the table's roles let this person use it — and nothing else.
 */
const config = defaultProgramConfig();
const workflows = loadWorkflows(templates, config).map((w) => w.definition);
const cases = workflows.flatMap((definition) =>
  Object.keys(definition.states).flatMap((state) => ROLES.map((role) => ({ definition, state, role }))),
);
/** A help line without its list dash: `` `/approve` — accept the application``. */
const shown = (help: string) => helpLine(help, config).slice('- '.length);

describe('/help in a workflow issue and the command table agree, state by state and role by role', () => {
  it.each(cases.map((c) => [c.definition.name, c.state, c.role, c] as const))(
    '%s, %s, asked by %s',
    (_workflow, _state, _role, { definition, state, role }) => {
      const roles = new Set<Role>(['anyone', role]);
      const text = helpText(definition, state, roles, [], config);
      const [now = '', next = ''] = text.split('**What comes next in this workflow, and who does it:**');
      const table = workflowCommands(definition).filter(
        (spec) => typeof spec.where === 'object' && spec.where.states.includes(state),
      );
      for (const spec of table) {
        const usable = mayUse(roles, spec.roles);
        expect(usable ? now : next, `${spec.help} (${usable ? 'now' : 'next'})`).toContain(shown(spec.help));
      }
      const listed = text.split('\n').filter((line) => /^- .*`\//.test(line));
      expect(listed).toHaveLength(table.length + 2);
    },
  );
});
