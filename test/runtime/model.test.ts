// Model-based property test: random sequences of connect, disconnect, emit (with slots that emit,
// connect and disconnect while an emission runs), dispose and block, run against the runtime and
// against a small reference model. Every live slot receives every emission exactly once, in
// connection order; counts and `connected` agree; and nothing is retained: ended connections
// release their slots, and receivers are collectable while still connected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Signal, SignalObject, type Connection } from '../../src/index.js';
import { collectUntil } from './fixtures.js';

const EMITTERS = 2;
const RECEIVERS = 2;

type Action =
  | { t: 'none' }
  | { t: 'emit'; e: number; s: number }
  | { t: 'disconnect'; c: number }
  | { t: 'connect'; e: number; s: number }
  /** Emit, or connect to, the signal whose slot this is. */
  | { t: 'emitSame' }
  | { t: 'connectSame' };

type Command =
  | { t: 'connect'; e: number; s: number; r: number | null; once: boolean; action: Action }
  | { t: 'disconnect'; c: number }
  | { t: 'disconnectAll'; e: number; s: number }
  | { t: 'disconnectReceiver'; e: number; s: number; r: number }
  | { t: 'emit'; e: number; s: number }
  | { t: 'dispose'; which: 'emitter' | 'receiver'; i: number }
  | { t: 'block'; e: number; on: boolean };

const emitter = fc.integer({ min: 0, max: EMITTERS - 1 });
const signalIndex = fc.integer({ min: 0, max: 1 });
const receiver = fc.integer({ min: 0, max: RECEIVERS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ t: 'none' as const }) },
  fc.record({ t: fc.constant('emit' as const), e: emitter, s: signalIndex }),
  fc.record({ t: fc.constant('disconnect' as const), c: fc.nat(20) }),
  fc.record({ t: fc.constant('connect' as const), e: emitter, s: signalIndex }),
  fc.constant({ t: 'emitSame' as const }),
  fc.constant({ t: 'connectSame' as const }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('connect' as const), e: emitter, s: signalIndex, r: fc.option(receiver, { nil: null }), once: fc.boolean(), action }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('disconnect' as const), c: fc.nat(20) }) },
  fc.record({ t: fc.constant('disconnectAll' as const), e: emitter, s: signalIndex }),
  fc.record({ t: fc.constant('disconnectReceiver' as const), e: emitter, s: signalIndex, r: receiver }),
  { weight: 4, arbitrary: fc.record({ t: fc.constant('emit' as const), e: emitter, s: signalIndex }) },
  fc.record({ t: fc.constant('dispose' as const), which: fc.constantFrom('emitter' as const, 'receiver' as const), i: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ t: fc.constant('block' as const), e: emitter, on: fc.boolean() }),
);

class Emitter extends SignalObject {
  readonly s0 = new Signal(this, 's0');
  readonly s1 = new Signal(this, 's1');
}

interface ModelConnection {
  readonly id: number;
  readonly e: number;
  readonly s: number;
  readonly r: number | null;
  readonly once: boolean;
  readonly action: Action;
  live: boolean;
}

/** The reference: plain arrays, a snapshot per emission, nothing clever. */
class Model {
  readonly connections: ModelConnection[] = [];
  readonly log: number[] = [];
  readonly emitterDisposed = [false, false];
  readonly receiverDisposed = [false, false];
  readonly blocked = [false, false];

  connect(e: number, s: number, r: number | null, once: boolean, act: Action): boolean {
    if (this.emitterDisposed[e] === true) return false;
    const live = r === null || this.receiverDisposed[r] !== true;
    this.connections.push({ id: this.connections.length, e, s, r, once, action: act, live });
    return true;
  }

  emit(e: number, s: number, depth: number): void {
    if (this.blocked[e] === true) return;
    const snapshot = this.connections.filter((c) => c.live && c.e === e && c.s === s);
    for (const c of snapshot) {
      if (!c.live) continue;
      if (c.once) c.live = false;
      this.log.push(c.id);
      if (depth < 2) this.act(c.action, depth + 1, c);
    }
  }

  act(a: Action, depth: number, self: ModelConnection): void {
    if (a.t === 'emitSame') this.emit(self.e, self.s, depth);
    else if (a.t === 'connectSame') this.connect(self.e, self.s, null, false, { t: 'none' });
    else if (a.t === 'emit') this.emit(a.e, a.s, depth);
    else if (a.t === 'disconnect') this.end((c) => c === this.connections[a.c % this.connections.length]);
    else if (a.t === 'connect') this.connect(a.e, a.s, null, false, { t: 'none' });
  }

  end(matches: (c: ModelConnection) => boolean): void {
    for (const c of this.connections) if (matches(c)) c.live = false;
  }

  count(e: number, s: number): number {
    return this.connections.filter((c) => c.live && c.e === e && c.s === s).length;
  }
}

/** The runtime under test, driven by the same commands. */
class Real {
  readonly emitters = [new Emitter(), new Emitter()];
  receivers: SignalObject[] = [new SignalObject(), new SignalObject()];
  readonly connections: Connection[] = [];
  /** Slot tokens of each connection, to check that ended connections release their slots. */
  readonly tokens: WeakRef<object>[] = [];
  readonly log: number[] = [];
  depth = 0;

