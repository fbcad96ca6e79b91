// Every relative link in README.md and docs/ leads somewhere: the file exists and, when the link
// names an anchor, the target has a heading with that anchor (GitHub's slugs).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { headingAnchors, markdownLinks } from './markdown.js';

const root = join(import.meta.dirname, '..', '..', '..');

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
  return [join(root, 'README.md'), ...docs].sort();
}

/** What is wrong with one link of `file`, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#', 2);
  const resolved = path === '' ? file : join(dirname(file), decodeURIComponent(path));
  if (!existsSync(resolved)) return `${target}: no such file`;
  if (anchor === undefined || anchor === '' || statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return undefined;
  return headingAnchors(readFileSync(resolved, 'utf8')).has(anchor.toLowerCase()) ? undefined : `${target}: no heading with anchor #${anchor}`;
}

test('every relative link in README.md and docs/ resolves to a file and anchor', () => {
  const broken = markdownFiles().flatMap((file) =>
    markdownLinks(readFileSync(file, 'utf8'))
      .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target))
      .flatMap((target) => {
        const problem = brokenLink(file, target);
        return problem === undefined ? [] : [`${relative(root, file)}: ${problem}`];
      }),
  );
  assert.deepEqual(broken, []);
});

test('the link check sees broken files and anchors', () => {
  const readme = join(root, 'README.md');
  assert.equal(brokenLink(readme, 'docs/cli.md'), undefined);
  assert.match(brokenLink(readme, 'docs/no-such-page.md') ?? '', /no such file/);
  assert.match(brokenLink(readme, 'docs/cli.md#no-such-heading') ?? '', /no heading/);
});

test('the rule docs send preset readers to presets.md', () => {
  const rules = join(root, 'docs', 'rules');
  const toAnalysis = readdirSync(rules)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => {
      const text = readFileSync(join(rules, name), 'utf8');
      return text.split('\n').filter((line) => /presets/.test(line) && /\(\.\.\/analysis\.md\)/.test(line)).map((line) => `${name}: ${line.trim()}`);
    });
  assert.deepEqual(toAnalysis, []);
  for (const name of readdirSync(rules).filter((entry) => entry.endsWith('.md'))) {
    const text = readFileSync(join(rules, name), 'utf8');
    if (text.includes('settings.slotguard.presets')) assert.ok(markdownLinks(text).includes('../presets.md'), `${name} mentions the presets setting and links ../presets.md`);
  }
});
