import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { giteaFromEnv } from '../app/compose.js';
import { type Env, markerSecretOf } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { readOperatorsCsv } from '../domain/import/operators.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { createMarkerSeal } from '../domain/text/marker.js';
import { repoRef } from '../gitea/client.js';
import { importIssueBody } from '../rebuild/imports.js';
import { createOperatorStore } from '../store/operators.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

const COLUMNS: [string, (o: OperatorRecord) => string][] = [
  ['LOGIN', (o) => o.login],
  ['NODES', (o) => String(o.nodes)],
  ['CHAIN', (o) => o.chain],
  ['WALLET', (o) => o.wallet],
  ['ACTIVE SINCE', (o) => o.activatedAt.slice(0, 10)],
  ['REFERRER', (o) => o.referrer ?? '-'],
];

/**
 * `operators import FILE.csv [--dry-run]`: every problem of the file at once (nothing imported
 * while there is one), else the operators are recorded in a closed issue of PROGRAM_REPO (which
 * `rebuild` reads back) and then put into the registry. Exit 1 on problems, 2 on an unreadable file.
 */
export async function runOperatorsImport(
  env: Env,
  config: ProgramConfig,
  file: string,
  dryRun: boolean,
): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);
  const { records, problems } = readOperatorsCsv(text, { maxNodes: config.onboarding.maxNodes, today });
  return withRedis(env, async (redis) => {
    const registry = createOperatorStore(redis);
    const all = [...problems];
    for (const [index, record] of records.entries()) {
      const existing = await registry.get(record.login);
      if (existing)
        all.push(
          `row ${index + 2} (${record.login}), login: already in the registry (active since ${existing.activatedAt.slice(0, 10)}) — remove the row`,
        );
    }
    if (all.length > 0) {
      console.error(
        `${file}: ${all.length} problem${all.length === 1 ? '' : 's'}, nothing imported:\n${all.map((p) => `  - ${p}`).join('\n')}`,
      );
      return 1;
    }
    const table = formatTable(COLUMNS, records);
    if (dryRun) {
      console.log(
        `Would import ${records.length} operator${records.length === 1 ? '' : 's'} (dry run: nothing written):\n${table}`,
      );
      return 0;
    }
    const gitea = giteaFromEnv(env);
    const repo = repoRef(env.PROGRAM_REPO ?? '');
    const issue = await gitea.createIssue(repo, {
      title: `Operators imported ${today}`,
      body: importIssueBody(
        records,
        basename(file),
        today,
        createMarkerSeal(markerSecretOf(env)),
        env.PROGRAM_REPO ?? '',
      ),
      labels: [],
    });
    await gitea.setIssueState(repo, issue.number ?? 0, 'closed');
    for (const record of records)
      await registry.put({ ...record, applicationIssue: `${env.PROGRAM_REPO}#${issue.number}` });
    console.log(
      `Imported ${records.length} operator${records.length === 1 ? '' : 's'} into the registry, recorded in ${env.PROGRAM_REPO}#${issue.number} (rebuild keeps them):\n${table}`,
    );
    return 0;
  });
}
