#!/usr/bin/env node
// The `slotguard` bin. All the work is in run.ts; this file only binds it to the process.
import { run } from './run.js';

function wantsColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY;
}

process.exitCode = run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  color: wantsColor(),
});
