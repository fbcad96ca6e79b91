// `npm run demo`: the widget-list example's leak found three ways, then fixed.
//   1. in the editor: ESLint with slotguard's plugin (slotguard.configs.recommended);
//   2. in CI: `slotguard check`, no ESLint configuration needed;
//   3. at run time: a dev build under --expose-gc, whose leak probes report dropped rows and a
//      growing signal.
// Each step runs on the leaky and the fixed version; the fixed one must stay silent. Exits 1 if
// any of that does not hold, so the demo doubles as a smoke test of a fresh clone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'widget-list');
const versions = ['leaky', 'fixed'];

function heading(text) {
  console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

function node(args, options = {}) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function buildExample() {
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const result = node([tsc, '-p', join(example, 'tsconfig.json')], { cwd: root });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    throw new Error('The example does not compile (see above). Run "npm run build" first.');
  }
}

/** Lints both versions in one ESLint run (one TypeScript program), then reports each. */
async function lintWithEslint() {
  const eslint = new ESLint({ cwd: example });
  const formatter = await eslint.loadFormatter('stylish');
  const results = await eslint.lintFiles(versions);
  const counts = {};
  for (const version of versions) {
    const own = results.filter((result) => result.filePath.startsWith(join(example, version)));
    const text = await formatter.format(own);
    process.stdout.write(text === '' ? `${version}: no findings\n` : text);
    counts[version] = own.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  }
  return counts;
}

function checkWithCli(version) {
  const result = node([join(root, 'dist', 'cli', 'main.js'), 'check', version], { cwd: example });
  if (result.status === 2) throw new Error(`slotguard check failed: ${result.stderr}`);
  process.stdout.write(result.stdout === '' ? `${version}: no findings (exit ${result.status})\n` : `${result.stdout}(exit ${result.status})\n`);
  return Number(/(\d+) problems?/.exec(result.stdout)?.[1] ?? 0);
}

function runDevBuild(version) {
  const main = join(root, 'dist', 'examples', 'widget-list', version, 'main.js');
  const env = { ...process.env, NODE_ENV: 'development' };
  const result = node(['--expose-gc', '--enable-source-maps', main], { cwd: root, env });
  // The warnings came while the session ran, before its last line.
  process.stdout.write(result.stderr);
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`The ${version} example exited with ${result.status}.`);
  // Leak reports are Node warnings of slotguard's own type, one line each: "(node:PID) [CODE]
  // SlotguardLeakWarning: …"; repeats of the same leak are summed up as "(N more since the first warning…".
  const warnings = result.stderr.split('\n').filter((line) => /^\(node:\d+\) \[SLOTGUARD_\w+\] SlotguardLeakWarning/.test(line));
  return warnings.reduce((sum, line) => {
    const repeats = /\((\d+) more since the first warning/.exec(line)?.[1];
    return sum + (repeats !== undefined ? Number(repeats) : 1);
  }, 0);
}

buildExample();
const counts = { eslint: {}, check: {}, runtime: {} };
heading('1. In the editor: ESLint with slotguard.configs.recommended');
counts.eslint = await lintWithEslint();
heading('2. In CI: slotguard check (no ESLint configuration needed)');
for (const version of versions) counts.check[version] = checkWithCli(version);
heading('3. At run time: a dev build under --expose-gc');
for (const version of versions) {
  console.log(`-- ${version}`);
  counts.runtime[version] = runDevBuild(version);
}

heading('Summary');
const line = (label, byVersion, unit) => `${label.padEnd(34)} leaky: ${byVersion.leaky} ${unit}, fixed: ${byVersion.fixed}`;
console.log(line('editor (ESLint + slotguard plugin)', counts.eslint, 'findings'));
console.log(line('CI (slotguard check)', counts.check, 'findings'));
console.log(line('run time (dev build, leak probes)', counts.runtime, 'leak reports'));

const held = Object.values(counts).every((byVersion) => byVersion.leaky > 0 && byVersion.fixed === 0);
if (!held) {
  console.error('\nThe demo did not behave as expected: the leaky version must be caught three ways and the fixed one never.');
  process.exitCode = 1;
}
