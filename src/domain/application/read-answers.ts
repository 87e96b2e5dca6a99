import { parseDate } from '../time/written-date.js';
import { parseHoursPerWeek, parseNodeCount, parseVcpu } from './counts.js';
import { isEmail, parseEmail } from './emails.js';
import { EXPERIENCE_KEYS, FIELD_LABELS, type FieldKey } from './fields.js';
import { askFor, missingMessage, quote, type Report } from './messages.js';
import { formatNumber } from './numbers.js';
import type { Problem } from './problems.js';
import type { RawApplication } from './raw.js';
import { readChain, readWallet } from './read-wallet.js';
import type { ApplicationRules } from './rules.js';
import type { Application, Experience } from './schema.js';
import { parseSizeGb } from './sizes.js';
import { type SpecsPart, splitSpecs } from './specs.js';
import { isGiteaUsername, parseUsername } from './usernames.js';
import { parseYesNo } from './yes-no.js';

/**
 * The answers read so far, before the schema confirms the whole: an answer that could not be
 * read is absent, and a commitment may still be No.
 */
export type Answers = Partial<Omit<Application, 'experience' | 'commitments'>> & {
  experience: Experience;
  commitments: Partial<Record<keyof Application['commitments'], boolean>>;
};

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
  const written = withSignedOnSplit(withSpecsSplit(raw.values));
  const report = (key: FieldKey, message: string): undefined => {
    problems.push({ field: FIELD_LABELS[key], message });
    return undefined;
  };
  const required = (key: FieldKey): string | undefined => written[key] ?? report(key, missingMessage(key));

  const answers: Answers = {
    experience: Object.fromEntries(
      EXPERIENCE_KEYS.map((key) => [key, raw.experience[key] ?? false]),
    ) as Experience,
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
  // Not required by the program: no answer (`_No response_`) reads as none and never blocks.
  answers.priorWork = optional(written.priorWork) ?? 'None';
  answers.referredBy = readOptionalUsername(written.referredBy, report);
  answers.improvementPlan = optional(written.improvementPlan);
  answers.signature = required('signature');
  answers.signedOn = readSignedOn(required('signedOn'), report);
  return { answers, problems };
}

/** The template's one-line `Specs` answer fills vCPU, RAM, storage and bandwidth not given apart. */
function withSpecsSplit(values: RawApplication['values']): RawApplication['values'] {
  if (values.specs === undefined) return values;
  const parts = splitSpecs(values.specs);
  const filled = { ...values };
  for (const [part, text] of Object.entries(parts) as [SpecsPart, string][]) filled[part] ??= text;
  return filled;
}

const TRAILING_DATE = /\d{4}-\d{2}-\d{2}$/;

/** A form asking "Signature and date" in one answer (`Alice Okafor, 2025-03-03`) fills both. */
function withSignedOnSplit(values: RawApplication['values']): RawApplication['values'] {
  const signature = values.signature;
  if (values.signedOn !== undefined || signature === undefined) return values;
  const date = TRAILING_DATE.exec(signature);
  if (!date) return values;
  let end = date.index;
  while (end > 0 && /[\s,;]/.test(signature[end - 1] as string)) end--;
  const name = signature.slice(0, end);
  return name === '' ? values : { ...values, signature: name, signedOn: date[0] };
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
