import { ALNUM, BASE64, HEX, pemLines, planted, pseudoRandom } from './planted.js';

const secondGitea = pseudoRandom(HEX, 40, 101);
const thirdGitea = pseudoRandom(HEX, 40, 102);
const openSsh = pemLines('OPENSSH ', 103);

/**
 * A pull request's diff over seven files with planted secrets, as Gitea's `.diff` returns it.
 * Removed lines, context lines and a deleted file hold secrets too: none of those may be reported.
 */
export const PR_DIFF = `diff --git a/src/gitea/client.ts b/src/gitea/client.ts
index 3f1c2aa..9b7d0e1 100644
--- a/src/gitea/client.ts
+++ b/src/gitea/client.ts
@@ -1,6 +1,7 @@
 import { createClient } from '../../quality/http.js';
 
-const token = '${planted.githubClassic}';
+const token = process.env.GITEA_TOKEN ?? '';
+const fallbackToken = '${planted.gitea}';
 const baseUrl = 'https://gitea.example';
 export function client() {
   return createClient({ baseUrl, token });
@@ -40,4 +41,5 @@ export function client() {
 function headers() {
-  return { Authorization: 'token ${planted.gitea}' };
+  return { Authorization: \`token \${token}\` };
+  // debug: curl -H "Authorization: token ${secondGitea}" https://gitea.example/api/v1/user
 }
 
diff --git a/.env.production b/.env.production
new file mode 100644
index 0000000..4c5d6e7
--- /dev/null
+++ b/.env.production
@@ -0,0 +1,5 @@
+# production settings
+LOG_LEVEL=info
+GITEA_TOKEN=${thirdGitea}
+TELEGRAM_BOT_TOKEN=${planted.telegram}
+SESSION_SECRET=\${SESSION_SECRET}
diff --git a/deploy/keys/operator_ed25519 b/deploy/keys/operator_ed25519
new file mode 100600
index 0000000..5d6e7f8
--- /dev/null
+++ b/deploy/keys/operator_ed25519
@@ -0,0 +1,5 @@
${openSsh.map((line) => `+${line}`).join('\n')}
diff --git a/docs/setup.md b/docs/setup.md
index 6e7f809..7f80912 100644
--- a/docs/setup.md
+++ b/docs/setup.md
@@ -10,5 +10,7 @@
 ## Credentials
 
 Set the token in your environment:
-Old key: ${planted.awsKeyId}
+GITEA_TOKEN=<your-token>
+The AWS documentation's example key is AKIAIOSFODNN7EXAMPLE.
+Reverted in ${planted.gitSha}; see commit ${planted.gitSha} for the reason.
 Context line keeps ${planted.awsTemporaryKeyId} and is not read.
diff --git a/config/old-secrets.yml b/config/old-secrets.yml
deleted file mode 100644
index 1234567..0000000
--- a/config/old-secrets.yml
+++ /dev/null
@@ -1,2 +0,0 @@
-github_token: ${planted.githubClassic}
-aws_secret_access_key: ${planted.awsSecret}
diff --git a/package-lock.json b/package-lock.json
index 8091a2b..91a2b3c 100644
--- a/package-lock.json
+++ b/package-lock.json
@@ -100,3 +100,9 @@
     "node_modules/js-tokens": {
       "version": "4.0.0",
+      "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",
+      "integrity": "sha512-${pseudoRandom(BASE64, 86, 104)}==",
+      "license": "MIT"
+    },
+    "node_modules/@octokit/auth-token": {
+      "integrity": "sha512-${pseudoRandom(BASE64, 86, 105)}=="
     }
diff --git a/src/config/defaults.ts b/src/config/defaults.ts
new file mode 100644
index 0000000..a1b2c3d
--- /dev/null
+++ b/src/config/defaults.ts
@@ -0,0 +1,10 @@
+export const defaults = {
+  apiKey: '${planted.highEntropy}',
+  awsAccessKeyId: '${planted.awsKeyId}',
+  awsSecretAccessKey: "${planted.awsSecret}",
+  webhookSecret: 'changeme',
+  slackToken: '${planted.slack}',
+  commit: '${planted.gitSha}',
+  passwordHash: 'sha256:${pseudoRandom(HEX, 64, 106)}',
+  checksum: '${pseudoRandom(ALNUM, 40, 107)}',
+};
`;

export const PR_DIFF_SECRETS = [
  planted.githubClassic,
  planted.gitea,
  secondGitea,
  thirdGitea,
  planted.telegram,
  ...openSsh,
  planted.awsKeyId,
  planted.awsTemporaryKeyId,
  planted.awsSecret,
  planted.highEntropy,
  planted.slack,
];
