import { z } from 'zod';
import { type OperatorRecord, operatorRecordSchema } from '../domain/operator-record.js';
import type { MarkerSeal } from '../domain/text/marker.js';
import { markerJson } from '../domain/text/marker-json.js';

/** The kind of the signed marker that carries an import's records (src/domain/text/marker.ts). */
const IMPORT_MARKER = 'import';
const importSchema = z.object({ records: z.array(operatorRecordSchema) });

/**
 * The body of the issue that records an `operators import` in Gitea: a table for people and a
 * hidden marker with the records, from which `rebuild` restores them (only from issues the bot
 * account opened, like every marker).
 */
export function importIssueBody(
  records: readonly OperatorRecord[],
  file: string,
  today: string,
  seal: MarkerSeal,
  programRepo: string,
): string {
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
    seal.seal(IMPORT_MARKER, markerJson({ records }), programRepo),
  ].join('\n');
}

/**
 * The records an import issue of `repo` carries, or undefined when the body has no import marker
 * that verifies (one edited into the issue by a person with write access does not).
 */
export function importedRecords(body: string, seal: MarkerSeal, repo: string): OperatorRecord[] | undefined {
  const json = seal.read(body, IMPORT_MARKER, repo)[0];
  if (!json) return undefined;
  try {
    const parsed = importSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.records : undefined;
  } catch {
    return undefined;
  }
}
