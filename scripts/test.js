// `npm test`: every vitest suite (unit, store, CLI, end-to-end), then the one summary line CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const report = 'test/artifacts/vitest.json';
fs.mkdirSync('test/artifacts', { recursive: true });
fs.rmSync(report, { force: true });
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  // Suites that fail to load count as failures too: a broken file must not hide its tests.
  failed = results.numFailedTests + results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
