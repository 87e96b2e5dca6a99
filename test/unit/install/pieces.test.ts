import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { botLabels } from '../../../src/gitea/bot-labels.js';
import { type Item, renderChecklist } from '../../../src/install/checklist.js';
import { setDotEnvValue } from '../../../src/install/dotenv-file.js';
import { labelDifferences } from '../../../src/install/labels-step.js';
import { hookDifferences } from '../../../src/install/webhook-step.js';
import { loadTemplates } from '../../../src/templates.js';
import { loadWorkflows } from '../../../src/workflows/all.js';

const definitions = loadWorkflows(loadTemplates(), defaultProgramConfig()).map((w) => w.definition);

describe("the bot's labels", () => {
  it('cover every trigger and state label, scoped ones exclusive, each name once', () => {
    const labels = botLabels(definitions);
    const names = labels.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of definitions) {
      expect(names).toContain(d.trigger);
      for (const state of Object.keys(d.states)) {
        expect(labels.find((l) => l.name === `${d.labelScope}/${state}`)).toMatchObject({
          exclusive: true,
          description: d.states[state]?.description,
        });
      }
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'severity/critical',
        'severity/warning',
        'reports',
        'program-report',
        'credentials',
      ]),
    );
    for (const label of labels) expect(label.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('labelDifferences', () => {
  const spec = { name: 'alert/open', color: '#d93f0b', description: 'Waiting', exclusive: true };
  it.each([
    [{ color: 'd93f0b', description: 'Waiting', exclusive: true }, []],
    [{ color: 'D93F0B', description: 'Waiting', exclusive: true }, []],
    [{ color: '000000', description: 'Waiting', exclusive: true }, ['colour']],
    [{ color: 'd93f0b', description: '', exclusive: false }, ['description', 'exclusive']],
  ])('%o differs in %o', (label, expected) => {
    expect(labelDifferences(label, spec)).toEqual(expected);
  });
});

describe('hookDifferences', () => {
  const right = {
    config: { content_type: 'json' },
    active: true,
    branch_filter: '*',
    events: [
      'push',
      'issues',
      'issue_assign',
      'issue_label',
      'issue_comment',
      'pull_request',
      'pull_request_comment',
      'pull_request_review_comment',
      'pull_request_sync',
    ],
  };
  it.each([
    [{}, []],
    [{ events: ['issues', 'issue_comment'] }, ['events']],
    [{ config: { content_type: 'form' } }, ['content type']],
    [{ active: false, branch_filter: 'main' }, ['active', 'branch filter']],
    [{ branch_filter: '' }, []],
  ])('%o → %o', (change, expected) => {
    expect(hookDifferences({ ...right, ...change })).toEqual(expected);
  });
});

describe('setDotEnvValue', () => {
  const file = (content?: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'ob-env-')), '.env');
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  it.each([
    [undefined, 'WEBHOOK_SECRET=abc\n'],
    ['GITEA_URL=x\n', 'GITEA_URL=x\nWEBHOOK_SECRET=abc\n'],
    ['GITEA_URL=x\nWEBHOOK_SECRET=\nPORT=1\n', 'GITEA_URL=x\nWEBHOOK_SECRET=abc\nPORT=1\n'],
    ['# WEBHOOK_SECRET=old\n', 'WEBHOOK_SECRET=abc\n'],
    ['GITEA_URL=x', 'GITEA_URL=x\nWEBHOOK_SECRET=abc\n'],
  ])('%j becomes %j, readable by its owner only', (before, after) => {
    const path = file(before);
    setDotEnvValue(path, 'WEBHOOK_SECRET', 'abc');
    expect(readFileSync(path, 'utf8')).toBe(after);
    if (before === undefined) expect(statSync(path).mode & 0o077).toBe(0);
  });
  it('keeps every other line as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z_]{1,8}=[a-z0-9]{0,6}$/), { maxLength: 6 }), (lines) => {
        const others = lines.filter((line) => !line.startsWith('WEBHOOK_SECRET='));
        const path = file(`${others.join('\n')}\n`);
        setDotEnvValue(path, 'WEBHOOK_SECRET', 'abc');
        const written = readFileSync(path, 'utf8').split('\n').filter(Boolean);
        expect(written.filter((line) => line !== 'WEBHOOK_SECRET=abc')).toEqual(others.filter(Boolean));
      }),
      { numRuns: 30 },
    );
  });
});

describe('renderChecklist', () => {
  const item = (status: Item['status'], text: string = status): Item => ({ status, text });
  it.each([
    [[item('ok'), item('same')], false, 'Nothing changed: everything was already installed.'],
    [[item('ok'), item('changed')], false, 'Installed.'],
    [[item('changed'), item('left', 'merge it')], false, 'Installed, with steps left to do.'],
    [[item('same'), item('left', 'merge it')], false, 'Nothing changed; the steps above are left to do.'],
    [[item('fail', 'token rejected')], false, 'Not installed: fix the failures above and run init again.'],
    [[item('would')], true, 'Dry run: nothing was written.'],
    [[item('same')], true, 'Dry run: nothing would change.'],
  ])('%j ends with the verdict', (items, dryRun, verdict) => {
    expect(renderChecklist('init', items, dryRun)).toContain(verdict);
  });
  it('lists what is left (and failures) under "Left to do"', () => {
    const text = renderChecklist(
      'init',
      [
        item('ok', 'token accepted'),
        item('left', 'merge pull request #1'),
        item('fail', 'token lacks write:issue'),
      ],
      false,
    );
    expect(text).toContain('Left to do:\n  - merge pull request #1\n  - token lacks write:issue\n');
    expect(text).not.toContain('… merge');
  });
});
