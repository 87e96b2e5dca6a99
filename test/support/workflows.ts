import { readFileSync } from 'node:fs';
import { replyToComment } from '../../src/commands/answer.js';
import { claimedCommands } from '../../src/commands/catalog.js';
import { PROGRAM_COMMANDS } from '../../src/commands/program.js';
import { defaultProgramConfig, type ProgramConfig } from '../../src/config/program.js';
import { parseCommands } from '../../src/domain/commands/parse.js';
import type { OperatorRecord } from '../../src/domain/operator-record.js';
import { type DecideInput, type Decision, decide } from '../../src/engine/decide.js';
import type { Role } from '../../src/engine/definition.js';
import type { Instance } from '../../src/engine/instance.js';
import type { Facts, WorkflowModule } from '../../src/engine/module.js';
import type { BotEvent } from '../../src/gitea/event.js';
import { loadTemplates } from '../../src/templates.js';
import { loadWorkflows } from '../../src/workflows/all.js';
import { issueLabelPayload } from './deliveries.js';

export const completeForm = readFileSync(
  new URL('../fixtures/applications/complete-form.md', import.meta.url),
  'utf8',
);
export const completeSeed = readFileSync(
  new URL('../fixtures/applications/complete-seed.md', import.meta.url),
  'utf8',
);

export const templates = loadTemplates();

export function workflowNamed(name: string, config: ProgramConfig = defaultProgramConfig()): WorkflowModule {
  const workflow = loadWorkflows(templates, config).find((w) => w.definition.name === name);
  if (!workflow) throw new Error(`no workflow ${name}`);
  return workflow;
}

export function activeOperator(login: string, overrides: Partial<OperatorRecord> = {}): OperatorRecord {
  return {
    login,
    handle: login,
    wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    chain: 'base',
    nodes: 2,
    region: 'fsn1',
    activatedAt: '2026-01-01T00:00:00.000Z',
    status: 'active',
    applicationIssue: 'fleet/program#1',
    ...overrides,
  };
}

export type Step = {
  event: BotEvent;
  roles?: Role[];
  facts?: Partial<Facts>;
  config?: ProgramConfig;
  anywhere?: DecideInput['anywhere'];
};

const ANYWHERE = new Set(PROGRAM_COMMANDS.map((command) => command.name));

/**
 * One event through one workflow as the worker runs it: the comment's command lines this workflow
 * answers, then decide, then the comment's one reply (src/commands/answer.ts) among the effects.
 */
export function step(workflow: WorkflowModule, instance: Instance | null, s: Step): Decision {
  const own = claimedCommands(workflow.definition, instance?.state, ANYWHERE);
  const lines = s.event.comment ? parseCommands(s.event.comment.body).filter((l) => own.has(l.name)) : [];
  const decision = decide({
    workflow,
    instance,
    event: s.event,
    config: s.config ?? defaultProgramConfig(),
    facts: { otherOpenIssues: [], mentioned: {}, ...s.facts },
    roles: new Set<Role>(['anyone', ...(s.roles ?? [])]),
    render: templates.render,
    commands: lines,
    ...(s.anywhere ? { anywhere: s.anywhere } : {}),
  });
  const reply = s.event.comment ? replyToComment(s.event.comment.id, lines, decision.answers) : [];
  return { ...decision, effects: [...decision.effects, ...reply] };
}

/** An instance of `workflow` in `state` (version 3), for tests that start mid-way. */
export function instanceIn(workflow: string, state: string, data: Record<string, unknown>): Instance {
  return {
    workflow,
    repo: 'fleet/program',
    issue: 7,
    state,
    version: 3,
    updatedAt: '2026-11-20T10:00:00.000Z',
    data,
    applied: [],
    inputs: {},
  };
}

/** The delivery of an application issue getting its `operator-application` label, by alice. */
export const applicationLabeled = () =>
  issueLabelPayload(['operator-application'], {
    issue: { body: completeForm, created_at: '2026-11-21T10:00:00Z', updated_at: '2026-11-21T10:00:00Z' },
    sender: { login: 'alice' },
  });
