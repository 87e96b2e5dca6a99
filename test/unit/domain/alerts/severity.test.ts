import { describe, expect, it } from 'vitest';
import { parseAlertForm } from '../../../../src/domain/alerts/form.js';
import { classifyAlert } from '../../../../src/domain/alerts/severity.js';

describe('alert severity (PROGRAM.md runbook classes)', () => {
  it.each([
    ['Gateway down on fsn1-node-2', 'critical', 'gateway down'],
    ['gateway is unreachable since 10:00', 'critical', 'gateway down'],
    ['Disk 93% full on node-1', 'critical', 'disk over 90% full'],
    ['disk usage at 100 %', 'critical', 'disk over 90% full'],
    ['Disk over 90% full', 'critical', 'disk over 90% full'],
    ['Fleet dispatch failing for all agents', 'critical', 'fleet dispatch failing'],
    ['Uptime below 99.5% this week', 'warning', 'uptime below 99.5%'],
    ['Failed cron jobs overnight', 'warning', 'failed cron jobs'],
    ['cron backup job failed', 'warning', 'failed cron jobs'],
    ['Agent loop errors in hermes', 'warning', 'agent loop errors'],
  ])('%j → %s (%s)', (text, severity, runbookClass) => {
    expect(classifyAlert({ labels: [], text })).toEqual({
      severity,
      because: `runbook class: ${runbookClass}`,
    });
  });

  it.each([['disk at 85%'], ['node rebooted for a kernel update'], ['']])(
    '%j matches no class: warning by default, saying how to change it',
    (text) => {
      const result = classifyAlert({ labels: [], text });
      expect(result.severity).toBe('warning');
      expect(result.because).toContain('/severity');
    },
  );

  it('takes the form’s answer first, then a severity label, then the text', () => {
    const text = 'Gateway down';
    expect(classifyAlert({ formSeverity: 'Warning', labels: ['severity/critical'], text }).severity).toBe(
      'warning',
    );
    expect(classifyAlert({ formSeverity: 'Let the bot decide', labels: ['severity/warning'], text })).toEqual(
      {
        severity: 'warning',
        because: 'labelled severity/warning',
      },
    );
    expect(classifyAlert({ formSeverity: 'Let the bot decide', labels: [], text }).severity).toBe('critical');
  });

  it('reads the alert form as Gitea renders it', () => {
    const body = [
      '### Operator',
      '',
      '@bob',
      '',
      '### Node',
      '',
      'fsn1-node-2',
      '',
      '### What is wrong',
      '',
      'Gateway down',
      '',
      '### Severity',
      '',
      '_No response_',
      '',
      '### Details',
      '',
      '_No response_',
    ].join('\r\n');
    expect(parseAlertForm(body)).toEqual({ operator: 'bob', node: 'fsn1-node-2', problem: 'Gateway down' });
  });
});