  signal(e: number, s: number): Signal {
    const owner = this.emitters[e] as Emitter;
    return s === 0 ? owner.s0 : owner.s1;
  }

  connect(e: number, s: number, r: number | null, once: boolean, act: Action): boolean {
    if (this.emitters[e]?.isDisposed === true) {
      assert.throws(() => this.signal(e, s).connect(() => {}), /disposed/);
      return false;
    }
    const id = this.connections.length;
    const token = { id };
    // Weakly: a slot closure that held its receiver would keep it alive (the leak the runtime cannot see).
    const expectedThis = r === null ? undefined : new WeakRef(this.receivers[r] as SignalObject);
    const slot = function (this: unknown): void {
      real.log.push(token.id);
      if (expectedThis !== undefined) assert.equal(this, expectedThis.deref());
      if (real.depth < 2) {
        real.depth++;
        try {
          real.act(act, e, s);
        } finally {
          real.depth--;
        }
      }
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the slot runs with its receiver as `this`
    const real = this;
    const options = { once };
    const connection = r === null ? this.signal(e, s).connect(slot, options) : this.signal(e, s).connect(this.receivers[r] as SignalObject, slot, options);
    this.connections.push(connection);
    this.tokens.push(new WeakRef(token));
    return true;
  }

  act(a: Action, e: number, s: number): void {
    if (a.t === 'emitSame') this.signal(e, s).emit();
    else if (a.t === 'connectSame') this.connect(e, s, null, false, { t: 'none' });
    else if (a.t === 'emit') this.signal(a.e, a.s).emit();
    else if (a.t === 'disconnect') this.connections[a.c % this.connections.length]?.disconnect();
    else if (a.t === 'connect') this.connect(a.e, a.s, null, false, { t: 'none' });
  }
}

function run(model: Model, real: Real, cmd: Command): void {
  switch (cmd.t) {
    case 'connect':
      assert.equal(real.connect(cmd.e, cmd.s, cmd.r, cmd.once, cmd.action), model.connect(cmd.e, cmd.s, cmd.r, cmd.once, cmd.action));
      break;
    case 'disconnect': {
      if (model.connections.length === 0) break;
      const index = cmd.c % model.connections.length;
      const target = model.connections[index];
      const wasLive = target?.live === true;
      model.end((c) => c === target);
      assert.equal(real.connections[index]?.disconnect(), wasLive);
      break;
    }
    case 'disconnectAll': {
      const expected = model.count(cmd.e, cmd.s);
      model.end((c) => c.e === cmd.e && c.s === cmd.s);
      assert.equal(real.signal(cmd.e, cmd.s).disconnect(), expected);
      break;
    }
    case 'disconnectReceiver': {
      const matches = (c: ModelConnection): boolean => c.live && c.e === cmd.e && c.s === cmd.s && c.r === cmd.r;
      const expected = model.connections.filter(matches).length;
      model.end(matches);
      assert.equal(real.signal(cmd.e, cmd.s).disconnect(real.receivers[cmd.r] as SignalObject), expected);
      break;
    }
    case 'emit':
      model.emit(cmd.e, cmd.s, 0);
      real.signal(cmd.e, cmd.s).emit();
      break;
    case 'dispose':
      if (cmd.which === 'emitter') {
        model.emitterDisposed[cmd.i] = true;
        model.end((c) => c.e === cmd.i);
        real.emitters[cmd.i]?.dispose();
      } else {
        model.receiverDisposed[cmd.i] = true;
        model.end((c) => c.r === cmd.i);
        real.receivers[cmd.i]?.dispose();
      }
      break;
    case 'block':
      model.blocked[cmd.e] = cmd.on;
      real.emitters[cmd.e]?.blockSignals(cmd.on);
      break;
  }
}

function assertSameState(model: Model, real: Real): void {
  assert.deepEqual(real.log, model.log);
  for (let e = 0; e < EMITTERS; e++) {
    for (let s = 0; s < 2; s++) assert.equal(real.signal(e, s).connectionCount, model.count(e, s), `count of emitter ${e} signal ${s}`);
  }
  assert.deepEqual(
    real.connections.map((c) => c.connected),
    model.connections.map((c) => c.live),
  );
}

test('the runtime agrees with the reference model, and retains nothing it should not', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
      const model = new Model();
      const real = new Real();
      for (const cmd of commands) {
        run(model, real, cmd);
        assertSameState(model, real);
      }
      // Ended connections released their slots, though the handles are still held here.
      const ended = real.tokens.filter((_, i) => model.connections[i]?.live === false);
      // Receivers can be collected while still connected.
      const receivers = real.receivers.map((r) => new WeakRef(r));
      real.receivers = [];
      const released = await collectUntil(() => ended.every((t) => t.deref() === undefined) && receivers.every((r) => r.deref() === undefined), 10);
      assert.equal(released, true, 'an ended slot or a dropped receiver was retained');
    }),
    { numRuns: 100 },
  );
});
