import { SEVERITIES } from '../domain/alerts/severity.js';
import type { WorkflowDefinition } from '../engine/definition.js';

/** One label the bot sets or reads: its name, colour (`#rrggbb`), description and exclusivity. */
export type LabelSpec = { name: string; color: string; description: string; exclusive: boolean };

const SCOPE_COLORS: Record<string, string> = {
  onboarding: '#1d76db',
  alert: '#d93f0b',
  severity: '#b60205',
  exit: '#5319e7',
  payroll: '#0e8a16',
};
const TRIGGER_COLOR = '#fbca04';
const DEFAULT_COLOR = '#ededed';

/** Labels on issues the bot opens outside a workflow (schedules/*). */
const PROGRAM_LABELS: LabelSpec[] = [
  {
    name: 'reports',
    color: '#c5def5',
    description: 'Weekly report reminders (operator-bot)',
    exclusive: false,
  },
  {
    name: 'program-report',
    color: '#c5def5',
    description: 'Monthly program reports (operator-bot)',
    exclusive: false,
  },
  {
    name: 'credentials',
    color: '#f9d0c4',
    description: 'Credential rotation reminders (operator-bot)',
    exclusive: false,
  },
];

const SEVERITY_DESCRIPTIONS: Record<string, string> = {
  critical: 'Critical alert: the shorter acknowledgement deadline applies',
  warning: 'Warning alert: the longer acknowledgement deadline applies',
};

/**
 * Every label the bot uses, from the workflow definitions: each trigger label (applied by the
 * issue forms, so it must exist before anyone submits one: Gitea drops a form's unknown labels),
 * each `scope/state` label as an exclusive scoped label described by its state, the alert
 * severities and the labels of the bot's program issues. Names are unique.
 */
export function botLabels(definitions: readonly WorkflowDefinition[]): LabelSpec[] {
  const specs: LabelSpec[] = [];
  for (const definition of definitions) {
    specs.push({
      name: definition.trigger,
      color: TRIGGER_COLOR,
      description: definition.description || `Starts the ${definition.name} workflow (operator-bot)`,
      exclusive: false,
    });
    for (const [state, { description }] of Object.entries(definition.states)) {
      specs.push({
        name: `${definition.labelScope}/${state}`,
        color: SCOPE_COLORS[definition.labelScope] ?? DEFAULT_COLOR,
        description,
        exclusive: true,
      });
    }
  }
  for (const severity of SEVERITIES) {
    specs.push({
      name: `severity/${severity}`,
      color: severity === 'critical' ? (SCOPE_COLORS.severity ?? DEFAULT_COLOR) : '#fbca04',
      description: SEVERITY_DESCRIPTIONS[severity] ?? severity,
      exclusive: true,
    });
  }
  specs.push(...PROGRAM_LABELS);
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  return [...byName.values()];
}

/** The spec of a label the bot meets at run time that is not in its list (a new state): scope colour. */
export function fallbackLabelSpec(name: string): LabelSpec {
  const scope = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : name;
  return {
    name,
    color: SCOPE_COLORS[scope] ?? DEFAULT_COLOR,
    description: `Set by operator-bot (${scope})`,
    exclusive: name.includes('/'),
  };
}
