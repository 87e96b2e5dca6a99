import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };

export type Hotspot = { name: string; selfPercent: number };
export type ProfileSummary = { file: string; functions: Hotspot[]; modules: Hotspot[] };

/**
 * Self time in the main thread's `.cpuprofile` in `dir` (the largest: tsx's loader thread writes a
 * small one too): the top functions, and per module (package or source file), in % of the
 * samples that were not idle.
 */
export function summarizeProfile(dir: string, top = 12): ProfileSummary | undefined {
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  if (!file) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const busy = profile.nodes.filter((node) => node.callFrame.functionName !== '(idle)');
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const { callFrame, hitCount = 0 } of busy) {
    const where = moduleOf(callFrame.url);
    // tsx compiles each .ts file onto few lines: their line numbers say nothing.
    const line = callFrame.url && !callFrame.url.endsWith('.ts') ? `:${callFrame.lineNumber + 1}` : '';
    const name = `${callFrame.functionName || '(anonymous)'} ${where}${line}`;
    functions.set(name, (functions.get(name) ?? 0) + hitCount);
    modules.set(where, (modules.get(where) ?? 0) + hitCount);
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, selfPercent: Math.round((1000 * hits) / total) / 10 }));
  return { file: join(dir, file), functions: rank(functions), modules: rank(modules) };
}

/** `node_modules/zod/…` → `zod`; `/work/main/src/intake/webhook.ts` → `src/intake/webhook.ts`. */
function moduleOf(url: string): string {
  if (!url) return '(native/gc/idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const source = /\/((?:src|bench|test)\/.+)$/.exec(url);
  if (source?.[1]) return source[1];
  return url.startsWith('node:') ? url : url.replace(/^file:\/\//, '');
}
