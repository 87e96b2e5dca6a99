import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { toMarkdown } from './domain/markdown/compose.js';
import { TEMPLATES_DIR } from './paths.js';

export type Templates = {
  names: string[];
  render: (name: string, view: Record<string, unknown>) => string;
};

/**
 * Loads every `templates/*.mustache` once; a broken template stops start-up with its name.
 * Every `{{value}}` is escaped as plain text (src/domain/markdown/compose.ts `escapeText`: no HTML,
 * no links, no mentions, no code) unless the view marked it as bot-written Markdown with
 * `trusted(…)` or `md\`…\``; `{{{value}}}` is not used.
 */
export function loadTemplates(dir = TEMPLATES_DIR): Templates {
  const sources = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mustache'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    try {
      Mustache.parse(source);
    } catch (error) {
      throw new Error(`template ${file}: ${(error as Error).message}`);
    }
    sources.set(file.slice(0, -'.mustache'.length), source);
  }
  return {
    names: [...sources.keys()],
    render(name, view) {
      const source = sources.get(name);
      if (source === undefined) throw new Error(`template "${name}" does not exist in templates/`);
      return Mustache.render(source, view, undefined, { escape: toMarkdown }).trim();
    },
  };
}
