// `await signal.next({ signal? })`: the next emission's arguments; rejects on abort and when the
// owner is disposed first; never keeps the owner alive by itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configureLeakDetection, Signal, SignalObject } from '../../src/index.js';
import { collectUntil } from './fixtures.js';

// Objects dropped with a pending next() are reported in development; not what these tests check.
configureLeakDetection({ onLeak: () => {} });

class Job extends SignalObject {
  readonly progressed = new Signal<[done: number, total: number]>(this, 'progressed');
  readonly finished = new Signal(this, 'finished');
}

test('next() resolves with the next emission\'s arguments, and its connection ends then', async () => {
  const job = new Job();
  const next = job.progressed.next();
  assert.equal(job.progressed.connectionCount, 1);
  job.progressed.emit(1, 10);
  job.progressed.emit(2, 10);
  assert.deepEqual(await next, [1, 10]);
  assert.equal(job.progressed.connectionCount, 0);
  const none = job.finished.next();
  job.finished.emit();
  assert.deepEqual(await none, []);
});

test('next() waits for an emission after the call, even one made by a slot during an emission', async () => {
  const job = new Job();
  const seen: Promise<[number, number]>[] = [];
  job.progressed.connect((done) => {
    if (done === 1) seen.push(job.progressed.next());
  });
  job.progressed.emit(1, 3);
  job.progressed.emit(2, 3);
  assert.deepEqual(await seen[0], [2, 3]);
});

test("next({ signal }) rejects with the AbortSignal's reason when it aborts first, and ends its connection", async () => {
  const job = new Job();
  const controller = new AbortController();
  const next = job.progressed.next({ signal: controller.signal });
  const reason = new Error('cancelled by the user');
  controller.abort(reason);
  await assert.rejects(next, (error) => error === reason);
  assert.equal(job.progressed.connectionCount, 0);
  const already = AbortSignal.abort(reason);
  await assert.rejects(job.progressed.next({ signal: already }), (error) => error === reason);
  assert.equal(job.progressed.connectionCount, 0);
});

test('next() rejects with an error when the owner is disposed first, or is disposed already', async () => {
  const job = new Job();
  job.objectName = 'upload';
  const next = job.finished.next();
  job.dispose();
  await assert.rejects(next, { message: 'Signal.next: Job::upload was disposed before Job::upload.finished emitted.' });
  await assert.rejects(job.finished.next(), { message: /Cannot connect to signal 'finished' of Job "upload": the object was disposed/ });
});

test('next() rejects when the signal is disconnected before it emits', async () => {
  const signal = new Signal<[number]>(undefined, 'ticks');
  const next = signal.next();
  signal.disconnect();
  await assert.rejects(next, { message: 'Signal.next: the connection was ended (signal.disconnect()) before ticks emitted.' });
});

test('a pending next() does not keep its owner alive', async () => {
  const start = (): { pending: Promise<unknown>; owner: WeakRef<Job> } => {
    const job = new Job();
    return { pending: job.finished.next(), owner: new WeakRef(job) };
  };
  const { pending, owner } = start();
  assert.equal(await collectUntil(() => owner.deref() === undefined), true);
  assert.ok(pending instanceof Promise);
});

test('next() rejects bad options with a clear error', () => {
  const job = new Job();
  assert.throws(() => void job.finished.next({ signl: 1 } as never), { name: 'TypeError', message: "Signal.next: unknown option 'signl'. The only option is signal (an AbortSignal)." });
  assert.throws(() => void job.finished.next({ signal: {} } as never), { name: 'TypeError', message: /options\.signal must be an AbortSignal/ });
  assert.throws(() => void job.finished.next(3 as never), { name: 'TypeError', message: /options must be an object like \{ signal \}, got number/ });
  assert.equal(job.finished.connectionCount, 0);
});
