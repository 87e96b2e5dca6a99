/** The keys of a `/report`, each with the words operators may write for it. */
const REPORT_KEYS = ['uptime', 'tasks', 'cpu', 'mem', 'disk', 'week', 'note'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

const KEY_WORDS: Readonly<Record<string, ReportKey>> = {
  uptime: 'uptime',
  tasks: 'tasks',
  cpu: 'cpu',
  mem: 'mem',
  memory: 'mem',
  ram: 'mem',
  disk: 'disk',
  week: 'week',
  note: 'note',
  notes: 'note',
};

/** The key a word names, case-insensitively: `Memory` → `mem`; anything else → undefined. */
export function reportKey(word: string): ReportKey | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(KEY_WORDS, lower) ? KEY_WORDS[lower] : undefined;
}

/** How to write each key, for messages. */
export const KEY_USAGE: Readonly<Record<ReportKey, string>> = {
  uptime: 'write uptime=PERCENT from 0 to 100, e.g. uptime=99.7',
  tasks: 'write tasks=COMPLETED/DISPATCHED, e.g. tasks=42/44',
  cpu: 'write cpu=PERCENT from 0 to 100, e.g. cpu=35',
  mem: 'write mem=PERCENT from 0 to 100, e.g. mem=60',
  disk: 'write disk=PERCENT from 0 to 100, e.g. disk=70',
  week: 'write week=YYYY-Www for a finished week, e.g. week=2026-W47, or leave it out for the previous week',
  note: 'put free text after note=',
};
