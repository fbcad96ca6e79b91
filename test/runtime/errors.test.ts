// Errors thrown by slots: isolated, rethrown after the emission; promises and queued slots reported.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { Signal, setSlotErrorHandler, type SlotErrorContext } from '../../src/index.js';
import { Button, Counter } from './fixtures.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  setSlotErrorHandler(undefined);
});

/** Runs `body` with console.error captured; returns what it was called with. */
async function consoleErrorsDuring(body: () => Promise<void>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]): void => {
    logged.push(args);
  };
  try {
    await body();
  } finally {
    console.error = original;
  }
  return logged;
}

test('a throwing slot does not stop the others; its error is rethrown after the emission', () => {
  const signal = new Signal();
  const seen: string[] = [];
  const boom = new Error('boom');
  signal.connect(() => seen.push('a'));
  signal.connect(() => {
    throw boom;
  });
  signal.connect(() => seen.push('c'));
  assert.throws(() => signal.emit(), (error) => error === boom);
  assert.deepEqual(seen, ['a', 'c']);
});

test('several throwing slots give one AggregateError with every error, in order', () => {
  const button = new Button();
  const first = new Error('first');
  const second = new TypeError('second');
  button.clicked.connect(() => {
    throw first;
  });
  button.clicked.connect(() => {});
  button.clicked.connect(() => {
    throw second;
  });
  assert.throws(
    () => button.clicked.emit(1),
    (error: unknown) => {
      assert.ok(error instanceof AggregateError);
      assert.deepEqual(error.errors, [first, second]);
      assert.match(error.message, /2 slots of Button\.clicked threw/);
      return true;
    },
  );
});

test('a slot that throws stays connected', () => {
  const signal = new Signal();
  let calls = 0;
  signal.connect(() => {
    calls++;
    throw new Error('again');
  });
  assert.throws(() => signal.emit());
  assert.throws(() => signal.emit());
  assert.equal(calls, 2);
});

test('a once slot that throws has still ended', () => {
  const signal = new Signal();
  const connection = signal.connect(
    () => {
      throw new Error('once');
    },
    { once: true },
  );
  assert.throws(() => signal.emit(), { message: 'once' });
  assert.equal(connection.connected, false);
});

test('a nested emission that throws reaches the outer emission as that slot\'s error', () => {
  const outer = new Signal();
  const inner = new Signal();
  const seen: string[] = [];
  inner.connect(() => {
    throw new Error('inner');
  });
  outer.connect(() => inner.emit());
  outer.connect(() => seen.push('after'));
  assert.throws(() => outer.emit(), { message: 'inner' });
  assert.deepEqual(seen, ['after']);
});

test('a rejected promise of an async slot goes to the configured handler, with its context', async () => {
  const button = new Button();
  const reports: [unknown, SlotErrorContext][] = [];
  setSlotErrorHandler((error, context) => reports.push([error, context]));
  const failure = new Error('async failure');
  async function save(): Promise<void> {
    await Promise.resolve();
    throw failure;
  }
  button.clicked.connect(save);
  button.clicked.emit(1);
  await tick();
  assert.equal(reports.length, 1);
  const [error, context] = reports[0] ?? [];
  assert.equal(error, failure);
  assert.equal(context?.kind, 'rejected-promise');
  assert.equal(context?.signal, button.clicked);
  assert.equal(context?.slot, 'save');
});

test('a rejected promise never becomes an unhandled rejection, and goes to console.error by default', async () => {
  const signal = new Signal();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  const logged = await consoleErrorsDuring(async () => {
    signal.connect(() => Promise.reject(new Error('nobody awaits me')));
    signal.emit();
    await tick();
    await tick();
  });
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, []);
  assert.equal(logged.length, 1);
  assert.match(String(logged[0]?.[0]), /returned a rejected promise/);
  assert.equal((logged[0]?.[1] as Error).message, 'nobody awaits me');
});

test('a queued slot that throws is reported, not thrown from emit', async () => {
  const button = new Button();
  const counter = new Counter();
  const reports: SlotErrorContext[] = [];
  setSlotErrorHandler((_error, context) => reports.push(context));
  button.clicked.connect(
    counter,
    function fail() {
      throw new Error(`queued ${this.calls}`);
    },
    { queued: true },
  );
  button.clicked.emit(1);
  await tick();
  assert.equal(reports.length, 1);
  assert.equal(reports[0]?.kind, 'queued-slot');
  assert.equal(reports[0]?.slot, 'Counter.fail');
});

test('a handler that throws falls back to console.error', async () => {
  const signal = new Signal();
  setSlotErrorHandler(() => {
    throw new Error('handler broke');
  });
  const logged = await consoleErrorsDuring(async () => {
    signal.connect(() => Promise.reject(new Error('slot broke')));
    signal.emit();
    await tick();
  });
  assert.equal(logged.length, 2);
  assert.match(String(logged[0]?.[0]), /handler threw/);
});

test('setSlotErrorHandler returns the previous handler and refuses non-functions', () => {
  const handler = (): void => {};
  assert.equal(setSlotErrorHandler(handler), undefined);
  assert.equal(setSlotErrorHandler(undefined), handler);
  assert.throws(() => setSlotErrorHandler('log' as never), { name: 'TypeError' });
});
