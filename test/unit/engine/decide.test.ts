import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { parseCommands } from '../../../src/domain/commands/parse.js';
import { decide } from '../../../src/engine/decide.js';
import type { Role } from '../../../src/engine/definition.js';
import type { Instance } from '../../../src/engine/instance.js';
import { stateDiagram } from '../../../src/engine/mermaid.js';
import type { WorkflowModule } from '../../../src/engine/module.js';
import { loadTemplates } from '../../../src/templates.js';
import { loadWorkflows } from '../../../src/workflows/all.js';
import { botEvent } from '../../support/events.js';
import { completeForm } from '../../support/workflows.js';

const config = defaultProgramConfig();
const templates = loadTemplates();
const onboarding = loadWorkflows(templates, config).find(
  (w) => w.definition.name === 'onboarding',
) as WorkflowModule;
const labeled = botEvent({ issue: { body: completeForm } });
const run = (instance: Instance | null, event = labeled, roles: Role[] = ['anyone']) =>
  decide({
    workflow: onboarding,
    instance,
    event,
    config,
    facts: { otherOpenIssues: [], mentioned: {} },
    roles: new Set(roles),
    render: templates.render,
    commands: event.comment ? parseCommands(event.comment.body) : [],
  });

describe('decide (the engine, on the onboarding workflow)', () => {
  it('starts on the trigger label: screening label, one status comment with the marker', () => {
    const { instance, effects } = run(null);
    expect(instance).toMatchObject({ workflow: 'onboarding', state: 'screening', version: 1, issue: 7 });
    expect(instance?.updatedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(effects.map((e) => e.type)).toEqual(['setStateLabel', 'upsertStatusComment']);
    expect(effects[0]).toEqual({ type: 'setStateLabel', scope: 'onboarding', label: 'onboarding/screening' });
    const status = effects[1] as { body: string; marker: unknown };
    expect(status.body).toContain('@alice');
    expect(status.body).not.toContain('{{');
    // The writer appends the marker, signed (src/gitea/writer.ts); decide only says what it records.
    expect(status.body).not.toContain('<!--');
    expect(status.marker).toEqual({
      state: 'screening',
      version: 1,
      updatedAt: '2026-11-20T10:00:00.000Z',
      // The body the bot acted on, for rebuild to notice a later edit.
      inputs: { body: { digest: expect.stringMatching(/^[0-9a-f]{16}$/), at: '2026-11-20T10:00:00.000Z' } },
    });
  });

  it('does nothing for an issue without the trigger label, or a closed one', () => {
    expect(run(null, botEvent({ issue: { labels: ['bug'] } }))).toEqual({
      instance: null,
      effects: [],
      answers: [],
    });
    expect(run(null, botEvent({ issue: { state: 'closed' } }))).toEqual({
      instance: null,
      effects: [],
      answers: [],
    });
  });

  it('leaves a running instance alone when the same label event comes again', () => {
    const { instance } = run(null);
    const again = run(instance);
    expect(again.instance).toBe(instance);
    expect(again.effects).toEqual([]);
  });

  it('is pure: the same input gives the same output', () => {
    expect(run(null)).toEqual(run(null));
  });

  it('ignores timers set for a state the instance has left', () => {
    const { instance } = run(null);
    const stale = botEvent({
      kind: 'timer.fired',
      timer: { workflow: 'onboarding', name: 'shadowWeek', forState: 'training', forVersion: 1 },
    });
    expect(run(instance, stale).effects).toEqual([]);
  });
});

describe('the mermaid state diagram', () => {
  it('draws every state change of the workflow, commands with their slash, and highlights the current state', () => {
    const diagram = stateDiagram(onboarding.definition, 'training', 'words');
    expect(diagram.split('\n')[0]).toBe('stateDiagram-v2');
    expect(diagram).toContain('  [*] --> incomplete: issue opened');
    expect(diagram).toContain('  screening --> training: /approve');
    // Said in words for the applicant, not Gitea's event names ("done", "edited").
    expect(diagram).toContain('  training --> certification: all steps done');
    expect(diagram).toContain('  certification --> active: all steps done');
    expect(diagram).toContain('  incomplete --> screening: issue edited');
    expect(diagram).not.toMatch(/: (done|edited)$/m);
    // The README keeps the YAML's trigger names, for developers.
    expect(stateDiagram(onboarding.definition)).toContain('  incomplete --> screening: edited');
    expect(diagram).toContain('  active --> [*]');
    expect(diagram).toContain('  class training current');
    expect(diagram).not.toContain('training --> training');
  });

  it('comes with /status', () => {
    const { instance } = run(null);
    const status = run(
      instance,
      botEvent({ kind: 'comment.created', comment: { id: 9, body: '/status', createdAt: labeled.at } }),
    );
    const [answer] = status.answers;
    // Short: the state in a sentence and a link to the status comment; the diagram stays there, folded.
    expect(answer?.text).toContain('in state **screening**');
    expect(answer?.text).not.toContain('mermaid');
    expect(answer?.linkStatusOf).toBe('onboarding');
  });
});
