// Runs `slotguard` in-process with captured output, for the CLI's tests.
import { join } from 'node:path';
import { run, type RunEnvironment } from '../../cli/run.js';

export const packageRoot = join(import.meta.dirname, '..', '..', '..');
export const cliFixtures = join(packageRoot, 'test', 'fixtures', 'cli');

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export class CapturedStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export function runCli(argv: readonly string[], env: Partial<RunEnvironment> & { cwd: string }): CapturedRun {
  const stdout = new CapturedStream();
  const stderr = env.stderr instanceof CapturedStream ? env.stderr : new CapturedStream();
  const code = run(argv, { stdout, stderr, ...env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
