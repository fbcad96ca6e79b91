// dispose() ends every signal the object owns, wherever the program keeps it (issue 15): a
// #private field, a grouped object, a Map. A signal without an owner in one of its fields is
// not the object's to end: development mode says so, naming the signal and the fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configureLeakDetection, dumpObjectInfo, Signal, SignalObject } from '../../src/index.js';
import { Button } from './fixtures.js';

class Panel extends SignalObject {
  readonly #resized = new Signal<[width: number]>(this, 'resized');
  readonly signals = { opened: new Signal(this, 'opened'), closed: new Signal<[why: string]>(this, 'closed') };
  readonly byName = new Map([['scrolled', new Signal<[y: number]>(this, 'scrolled')]]);
  readonly #hidden = new Signal(this);
  get resized(): Signal<[width: number]> {
    return this.#resized;
  }
  get hidden(): Signal {
    return this.#hidden;
  }
}

test('dispose() ends signals in a #private field, a grouped object and a Map', () => {
  const panel = new Panel();
  const connections = [
    panel.resized.connect(() => {}),
    panel.signals.opened.connect(() => {}),
    panel.signals.closed.connect(() => {}),
    panel.byName.get('scrolled')?.connect(() => {}),
    panel.hidden.connect(() => {}),
  ];
  panel.dispose();
  assert.deepEqual(connections.map((c) => c?.connected), [false, false, false, false, false]);
  assert.throws(() => panel.signals.opened.connect(() => {}), /disposed/);
});

test('blockSignals and dumpObjectInfo see them too', () => {
  const panel = new Panel();
  const seen: string[] = [];
  panel.resized.connect(() => seen.push('resized'));
  panel.signals.closed.connect((why) => seen.push(why));
  panel.blockSignals(true);
  panel.resized.emit(1);
  panel.signals.closed.emit('blocked');
  panel.blockSignals(false);
  panel.signals.closed.emit('open');
  assert.deepEqual(seen, ['open']);
  const info = dumpObjectInfo(panel);
  assert.match(info, /resized \(1 connection\)/);
  assert.match(info, /closed \(1 connection\)/);
});

test('a signal that was connected, emptied and connected again is ended once', () => {
  const button = new Button();
  button.clicked.connect(() => {}).disconnect();
  const again = button.clicked.connect(() => {});
  button.dispose();
  assert.equal(again.connected, false);
});

test('many short-lived owned signals do not accumulate on their owner', () => {
  const owner = new SignalObject();
  for (let i = 0; i < 1000; i++) new Signal(owner, `s${i}`).connect(() => {}).disconnect();
  const live = new Signal(owner, 'live');
  const kept = live.connect(() => {});
  const recorded = Object.getOwnPropertySymbols(owner)
    .map((key) => (owner as unknown as Record<symbol, unknown>)[key])
    .find((value) => Array.isArray(value)) as unknown[] | undefined;
  assert.ok(recorded !== undefined && recorded.length <= 64, `recorded ${recorded?.length} signals`);
  owner.dispose();
  assert.equal(kept.connected, false);
});

class Relay extends SignalObject {
  readonly forwarded = new Signal<[n: number]>();
}

function captureWarnings(run: () => void): Promise<Error[]> {
  const warnings: Error[] = [];
  const listener = (warning: Error): void => {
    warnings.push(warning);
  };
  process.on('warning', listener);
  run();
  // process.emitWarning delivers on the next tick
  return new Promise((resolve) => {
    setImmediate(() => {
      process.off('warning', listener);
      resolve(warnings);
    });
  });
}

test('development mode: dispose() says which ownerless signal it left connected, and the fix (once per class and field)', async () => {
  configureLeakDetection({ enabled: true, onLeak: () => {} });
  try {
    const warnings = await captureWarnings(() => {
      for (let i = 0; i < 3; i++) {
        const relay = new Relay();
        relay.forwarded.connect(() => {});
        relay.dispose();
        assert.equal(relay.forwarded.connectionCount, 1, 'an ownerless signal is not the object\'s to end');
      }
    });
    const ours = warnings.filter((w) => (w as { code?: string }).code === 'SLOTGUARD_UNOWNED_SIGNAL');
    assert.equal(ours.length, 1);
    assert.match(ours[0]?.message ?? '', /Relay\.dispose\(\) left 1 connection of the signal in field 'forwarded'/);
    assert.match(ours[0]?.message ?? '', /new Signal\(this, 'forwarded'\)/);
  } finally {
    configureLeakDetection({});
  }
});

test('production mode: no such warning', async () => {
  configureLeakDetection({ enabled: false });
  try {
    class QuietRelay extends SignalObject {
      readonly forwarded = new Signal();
    }
    const warnings = await captureWarnings(() => {
      const relay = new QuietRelay();
      relay.forwarded.connect(() => {});
      relay.dispose();
    });
    assert.deepEqual(warnings.filter((w) => (w as { code?: string }).code === 'SLOTGUARD_UNOWNED_SIGNAL'), []);
  } finally {
    configureLeakDetection({});
  }
});
