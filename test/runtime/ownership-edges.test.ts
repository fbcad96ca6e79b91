// Parent/child edge cases: a child moved away during its old parent's dispose, removal from
// anywhere in a large child list (order kept), and many children disposed with their parent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignalObject } from '../../src/index.js';

test("a child moved to a new parent during its old parent's dispose is not disposed", () => {
  const root = new SignalObject();
  const other = new SignalObject();
  const first = new SignalObject(root);
  const moved = new SignalObject(root);
  const last = new SignalObject(root);
  first.destroyed.connect(() => moved.setParent(other));
  root.dispose();
  assert.equal(first.isDisposed, true);
  assert.equal(last.isDisposed, true);
  assert.equal(moved.isDisposed, false);
  assert.equal(moved.parent, other);
  assert.deepEqual(other.children, [moved]);
  assert.deepEqual(root.children, []);
});

test('a child detached during its parent\'s dispose is not disposed either', () => {
  const root = new SignalObject();
  const first = new SignalObject(root);
  const detached = new SignalObject(root);
  first.destroyed.connect(() => detached.setParent(null));
  root.dispose();
  assert.equal(detached.isDisposed, false);
  assert.equal(detached.parent, null);
});

test('children keep their order through removals from anywhere (disposed, moved, detached)', () => {
  const parent = new SignalObject();
  const elsewhere = new SignalObject();
  const kids = Array.from({ length: 1_000 }, (_, i) => {
    const kid = new SignalObject(parent);
    kid.objectName = String(i);
    return kid;
  });
  const expected: SignalObject[] = [];
  kids.forEach((kid, i) => {
    if (i % 3 === 0) kid.dispose();
    else if (i % 3 === 1 && i % 2 === 0) kid.setParent(elsewhere);
    else if (i % 7 === 0) kid.setParent(null);
    else expected.push(kid);
    if (i % 100 === 0) assert.equal(parent.children.length, kids.slice(i + 1).length + expected.length);
  });
  assert.deepEqual(parent.children, expected);
  // Added after removals: at the end; removing the last ones pops them.
  const late = new SignalObject(parent);
  assert.equal(parent.children.at(-1), late);
  late.dispose();
  (expected.at(-1) as SignalObject).dispose();
  assert.deepEqual(parent.children, expected.slice(0, -1));
  parent.dispose();
  assert.equal(expected.every((kid) => kid.isDisposed), true);
  assert.equal(elsewhere.children.every((kid) => !kid.isDisposed), true);
});

test('disposing a parent of 80,000 children disposes each once and leaves every list empty', () => {
  const parent = new SignalObject();
  const kids = Array.from({ length: 80_000 }, () => new SignalObject(parent));
  let destroyed = 0;
  for (const kid of kids.slice(0, 10)) kid.destroyed.connect(() => destroyed++);
  parent.dispose();
  assert.equal(destroyed, 10);
  assert.equal(kids.every((kid) => kid.isDisposed && kid.parent === null), true);
  assert.deepEqual(parent.children, []);
});
