// `npm run fuzz`: the importer fuzz test with many more cases than npm test runs.
// FUZZ_CASES (default 3000) and FUZZ_SEED (default: a new one, printed) pick the run.
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const cases = process.env.FUZZ_CASES ?? '3000';
console.log(`fuzzing ${cases} cases, seed ${seed} (repeat with FUZZ_SEED=${seed})`);
const run = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--testTimeout=0'], { stdio: 'inherit', env: { ...process.env, FUZZ_CASES: cases, FUZZ_SEED: seed } });
process.exit(run.status ?? 1);
