/** The parts of a node's specs that the one-line `Specs` answer of the markdown template holds. */
export type SpecsPart = 'vcpu' | 'ramGb' | 'diskGb' | 'bandwidth';

/** The order the template asks for them: "vCPU count, RAM, Storage, Bandwidth". */
const TEMPLATE_ORDER: readonly SpecsPart[] = ['vcpu', 'ramGb', 'diskGb', 'bandwidth'];

const PART_KEYWORDS: readonly [SpecsPart, RegExp][] = [
  [
    'bandwidth',
    /bandwidth|traffic|transfer|unmetered|unlimited|\bbw\b|[gmk]bps|[gmk]bit|\/\s*mo(?:nth)?\b|port\b/i,
  ],
  ['vcpu', /cpu|cores?\b|threads?\b|processor/i],
  ['ramGb', /\bram\b|memory|\bmem\b|ddr/i],
  ['diskGb', /ssd|nvme|hdd|disk|storage|drive/i],
];

/** Separators between parts; a slash in `1TB/mo` or `1 Gbit/s` is part of a unit. */
const SEPARATOR = /\n|[,;|+]|\s[-–—&]\s|\/(?!\s*(?:mo|month|s|sec|yr|year)\b)/i;

/**
 * `2 vCPU / 4GB RAM / 80GB SSD / 1TB bandwidth` split into its parts, each kept as written.
 * A part is recognised by its keyword (`RAM`, `SSD`, `cores`…); parts without one fill the
 * remaining places in the template's order, so `2 / 4GB / 80GB / 1TB` works too.
 */
export function splitSpecs(text: string): Partial<Record<SpecsPart, string>> {
  const parts = text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const found: Partial<Record<SpecsPart, string>> = {};
  const unlabelled: string[] = [];
  for (const part of parts) {
    const kind = PART_KEYWORDS.find(([key, pattern]) => found[key] === undefined && pattern.test(part))?.[0];
    if (kind === undefined) unlabelled.push(part);
    else found[kind] = kind === 'bandwidth' ? withoutBandwidthWord(part) : part;
  }
  for (const part of unlabelled) {
    const place = TEMPLATE_ORDER.find((key) => found[key] === undefined);
    if (place === undefined) break;
    found[place] = part;
  }
  return found;
}

function withoutBandwidthWord(part: string): string {
  return (
    part.replace(/^\s*(?:bandwidth|bw|traffic)\s*[:=]?\s*|\s*(?:bandwidth|bw|traffic)\s*$/gi, '').trim() ||
    part
  );
}
