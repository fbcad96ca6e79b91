// The GNOME Shell example linted twice with the gobject preset: with `gi://` typed `any`
// (ambient.d.ts, tsconfig.json) and with the real GNOME Shell 48 types (@girs/gnome-shell, a
// devDependency; tsconfig.girs.json). Both typings must compile and find the same leaks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Project } from 'ts-morph';
import { packageRoot, runCli } from './capture.js';

const example = join(packageRoot, 'examples', 'gnome-extension');

interface Finding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}

/** Runs `slotguard check --preset gobject -p <tsconfig>` on the example; its findings, in report order. */
function check(tsconfig: string): { findings: Finding[]; stderr: string } {
  const result = runCli(['check', '--format', 'json', '--preset', 'gobject', '-p', tsconfig], { cwd: example });
  assert.equal(result.code, 1, result.stderr);
  const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
  const findings = files.flatMap((file) =>
    file.messages.map((m) => ({ file: file.filePath.slice(example.length + 1).replaceAll('\\', '/'), line: m.line, ruleId: m.ruleId ?? '', message: m.message })),
  );
  return { findings, stderr: result.stderr };
}

// The three numbered leaks of leaky/extension.ts: the dropped `Main.overview` id (28), the
// per-window id that survives disable() (43), the badge put into Shell chrome and dropped (55).
const expected = [
  'leaky/extension.ts:28 slotguard/no-unbound-closure-slot',
  'leaky/extension.ts:43 slotguard/no-unbound-closure-slot',
  'leaky/extension.ts:55 slotguard/no-dropped-connected-emitter',
];

const where = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

describe('the gnome-extension example, typed two ways', () => {
  for (const tsconfig of ['tsconfig.json', 'tsconfig.girs.json']) {
    test(`${tsconfig} compiles without errors`, () => {
      const project = new Project({ tsConfigFilePath: join(example, tsconfig) });
      const diagnostics = project.getPreEmitDiagnostics();
      assert.equal(diagnostics.length, 0, project.formatDiagnosticsWithColorAndContext(diagnostics));
    });
  }

  test('gi:// typed any: the three leaks of leaky/, nothing in fixed/', () => {
    const { findings, stderr } = check('tsconfig.json');
    assert.deepEqual(where(findings), expected);
    assert.doesNotMatch(stderr, /^slotguard:/m);
    assert.match(findings[2]?.message ?? '', /'badge' \(any\)/);
  });

  test('@girs types: the same rules on the same lines, nothing in fixed/, no unresolved-types notice', () => {
    const { findings, stderr } = check('tsconfig.girs.json');
    assert.deepEqual(where(findings), expected);
    assert.doesNotMatch(stderr, /^slotguard:/m);
    // The real types reached the analysis: the badge is an St.Label there, not `any`.
    assert.match(findings[2]?.message ?? '', /'badge' \(St\.Label\)/);
  });
});
