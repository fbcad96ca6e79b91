// configureLeakDetection: options, their errors, turning detection off, and production mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { configureLeakDetection, registry } from '../../src/index.js';
import { collectedOf, collectGarbage } from './collect-garbage.js';
import { about, collectReports, emitterClass, onClick } from './fixtures.js';

test('bad options get errors that say what is wrong', () => {
  assert.throws(() => configureLeakDetection(null as never), /pass an options object/);
  assert.throws(() => configureLeakDetection({ treshold: 3 } as never), /unknown option 'treshold'; the options are enabled, captureStacks, listenerThreshold, onLeak/);
  assert.throws(() => configureLeakDetection({ enabled: 'yes' as never }), /enabled must be true or false, got string/);
  assert.throws(() => configureLeakDetection({ onLeak: 'console' as never }), /onLeak must be a function/);
  assert.throws(() => configureLeakDetection({ listenerThreshold: -1 }), /listenerThreshold must be a whole number/);
});

test('registry.liveObjects() lists the live, undisposed SignalObjects, weakly', async () => {
  const Row = emitterClass('LiveListedRow');
  collectReports();
  const kept = [new Row(), new Row()];
  const disposed = new Row();
  disposed.dispose();
  let dropped = () => false;
  (() => {
    dropped = collectedOf(new Row());
  })();
  const listed = () => registry.liveObjects().filter((object) => object instanceof Row);
  await collectGarbage(dropped);
  assert.deepEqual(listed(), kept);
  for (const row of kept) row.dispose();
  assert.deepEqual(listed(), []);
});

test('with enabled: false nothing is tracked or reported, and turning it back on starts afresh', async () => {
  const Row = emitterClass('UntrackedRow');
  const reports = collectReports();
  configureLeakDetection({ enabled: false, onLeak: (report) => reports.push(report) });
  const untracked = new Row();
  untracked.clicked.connect(onClick);
  assert.equal(registry.stats().liveObjects, undefined);
  assert.deepEqual(registry.liveObjects(), []);
  (() => {
    new Row().clicked.connect(onClick);
  })();
  configureLeakDetection({ onLeak: (report) => reports.push(report) });
  untracked.dispose(); // disposed while tracked again: its old connections were never recorded
  const Witness = emitterClass('UntrackedWitness');
  (() => {
    new Witness().clicked.connect(onClick);
  })();
  await collectGarbage(() => about(reports, 'UntrackedWitness').length > 0);
  assert.equal(about(reports, 'UntrackedWitness').length, 1);
  assert.deepEqual(about(reports, 'UntrackedRow'), []);
});

test('objects probed before leak detection was turned off stay silent while it is off', async () => {
  const Row = emitterClass('SilencedRow');
  const reports = collectReports();
  let gone = () => false;
  (() => {
    const row = new Row();
    row.clicked.connect(onClick);
    gone = collectedOf(row);
  })();
  configureLeakDetection({ enabled: false, onLeak: (report) => reports.push(report) });
  await collectGarbage(gone);
  await collectGarbage(() => false, 2); // the probe's own finalizer, a turn later at most
  assert.ok(gone());
  assert.deepEqual(about(reports, 'SilencedRow'), []);
  collectReports();
});

const entry = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'index.js')).href;
// Counts what leak detection would allocate per object: WeakRefs, probe registrations, stacks.
const script = `
  let weakRefs = 0, probes = 0, stacks = 0;
  const NativeWeakRef = WeakRef;
  globalThis.WeakRef = class extends NativeWeakRef { constructor(t) { super(t); weakRefs++; } };
  const register = FinalizationRegistry.prototype.register;
  FinalizationRegistry.prototype.register = function (...args) { probes++; return register.apply(this, args); };
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (...args) => { stacks++; return capture(...args); };
  const { SignalObject, Signal, registry, configureLeakDetection } = await import(${JSON.stringify(entry)});
  if (process.argv.includes('--stacks')) configureLeakDetection({ captureStacks: true });
  class Row extends SignalObject { clicked = new Signal(this, 'clicked'); }
  for (let i = 0; i < 100; i++) new Row().clicked.connect(() => {});
  console.log(JSON.stringify({ weakRefs, probes, stacks, liveObjects: registry.stats().liveObjects ?? null }));
`;

function allocations(env: Record<string, string | undefined>, args: string[] = []) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { weakRefs: number; probes: number; stacks: number; liveObjects: number | null };
}

test('NODE_ENV=production allocates no WeakRef, probe or stack per object', () => {
  assert.deepEqual(allocations({ NODE_ENV: 'production' }), { weakRefs: 0, probes: 0, stacks: 0, liveObjects: null });
});

test('twin: in development every object gets a probe, and stacks only when asked', () => {
  const dev = allocations({ NODE_ENV: 'development' });
  assert.equal(dev.probes, 100);
  assert.equal(dev.stacks, 0);
  assert.equal(dev.liveObjects, 100);
  assert.ok(dev.weakRefs >= 100);
  assert.equal(allocations({ NODE_ENV: undefined }, ['--stacks']).stacks, 200, 'one stack per creation and one per connect');
});
