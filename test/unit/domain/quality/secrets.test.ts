import { describe, expect, it } from 'vitest';
import { findSecrets, type SecretKind, secretFindingSchema } from '../../../../src/domain/quality/index.js';
import { PR_DIFF, PR_DIFF_SECRETS } from './fixture-diff.js';
import { ALNUM, BASE64, HEX, newFileDiff, pemLines, planted, pseudoRandom } from './planted.js';

const kindsIn = (file: string, lines: string[]) =>
  findSecrets(newFileDiff(file, lines)).map((f) => [f.line, f.kind]);

describe('findSecrets: each pattern', () => {
  const pem = pemLines('RSA ', 200);
  const pkcs8 = pemLines('', 210);
  const pgp = pemLines('PGP ', 220).map((line) => line.replace('KEY-----', 'KEY BLOCK-----'));
  const cases: [string, string, string[], SecretKind][] = [
    ['RSA private key', 'id_rsa', pem, 'private-key'],
    ['PKCS#8 private key', 'key.pem', pkcs8, 'private-key'],
    [
      'PGP key block with headers',
      'key.asc',
      [pgp[0] ?? '', 'Version: GnuPG v2', '', ...pgp.slice(1)],
      'private-key',
    ],
    [
      'private key in a JSON string',
      'service-account.json',
      [`  "private_key": "${pkcs8[0]}\\n${pkcs8[1]}\\n${pkcs8[2]}\\n",`],
      'private-key',
    ],
    [
      'private key in string concatenation',
      'key.ts',
      [`const key = '${pem[0]}\\n' +`, `  '${pem[1]}\\n' +`, `  '${pem[2]}\\n';`],
      'private-key',
    ],
    ['GitHub classic token', 'a.ts', [`const t = '${planted.githubClassic}';`], 'github-token'],
    ['GitHub OAuth token', 'a.ts', [`x(${planted.githubOauth})`], 'github-token'],
    ['GitHub user-to-server token', 'a.ts', [`"${planted.githubUser}"`], 'github-token'],
    ['GitHub server-to-server token', 'a.sh', [`echo ${planted.githubServer}`], 'github-token'],
    ['GitHub refresh token', 'a.txt', [planted.githubRefresh], 'github-token'],
    ['GitHub fine-grained token', 'a.yml', [`pat: ${planted.githubFineGrained}`], 'github-token'],
    ['Gitea token in .env', '.env', [`GITEA_TOKEN=${planted.gitea}`], 'gitea-token'],
    ['Gitea token in YAML', 'config.yml', [`  token: "${planted.gitea}"`], 'gitea-token'],
    ['Gitea token in JSON', 'c.json', [`{"auth": "${planted.gitea}"}`], 'gitea-token'],
    ['Gitea token as an API key', 'c.py', [`API_KEY = '${planted.gitea}'`], 'gitea-token'],
    ['Gitea token in a header', 'c.sh', [`curl -H 'Authorization: token ${planted.gitea}' x`], 'gitea-token'],
    [
      'Gitea token as a bearer',
      'c.ts',
      [`headers: { authorization: "Bearer ${planted.gitea}" }`],
      'gitea-token',
    ],
    [
      'Gitea token in a query string',
      'c.sh',
      [`curl "https://g.example/api?access_token=${planted.gitea}"`],
      'gitea-token',
    ],
    [
      'Gitea token in a clone URL',
      'c.sh',
      [`git clone https://bot:${planted.gitea}@g.example/o/r.git`],
      'gitea-token',
    ],
    ['Gitea token compared', 'c.ts', [`if (req.query.token === '${planted.gitea}') ok();`], 'gitea-token'],
    ['AWS access key id', 'aws.ts', [`new S3({ accessKeyId: '${planted.awsKeyId}' })`], 'aws-access-key-id'],
    ['AWS temporary key id', 'aws.ini', [`key=${planted.awsTemporaryKeyId}`], 'aws-access-key-id'],
    [
      'AWS secret access key',
      'credentials',
      [`aws_secret_access_key = ${planted.awsSecret}`],
      'aws-secret-access-key',
    ],
    ['AWS secret in code', 'aws.ts', [`const AWS_SECRET = "${planted.awsSecret}";`], 'aws-secret-access-key'],
    ['Slack bot token', 'slack.ts', [`const slackToken = '${planted.slack}';`], 'slack-token'],
    ['Telegram bot token', 'bot.py', [`bot = Bot("${planted.telegram}")`], 'telegram-bot-token'],
    [
      'high entropy: TS constant',
      'k.ts',
      [`const apiKey = "${planted.highEntropy}";`],
      'high-entropy-assignment',
    ],
    [
      'high entropy: typed TS constant',
      'k.ts',
      [`const apiKey: string = '${planted.highEntropy}';`],
      'high-entropy-assignment',
    ],
    [
      'high entropy: object property',
      'k.js',
      [`  clientSecret: '${planted.highEntropy}',`],
      'high-entropy-assignment',
    ],
    ['high entropy: .env', '.env', [`DB_PASSWORD=${planted.highEntropy}`], 'high-entropy-assignment'],
    [
      'high entropy: export',
      'run.sh',
      [`export SMTP_PASSWD='${planted.highEntropy}'`],
      'high-entropy-assignment',
    ],
    [
      'high entropy: JSON',
      'c.json',
      [`  "refresh_token": "${planted.highEntropy}",`],
      'high-entropy-assignment',
    ],
    [
      'high entropy: YAML unquoted',
      'c.yaml',
      [`password: ${planted.highEntropy}`],
      'high-entropy-assignment',
    ],
    ['high entropy: Go', 'main.go', [`secret := "${planted.highEntropy}"`], 'high-entropy-assignment'],
    [
      'high entropy: Python bytes',
      'a.py',
      [`SECRET_KEY = b'${planted.highEntropy}'`],
      'high-entropy-assignment',
    ],
    [
      'high entropy: index assignment',
      'a.js',
      [`headers['X-Api-Key'] = '${planted.highEntropy}';`],
      'high-entropy-assignment',
    ],
    ['high entropy: CLI flag', 'ci.sh', [`deploy --token=${planted.highEntropy}`], 'high-entropy-assignment'],
    [
      'high entropy: 64 hex digits',
      '.env',
      [`SESSION_SECRET=${planted.hexSecret}`],
      'high-entropy-assignment',
    ],
    ['high entropy: JWT', 'a.ts', [`const idToken = '${planted.jwt}';`], 'high-entropy-assignment'],
    [
      'high entropy: URL with a password',
      'a.ts',
      [`const dbCredential = "postgres://op:${planted.highEntropy}@db/x";`],
      'high-entropy-assignment',
    ],
  ];

  it.each(cases)('%s', (_name, file, lines, kind) => {
    expect(kindsIn(file, lines)).toEqual([[1, kind]]);
  });

  it('reports each kind once per line, and a shaped token not again as high entropy', () => {
    expect(
      kindsIn('a.ts', [`const token = '${planted.githubClassic}', other = '${planted.githubOauth}';`]),
    ).toEqual([[1, 'github-token']]);
    expect(kindsIn('a.ts', [`token=${planted.gitea} ghToken=${planted.githubClassic}`])).toEqual([
      [1, 'github-token'],
      [1, 'gitea-token'],
    ]);
  });
});

