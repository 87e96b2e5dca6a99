import { z } from 'zod';
import { type OperatorRecord, operatorRecordSchema } from '../domain/registry.js';

const MARKER = /<!-- operator-bot:import (\{.*?\}) -->/s;
const importSchema = z.object({ records: z.array(operatorRecordSchema) });

/**
 * The body of the issue that records an `operators import` in Gitea: a table for people and a
 * hidden marker with the records, from which `rebuild` restores them (only from issues the bot
 * account opened, like every marker).
 */
export function importIssueBody(records: readonly OperatorRecord[], file: string, today: string): string {
  const rows = records.map(
    (r) =>
      `| @${r.login} | ${r.nodes} | ${r.chain} | \`${r.wallet}\` | ${r.activatedAt.slice(0, 10)} | ${r.referrer ? `@${r.referrer}` : '-'} |`,
  );
  return [
    `Operators brought into the registry by \`operator-bot operators import ${file}\` on ${today}, as run by hand before the bot.`,
    '`operator-bot rebuild` restores them from this issue: keep it (closed is fine) and do not edit the marker below.',
    '',
    '| operator | nodes | chain | wallet | active since | referrer |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `<!-- operator-bot:import ${JSON.stringify({ records })} -->`,
  ].join('\n');
}

/** The records an import issue carries, or undefined when the body has no (valid) import marker. */
export function importedRecords(body: string): OperatorRecord[] | undefined {
  const json = MARKER.exec(body)?.[1];
  if (!json) return undefined;
  try {
    const parsed = importSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.records : undefined;
  } catch {
    return undefined;
  }
}
