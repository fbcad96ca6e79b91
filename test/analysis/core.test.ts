// The analysis core through a ts-morph Project: the path `slotguard check` uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Node, type CallExpression, type Type } from 'ts-morph';
import { createAnalysisContext, findDroppedEmitters, resolvePresets, type EmitterModel } from '../../rules/analysis/index.js';
import { imports, projectWith } from './fixture-project.js';

describe('analysis core on a ts-morph Project', () => {
  it('finds a dropped emitter and reports offsets into the file text', () => {
    const code = `${imports}export function f() {\n  const row = new Row();\n  row.clicked.connect(() => {});\n}\n`;
    const { project, files } = projectWith({ 'core-a.ts': code });
    const context = createAnalysisContext(project);
    const file = context.sourceFile(files[0]!.getFilePath());
    assert.ok(file !== undefined);
    const findings = findDroppedEmitters(file, context);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding?.rule, 'no-dropped-connected-emitter');
    assert.equal(finding?.messageId, 'droppedAtScopeEnd');
    assert.deepEqual(finding?.data, { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' });
    assert.equal(code.slice(finding.start, finding.end), 'new Row()');
    const using = finding?.suggestions.find((suggestion) => suggestion.messageId === 'suggestUsing');
    assert.deepEqual(using?.edits.map((edit) => code.slice(edit.start, edit.end)), ['const']);
  });

  it('memoizes the context per program and options, and wraps each file once', () => {
    const { project, files } = projectWith({ 'core-b.ts': `${imports}export const x = 1;\n` });
    const first = createAnalysisContext(project, {});
    assert.equal(createAnalysisContext(project, {}), first);
    assert.equal(createAnalysisContext(project.getProgram().compilerObject, {}), first);
    assert.notEqual(createAnalysisContext(project, { strict: true }), first);
    const path = files[0]!.getFilePath();
    assert.equal(first.sourceFile(path), first.sourceFile(path));
    assert.equal(first.sourceFile('/no/such/file.ts'), undefined);
  });

  it('wraps a bare TypeScript program once per file with createWrappedNode', () => {
    const { project, files } = projectWith({ 'core-c.ts': `${imports}export function f() { new Row().clicked.connect(() => {}); }\n` });
    const program = project.getProgram().compilerObject;
    // A context from the program alone (the ESLint path): no Project to ask for files.
    const context = createAnalysisContext(program, { presets: ['slotguard'], strict: false });
    const compilerFile = program.getSourceFile(files[0]!.getFilePath());
    assert.ok(compilerFile !== undefined);
    const wrapped = context.sourceFile(compilerFile);
    assert.ok(wrapped !== undefined);
    assert.equal(context.sourceFile(compilerFile), wrapped);
    assert.equal(wrapped.compilerNode, compilerFile);
    assert.deepEqual(findDroppedEmitters(wrapped, context).map((finding) => finding.messageId), ['neverStored']);
  });

  it('reads summaries across files: a factory in one file, callers in two others', () => {
    const caller = (name: string) => `${imports}export function ${name}() {\n  const row = createConnectedRow(() => {});\n  row.setText('${name}');\n}\n`;
    const { project, files } = projectWith({ 'core-d.ts': caller('d'), 'core-e.ts': caller('e') });
    const context = createAnalysisContext(project);
    for (const file of files) {
      const findings = findDroppedEmitters(context.sourceFile(file.getFilePath())!, context);
      assert.deepEqual(findings.map((finding) => [finding.messageId, finding.data.signals]), [['droppedAtScopeEnd', "'clicked'"]]);
    }
  });

  it('reports exception paths only when strict', () => {
    const code = `${imports}export function f(bad: boolean) {\n  const row = new Row();\n  row.clicked.connect(() => {});\n  if (bad) throw new Error('bad');\n  row.dispose();\n}\n`;
    const { project, files } = projectWith({ 'core-f.ts': code });
    const path = files[0]!.getFilePath();
    const lenient = createAnalysisContext(project, { strict: false });
    const strict = createAnalysisContext(project, { strict: true });
    assert.deepEqual(findDroppedEmitters(lenient.sourceFile(path)!, lenient), []);
    const findings = findDroppedEmitters(strict.sourceFile(path)!, strict);
    assert.deepEqual(findings.map((finding) => [finding.messageId, finding.data.line]), [['droppedOnThrow', '7']]);
  });

  it('skips shapes it does not understand instead of throwing', () => {
    const code = `${imports}export function f(x: any) {\n  const row = new (x as any)();\n  row.clicked.connect(() => {});\n  label: for (;;) { break label; }\n  const { a, ...rest } = x;\n  return [a, rest, eval('1')];\n}\n`;
    const { project, files } = projectWith({ 'core-g.ts': code });
    const context = createAnalysisContext(project);
    assert.deepEqual(findDroppedEmitters(context.sourceFile(files[0]!.getFilePath())!, context), []);
  });
});

describe('emitter models (settings.slotguard.presets)', () => {
  it('defaults to the slotguard model', () => {
    assert.deepEqual(resolvePresets(undefined).map((model) => model.name), ['slotguard']);
  });

  it('rejects an unknown preset with a message that lists the known ones', () => {
    assert.throws(() => resolvePresets(['qt']), /unknown preset "qt" in settings\.slotguard\.presets\. Known presets: slotguard/);
    assert.throws(() => resolvePresets([42]), /entries must be preset names/);
    assert.throws(() => resolvePresets('slotguard' as unknown as unknown[]), /must be an array of preset names/);
  });

  it('routes recognition through a model: a toy `on`/`off` model finds a dropped listener target', () => {
    // A minimal model of an EventEmitter-like API, to prove the core asks the models, not a fixed API.
    const isBus = (type: Type) => type.getSymbol()?.getName() === 'Bus';
    const methodOf = (call: CallExpression) => {
      const callee = call.getExpression();
      return Node.isPropertyAccessExpression(callee) ? { object: callee.getExpression(), name: callee.getName() } : undefined;
    };
    const toy: EmitterModel = {
      name: 'toy',
      connectMethodNames: ['on'],
      isEmitterType: isBus,
      matchConnect(call) {
        const method = methodOf(call);
        const [event] = call.getArguments();
        if (method?.name !== 'on' || !isBus(method.object.getType()) || event === undefined || !Node.isStringLiteral(event)) return undefined;
        return { emitter: method.object, signal: event.getLiteralValue(), handle: 'none' };
      },
      matchEnd(call) {
        const method = methodOf(call);
        if (method?.name === 'close' && isBus(method.object.getType())) return { kind: 'dispose', emitter: method.object };
        return undefined;
      },
      matchOwnership: () => [],
    };
    const code = `class Bus { on(event: string, fn: () => void) { void event; void fn; return this; } close() {} }
export function leaks() { const bus = new Bus(); bus.on('data', () => {}); }
export function closes() { const bus = new Bus(); bus.on('data', () => {}); bus.close(); }
export function rowIsIgnored() { const row = { clicked: 1 }; return row; }
`;
    const { project, files } = projectWith({ 'core-h.ts': code });
    const context = createAnalysisContext(project, { presets: [toy] });
    const findings = findDroppedEmitters(context.sourceFile(files[0]!.getFilePath())!, context);
    assert.deepEqual(findings.map((finding) => [finding.messageId, finding.data.name, finding.data.signals]), [['droppedAtScopeEnd', 'bus', "'data'"]]);
  });
});