describe('findSecrets: look-alikes and placeholders', () => {
  const sha = planted.gitSha;
  const cases: [string, string, string[]][] = [
    ['GitHub prefix, 35 characters', 'a.ts', [`t = '${planted.githubClassic.slice(0, -1)}'`]],
    ['GitHub prefix inside a longer word', 'a.ts', [`x${planted.githubClassic}`]],
    ['GitHub placeholder', 'README.md', [`GH_TOKEN=ghp_${'x'.repeat(36)}`]],
    ['GitHub zeros', 'a.ts', [`ghp_${'0'.repeat(36)}`]],
    ['AWS documentation example key', 'README.md', ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE']],
    [
      'AWS documentation example secret',
      'README.md',
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ],
    ['AWS prefix, 15 characters', 'a.ts', [`id = '${planted.awsKeyId.slice(0, -1)}'`]],
    ['Slack placeholder', '.env.example', ['SLACK_TOKEN=xoxb-your-token-here']],
    ['Telegram look-alike', 'a.ts', ['at 12345678:short-text']],
    ['changeme', 'config.yml', ['password: changeme']],
    ['masked', 'config.yml', ["apiKey: '********************'", 'token: xxxxxxxxxxxxxxxxxxxxxxxx']],
    ['angle-bracket blank', '.env.example', ['GITEA_TOKEN=<your-gitea-token>']],
    ['interpolation', 'compose.yml', [`GITEA_TOKEN: \${GITEA_TOKEN}`, 'token: "{{ .Values.gitea.token }}"']],
    ['Actions secret', 'ci.yml', [`token: \${{ secrets.GITEA_TOKEN }}`]],
    [
      'environment lookups',
      'a.ts',
      [
        'const token = process.env.GITEA_TOKEN_FOR_PRODUCTION;',
        'token = os.environ["GITEA_TOKEN"]',
        'password := os.Getenv("DB_PASSWORD")',
      ],
    ],
    ['empty strings', 'a.ts', ["const apiKey = '';", 'PASSWORD=']],
    [
      'example words',
      'a.ts',
      ["const token = 'your_token_goes_here_1234';", "secret: 'example-secret-value-9876'"],
    ],
    ['an environment variable name', 'a.ts', ["tokenEnv: 'OPERATOR_BOT_GITEA_TOKEN'"]],
    ['prose with spaces', 'a.md', ['password: "correct horse battery staple 42 Zq"']],
    [
      'code expressions',
      'a.ts',
      [
        'const token = config.gitea.accessToken;',
        'apiKey = loadApiKeyFromVault(path)',
        'secret = settings[name]',
      ],
    ],
    [
      'token URL and file path',
      'a.ts',
      [
        "tokenUrl: 'https://gitea.example/login/oauth/access_token?x=1Zq'",
        "secretPath = '/run/secrets/gitea_token_Q9x'",
      ],
    ],
    ['digests', 'a.ts', [`tokenHash: 'sha256:${planted.hexSecret}'`]],
    ['short password', '.env', ['DB_PASSWORD=hunter2']],
    ['random value under a neutral name', 'a.ts', [`const checksum = '${planted.highEntropy}';`]],
    ['sha in prose', 'CHANGELOG.md', [`Reverts ${sha}.`, `Fixed in commit ${sha} (see #12).`]],
    [
      'sha under neutral names',
      'a.json',
      [`"sha": "${sha}",`, `commit = '${sha}'`, `ref: ${sha}`, `author: ${sha}`, `monkey = '${sha}'`],
    ],
    ['null sha as a token', 'a.ts', [`token = '${'0'.repeat(40)}'`]],
    [
      'PEM marker in key-handling code',
      'pem.ts',
      ["if (line === '-----BEGIN RSA PRIVATE KEY-----') {", '  return parsePemBody(lines.slice(1));', '}'],
    ],
    [
      'public keys',
      'id.pub',
      [
        '-----BEGIN PUBLIC KEY-----',
        pseudoRandom(BASE64, 64, 300),
        '-----END PUBLIC KEY-----',
        `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${pseudoRandom(BASE64, 43, 301)} op@node`,
      ],
    ],
    [
      'package-lock integrity hashes and token-named packages',
      'package-lock.json',
      [
        '    "node_modules/js-tokens": {',
        '      "version": "4.0.0",',
        `      "integrity": "sha512-${pseudoRandom(BASE64, 86, 302)}==",`,
        '    "js-tokens": "^4.0.0",',
        `    "@octokit/auth-token": "^5.1.2"`,
      ],
    ],
    ['yarn.lock', 'yarn.lock', [`  integrity sha512-${pseudoRandom(BASE64, 86, 303)}==`]],
    [
      'TypeScript types',
      'a.ts',
      ['interface Config { token: string; apiKey?: string }', 'let secret: string | undefined;'],
    ],
    ['max tokens', 'a.ts', ['const maxTokens = 4096;']],
    ['a hex colour under a secret name', 'a.css', ['--secret-color: #a1b2c3;']],
    ['random-looking identifier', 'a.ts', [`const tokenizer = '${pseudoRandom(ALNUM, 12, 304)}';`]],
    ['hex shorter than 32', 'a.ts', [`apiKey = '${pseudoRandom(HEX, 24, 305)}'`]],
  ];

  it.each(cases)('%s', (_name, file, lines) => {
    expect(findSecrets(newFileDiff(file, lines))).toEqual([]);
  });
});

describe('findSecrets on a pull request diff', () => {
  const findings = findSecrets(PR_DIFF);

  it('finds the planted secrets on added lines, with exact files and new-file lines', () => {
    expect(findings).toEqual([
      { file: 'src/gitea/client.ts', line: 4, kind: 'gitea-token' },
      { file: 'src/gitea/client.ts', line: 43, kind: 'gitea-token' },
      { file: '.env.production', line: 3, kind: 'gitea-token' },
      { file: '.env.production', line: 4, kind: 'telegram-bot-token' },
      { file: 'deploy/keys/operator_ed25519', line: 1, kind: 'private-key' },
      { file: 'src/config/defaults.ts', line: 2, kind: 'high-entropy-assignment' },
      { file: 'src/config/defaults.ts', line: 3, kind: 'aws-access-key-id' },
      { file: 'src/config/defaults.ts', line: 4, kind: 'aws-secret-access-key' },
      { file: 'src/config/defaults.ts', line: 6, kind: 'slack-token' },
    ]);
    for (const finding of findings) expect(secretFindingSchema.parse(finding)).toEqual(finding);
  });

  it('never carries a secret value', () => {
    const text = JSON.stringify(findings);
    for (const secret of PR_DIFF_SECRETS) expect(text).not.toContain(secret);
  });

  it('reads nothing from removed lines, context lines and deleted files', () => {
    const files = new Set(findings.map((finding) => finding.file));
    expect(files.has('config/old-secrets.yml')).toBe(false);
    expect(files.has('docs/setup.md')).toBe(false);
    expect(files.has('package-lock.json')).toBe(false);
    expect(findings.some((f) => f.file === 'src/gitea/client.ts' && f.line === 3)).toBe(false);
  });
});
