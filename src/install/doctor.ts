import type { Item } from './checklist.js';
import type { GiteaAdmin } from './gitea-admin.js';
import { type InitOptions, runInit } from './init.js';

/**
 * `operator-bot doctor`: init's checks and steps without writing anything, every difference
 * reported as a failure ("run operator-bot init", exit 1), so doctor and init can never disagree.
 */
export async function runDoctor(admin: GiteaAdmin, options: Omit<InitOptions, 'dryRun'>): Promise<Item[]> {
  const items = await runInit(admin, { ...options, dryRun: true });
  return items
    .filter((item) => !item.text.startsWith("would send Gitea's test delivery"))
    .map((item) =>
      item.status === 'would'
        ? {
            // Not installed is a failure of the installation: doctor exits 1 and never says "installed".
            status: 'fail',
            text: `not installed: ${item.text.replace(/^would /, 'init would ')} — run operator-bot init`,
          }
        : item,
    );
}
