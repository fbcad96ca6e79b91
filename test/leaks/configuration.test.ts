// configureLeakDetection: options, their errors, turning detection off, and production mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { configureLeakDetection, registry, resetLeakDetection, type LeakReport } from '../../src/index.js';
import { collectedOf, collectGarbage } from './collect-garbage.js';
import { about, collectReports, emitterClass, onClick } from './fixtures.js';

test('bad options get errors that say what is wrong', () => {
  assert.throws(() => configureLeakDetection(null as never), /pass an options object.*got null/);
  assert.throws(() => configureLeakDetection([] as never), /pass an options object.*got an array/);
  assert.throws(() => configureLeakDetection({ treshold: 3 } as never), /unknown option 'treshold'; the options are enabled, captureStacks, trackLiveObjects, listenerThreshold, onLeak/);
  assert.throws(() => configureLeakDetection({ trackLiveObjects: 1 as never }), /trackLiveObjects must be true or false, got number/);
  assert.throws(() => configureLeakDetection({ enabled: 'yes' as never }), /enabled must be true or false, got string/);
  assert.throws(() => configureLeakDetection({ onLeak: 'console' as never }), /onLeak must be a function/);
  assert.throws(() => configureLeakDetection({ listenerThreshold: -1 }), /listenerThreshold must be a whole number/);
});

test('with trackLiveObjects, registry.liveObjects() lists the live, undisposed SignalObjects, weakly', async () => {
  const Row = emitterClass('LiveListedRow');
  collectReports({ trackLiveObjects: true });
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
  collectReports();
  assert.throws(() => registry.liveObjects(), /configureLeakDetection\(\{ trackLiveObjects: true \}\) first/);
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
  configureLeakDetection({ enabled: true });
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
// Counts what leak detection allocates per object: WeakRefs, probe registrations (and those
// with an unregister token, which cost several times more), stacks. 100 rows are connected,
// 100 more are never connected.
const script = `
  let weakRefs = 0, probes = 0, tokens = 0, stacks = 0;
  const NativeWeakRef = WeakRef;
  globalThis.WeakRef = class extends NativeWeakRef { constructor(t) { super(t); weakRefs++; } };
  const register = FinalizationRegistry.prototype.register;
  FinalizationRegistry.prototype.register = function (...args) { probes++; if (args.length > 2) tokens++; return register.apply(this, args); };
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (...args) => { stacks++; return capture(...args); };
  const { SignalObject, Signal, registry, configureLeakDetection } = await import(${JSON.stringify(entry)});
  if (process.argv.includes('--stacks')) configureLeakDetection({ captureStacks: true });
  class Row extends SignalObject { clicked = new Signal(this, 'clicked'); }
  for (let i = 0; i < 100; i++) new Row().clicked.connect(() => {});
  for (let i = 0; i < 100; i++) new Row().objectName = 'never connected';
  await new Promise((resolve) => setImmediate(resolve)); // probes are registered at the end of the job
  console.log(JSON.stringify({ weakRefs, probes, tokens, stacks, liveObjects: registry.stats().liveObjects ?? null }));
`;

function allocations(env: Record<string, string | undefined>, args: string[] = []) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { weakRefs: number; probes: number; tokens: number; stacks: number; liveObjects: number | null };
}

test('NODE_ENV=production allocates no WeakRef, probe or stack per object', () => {
  assert.deepEqual(allocations({ NODE_ENV: 'production' }), { weakRefs: 0, probes: 0, tokens: 0, stacks: 0, liveObjects: null });
});

test('twin: in development a connected object gets one probe without a token, no WeakRef; a never-connected one gets nothing', () => {
  assert.deepEqual(allocations({ NODE_ENV: 'development' }), { weakRefs: 0, probes: 100, tokens: 0, stacks: 0, liveObjects: 100 });
  const stacks = allocations({ NODE_ENV: undefined }, ['--stacks']);
  assert.equal(stacks.stacks, 300, 'one stack per creation and one per connect');
  assert.equal(stacks.weakRefs, 0);
  assert.equal(stacks.liveObjects, 100, 'with stacks too, only connected objects are watched');
});

test('where there is no process (a browser), leak detection is on by default', () => {
  const noProcess = `
    const saved = globalThis.process;
    delete globalThis.process;
    const { registry, Signal, SignalObject } = await import(${JSON.stringify(entry)});
    globalThis.process = saved;
    class Row extends SignalObject { clicked = new Signal(this, 'clicked'); }
    const row = new Row();
    row.clicked.connect(() => {});
    console.log(JSON.stringify({ liveObjects: registry.stats().liveObjects, kept: row instanceof Row }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', noProcess], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { liveObjects: 1, kept: true });
});

test('a later call changes only the options it names; resetLeakDetection() restores the defaults', () => {
  const Row = emitterClass('PartialOptionsRow');
  resetLeakDetection();
  const reports: LeakReport[] = [];
  configureLeakDetection({ captureStacks: true, listenerThreshold: 2 });
  configureLeakDetection({ onLeak: (report) => reports.push(report) });
  const row = new Row();
  for (let i = 0; i < 3; i++) row.clicked.connect(onClick);
  assert.equal(reports.length, 1, 'the threshold of 2 was kept');
  assert.match(reports[0]?.connections[0]?.connectedAt ?? '', /configuration\.test\.js:\d+:\d+$/, 'captureStacks was kept');
  assert.throws(() => configureLeakDetection({ captureStacks: false, listenerThreshold: -3 }), /listenerThreshold/);
  row.changed.connect(() => {});
  assert.match(registry.connectionsOf(row).at(-1)?.connectedAt ?? '', /configuration\.test\.js/, 'a refused call changed nothing');
  row.dispose();
  resetLeakDetection();
  const quiet = new Row();
  for (let i = 0; i < 3; i++) quiet.clicked.connect(onClick);
  assert.equal(registry.connectionsOf(quiet)[0]?.connectedAt, undefined, 'no stacks after the reset');
  assert.equal(reports.length, 1, 'the reset restored the default onLeak and threshold');
  quiet.dispose();
});
