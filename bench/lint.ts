// npm run bench:lint — the cost of slotguard/no-dropped-connected-emitter next to
// @typescript-eslint/no-floating-promises, both enabled in the SAME ESLint run (so both see the
// same program and the same files, interleaved file by file), measured by ESLint's own TIMING=all
// per-rule table. Several rounds, each a fresh `eslint` process (no warm caches carried over);
// prints each round, the medians and the ratio.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './lint-corpus.js';

const root = join(import.meta.dirname, '..', '..');
const ours = 'slotguard/no-dropped-connected-emitter';
const theirs = '@typescript-eslint/no-floating-promises';
const rounds = Number(process.env.ROUNDS ?? 5);
const fileCount = Number(process.env.FILES ?? 300);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Rule name → milliseconds, from ESLint's TIMING table (`Rule | Time (ms) | Relative`). */
function parseTiming(output: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const line of output.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const time = Number(cells[1]);
    if (cells.length === 3 && cells[0] !== undefined && !Number.isNaN(time) && cells[1] !== '') times.set(cells[0], time);
  }
  return times;
}

function writeConfig(dir: string): void {
  const resolve = (specifier: string) => import.meta.resolve(specifier);
  const plugin = pathToFileURL(join(root, 'dist', 'rules', 'index.js')).href;
  writeFileSync(
    join(dir, 'eslint.config.mjs'),
    `import parser from ${JSON.stringify(resolve('@typescript-eslint/parser'))};
import tseslint from ${JSON.stringify(resolve('typescript-eslint'))};
import slotguard from ${JSON.stringify(plugin)};
export default [{
  files: ['**/*.ts'],
  languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(dir)} } },
  plugins: { slotguard, '@typescript-eslint': tseslint.plugin },
  rules: { ${JSON.stringify(ours)}: 'error', ${JSON.stringify(theirs)}: 'error' },
}];
`,
  );
}

function lintOnce(dir: string): { times: Map<string, number>; findings: Map<string, number>; wallMs: number } {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const started = performance.now();
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [eslint, '--no-config-lookup', '--config', join(dir, 'eslint.config.mjs'), '--format', 'json', '--output-file', join(dir, 'report.json'), '.'], {
      cwd: dir,
      env: { ...process.env, TIMING: 'all' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // exit code 1 = findings, which the corpus has on purpose
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status !== 1 || failed.stdout === undefined) throw new Error(`eslint failed: ${failed.stderr ?? String(error)}`);
    stdout = failed.stdout;
  }
  const wallMs = performance.now() - started;
  const report = JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(join(dir, 'report.json'))}, 'utf8'))`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    messages: { ruleId: string | null }[];
  }[];
  const findings = new Map<string, number>();
  for (const file of report) for (const message of file.messages) findings.set(message.ruleId ?? 'fatal', (findings.get(message.ruleId ?? 'fatal') ?? 0) + 1);
  return { times: parseTiming(stdout), findings, wallMs };
}

const dir = mkdtempSync(join(tmpdir(), 'slotguard-bench-lint-'));
try {
  const corpus = writeCorpus(dir, fileCount, join(root, 'test', 'fixtures', 'project', 'stub', 'slotguard.ts'));
  writeConfig(dir);
  console.log(`lint benchmark: ${corpus.files} generated files, ${rounds} rounds, both rules in the same ESLint run (TIMING=all)`);
  const oursTimes: number[] = [];
  const theirsTimes: number[] = [];
  const walls: number[] = [];
  let findings = new Map<string, number>();
  for (let round = 1; round <= rounds; round++) {
    const result = lintOnce(dir);
    const a = result.times.get(ours);
    const b = result.times.get(theirs);
    if (a === undefined || b === undefined) throw new Error(`TIMING table lacks a rule: ${JSON.stringify([...result.times])}`);
    oursTimes.push(a);
    theirsTimes.push(b);
    walls.push(result.wallMs);
    findings = result.findings;
    console.log(`round ${round}: ${ours} ${a.toFixed(1)} ms, ${theirs} ${b.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}, eslint wall ${(result.wallMs / 1000).toFixed(1)} s`);
  }
  const ratios = oursTimes.map((a, index) => a / (theirsTimes[index] ?? Number.NaN));
  console.log(`findings per run: ${[...findings].map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  console.log(`median ${ours}: ${median(oursTimes).toFixed(1)} ms`);
  console.log(`median ${theirs}: ${median(theirsTimes).toFixed(1)} ms`);
  console.log(`median ratio (ours / no-floating-promises): ${median(ratios).toFixed(2)}  (target: <= 1.00)`);
  console.log(`median eslint wall time: ${(median(walls) / 1000).toFixed(1)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
