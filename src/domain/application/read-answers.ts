import { CHAINS, type Chain, chainName, parseChain } from './chains.js';
import { parseHoursPerWeek, parseNodeCount, parseVcpu } from './counts.js';
import { parseDate } from './dates.js';
import { isEmail, parseEmail } from './emails.js';
import { EXPERIENCE_KEYS, type ExperienceKey, FIELD_LABELS, type FieldKey } from './fields.js';
import { askFor, missingMessage, quote } from './messages.js';
import { formatNumber } from './numbers.js';
import type { Problem } from './problems.js';
import type { RawApplication } from './raw.js';
import type { ApplicationRules } from './rules.js';
import { parseSizeGb } from './sizes.js';
import { type SpecsPart, splitSpecs } from './specs.js';
import { isGiteaUsername, parseUsername } from './usernames.js';
import { type AddressFamily, addressFamiliesOf, addressFamilyOf, checkWallet } from './wallet.js';
import { parseYesNo } from './yes-no.js';

/** The answers read so far: what could be read, before the schema confirms the whole. */
export interface Answers {
  handle?: string;
  email?: string;
  chatHandle?: string;
  wallet?: string;
  chain?: Chain;
  timezone?: string;
  provider?: string;
  location?: string;
  vcpu?: number;
  ramGb?: number;
  diskGb?: number;
  bandwidth?: string;
  os?: string;
  staticIp?: boolean;
  nodes?: number;
  experience: Record<ExperienceKey, boolean>;
  experienceText?: string;
  hoursPerWeek?: number;
  commitments: { uptime?: boolean; exitNotice?: boolean; sovereignty?: boolean };
  giteaUsername?: string;
  priorWork?: string;
  referredBy?: string;
  improvementPlan?: string;
  signature?: string;
  signedOn?: string;
}

const UPGRADE = 'upgrade the node or apply with a larger plan';
const NO_ANSWER = /^\s*(?:none|no|n\/?a|-+|—|nobody|no one|not applicable)\s*\.?\s*$/i;

/**
 * Interprets each written answer, checking what one answer alone can tell (format, hardware
 * minimums, node limit, commitments). Every problem found is kept, in the order of the form.
 */
export function readAnswers(
  raw: RawApplication,
  rules: ApplicationRules,
): { answers: Answers; problems: Problem[] } {
  const problems: Problem[] = [];
  const written = withSpecsSplit(raw.values);
  const report = (key: FieldKey, message: string): undefined => {
    problems.push({ field: FIELD_LABELS[key], message });
    return undefined;
  };
  const required = (key: FieldKey): string | undefined => written[key] ?? report(key, missingMessage(key));

  const answers: Answers = {
    experience: Object.fromEntries(
      EXPERIENCE_KEYS.map((key) => [key, raw.experience[key] ?? false]),
    ) as Record<ExperienceKey, boolean>,
    commitments: {},
  };

  answers.handle = required('handle');
  answers.email = readEmail(required('email'), report);
  answers.chatHandle = required('chatHandle');
  const walletText = required('wallet');
  // The wallet is checked against the chain, but its problems come first, as in the form.
  const chainProblems: Problem[] = [];
  answers.chain = readChain(written.chain, walletText, (key, message) => {
    chainProblems.push({ field: FIELD_LABELS[key], message });
    return undefined;
  });
  answers.wallet = readWallet(walletText, answers.chain, report);
  problems.push(...chainProblems);
  answers.timezone = required('timezone');
  answers.provider = required('provider');
  answers.location = required('location');
  answers.vcpu = readMinimum(required('vcpu'), parseVcpu, rules.minHardware.vcpu, 'vcpu', report);
  answers.ramGb = readMinimum(required('ramGb'), parseSizeGb, rules.minHardware.ramGb, 'ramGb', report);
  answers.diskGb = readMinimum(required('diskGb'), parseSizeGb, rules.minHardware.diskGb, 'diskGb', report);
  answers.bandwidth = required('bandwidth');
  answers.os = required('os');
  answers.staticIp = readYesNo(required('staticIp'), 'staticIp', report);
  answers.nodes = readNodes(written.nodes, rules.maxNodes, report);
  answers.experienceText = required('experienceText');
  answers.hoursPerWeek = readHours(required('hoursPerWeek'), report);
  answers.commitments = {
    uptime: readCommitment(required('uptime'), 'uptime', report),
    exitNotice: readCommitment(required('exitNotice'), 'exitNotice', report),
    sovereignty: readCommitment(required('sovereignty'), 'sovereignty', report),
  };
  answers.giteaUsername = readUsername(required('giteaUsername'), 'giteaUsername', report);
  answers.priorWork = required('priorWork');
  answers.referredBy = readOptionalUsername(written.referredBy, report);
  answers.improvementPlan = optional(written.improvementPlan);
  answers.signature = required('signature');
  answers.signedOn = readSignedOn(required('signedOn'), report);
  return { answers, problems };
}

