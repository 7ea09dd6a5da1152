import { spawnSync } from 'child_process';
import { CommandRefusedError } from './io';

/** What one git call gave: its exit status and output as bytes (a note's blob is not always text). */
export interface GitResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs git in `cwd` with blocking I/O (the CLI has nothing else to do meanwhile); never through a shell. */
export function git(cwd: string, args: readonly string[], input?: Uint8Array | string): GitResult {
  const run = spawnSync('git', [...args], { cwd, input, maxBuffer: 512 * 1024 * 1024 });
  if (run.error) throw new CommandRefusedError(`git could not be run: ${run.error.message}`);
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** Runs git and gives its output as text; a failure is refused with git's own first line. */
export function gitText(cwd: string, args: readonly string[]): string {
  const result = git(cwd, args);
  if (result.status !== 0) throw new CommandRefusedError(`git ${args[0]} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout.toString('utf8');
}

/** The top of the git working tree holding `folder`; refused when it is not in one. */
export function repositoryRoot(folder: string): string {
  const result = git(folder, ['rev-parse', '--show-toplevel']);
  if (result.status !== 0) throw new CommandRefusedError(`"${folder}" is not in a git repository. Run git init there first.`);
  return result.stdout.toString('utf8').trim();
}

/** One local config value, or undefined when unset. */
export function gitConfig(root: string, key: string): string | undefined {
  const result = git(root, ['config', '--local', '--get', key]);
  return result.status === 0 ? result.stdout.toString('utf8').replace(/\n$/, '') : undefined;
}

/** The committed blob of a path: from the index first (what `git add` compares with), else from HEAD. */
export function committedBlob(root: string, path: string): Buffer | undefined {
  for (const spec of [`:${path}`, `HEAD:${path}`]) {
    const result = git(root, ['cat-file', 'blob', spec]);
    if (result.status === 0) return result.stdout;
  }
  return undefined;
}
