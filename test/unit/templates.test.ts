import { describe, expect, it } from 'vitest';
import { examplesOf, FIXTURES, names, TEMPLATES, templates, viewOf } from '../support/template-examples.js';

describe('templates', () => {
  it('every template on disk has example data, and every example file a template', () => {
    expect(names(FIXTURES, '.json')).toEqual(names(TEMPLATES, '.mustache'));
    expect([...templates.names].sort()).toEqual(names(TEMPLATES, '.mustache'));
  });

  for (const template of names(TEMPLATES, '.mustache')) {
    describe(template, () => {
      const examples = (() => {
        try {
          return examplesOf(template);
        } catch {
          return [];
        }
      })();
      it('has valid example data', () => {
        expect(() => examplesOf(template)).not.toThrow();
      });
      for (const example of examples) {
        it(`renders ${example.about}`, () => {
          const body = templates.render(template, viewOf(template, example));
          expect(body).not.toMatch(/\{\{|\}\}/);
          expect(body).not.toMatch(/undefined|\[object Object\]|NaN|Infinity/);
          expect(body).toMatch(/^### /);
          for (const fact of example.expect) expect(body).toContain(fact);
        });
      }
    });
  }
});
