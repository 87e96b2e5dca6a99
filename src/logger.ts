import pino from 'pino';

/** JSON logs; values under these paths never reach a log line even if an object carrying them is logged. */
const REDACT = [
  'token',
  'secret',
  'password',
  'authorization',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.GITEA_TOKEN',
  '*.WEBHOOK_SECRET',
  'headers.authorization',
  '*.headers.authorization',
  '*.botToken',
  '*.*.botToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'operator-bot' } },
    destination,
  );
}

export type { Logger } from 'pino';
