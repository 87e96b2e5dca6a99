import type { ISSUE_EVENTS, WorkflowDefinition } from './definition.js';

/** What each issue event means, in words an applicant reads (not Gitea's event names). */
const EVENT_WORDS: Record<(typeof ISSUE_EVENTS)[number], string> = {
  opened: 'issue opened',
  edited: 'issue edited',
  labeled: 'label added',
  assigned: 'assignee changed',
  closed: 'issue closed',
  reopened: 'issue reopened',
};

/**
 * How a transition's trigger reads on an arrow, in words: `/approve`, `issue edited`,
 * `after shadow week` (a timer), `all steps done` (an automatic step).
 */
export function arrowLabel(on: string): string {
  if (on === 'auto') return 'all steps done';
  if (on.startsWith('timer:'))
    return `after ${on
      .slice('timer:'.length)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()}`;
  return on in EVENT_WORDS ? EVENT_WORDS[on as keyof typeof EVENT_WORDS] : `/${on}`;
}

/** How a transition's trigger reads in the YAML (README, for developers): `edited`, `shadowWeek`, `done`. */
function triggerLabel(on: string): string {
  if (on === 'auto') return 'done';
  if (on.startsWith('timer:')) return on.slice('timer:'.length);
  return on in EVENT_WORDS ? on : `/${on}`;
}

/**
 * A mermaid state diagram of a workflow, with the current state highlighted when given. Arrows
 * are labelled in `words` for the people of an issue (status comments), or by their YAML
 * `triggers` for developers (README).
 */
export function stateDiagram(
  definition: WorkflowDefinition,
  current?: string,
  labels: 'words' | 'triggers' = 'triggers',
): string {
  const label = labels === 'words' ? arrowLabel : triggerLabel;
  const edges = new Map<string, Set<string>>();
  const addEdge = (from: string, to: string, label: string) => {
    const key = `${from} --> ${to}`;
    edges.set(key, (edges.get(key) ?? new Set()).add(label));
  };
  for (const initial of definition.initial) addEdge('[*]', initial.to, label('opened'));
  for (const { on, from, to } of definition.transitions) {
    for (const source of from) if (to && source !== to) addEdge(source, to, label(on));
  }
  for (const [name, state] of Object.entries(definition.states)) if (state.final) addEdge(name, '[*]', '');
  const lines = ['stateDiagram-v2'];
  for (const [edge, labels] of edges) {
    const text = [...labels].filter(Boolean).join(', ');
    lines.push(`  ${edge}${text ? `: ${text}` : ''}`);
  }
  if (current && current in definition.states) {
    lines.push(
      '  classDef current fill:#fde68a,stroke:#b45309,stroke-width:2px',
      `  class ${current} current`,
    );
  }
  return lines.join('\n');
}

/** Where an issue stands in its workflow, folded away (status comments): arrows in words, the state highlighted. */
export function foldedDiagram(definition: WorkflowDefinition, state: string): string {
  // The same for every status comment of a state: drawn once per definition and state.
  const drawn = folded.get(definition) ?? new Map<string, string>();
  folded.set(definition, drawn);
  let diagram = drawn.get(state);
  if (diagram === undefined) {
    const chart = `\`\`\`mermaid\n${stateDiagram(definition, state, 'words')}\n\`\`\``;
    diagram = `<details><summary>Where this is in the ${definition.name} workflow</summary>\n\n${chart}\n</details>`;
    drawn.set(state, diagram);
  }
  return diagram;
}

const folded = new WeakMap<WorkflowDefinition, Map<string, string>>();
