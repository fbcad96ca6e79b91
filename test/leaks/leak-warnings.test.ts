import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { droppedWhileConnected, listenerThreshold, receiverDroppedWhileConnected, undisposedAtScopeEnd, usedAfterDispose } from '../../src/leaks/leak-messages.js';
import type { LeakWarning } from '../../src/leaks/leak-warnings.js';
import { maxFoldedLeaks, WarningAggregator } from '../../src/leaks/leak-warnings.js';

const at = (createdAt: string) => droppedWhileConnected({ objectType: 'Row', createdAt }, [{ signal: 'clicked', slot: 'f' }]);

function collecting() {
  const printed: LeakWarning[] = [];
  const flushes: (() => void)[] = [];
  const aggregator = new WarningAggregator((warning) => printed.push(warning), (flush) => flushes.push(flush));
  return { printed, flushes, aggregator };
}

test('the same creation site is printed once, then its repeats are summed into one line', () => {
  const { printed, flushes, aggregator } = collecting();
  for (let i = 0; i < 1000; i += 1) aggregator.onLeak(at('/app/a.ts:1:1'));
  aggregator.onLeak(at('/app/b.ts:2:2'));
  assert.equal(printed.length, 2);
  assert.equal(flushes.length, 1);
  flushes[0]?.();
  assert.equal(printed.length, 3);
  const summary = printed[2];
  assert.equal(summary?.repeats, 999);
  assert.equal(summary?.code, 'SLOTGUARD_DROPPED_WHILE_CONNECTED');
  assert.match(summary?.message ?? '', /^1000 Row objects created at \/app\/a\.ts:1:1 were garbage-collected while still connected, each with clicked → f: the same leak \(999 more since the first warning/);
  flushes[0]?.();
  assert.equal(printed.length, 3, 'nothing new to print');
});

test('objects of one creation site with different objectNames are one leak repeated', () => {
  const { printed, flushes, aggregator } = collecting();
  for (let i = 0; i < 100; i += 1) {
    aggregator.onLeak(droppedWhileConnected({ objectType: 'Row', objectName: `row-${i}`, createdAt: '/app/list.ts:9:9' }, [{ signal: 'clicked', slot: 'f' }]));
  }
  flushes.splice(0).forEach((flush) => flush());
  assert.deepEqual(printed.map((warning) => warning.repeats), [0, 99]);
});

test('without stacks, named receivers and named emitters of one kind and type fold into one leak; the summary counts objects', () => {
  const { printed, flushes, aggregator } = collecting();
  for (let i = 0; i < 50; i += 1) {
    aggregator.onLeak(receiverDroppedWhileConnected({ objectType: 'View', objectName: `view-${i}` }, [{ signal: 'changed', slot: `View::view-${i}.refresh` }], "Model 'store'"));
    aggregator.onLeak(undisposedAtScopeEnd({ objectType: 'List', objectName: `list-${i}` }, [{ signal: `Row 'row-${i}'.clicked`, slot: 'onClick' }], 1));
  }
  flushes.splice(0).forEach((flush) => flush());
  assert.deepEqual(printed.map((warning) => [warning.report.kind, warning.repeats]), [
    ['receiver-dropped-while-connected', 0],
    ['undisposed-at-scope-end', 0],
    ['receiver-dropped-while-connected', 49],
    ['undisposed-at-scope-end', 49],
  ]);
  assert.match(printed[2]?.message ?? '', /^50 View receivers were garbage-collected while still connected, each with changed → View::view-0\.refresh: the same leak \(49 more/);
  assert.equal(aggregator.size, 2);
});

test('the map of folded leaks is bounded: the oldest are forgotten, their pending summary printed first', () => {
  const { printed, aggregator } = collecting();
  aggregator.onLeak(at('/app/first.ts:1:1'));
  aggregator.onLeak(at('/app/first.ts:1:1'));
  for (let i = 0; i < maxFoldedLeaks + 500; i += 1) aggregator.onLeak(at(`/app/site-${i}.ts:1:1`));
  assert.equal(aggregator.size, maxFoldedLeaks);
  assert.deepEqual(printed.filter((warning) => warning.repeats > 0).map((warning) => [warning.report.createdAt, warning.repeats]), [['/app/first.ts:1:1', 1]]);
});

test('use-after-dispose is a misuse warning, not a leak warning', () => {
  const { printed, aggregator } = collecting();
  aggregator.onLeak(usedAfterDispose({ objectType: 'Row' }, 'clicked', 'emit', []));
  assert.equal(printed[0]?.name, 'SlotguardUseAfterDisposeWarning');
  assert.equal(printed[0]?.code, 'SLOTGUARD_USE_AFTER_DISPOSE');
});

test('a leak that keeps happening one at a time is summed up at 2, 10, 100… occurrences, not once each', () => {
  const { printed, flushes, aggregator } = collecting();
  for (let i = 0; i < 150; i += 1) {
    aggregator.onLeak(at('/app/drip.ts:1:1'));
    flushes.splice(0).forEach((flush) => flush());
  }
  assert.deepEqual(printed.map((warning) => warning.repeats), [0, 1, 9, 99]);
});

test('listener-threshold reports are never folded: each carries a new count', () => {
  const { printed, aggregator } = collecting();
  const spread = { dominant: 'f', dominantCount: 11, distinct: 1, bySite: false };
  aggregator.onLeak(listenerThreshold({ objectType: 'Model' }, 'changed', 11, 10, spread, []));
  aggregator.onLeak(listenerThreshold({ objectType: 'Model' }, 'changed', 22, 10, spread, []));
  assert.equal(printed.length, 2);
});

const warningsModule = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'leaks', 'leak-warnings.js')).href;
const messagesModule = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'leaks', 'leak-messages.js')).href;
const script = `
  const { emitLeakWarning, LeakWarning } = await import(${JSON.stringify(warningsModule)});
  const { droppedWhileConnected } = await import(${JSON.stringify(messagesModule)});
  process.on('warning', (w) => console.log(JSON.stringify({ name: w.name, code: w.code, kind: w.report.kind })));
  emitLeakWarning(new LeakWarning(droppedWhileConnected({ objectType: 'Row' }, [])));
`;

