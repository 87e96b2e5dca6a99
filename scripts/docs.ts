// npm run docs             regenerate the workflow diagrams and command help in README.md
// npm run docs -- --check  exit 1 when README.md is out of date (CI)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProgramConfig } from '../src/config/program.js';
import { readmeDocs, withReadmeDocs, workflowDocs } from '../src/engine/docs.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadTemplates } from '../src/templates.js';
import { loadWorkflows } from '../src/workflows/registry.js';

const check = process.argv.slice(2).includes('--check');
const readmePath = join(PROJECT_ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const docs = workflowDocs(loadWorkflows(loadTemplates(), defaultProgramConfig()));

if (readmeDocs(readme) === docs.trim()) {
  console.log('README.md: the workflow docs are up to date.');
} else if (check) {
  console.error('README.md: the workflow docs are out of date; run `npm run docs` and commit README.md.');
  process.exit(1);
} else {
  writeFileSync(readmePath, withReadmeDocs(readme, docs));
  console.log('README.md: the workflow docs were regenerated.');
}