type Report = (key: FieldKey, message: string) => undefined;

/** The template's one-line `Specs` answer fills vCPU, RAM, storage and bandwidth not given apart. */
function withSpecsSplit(values: RawApplication['values']): RawApplication['values'] {
  if (values.specs === undefined) return values;
  const parts = splitSpecs(values.specs);
  const filled = { ...values };
  for (const [part, text] of Object.entries(parts) as [SpecsPart, string][]) filled[part] ??= text;
  return filled;
}

function optional(text: string | undefined): string | undefined {
  return text === undefined || NO_ANSWER.test(text) ? undefined : text;
}

function readEmail(text: string | undefined, report: Report): string | undefined {
  if (text === undefined) return undefined;
  const email = parseEmail(text);
  if (isEmail(email)) return email;
  return report(
    'email',
    `${quote(text)} does not look like an email address — write it as name@example.com.`,
  );
}

function readChain(
  text: string | undefined,
  walletText: string | undefined,
  report: Report,
): Chain | undefined {
  if (text === undefined) {
    // The markdown template has no chain question; "0xabc… (Base)" names it on the wallet line.
    const named =
      walletText === undefined ? undefined : parseChain(walletText.replace(addressIn(walletText), ' '));
    return named ?? report('chain', missingMessage('chain'));
  }
  return (
    parseChain(text) ??
    report(
      'chain',
      `${quote(text)} is not one of the supported chains — choose exactly one of ${CHAINS.join(', ')}.`,
    )
  );
}

