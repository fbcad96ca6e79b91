// The documentation links slotguard hands out (SARIF helpUri, ESLint's meta.docs.url) lead to pages
// that exist: each maps to a file under docs/ of this repository (shipped in the package too), and
// the repository they name is the one package.json declares.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import plugin from '../../rules/index.js';
import { repositoryUrl } from '../../rules/docs-url.js';
import { packageRoot, runCli } from './capture.js';

const blobPrefix = `${repositoryUrl}/blob/main/`;

/** The repository file a documentation URL points at, or why it points nowhere. */
function documentedFile(url: string | undefined): { file: string } | { problem: string } {
  if (url === undefined) return { problem: 'no URL' };
  if (!url.startsWith(blobPrefix)) return { problem: `${url} is not under ${blobPrefix}` };
  const path = url.slice(blobPrefix.length).split('#')[0] ?? '';
  if (!path.startsWith('docs/')) return { problem: `${url} is not a page of docs/` };
  return existsSync(join(packageRoot, path)) ? { file: path } : { problem: `${url}: ${path} does not exist` };
}

test('every SARIF helpUri of slotguard check points at a page in docs/', () => {
  const result = runCli(['check', '--format', 'sarif', 'leaky'], { cwd: join(packageRoot, 'examples', 'widget-list') });
  assert.equal(result.code, 1, result.stderr);
  const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
  const rules = log.runs.flatMap((run) => run.tool.driver.rules);
  assert.equal(rules.length, Object.keys(plugin.rules).length);
  const problems = rules.flatMap((rule) => {
    const target = documentedFile(rule.helpUri);
    return 'problem' in target ? [`${rule.id}: ${target.problem}`] : [];
  });
  assert.deepEqual(problems, []);
});

test("every rule's meta.docs.url points at its own page in docs/rules/", () => {
  for (const [name, rule] of Object.entries(plugin.rules)) {
    assert.deepEqual(documentedFile(rule.meta.docs?.url), { file: `docs/rules/${name}.md` }, name);
  }
});

test('the documentation URLs name the repository package.json declares', () => {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { repository?: { url?: string }; homepage?: string };
  assert.equal(manifest.repository?.url, `git+${repositoryUrl}.git`);
  assert.equal(manifest.homepage, `${repositoryUrl}#readme`);
});

test('the URL check rejects a page that does not exist', () => {
  assert.deepEqual(documentedFile(`${blobPrefix}docs/rules/no-such-rule.md`), { problem: `${blobPrefix}docs/rules/no-such-rule.md: docs/rules/no-such-rule.md does not exist` });
  assert.ok('problem' in documentedFile('https://example.com/docs/rules/x.md'));
});
