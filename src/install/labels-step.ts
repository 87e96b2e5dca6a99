import type { LabelSpec } from '../gitea/bot-labels.js';
import type { RepoRef } from '../gitea/client.js';
import type { Item } from './checklist.js';
import type { GiteaAdmin } from './gitea-admin.js';

const hex = (color: string | undefined) => (color ?? '').replace(/^#/, '').toLowerCase();

/** Which fields of an existing label differ from the spec (colour, description, exclusive). */
export function labelDifferences(
  label: { color?: string; description?: string; exclusive?: boolean },
  spec: LabelSpec,
): string[] {
  const differences: string[] = [];
  if (hex(label.color) !== hex(spec.color)) differences.push('colour');
  if ((label.description ?? '') !== spec.description) differences.push('description');
  if ((label.exclusive ?? false) !== spec.exclusive) differences.push('exclusive');
  return differences;
}

/** Creates the missing labels and corrects the ones that differ; one checklist line per change. */
export async function ensureLabels(
  admin: GiteaAdmin,
  repo: RepoRef,
  specs: readonly LabelSpec[],
  dryRun: boolean,
): Promise<Item[]> {
  const existing = new Map((await admin.labels(repo)).map((label) => [label.name ?? '', label]));
  const items: Item[] = [];
  let same = 0;
  for (const spec of specs) {
    const label = existing.get(spec.name);
    if (!label) {
      if (!dryRun) await admin.createLabel(repo, spec);
      items.push({
        status: dryRun ? 'would' : 'changed',
        text: `${dryRun ? 'would create' : 'created'} label ${spec.name}`,
      });
      continue;
    }
    const differences = labelDifferences(label, spec);
    if (differences.length === 0) {
      same++;
      continue;
    }
    if (!dryRun) await admin.editLabel(repo, label.id ?? 0, spec);
    items.push({
      status: dryRun ? 'would' : 'changed',
      text: `${dryRun ? 'would update' : 'updated'} label ${spec.name} (${differences.join(', ')})`,
    });
  }
  if (same > 0) items.push({ status: 'same', text: `${same} of ${specs.length} labels already right` });
  return items;
}
