import { test } from 'vitest';
import { parseApplication, validateApplication } from '../../../src/domain/application/index.js';
import { DEFAULT_RULES, FRESH_APPLICANT } from './support/examples.js';
import { readFixture } from './support/render.js';

test('scratch', () => {
  for (const name of ['complete-form.md', 'complete-seed.md', 'messy-seed.md', 'legacy-form.md']) {
    const body = readFixture(name);
    console.log(name, JSON.stringify(parseApplication(body), null, 1));
    console.log(name, JSON.stringify(validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES), null, 1));
  }
});