/** The address in a wallet answer that may carry more words: "0xabc… (USDC on Base)". */
function addressIn(text: string): string {
  const tokens = text.split(/[\s,;:.()<>[\]`'"*]+/).filter((token) => token !== '');
  return tokens.find((token) => /^[0-9A-Za-z]{20,}$/.test(token)) ?? text.trim();
}

const FAMILY_NAMES: Readonly<Record<AddressFamily, string>> = {
  evm: 'an EVM (0x…)',
  solana: 'a Solana',
  tron: 'a Tron',
};

const FORMAT_HINTS: Readonly<Record<AddressFamily, string>> = {
  evm: '0x followed by 40 hexadecimal characters',
  solana: '32 to 44 base58 characters',
  tron: '34 base58 characters starting with T',
};

function readWallet(text: string | undefined, chain: Chain | undefined, report: Report): string | undefined {
  if (text === undefined) return undefined;
  const address = addressIn(text);
  const validFamilies = addressFamiliesOf(address);
  if (chain === undefined) {
    if (validFamilies.length > 0) return address;
    return report(
      'wallet',
      `${quote(address)} is not a wallet address on any supported chain — copy the address again from your wallet.`,
    );
  }
  const check = checkWallet(address, chain);
  if (check.valid) return address;
  const name = chainName(chain);
  if (check.reason === 'checksum') {
    return report(
      'wallet',
      `${quote(address)} fails its ${addressFamilyOf(chain) === 'evm' ? 'EIP-55 ' : ''}checksum, so a character is probably mistyped — copy the address again from your wallet.`,
    );
  }
  const otherFamily = validFamilies[0];
  if (otherFamily !== undefined) {
    return report(
      'wallet',
      `${quote(address)} is ${FAMILY_NAMES[otherFamily]} address, not a ${name} one — choose the chain this address is on, or give your ${name} address.`,
    );
  }
  return report(
    'wallet',
    `${quote(address)} is not a valid ${name} address — a ${name} address is ${FORMAT_HINTS[addressFamilyOf(chain)]}.`,
  );
}

const MINIMUM_UNITS: Readonly<Record<'vcpu' | 'ramGb' | 'diskGb', string>> = {
  vcpu: 'vCPU',
  ramGb: 'GB',
  diskGb: 'GB SSD',
};

function readMinimum(
  text: string | undefined,
  parse: (text: string) => number | undefined,
  minimum: number,
  key: 'vcpu' | 'ramGb' | 'diskGb',
  report: Report,
): number | undefined {
  if (text === undefined) return undefined;
  const value = parse(text);
  if (value === undefined || value <= 0) {
    const what = key === 'vcpu' ? 'a number of vCPUs' : 'a size I can read';
    return report(key, `${quote(text)} is not ${what} — ${askFor(key)}.`);
  }
  if (value < minimum) {
    const unit = MINIMUM_UNITS[key];
    const shown = key === 'vcpu' ? `${formatNumber(value)} vCPU` : `${formatNumber(value)} GB`;
    return report(
      key,
      `${shown} is below the ${formatNumber(minimum)} ${unit} minimum per node — ${UPGRADE}.`,
    );
  }
  return value;
}

function readNodes(text: string | undefined, maxNodes: number, report: Report): number | undefined {
  const ask = `${askFor('nodes')}, from 1 to ${maxNodes}`;
  if (text === undefined) return report('nodes', missingMessage('nodes', ask));
  const nodes = parseNodeCount(text);
  if (nodes === undefined) return report('nodes', `${quote(text)} is not a whole number of nodes — ${ask}.`);
  if (nodes < 1) return report('nodes', `${nodes} nodes is fewer than the minimum of 1 — ${ask}.`);
  if (nodes > maxNodes) {
    return report(
      'nodes',
      `${nodes} nodes is more than the ${maxNodes}-node maximum per operator — apply with at most ${maxNodes} nodes.`,
    );
  }
  return nodes;
}

function readHours(text: string | undefined, report: Report): number | undefined {
  if (text === undefined) return undefined;
  const hours = parseHoursPerWeek(text);
  if (hours !== undefined && hours > 0 && hours <= 168) return hours;
  return report(
    'hoursPerWeek',
    `${quote(text)} is not a number of hours from 1 to 168 — ${askFor('hoursPerWeek')}.`,
  );
}

function readYesNo(text: string | undefined, key: FieldKey, report: Report): boolean | undefined {
  if (text === undefined) return undefined;
  const answer = parseYesNo(text);
  if (answer !== undefined) return answer;
  const offersBoth = /\byes\b/i.test(text) && /\bno\b/i.test(text);
  return report(
    key,
    offersBoth
      ? `${quote(text)} gives both answers — keep only the one that applies, Yes or No.`
      : `${quote(text)} is neither Yes nor No — answer Yes or No.`,
  );
}

function readCommitment(
  text: string | undefined,
  key: 'uptime' | 'exitNotice' | 'sovereignty',
  report: Report,
): boolean | undefined {
  const answer = readYesNo(text, key, report);
  if (answer !== false) return answer;
  return report(
    key,
    'You answered No, but this commitment is required to join the program — answer Yes if you can commit to it.',
  );
}

function readUsername(text: string | undefined, key: FieldKey, report: Report): string | undefined {
  if (text === undefined) return undefined;
  const name = parseUsername(text);
  if (name !== undefined && isGiteaUsername(name)) return name;
  return report(key, `${quote(text)} is not a valid Gitea username — ${askFor(key)}.`);
}

function readOptionalUsername(text: string | undefined, report: Report): string | undefined {
  const given = optional(text);
  return given === undefined ? undefined : readUsername(given, 'referredBy', report);
}

function readSignedOn(text: string | undefined, report: Report): string | undefined {
  if (text === undefined) return undefined;
  return (
    parseDate(text) ??
    report('signedOn', `${quote(text)} is not a date I can read — write it as YYYY-MM-DD, e.g. 2026-11-20.`)
  );
}
