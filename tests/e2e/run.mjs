// End-to-end tests of real pages that load dist/ in headless Chromium.
// Each tests/e2e/*.test.mjs file exports `default async function ({server, browser})` that
// registers its tests with `test()` from harness.mjs.
import { readdirSync } from 'node:fs';
import { startServer, launch, run } from './harness.mjs';

const only = process.argv[2];
const server = await startServer();
const browser = await launch();
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort();
for (const file of files) {
  const module = await import(new URL(file, import.meta.url));
  await module.default({ server, browser });
}
const failed = await run();
await browser.close();
server.stop();
process.exit(failed ? 1 : 0);