function runNode(flags: string[]) {
  return spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
}

test('in Node the warning goes through process.emitWarning with our name and code', () => {
  const run = runNode([]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { name: 'SlotguardLeakWarning', code: 'SLOTGUARD_DROPPED_WHILE_CONNECTED', kind: 'dropped-while-connected' });
  assert.match(run.stderr, /\[SLOTGUARD_DROPPED_WHILE_CONNECTED\] SlotguardLeakWarning: Row was garbage-collected/);
});

test('--no-warnings silences it, as it does Node warnings', () => {
  const run = runNode(['--no-warnings']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /SlotguardLeakWarning/);
});

const entry = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'index.js')).href;
const dropping = `
  const { Signal, SignalObject } = await import(${JSON.stringify(entry)});
  const seen = [];
  process.on('warning', (w) => {
    if (w.code !== 'SLOTGUARD_LISTENER_THRESHOLD') seen.push({ name: w.name, code: w.code, repeats: w.repeats, message: w.message });
  });
  class Row extends SignalObject { clicked = new Signal(this, 'clicked'); }
  class View extends SignalObject { refresh() {} }
  const model = new Row();
  const make = (i) => {
    const row = new Row();
    row.objectName = 'row-' + i;
    row.clicked.connect(function onClick() {});
    const view = new View();
    view.objectName = 'view-' + i;
    model.clicked.connect(view, 'refresh');
  };
  for (let i = 0; i < 50; i++) make(i);
  for (let round = 0; round < 20 && seen.length < 4; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(JSON.stringify(seen));
  model.dispose();
`;

test('by default, 50 named objects dropped from one site make one warning and one summary of the repeats, for emitters and receivers', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', '--no-warnings', '--input-type=module', '-e', dropping], { encoding: 'utf8', env: { ...process.env, NODE_ENV: '' } });
  assert.equal(run.status, 0, run.stderr);
  const seen = JSON.parse(run.stdout) as { name: string; code: string; repeats: number; message: string }[];
  assert.deepEqual(seen.map((w) => [w.name, w.code, w.repeats]).sort(), [
    ['SlotguardLeakWarning', 'SLOTGUARD_DROPPED_WHILE_CONNECTED', 0],
    ['SlotguardLeakWarning', 'SLOTGUARD_DROPPED_WHILE_CONNECTED', 49],
    ['SlotguardLeakWarning', 'SLOTGUARD_RECEIVER_DROPPED_WHILE_CONNECTED', 0],
    ['SlotguardLeakWarning', 'SLOTGUARD_RECEIVER_DROPPED_WHILE_CONNECTED', 49],
  ]);
  assert.ok(seen.some((w) => /^Row 'row-\d+' was garbage-collected while still connected, and was never disposed: clicked → onClick\./.test(w.message)));
});

test('without process.emitWarning (a browser), the warning goes to console.warn', () => {
  const host = process as { emitWarning: unknown };
  const emitWarning = host.emitWarning;
  const warn = console.warn;
  const printed: unknown[][] = [];
  host.emitWarning = undefined;
  console.warn = (...args: unknown[]) => printed.push(args);
  try {
    new WarningAggregator().onLeak(at('/app/c.ts:3:3'));
  } finally {
    host.emitWarning = emitWarning;
    console.warn = warn;
  }
  assert.equal(printed.length, 1);
  assert.match(String(printed[0]?.[0]), /^SlotguardLeakWarning \[SLOTGUARD_DROPPED_WHILE_CONNECTED\]: Row \(created at \/app\/c\.ts:3:3\) was garbage-collected/);
});
