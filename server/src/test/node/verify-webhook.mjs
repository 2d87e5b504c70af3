// Verifies webhook requests as a receiver would, with the standardwebhooks npm library (the reference
// implementation of https://www.standardwebhooks.com). Run by SignatureTest:
//
//   PBXHOOKS_TEST_NODE_MODULES=/path/to/node_modules node verify-webhook.mjs cases.json
//
// PBXHOOKS_TEST_NODE_MODULES is a node_modules directory holding standardwebhooks (npm install standardwebhooks).
// cases.json is an array of {"name", "secret", "headers": {name: value}, "bodyBase64", "json": true|false}: the
// raw body bytes exactly as received. Prints one line per case, "<name> verified <payload as JSON>" or
// "<name> rejected: <reason>", and exits 0; it exits 2 only when it cannot run at all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.env.PBXHOOKS_TEST_NODE_MODULES;
if (!modules || process.argv.length !== 3) {
  console.error('usage: PBXHOOKS_TEST_NODE_MODULES=<node_modules dir> node verify-webhook.mjs <cases.json>');
  process.exit(2);
}
const { Webhook } = createRequire(join(modules, 'resolve-from-here.js'))('standardwebhooks');

for (const check of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  const body = Buffer.from(check.bodyBase64, 'base64');
  try {
    const payload = new Webhook(check.secret).verify(body, check.headers, { jsonParse: check.json });
    console.log(`${check.name} verified ${JSON.stringify(payload ?? null)}`);
  } catch (error) {
    console.log(`${check.name} rejected: ${error.message}`);
  }
}
