// npm run docs             regenerate the workflow diagrams and command help in README.md,
//                          and docs/examples/ (every comment the bot writes, rendered)
// npm run docs -- --check  exit 1 when README.md or docs/examples/ is out of date (CI)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandCatalog } from '../src/commands/catalog.js';
import { commandReference } from '../src/commands/reference.js';
import { defaultProgramConfig } from '../src/config/program.js';
import { readmeDocs, withReadmeDocs, workflowDocs } from '../src/engine/docs.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadTemplates } from '../src/templates.js';
import { loadWorkflows } from '../src/workflows/all.js';
import { commentExamples } from '../test/support/comment-examples.js';

const check = process.argv.slice(2).includes('--check');
const readmePath = join(PROJECT_ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const workflows = loadWorkflows(loadTemplates(), defaultProgramConfig());
const sections = {
  workflows: workflowDocs(workflows),
  commands: commandReference(commandCatalog(workflows.map((w) => w.definition)), defaultProgramConfig()),
};
let updated = readme;
for (const [section, docs] of Object.entries(sections)) {
  if (readmeDocs(updated, section) === docs.trim()) continue;
  updated = withReadmeDocs(updated, docs, section);
}
if (updated === readme) {
  console.log('README.md: the workflow and command docs are up to date.');
} else if (check) {
  console.error(
    'README.md: the workflow or command docs are out of date; run `npm run docs` and commit README.md.',
  );
  process.exitCode = 1;
} else {
  writeFileSync(readmePath, updated);
  console.log('README.md: the workflow and command docs were regenerated.');
}

const examplesDir = join(PROJECT_ROOT, 'docs', 'examples');
const examples = commentExamples();
mkdirSync(examplesDir, { recursive: true });
const stale = [...examples]
  .filter(([file, text]) => {
    try {
      return readFileSync(join(examplesDir, file), 'utf8') !== text;
    } catch {
      return true;
    }
  })
  .map(([file]) => file);
const extra = readdirSync(examplesDir).filter((file) => !examples.has(file));
if (stale.length === 0 && extra.length === 0) {
  console.log('docs/examples: up to date.');
} else if (check) {
  console.error(
    `docs/examples: out of date (${[...stale, ...extra].join(', ')}); run \`npm run docs\` and commit.`,
  );
  process.exitCode = 1;
} else {
  for (const file of extra) rmSync(join(examplesDir, file));
  for (const [file, text] of examples) writeFileSync(join(examplesDir, file), text);
  console.log(`docs/examples: ${examples.size} files written.`);
}
