import { z } from 'zod';
import { scanProse } from '../markdown/prose-scan.js';

/**
 * How an issue is referenced, with the boundaries Gitea itself uses to link references
 * (modules/references; quotes as well, as older Gitea accepted), so what passes is what Gitea links:
 * - `short`: `#123` after a line start, space, `(`, `[` or a quote, and before a line end, space,
 *   `)`, `]`, a quote or punctuation that ends the word: not `#123abc`, `a#1`, `&#123;`, `x/#1`;
 *   headings (`# Title`) and colours (`#fff`) are not digits and never match;
 * - `cross-repo`: `owner/repo#123`, any repository (the issue may live in the program repo);
 * - `url`: `{baseUrl}/owner/repo/issues/123` on the configured Gitea (http or https), with an
 *   optional `#issuecomment-…`, query or trailing slash; `/pulls/123` is a pull request, not an issue.
 * References in code blocks, code spans and HTML comments (template examples) do not count;
 * `#0` is no issue. A digit-only colour in prose (`#123456`) reads as a reference, as Gitea renders it.
 */
const issueReferenceFormSchema = z.enum(['short', 'cross-repo', 'url']);

const issueReferenceSchema = z.object({
  owner: z.string(),
  repo: z.string(),
  number: z.number().int().positive(),
  form: issueReferenceFormSchema,
});
export type IssueReference = z.output<typeof issueReferenceSchema>;

export interface IssueReferenceContext {
  /** The Gitea root URL, e.g. `https://gitea.example` (a sub-path install like `https://x/gitea` works). */
  baseUrl: string;
  /** The pull request's repository, `owner/name`: what a bare `#123` points into. */
  repo: string;
}

const BEFORE = String.raw`(?<=^|[\s(\['"])`;
const AFTER = String.raw`(?=$|[\s)\]'"]|[:;,.?!](?:\s|$))`;
const NAME = '[0-9A-Za-z_.-]+';
const SHORT = new RegExp(`${BEFORE}#(\\d+)${AFTER}`, 'g');
const CROSS_REPO = new RegExp(`${BEFORE}(${NAME})/(${NAME})#(\\d+)${AFTER}`, 'g');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function issueUrlPattern(baseUrl: string): RegExp {
  const withoutScheme = baseUrl
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '');
  const url = `https?://${escapeRegExp(withoutScheme)}/([^/\\s?#]+)/([^/\\s?#]+)/issues/(\\d+)`;
  return new RegExp(`(?<=^|[\\s(\\[<'"])${url}(?=$|[/?#\\s)\\]>'"]|[:;,.!](?:\\s|$))`, 'gi');
}

function splitRepo(repo: string): { owner: string; repo: string } {
  const slash = repo.indexOf('/');
  return slash < 0 ? { owner: '', repo } : { owner: repo.slice(0, slash), repo: repo.slice(slash + 1) };
}

function referencesIn(text: string, context: IssueReferenceContext): IssueReference[] {
  const prose = scanProse(text);
  const here = splitRepo(context.repo);
  const found: IssueReference[] = [];
  const add = (owner: string, repo: string, digits: string, form: IssueReference['form']) => {
    const number = Number(digits);
    if (Number.isSafeInteger(number) && number > 0) found.push({ owner, repo, number, form });
  };
  for (const match of prose.matchAll(SHORT)) add(here.owner, here.repo, match[1] ?? '', 'short');
  for (const match of prose.matchAll(CROSS_REPO)) {
    add(match[1] ?? '', match[2] ?? '', match[3] ?? '', 'cross-repo');
  }
  if (context.baseUrl.trim() !== '') {
    for (const match of prose.matchAll(issueUrlPattern(context.baseUrl))) {
      add(match[1] ?? '', match[2] ?? '', match[3] ?? '', 'url');
    }
  }
  return found;
}

/** Every issue the title or body references, title first. */
export function findIssueReferences(
  title: string,
  body: string | null | undefined,
  context: IssueReferenceContext,
): IssueReference[] {
  return [...referencesIn(title, context), ...referencesIn(body ?? '', context)];
}

/** Whether the pull request's title or body references an issue (`#12`, `owner/repo#12` or its URL). */
export function referencesIssue(
  title: string,
  body: string | null | undefined,
  context: IssueReferenceContext,
): boolean {
  return findIssueReferences(title, body, context).length > 0;
}
