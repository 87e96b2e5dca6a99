import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProgramConfig } from '../../../src/config/load.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { sectionKeyForLabel } from '../../../src/domain/application/labels.js';
import { issueForms } from '../../../src/install/forms.js';
import { starterConfig } from '../../../src/install/starter-config.js';

type Form = { labels: string[]; about: string; body: { attributes: { label?: string; value?: string } }[] };
const forms = (config = defaultProgramConfig()): Record<string, { text: string; form: Form }> =>
  Object.fromEntries(
    issueForms(config).map((f) => [
      f.path.split('/').pop(),
      { text: f.content, form: parse(f.content) as Form },
    ]),
  );

describe('the issue forms init commits, generated from the program config', () => {
  it('name no foundation by default, and keep their trigger labels', () => {
    const all = forms();
    expect(Object.keys(all)).toEqual([
      'exit-notice.yaml',
      'operator-alert.yaml',
      'operator-application.yaml',
    ]);
    for (const { text } of Object.values(all)) expect(text).not.toMatch(/Timmy|Rockachopa|the Foundation/);
    expect(all['operator-application.yaml']?.form.about).toBe(
      'Apply to run a sovereign AI agent fleet as a Fleet Operator Program operator.',
    );
    expect(all['operator-alert.yaml']?.form.labels).toEqual(['operator-alert']);
    expect(all['exit-notice.yaml']?.form.labels).toEqual(['exit-notice']);
  });

  it("carry the program's name and its numbers; the parser still reads every field", () => {
    const config = parseProgramConfig(
      'program: { name: Acme Relay Program }\nalerts:\n  ackWithin: { critical: 15m, warning: 2h }\nexit: { noticePeriod: 45d, paymentWithin: 10d }\n',
    );
    const all = forms(config);
    expect(all['operator-alert.yaml']?.text).toContain(
      'must be acknowledged\n        within 15 minutes; warnings',
    );
    expect(all['operator-alert.yaml']?.text).toContain('within 2 hours.');
    expect(all['exit-notice.yaml']?.form.about).toBe(
      'Leave the Acme Relay Program — 45-day notice, transition checklist and final payment.',
    );
    expect(all['exit-notice.yaml']?.text).toContain('The notice period is 45 days');
    expect(all['exit-notice.yaml']?.text).toContain('due within 10 days after it');
    const labels = (all['operator-application.yaml']?.form.body ?? [])
      .map((item) => item.attributes.label)
      .filter(Boolean);
    expect(labels).toContain('Prior work with Acme Relay Program');
    expect(sectionKeyForLabel('Prior work with Acme Relay Program')).toBe('priorWork');
  });
});

describe('the starter operator-bot.yaml', () => {
  it('is a valid config naming the program and its admins as maintainers and contacts', () => {
    const text = starterConfig({ repo: 'fleet/program', name: 'Acme Relay Program', admins: ['zed', 'amy'] });
    const config = parseProgramConfig(text);
    expect(config.program.name).toBe('Acme Relay Program');
    expect(config.maintainers.users).toEqual(['amy', 'zed']);
    expect(config.escalation.contacts).toEqual(['amy', 'zed']);
  });
});
