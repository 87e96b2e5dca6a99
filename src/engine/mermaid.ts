import { ISSUE_EVENTS, type WorkflowDefinition } from './definition.js';

/** How a transition's trigger reads on an arrow: `/approve`, `edited`, `shadowWeek`, `done`. */
function arrowLabel(on: string): string {
  if (on === 'auto') return 'done';
  if (on.startsWith('timer:')) return on.slice('timer:'.length);
  return (ISSUE_EVENTS as readonly string[]).includes(on) ? on : `/${on}`;
}

/** A mermaid state diagram of a workflow, with the current state highlighted when given. */
export function stateDiagram(definition: WorkflowDefinition, current?: string): string {
  const edges = new Map<string, Set<string>>();
  const addEdge = (from: string, to: string, label: string) => {
    const key = `${from} --> ${to}`;
    edges.set(key, (edges.get(key) ?? new Set()).add(label));
  };
  for (const initial of definition.initial) addEdge('[*]', initial.to, 'opened');
  for (const { on, from, to } of definition.transitions) {
    for (const source of from) if (to && source !== to) addEdge(source, to, arrowLabel(on));
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
