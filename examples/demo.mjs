// `npm run demo`: the widget-list example's leak found three ways, then fixed.
//   1. in the editor: ESLint with slotguard's plugin (slotguard.configs.recommended);
//   2. in CI: `slotguard check`, no ESLint configuration needed;
//   3. at run time: a dev build under --expose-gc, whose leak probes report dropped rows and a
//      growing signal.
// Each step runs on the leaky and the fixed version; the fixed one must stay silent. Exits 1 if
// any of that does not hold, so the demo doubles as a smoke test of a fresh clone.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'widget-list');
const versions = ['leaky', 'fixed'];

// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org): piped into a
// file or a CI log, the output is plain text.
const color = process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === '';

function heading(text) {
  console.log(color ? `\n\x1b[1m== ${text}\x1b[0m` : `\n== ${text}`);
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
  const results = await eslint.lintFiles(versions);
  const counts = {};
  for (const version of versions) {
    const own = results.filter((result) => result.filePath.startsWith(join(example, version)));
    counts[version] = await printFindings(eslint, version, own);
  }
  return counts;
}

/** Prints ESLint results (ESLint's or `slotguard check --format json`'s, the same shape) as ESLint's stylish; returns how many. */
async function printFindings(eslint, version, results) {
  const text = (await eslint.loadFormatter('stylish')).format(results, { color });
  process.stdout.write(text === '' ? `${version}: no findings\n` : text);
  return results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
}

/** `slotguard check --format json`: its results are counted from the JSON, then shown as stylish. */
async function checkWithCli(version) {
  const result = node([join(root, 'dist', 'cli', 'main.js'), 'check', '--format', 'json', version], { cwd: example });
  if (result.status === 2) throw new Error(`slotguard check failed: ${result.stderr}`);
  const count = await printFindings(new ESLint({ cwd: example }), version, JSON.parse(result.stdout));
  console.log(`(exit ${result.status})`);
  return count;
}

/**
 * Runs one version's dev build with examples/leak-count.mjs preloaded, which counts the leak
 * reports by kind through the onLeak hook and hands the counts back on a fourth pipe.
 */
function runDevBuild(version) {
  const main = join(root, 'dist', 'examples', 'widget-list', version, 'main.js');
  const env = { ...process.env, NODE_ENV: 'development' };
  const preload = pathToFileURL(join(import.meta.dirname, 'leak-count.mjs')).href;
  const result = node(['--expose-gc', '--enable-source-maps', '--import', preload, main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  // The warnings came while the session ran, before its last line.
  process.stdout.write(result.stderr);
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`The ${version} example exited with ${result.status}.`);
  const byKind = JSON.parse(result.output[3] || '{}');
  const total = Object.values(byKind).reduce((sum, count) => sum + count, 0);
  const kinds = Object.entries(byKind).map(([kind, count]) => `${count} ${kind}`);
  console.log(`${version}: ${total} leak reports${kinds.length === 0 ? '' : ` (${kinds.join(', ')})`}`);
  return total;
}

/** What the session's last line means, in plain words. */
function explainObjectCounts() {
  console.log(
    [
      '',
      '"N of M objects never disposed" counts the SignalObjects the session created (M: the controller,',
      'the list views, their rows) and how many of them had not been disposed when it ended (N). The',
      'controller lives as long as the app, so it is never disposed: that is the 1 in the fixed version,',
      'and it is not a leak. In the leaky version the rest are rows and views dropped without dispose(),',
      'and "connections never ended" are the connections they still had.',
    ].join('\n'),
  );
}

buildExample();
const counts = { eslint: {}, check: {}, runtime: {} };
heading('1. In the editor: ESLint with slotguard.configs.recommended');
counts.eslint = await lintWithEslint();
heading('2. In CI: slotguard check (no ESLint configuration needed)');
for (const version of versions) counts.check[version] = await checkWithCli(version);
heading('3. At run time: a dev build under --expose-gc');
for (const version of versions) {
  console.log(`-- ${version}`);
  counts.runtime[version] = runDevBuild(version);
}
explainObjectCounts();

heading('Summary');
const line = (label, byVersion, unit) => `${label.padEnd(34)} leaky: ${byVersion.leaky} ${unit}, fixed: ${byVersion.fixed}`;
console.log(line('editor (ESLint + slotguard plugin)', counts.eslint, 'findings'));
console.log(line('CI (slotguard check)', counts.check, 'findings'));
console.log(line('run time (dev build, leak probes)', counts.runtime, 'leak reports (counted by onLeak)'));

const held = Object.values(counts).every((byVersion) => byVersion.leaky > 0 && byVersion.fixed === 0);
if (!held) {
  console.error('\nThe demo did not behave as expected: the leaky version must be caught three ways and the fixed one never.');
  process.exitCode = 1;
}
