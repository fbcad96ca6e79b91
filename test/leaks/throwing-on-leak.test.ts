// An onLeak that throws (a CI that makes leaks fatal) is isolated like a throwing slot: the error
// goes to console.error, and connect, emit and the probes finish with their state consistent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configureLeakDetection, resetLeakDetection } from '../../src/index.js';
import { collectGarbage } from './collect-garbage.js';
import { emitterClass, onClick } from './fixtures.js';

/** Leak detection on, with an onLeak that records the kind and throws; console.error captured. */
function throwingOnLeak(options: { listenerThreshold?: number } = {}) {
  const kinds: string[] = [];
  const printed: unknown[][] = [];
  resetLeakDetection();
  configureLeakDetection({
    ...options,
    enabled: true,
    onLeak: (report) => {
      kinds.push(report.kind);
      throw new Error(`leaks are fatal: ${report.kind}`);
    },
  });
  const error = console.error;
  console.error = (...args: unknown[]) => printed.push(args);
  return {
    kinds,
    printed,
    restore: () => {
      console.error = error;
      resetLeakDetection();
    },
  };
}

test('a throwing onLeak does not escape connect: the connection that passed the threshold is made and works', () => {
  const Model = emitterClass('FatalThresholdModel');
  const run = throwingOnLeak({ listenerThreshold: 2 });
  try {
    const model = new Model();
    let calls = 0;
    for (let i = 0; i < 3; i++) model.changed.connect(() => void calls++);
    assert.equal(model.changed.connectionCount, 3);
    model.changed.emit();
    assert.equal(calls, 3);
    assert.deepEqual(run.kinds, ['listener-threshold']);
    assert.match(String(run.printed[0]?.[0]), /onLeak threw while handling a listener-threshold report/);
    assert.match(String(run.printed[0]?.[1]), /leaks are fatal/);
    model.dispose();
  } finally {
    run.restore();
  }
});

test('a throwing onLeak does not escape emit or connect on a disposed object: emit stays a no-op, connect throws its own error', () => {
  const Row = emitterClass('FatalDisposedRow');
  const run = throwingOnLeak();
  try {
    const row = new Row();
    let calls = 0;
    row.clicked.connect(() => void calls++);
    row.dispose();
    row.clicked.emit(1);
    assert.equal(calls, 0);
    assert.throws(() => row.clicked.connect(onClick), /Cannot connect to signal 'clicked' of FatalDisposedRow: the object was disposed/);
    assert.equal(row.clicked.connectionCount, 0);
    assert.deepEqual(run.kinds, ['use-after-dispose', 'use-after-dispose']);
    assert.equal(run.printed.length, 2);
  } finally {
    run.restore();
  }
});

test('a throwing onLeak does not escape the probes: every dropped object is still reported', async () => {
  const Row = emitterClass('FatalDroppedRow');
  const run = throwingOnLeak();
  try {
    (() => {
      for (let i = 0; i < 3; i++) new Row().clicked.connect(onClick);
    })();
    await collectGarbage(() => run.kinds.length === 3);
    assert.deepEqual(run.kinds, ['dropped-while-connected', 'dropped-while-connected', 'dropped-while-connected']);
    assert.equal(run.printed.length, 3);
  } finally {
    run.restore();
  }
});
