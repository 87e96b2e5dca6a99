import { describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../../src/config/duration.js';
import { markerSecretOf } from '../../../src/config/env.js';
import { ConfigError } from '../../../src/config/errors.js';
import { loadEnv, parseProgramConfig } from '../../../src/config/load.js';

describe('program config', () => {
  it('gives every number of PROGRAM.md as a default when the file is empty', () => {
    const config = parseProgramConfig('');
    expect(config.payroll).toMatchObject({
      baseCents: 15_000,
      includedNodes: 5,
      extraNodeCents: 2_500,
      approvalsRequired: 2,
      bonuses: { uptimeCents: 5_000, completionCents: 3_000, responseCents: 2_000, retentionCents: 10_000 },
      thresholds: {
        uptimePercent: 99.5,
        completionPercent: 95,
        responseWithin: 30 * 60_000,
        retentionMonths: 6,
      },
    });
    expect(config.alerts.ackWithin).toEqual({ critical: 30 * 60_000, warning: 4 * 3_600_000 });
    expect(config.onboarding.minHardware).toEqual({ vcpu: 2, ramGb: 4, diskGb: 50 });
    expect(config.onboarding.reapplyAfter).toBe(6);
    expect(config.escalation.contacts).toEqual([]);
    expect(config.program.name).toBe('Fleet Operator Program');
    expect(config.reports.dueWeekly).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(config.partners).toMatchObject({
      commissionPercent: 20,
      months: 12,
      minReferrals: 2,
      reportDueDay: 5,
    });
    expect(config.health).toEqual({
      activeOperators: { min: 3, max: 5 },
      churnBelowPercent: 10,
      uptimeAbovePercent: 99.5,
      partnerShareAbovePercent: 30,
      minOperatorsPerRegion: 2,
      menteeWithinMonths: 6,
    });
  });

  it('keeps the defaults of the keys a file does not set', () => {
    const config = parseProgramConfig('alerts:\n  ackWithin:\n    critical: 15m\n');
    expect(config.alerts.ackWithin).toEqual({ critical: 15 * 60_000, warning: 4 * 3_600_000 });
    expect(config.alerts.escalateEvery).toBe(30 * 60_000);
  });

  it.each([
    ['payroll:\n  baseCentz: 1\n', 'payroll: Unrecognized key: "baseCentz"'],
    ['alerts:\n  escalateEvery: soon\n', 'alerts.escalateEvery: "soon" is not a duration'],
    ['payroll:\n  baseCents: 150.5\n', 'payroll.baseCents'],
    [
      'onboarding:\n  reapplyAfter: 6 months\n',
      'onboarding.reapplyAfter: "6 months" is not a number of months',
    ],
    ['reports:\n  dueWeekly: monday\n', 'reports.dueWeekly: "monday" is not a weekly time'],
    ['maintainers:\n  teams: [justateam]\n', 'maintainers.teams.0: write teams as "org/team"'],
    ['program:\n  repos: [sandbox]\n', 'program.repos.0: write repos as "owner/repo"'],
    ['health:\n  churnBelowPercent: 150\n', 'health.churnBelowPercent'],
    [
      'health:\n  activeOperators: { min: 6, max: 4 }\n',
      'health.activeOperators.max: write a max at least min',
    ],
    ['payroll: [1, 2\n', 'not valid YAML'],
  ])('refuses %j naming the key path', (yaml, expected) => {
    expect(() => parseProgramConfig(yaml, 'operator-bot.yaml')).toThrowError(ConfigError);
    expect(() => parseProgramConfig(yaml, 'operator-bot.yaml')).toThrowError(expected);
  });

  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['4h', 14_400_000],
    ['7d', 604_800_000],
    ['1.5h', 5_400_000],
    ['7 days', undefined],
    ['', undefined],
  ])('reads the duration %j', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });
});

describe('durations in the program config', () => {
  it('a bare number names the key and how to write a duration', () => {
    expect(() => parseProgramConfig('alerts:\n  ackWithin:\n    critical: 30\n')).toThrowError(
      /alerts\.ackWithin\.critical: write a duration as text, e\.g\. 90s, 30m, 4h or 7d/,
    );
  });
});

describe('environment', () => {
  const complete = {
    GITEA_URL: 'https://gitea.example.org/',
    GITEA_TOKEN: 't',
    WEBHOOK_SECRET: 's',
    PROGRAM_REPO: 'fleet/program',
  };

  it('applies the defaults of INTERFACE.md and trims the URL', () => {
    const env = loadEnv(complete, 'serve');
    expect(env).toMatchObject({ PORT: 8080, LOG_LEVEL: 'info', GITEA_URL: 'https://gitea.example.org' });
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('names every variable serve needs and does not have', () => {
    expect(() => loadEnv({ PROGRAM_REPO: 'fleet/program' }, 'serve')).toThrowError(
      /GITEA_URL is not set — [^\n]+\n[\s\S]*GITEA_TOKEN is not set — [^\n]*Generate New Token[\s\S]*WEBHOOK_SECRET is not set — /,
    );
  });

  it('reads an empty variable as unset, as in a .env freshly copied from .env.example', () => {
    const blank = {
      GITEA_URL: '',
      GITEA_TOKEN: ' ',
      WEBHOOK_SECRET: '',
      PROGRAM_REPO: '',
      PORT: '',
      REDIS_URL: '',
    };
    expect(loadEnv(blank, 'tool')).toMatchObject({ PORT: 8080 });
    expect(loadEnv({ ...complete, WEBHOOK_SECRET: '' }, 'worker').WEBHOOK_SECRET).toBeUndefined();
    expect(() => loadEnv({ ...complete, WEBHOOK_SECRET: '' }, 'serve')).toThrowError(
      /^environment[^\n]*\n {2}- WEBHOOK_SECRET is not set — [^\n]+$/,
    );
  });

  it('does not need the webhook secret for a worker', () => {
    const { WEBHOOK_SECRET: _secret, ...workerEnv } = complete;
    expect(() => loadEnv(workerEnv, 'worker')).not.toThrow();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PROGRAM_REPO: 'program' }, 'PROGRAM_REPO: write it as owner/repo'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must start with redis://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MARKER_SECRET: 'short' }, 'MARKER_SECRET: use at least 16 random characters'],
  ])('refuses %j naming the variable', (override, expected) => {
    expect(() => loadEnv({ ...complete, ...override }, 'serve')).toThrowError(expected);
  });

  it('keys the markers from MARKER_SECRET, else from the bot’s token', () => {
    expect(markerSecretOf(loadEnv({ ...complete, MARKER_SECRET: 'x'.repeat(16) }, 'serve'))).toBe(
      'x'.repeat(16),
    );
    expect(markerSecretOf(loadEnv({ ...complete, GITEA_TOKEN: 'tok' }, 'serve'))).toBe('tok');
  });

  it('never echoes a secret in its error', () => {
    try {
      loadEnv({ ...complete, GITEA_TOKEN: 'super-secret-token', PORT: 'x' }, 'serve');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('super-secret-token');
    }
  });
});
