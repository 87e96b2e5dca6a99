import { describe, expect, it } from 'vitest';
import { findIssueReferences, referencesIssue } from '../../../../src/domain/quality/index.js';

const context = { baseUrl: 'https://gitea.example', repo: 'fleet/gateway' };

describe('referencesIssue', () => {
  it.each([
    ['#12', 'a bare reference'],
    ['Closes #12', 'a closing keyword'],
    ['Fixes #12.', 'before a full stop'],
    ['(#12)', 'in parentheses'],
    ['[#12](https://gitea.example/fleet/gateway/issues/12)', 'as a link text'],
    ['see #12, #13', 'before a comma'],
    ['"#12"', 'in quotes'],
    ['#12\nmore', 'at a line end'],
    ['fleet/program#7', 'another repository'],
    ['Resolves fleet/program#7!', 'another repository, before punctuation'],
    ['https://gitea.example/fleet/program/issues/7', 'a full issue URL'],
    ['http://GITEA.example/fleet/program/issues/7', 'a full URL, other scheme and case'],
    ['https://gitea.example/fleet/program/issues/7#issuecomment-3', 'a URL to a comment'],
    ['<https://gitea.example/fleet/program/issues/7>', 'an autolink'],
    ['see https://gitea.example/fleet/program/issues/7.', 'a URL before a full stop'],
    ['> Closes #12', 'in a block quote'],
    ['``` not a fence `` #12', 'after an unmatched backtick run'],
  ])('%j references an issue (%s)', (body) => {
    expect(referencesIssue('Fix the gateway', body, context)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['Fixes the gateway', 'no number'],
    ['# Title\n## 12 things', 'headings'],
    ['color: #fff; border: #abc123', 'hex colours'],
    ['#123abc', 'a number glued to letters'],
    ['issue#12', 'glued to a word'],
    ['&#123; is an entity', 'an HTML entity'],
    ['https://example.com/page#12', 'a URL fragment'],
    ['#0', 'issue zero'],
    ['`Closes #12`', 'in a code span'],
    ['``a ` Closes #12``', 'in a double-backtick code span'],
    ['```\nCloses #12\n```', 'in a fenced block'],
    ['~~~md\nCloses #12\n~~~', 'in a tilde fence'],
    ['```\nCloses #12', 'in an unclosed fence'],
    ['<!-- Closes #12 -->', 'in an HTML comment (template example)'],
    ['<!--\nCloses #12\n-->', 'in a multi-line HTML comment'],
    ['https://gitea.example/fleet/gateway/pulls/12', 'a pull request URL'],
    ['https://github.com/fleet/gateway/issues/12', 'an issue URL on another host'],
    ['https://gitea.example.evil.test/fleet/gateway/issues/12', 'a host that only starts like ours'],
    ['https://gitea.example/fleet/gateway/issues/12abc', 'an issue URL glued to letters'],
    ['https://gitea.example/fleet/gateway/issues', 'the issue list'],
  ])('%j references no issue (%s)', (body) => {
    expect(referencesIssue('Fix the gateway', body, context)).toBe(false);
  });

  it('reads the title too, and a missing body', () => {
    expect(referencesIssue('Fix the gateway (#12)', null, context)).toBe(true);
    expect(referencesIssue('Fix `#12` handling', undefined, context)).toBe(false);
  });

  it('resolves each form to an issue', () => {
    expect(
      findIssueReferences(
        'Closes #12',
        'Part of fleet/program#7 and https://gitea.example/ops/infra/issues/3/',
        context,
      ),
    ).toEqual([
      { owner: 'fleet', repo: 'gateway', number: 12, form: 'short' },
      { owner: 'fleet', repo: 'program', number: 7, form: 'cross-repo' },
      { owner: 'ops', repo: 'infra', number: 3, form: 'url' },
    ]);
  });

  it('works with a sub-path install and a trailing slash in the base URL', () => {
    const sub = { baseUrl: 'https://example.org/gitea/', repo: 'fleet/gateway' };
    expect(referencesIssue('x', 'https://example.org/gitea/fleet/gateway/issues/5', sub)).toBe(true);
    expect(referencesIssue('x', 'https://example.org/fleet/gateway/issues/5', sub)).toBe(false);
  });
});
