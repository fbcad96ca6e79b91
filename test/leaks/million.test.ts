// Development mode never lengthens an object's life: a million objects created, connected and
// disposed in one synchronous loop (one job), and a million never connected, fit in a 256 MB heap
// and leave nothing behind after gc() in that same job, as in production; the same when
// registry.stats() is read while they live (it counts them without touching them). Each run is a
// child process (its own heap limit).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const entry = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'index.js')).href;
const script = `
  const { Signal, SignalObject, registry } = await import(${JSON.stringify(entry)});
  class Row extends SignalObject { clicked = new Signal(this, 'clicked'); changed = new Signal(this, 'changed'); }
  const connect = process.argv.includes('--connect');
  const count = process.argv.includes('--stats');
  let counted = 0;
  const slot = () => {};
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1_000_000; i++) {
    const row = new Row();
    if (connect) {
      row.clicked.connect(slot);
      if (count && i % 1000 === 0) counted += registry.stats().liveObjects;
      row.dispose();
    }
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  console.log(JSON.stringify({ grown, counted, stats: registry.stats() }));
`;

function run(env: string, connect: boolean, stats = false) {
  const args = ['--expose-gc', '--max-old-space-size=256', '--input-type=module', '-e', script, '--', ...(connect ? ['--connect'] : []), ...(stats ? ['--stats'] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_ENV: env } });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { grown: number; counted: number; stats: { liveConnections: number; liveObjects?: number } };
}

for (const connect of [true, false]) {
  const what = connect ? 'created, connected and disposed' : 'created and never connected';
  test(`development: 1M objects ${what} in one job fit in 256 MB and leave nothing after gc() in that job`, () => {
    const dev = run('development', connect);
    assert.ok(dev.grown < 8_000_000, `development kept ${dev.grown} bytes`);
    assert.equal(dev.stats.liveConnections, 0);
    assert.equal(dev.stats.liveObjects, 0);
  });
}

test('development: 1M objects created, connected, counted by registry.stats() while alive, and disposed, in one job: nothing pinned', () => {
  const dev = run('development', true, true);
  assert.equal(dev.counted, 1000, 'each of the 1,000 reads counted the one live connected row');
  assert.ok(dev.grown < 8_000_000, `development kept ${dev.grown} bytes`);
  assert.equal(dev.stats.liveObjects, 0);
});

test('twin: production, the same million created, connected and disposed', () => {
  const prod = run('production', true);
  assert.ok(prod.grown < 8_000_000, `production kept ${prod.grown} bytes`);
});
