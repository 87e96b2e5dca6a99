import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where `workflows/` and `templates/` live), from source or from `dist/`. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('operator-bot: package.json not found above the code');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
export const WORKFLOWS_DIR = join(PROJECT_ROOT, 'workflows');
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');
