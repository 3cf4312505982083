// A real read-only file or folder for the tests. As root, chmod stops no write, so the path is
// bind-mounted read-only in a private mount namespace (unshare -m) that lives only as long as
// the command run in it: the kernel refuses every write (EROFS) and nothing leaks if a test dies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const SCRIPT = 'for p in $READ_ONLY; do mount --bind "$p" "$p" && mount -o remount,ro,bind "$p" || exit 97; done; exec "$@"';

function argv(readOnly: string[], command: string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  // Paths with spaces are not needed here; temp folders have none.
  return { args: ['-m', 'sh', '-c', SCRIPT, 'sh', ...command], env: { ...process.env, READ_ONLY: readOnly.join(' ') } };
}

/** Runs a command (to completion) with the given paths read-only. */
export function runReadOnly(readOnly: string[], command: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const { args, env: base } = argv(readOnly, command);
  const result = spawnSync('unshare', args, { encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
  if (result.status === 97 || result.error) throw new Error(`Could not mount ${readOnly.join(', ')} read-only (needs root or CAP_SYS_ADMIN for unshare -m): ${result.stderr || result.error?.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a long-running command with the given paths read-only. */
export function spawnReadOnly(readOnly: string[], command: string[], env: Record<string, string> = {}): ChildProcess {
  const { args, env: base } = argv(readOnly, command);
  return spawn('unshare', args, { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
