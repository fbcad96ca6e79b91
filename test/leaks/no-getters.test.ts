// Development mode must not run the program's code behind its back (issue 14: naming a signal on
// connect walked the prototype's getters, calling each one, and created `destroyed` as a side
// effect). A signal kept behind a getter without an explicit name is reported as
// '(unnamed signal)' instead: its name is not worth a user's side effect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';
import { destroyedSignalOf } from '../../src/objects/object.js';
import { collectGarbage } from './collect-garbage.js';
import { about, collectReports } from './fixtures.js';

let getterCalls = 0;

/** A class with a signal behind a getter, and getters that count their calls (one named class per test). */
function guardedClass(name: string) {
  const Guarded = class extends SignalObject {
    // Declared first: a walk over the prototype's getters meets them before `hidden`.
    get expensive(): number {
      getterCalls++;
      return 42;
    }
    get fragile(): number {
      getterCalls++;
      throw new Error('a getter with a precondition');
    }
    readonly #hidden = new Signal<[number]>(this);
    /** The program reads this one itself; leak detection must not. */
    get hidden(): Signal<[number]> {
      return this.#hidden;
    }
    /** Reached by no getter at all: a walk over the getters would try every one, SignalObject's `destroyed` too. */
    readonly #grouped = [new Signal<[number]>(this)];
    signalAt(index: number): Signal<[number]> | undefined {
      return this.#grouped[index];
    }
  };
  Object.defineProperty(Guarded, 'name', { value: name });
  return Guarded;
}

/** Connects one function slot through the getter the program itself calls, then drops the object. */
function connectAndDrop(Guarded: ReturnType<typeof guardedClass>): void {
  const guarded = new Guarded();
  guarded.hidden.connect(() => {});
}

for (const captureStacks of [false, true]) {
  const mode = captureStacks ? 'with stacks' : 'without stacks';
  test(`development ${mode}: connecting calls none of the object's getters and does not create destroyed`, async () => {
    collectReports({ captureStacks });
    getterCalls = 0;
    const guarded = new (guardedClass(`GuardedConnect${captureStacks ? 'Stacks' : ''}`))();
    const connections = [guarded.hidden.connect(() => {}), guarded.signalAt(0)?.connect(() => {})];
    // Records are made at the end of the job (leaks/dev-registry.ts): look after it, too.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(getterCalls, 0, 'no getter of the object was called');
    assert.equal(destroyedSignalOf(guarded), undefined, 'destroyed was not created');
    for (const connection of connections) connection?.disconnect();
    guarded.dispose();
    assert.equal(getterCalls, 0, 'nor by disconnect or dispose');
  });

  test(`development ${mode}: such a signal's leak is reported with '(unnamed signal)', still without calling a getter`, async () => {
    const reports = collectReports({ captureStacks });
    getterCalls = 0;
    const name = `GuardedDrop${captureStacks ? 'Stacks' : ''}`;
    connectAndDrop(guardedClass(name));
    await collectGarbage(() => about(reports, name).length > 0);
    const [report, ...more] = about(reports, name);
    assert.ok(report, 'the dropped object was reported');
    assert.deepEqual(more, []);
    assert.equal(report.kind, 'dropped-while-connected');
    assert.deepEqual(
      report.connections.map((c) => c.signal),
      ['(unnamed signal)'],
    );
    assert.equal(getterCalls, 0);
  });
}
