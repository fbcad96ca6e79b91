import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkedThreshold, GrowthMonitor, spreadOf } from '../../src/leaks/growth-monitor.js';

test('the monitor is silent at the threshold, reports one more, then backs off as the count doubles', () => {
  const monitor = new GrowthMonitor(10);
  const signal = {};
  const reportedAt: number[] = [];
  for (let count = 1; count <= 50; count += 1) if (monitor.due(signal, count)) reportedAt.push(count);
  assert.deepEqual(reportedAt, [11, 22, 44]);
});

test('the monitor keeps one back-off per signal', () => {
  const monitor = new GrowthMonitor(2);
  const first = {};
  const second = {};
  assert.equal(monitor.due(first, 3), true);
  assert.equal(monitor.due(first, 4), false);
  assert.equal(monitor.due(second, 3), true);
});

test('spreadOf finds the dominant connect site, or the dominant slot without sites', () => {
  const site = (connectedAt: string) => ({ signal: 'changed', slot: 'f', connectedAt });
  assert.deepEqual(spreadOf([site('a:1:1'), site('b:1:1'), site('a:1:1')]), { dominant: 'a:1:1', dominantCount: 2, distinct: 2, bySite: true });
  const slot = (name: string) => ({ signal: 'changed', slot: name });
  assert.deepEqual(spreadOf([slot('g'), slot('h'), slot('h')]), { dominant: 'h', dominantCount: 2, distinct: 2, bySite: false });
});

test('checkedThreshold accepts whole numbers, turns 0 and Infinity into "off", and explains bad values', () => {
  assert.equal(checkedThreshold(undefined), 10);
  assert.equal(checkedThreshold(3), 3);
  assert.equal(checkedThreshold(0), Infinity);
  assert.equal(checkedThreshold(Infinity), Infinity);
  for (const bad of [-1, 2.5, Number.NaN, '10']) {
    assert.throws(() => checkedThreshold(bad), /listenerThreshold must be a whole number of connections \(got .*\); use 0 or Infinity/);
  }
});
