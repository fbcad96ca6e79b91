// The two ownership finders through the CLI's door (a ts-morph Project), with what their messages
// say, and the validation of declared models in settings.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import { createAnalysisContext, findIgnoredConnections, findUnboundClosureSlots, resolvePresets } from '../../rules/analysis/index.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');

const projects = new Map<string, Project>();

/** `code` as probe.ts of a fixture project (in memory), the project loaded once per fixture. */
function fixtureFile(project: string, code: string) {
  let tsMorph = projects.get(project);
  if (tsMorph === undefined) {
    tsMorph = new Project({ tsConfigFilePath: join(fixtures, project, 'tsconfig.json') });
    projects.set(project, tsMorph);
  }
  const file = tsMorph.createSourceFile(join(fixtures, project, 'probe.ts'), code, { overwrite: true });
  return { tsMorph, file };
}

describe('ownership findings on a ts-morph Project', () => {
  it('name the class, the emitter, its type, where it comes from, the signal and the fix', () => {
    const { tsMorph, file } = fixtureFile(
      'project',
      `import { Signal, SignalObject } from 'slotguard';
class Store extends SignalObject { readonly changed = new Signal<[number]>(this, 'changed'); }
export class View extends SignalObject {
  constructor(private readonly store: Store) { super(); this.store.changed.connect(() => this.render()); }
  render() {}
}`,
    );
    const context = createAnalysisContext(tsMorph);
    const [unbound, ...moreUnbound] = findUnboundClosureSlots(file, context);
    assert.deepEqual(moreUnbound, []);
    assert.equal(unbound?.messageId, 'unboundClosureSlot');
    assert.deepEqual(
      { ...unbound?.data, fix: undefined },
      {
        className: 'View',
        alsoIgnored: unbound?.data.alsoIgnored,
        signal: 'changed',
        emitter: 'this.store',
        type: 'Store',
        origin: 'the injected `this.store`',
        lifetime: 'a shared service handed in from outside, it outlives this `View`',
        fix: undefined,
      },
    );
    assert.match(unbound?.data.fix ?? '', /this\.track/);
    assert.equal(file.getFullText().slice(unbound?.start, unbound?.end), 'this.store.changed.connect(() => this.render())');
    assert.deepEqual(
      unbound?.suggestions.map((suggestion) => suggestion.messageId),
      ['useReceiver', 'trackConnection'],
    );
    // one finding per connect call: the discarded handle is named in this finding, not reported again
    assert.match(unbound?.data.alsoIgnored ?? '', /no-ignored-connection/);
    assert.deepEqual(findIgnoredConnections(file, context), []);
  });

  it('speak each preset API: DOM listeners are removed, not disconnected', () => {
    const { tsMorph, file } = fixtureFile('presets/dom', `const relayout = () => {}; export class Layout { constructor() { window.addEventListener('resize', relayout); } }`);
    const [finding] = findIgnoredConnections(file, createAnalysisContext(tsMorph, { presets: ['dom'] }));
    assert.equal(finding?.data.what, 'The listener added to');
    assert.equal(finding?.data.origin, 'the global `window`');
    assert.match(finding?.data.fix ?? '', /removeEventListener/);
  });

  it('honour the once policy', () => {
    const { tsMorph, file } = fixtureFile('presets/dom', `const init = () => {}; export class Boot { constructor() { window.addEventListener('load', init, { once: true }); } }`);
    const context = createAnalysisContext(tsMorph, { presets: ['dom'] });
    assert.equal(findIgnoredConnections(file, context).length, 0);
    assert.equal(findIgnoredConnections(file, context, { once: 'report' }).length, 1);
    assert.equal(findIgnoredConnections(file, context, { once: 'allow' }).length, 0);
    assert.equal(findIgnoredConnections(file, context, { once: ['load'] }).length, 0);
    assert.equal(findIgnoredConnections(file, context, { once: ['close'] }).length, 1);
  });
});

describe('declared models in settings.slotguard.presets', () => {
  it('builds a model from a valid declaration, next to the built-in presets', () => {
    const models = resolvePresets(['slotguard', 'dom', { name: 'bus', connect: ['subscribe'], handle: 'id', disconnect: ['unsubscribe'] }]);
    assert.deepEqual(
      models.map((model) => [model.name, model.connectMethodNames]),
      [['slotguard', ['connect']], ['dom', ['addEventListener', 'observe', 'setInterval']], ['bus', ['subscribe']]],
    );
  });

  it('says which entry is wrong, what is wrong, and shows a valid one', () => {
    assert.throws(
      () => resolvePresets(['slotguard', { name: 'bus', connect: [], handle: 'token', colour: 'red' }]),
      (error: Error) =>
        error.message.includes('settings.slotguard.presets[1]') &&
        error.message.includes('`connect` must be a non-empty array') &&
        error.message.includes('`handle` must be one of connection, disposer, id, none') &&
        error.message.includes('unknown key(s) `colour`') &&
        error.message.includes("Example: { name: 'bus'"),
    );
    assert.throws(() => resolvePresets([{ name: 'bus', connect: ['on'], handle: 'none' }]), /give `types`, or `disconnect` methods/);
    assert.throws(() => resolvePresets(['qt']), /unknown preset "qt".*slotguard, node-events, dom, gobject/);
  });
});
