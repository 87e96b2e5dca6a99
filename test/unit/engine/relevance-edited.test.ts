import { describe, expect, it } from 'vitest';
import { isRelevant } from '../../../src/engine/relevance.js';
import type { BotEvent } from '../../../src/gitea/event.js';

const edited = (repo: string, body: string): BotEvent => ({
  kind: 'comment.edited',
  repo,
  issue: {
    number: 12,
    id: 912,
    title: 'Payroll 2026-11',
    body: '',
    author: 'operator-bot',
    state: 'open',
    labels: ['payroll', 'payroll/approved'],
    assignees: [],
    createdAt: '2026-12-01T06:00:00Z',
    isPull: false,
  },
  actor: 'dave',
  at: '2026-12-03T10:00:00Z',
  comment: { id: 5001, body, createdAt: '2026-12-01T06:00:00Z' },
});

describe("an edited comment is queued: it may be the bot's status comment, to be written back", () => {
  it.each([
    ['a table with its marker stripped and no command line', '| bob | $250.00 | 0xdddd |'],
    ['a table whose text holds a command', '| bob |\n/approve'],
  ])('%s', (_name, body) => {
    expect(isRelevant(edited('fleet/program', body), [], [], ['fleet/program'])).toBe(true);
  });
  it('outside the program repositories it is not', () => {
    expect(isRelevant(edited('fleet/other', '| bob |'), [], [], ['fleet/program'])).toBe(false);
  });
});
