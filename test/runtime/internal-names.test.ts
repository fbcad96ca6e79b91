// A subclass's own field names never reach the runtime's state: SignalObject and Signal keep
// theirs under symbols that user code cannot name (issue 13: `_flags` made an object report
// itself disposed, `_state: 'idle'` broke `parent` and `dispose()`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';

class Job extends SignalObject {
  _flags = 7;
  _state: 'idle' | 'running' = 'idle';
  _s = 'user data';
  _slots = 1;
  readonly finished = new Signal<[ok: boolean]>(this, 'finished');
}

class TaggedSignal<Args extends unknown[]> extends Signal<Args> {
  _s = 'tag';
  _flags = 3;
}

test('a subclass with its own _flags, _state and _s is neither disposed nor blocked, and keeps its values', () => {
  const parent = new SignalObject();
  const job = new Job(parent);
  assert.equal(job.isDisposed, false);
  assert.equal(job.signalsBlocked(), false);
  assert.equal(job.parent, parent);
  assert.deepEqual(parent.children, [job]);
  const seen: boolean[] = [];
  job.finished.connect((ok) => seen.push(ok));
  job.finished.emit(true);
  assert.deepEqual(seen, [true]);
  assert.equal(job._flags, 7);
  assert.equal(job._state, 'idle');
  assert.equal(job._s, 'user data');
});

test('dispose() works on such a subclass: connections end, it leaves its parent, the fields stay the user\'s', () => {
  const parent = new SignalObject();
  const job = new Job(parent);
  job.objectName = 'job-1';
  const connection = job.finished.connect(() => {});
  job.dispose();
  assert.equal(job.isDisposed, true);
  assert.equal(connection.connected, false);
  assert.deepEqual(parent.children, []);
  assert.equal(job.objectName, 'job-1');
  assert.equal(job._state, 'idle');
  assert.equal(job._flags, 7);
});

test('blockSignals and the user\'s _flags do not interfere', () => {
  const job = new Job();
  const seen: boolean[] = [];
  job.finished.connect((ok) => seen.push(ok));
  job.blockSignals(true);
  job._flags = 0;
  job.finished.emit(true);
  job.blockSignals(false);
  job.finished.emit(false);
  assert.deepEqual(seen, [false]);
});

test('a Signal subclass with its own _s and _flags connects, emits and counts', () => {
  const owner = new SignalObject();
  const signal = new TaggedSignal<[n: number]>(owner, 'tagged');
  const seen: number[] = [];
  signal.connect((n) => seen.push(n));
  signal.emit(4);
  assert.deepEqual(seen, [4]);
  assert.equal(signal.connectionCount, 1);
  assert.equal(signal.owner, owner);
  assert.equal(signal._s, 'tag');
  assert.equal(signal.disconnect(), 1);
  assert.equal(signal.connectionCount, 0);
});

test('the runtime adds no string-keyed property a user could see or name', () => {
  const job = new Job();
  job.finished.connect(() => {});
  assert.deepEqual(Object.keys(new SignalObject()), []);
  assert.deepEqual(Object.keys(new Signal()), []);
  assert.deepEqual(Object.keys(job).sort(), ['_flags', '_s', '_slots', '_state', 'finished']);
});
