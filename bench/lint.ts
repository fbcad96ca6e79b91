// npm run bench:lint — the cost of slotguard's three rules together (no-dropped-connected-emitter,
// no-unbound-closure-slot, no-ignored-connection: the sum of their times) next to
// @typescript-eslint/no-floating-promises, measured by ESLint's own TIMING=all per-rule table on a
// generated ~300-file project. Each round runs three fresh `eslint` processes, interleaved:
//   same run:  both rules enabled together (same program, same files, file by file) — the number
//              the issue asks for; the type checker is shared and lazy, so a rule that asks a
//              question another rule already asked gets it cached: this is each rule's marginal cost;
//   alone:     each rule by itself — each pays for every checker answer it needs (standalone cost).
// Prints each round, the medians and the ratios (ours / no-floating-promises).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './lint-corpus.js';

const root = join(import.meta.dirname, '..', '..');
const ourRules = ['slotguard/no-dropped-connected-emitter', 'slotguard/no-unbound-closure-slot', 'slotguard/no-ignored-connection'] as const;
const ours = 'slotguard (3 rules)';
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

function writeConfig(dir: string, name: string, rules: readonly string[]): string {
  const resolve = (specifier: string) => import.meta.resolve(specifier);
  const plugin = pathToFileURL(join(root, 'dist', 'rules', 'index.js')).href;
  const path = join(dir, name);
  writeFileSync(
    path,
    `import parser from ${JSON.stringify(resolve('@typescript-eslint/parser'))};
import tseslint from ${JSON.stringify(resolve('typescript-eslint'))};
import slotguard from ${JSON.stringify(plugin)};
export default [{
  files: ['**/*.ts'],
  languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(dir)} } },
  plugins: { slotguard, '@typescript-eslint': tseslint.plugin },
  rules: { ${rules.map((rule) => `${JSON.stringify(rule)}: 'error'`).join(', ')} },
}];
`,
  );
  return path;
}

function lintOnce(dir: string, config: string): { times: Map<string, number>; findings: Map<string, number>; wallMs: number } {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const started = performance.now();
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [eslint, '--config', config, '--format', 'json', '--output-file', join(dir, 'report.json'), '.'], {
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
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    messages: { ruleId: string | null }[];
  }[];
  const findings = new Map<string, number>();
  for (const file of report) for (const message of file.messages) findings.set(message.ruleId ?? 'fatal', (findings.get(message.ruleId ?? 'fatal') ?? 0) + 1);
  return { times: parseTiming(stdout), findings, wallMs };
}

const dir = mkdtempSync(join(tmpdir(), 'slotguard-bench-lint-'));
try {
  const corpus = writeCorpus(dir, fileCount, join(root, 'test', 'fixtures', 'project', 'stub', 'slotguard.ts'));
  const configs = {
    both: writeConfig(dir, 'both.config.mjs', [...ourRules, theirs]),
    ours: writeConfig(dir, 'ours.config.mjs', ourRules),
    theirs: writeConfig(dir, 'theirs.config.mjs', [theirs]),
  };
  console.log(`lint benchmark: ${corpus.files} generated files, ${rounds} rounds, ESLint TIMING=all, fresh process per run`);
  const same = { ours: [] as number[], theirs: [] as number[] };
  const alone = { ours: [] as number[], theirs: [] as number[] };
  let findings = new Map<string, number>();
  const perRule: number[][] = [];
  const timeOf = (times: Map<string, number>, rule: string): number => {
    const time = times.get(rule);
    if (time === undefined) throw new Error(`TIMING table lacks ${rule}: ${JSON.stringify([...times])}`);
    return time;
  };
  const oursOf = (times: Map<string, number>): number => ourRules.reduce((sum, rule) => sum + timeOf(times, rule), 0);
  for (let round = 1; round <= rounds; round++) {
    const both = lintOnce(dir, configs.both);
    findings = both.findings;
    same.ours.push(oursOf(both.times));
    perRule.push(ourRules.map((rule) => timeOf(both.times, rule)));
    same.theirs.push(timeOf(both.times, theirs));
    alone.ours.push(oursOf(lintOnce(dir, configs.ours).times));
    alone.theirs.push(timeOf(lintOnce(dir, configs.theirs).times, theirs));
    const last = (values: number[]) => (values.at(-1) ?? Number.NaN).toFixed(1);
    console.log(
      `round ${round}: same run ${last(same.ours)} vs ${last(same.theirs)} ms (ratio ${((same.ours.at(-1) ?? 0) / (same.theirs.at(-1) ?? 1)).toFixed(2)}); ` +
        `alone ${last(alone.ours)} vs ${last(alone.theirs)} ms (ratio ${((alone.ours.at(-1) ?? 0) / (alone.theirs.at(-1) ?? 1)).toFixed(2)})`,
    );
  }
  const ratios = (a: number[], b: number[]) => a.map((value, index) => value / (b[index] ?? Number.NaN));
  console.log(`findings per run: ${[...findings].map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  console.log(`same run  median: ${ours} ${median(same.ours).toFixed(1)} ms, ${theirs} ${median(same.theirs).toFixed(1)} ms, median ratio ${median(ratios(same.ours, same.theirs)).toFixed(2)} (target <= 1.00)`);
  console.log(`same run, each rule (median ms): ${ourRules.map((rule, index) => `${rule} ${median(perRule.map((times) => times[index] ?? 0)).toFixed(1)}`).join(', ')}`);
  console.log(`alone     median: ${ours} ${median(alone.ours).toFixed(1)} ms, ${theirs} ${median(alone.theirs).toFixed(1)} ms, median ratio ${median(ratios(alone.ours, alone.theirs)).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
