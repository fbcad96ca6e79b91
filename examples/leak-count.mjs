// Preloaded into the demo's dev builds (`node --import ./examples/leak-count.mjs …`): counts every
// leak report, by kind, through the onLeak hook (which receives each report, unaggregated), and
// still prints them as a dev build does, through the default onLeak (Node warnings, repeats of the
// same leak folded into one line). At exit the counts go to file descriptor 3 as JSON, for the
// demo's summary: counted by the reports' `kind`, never by matching the warnings' text.
import { writeSync } from 'node:fs';
import { configureLeakDetection } from 'slotguard';
// The default onLeak is not part of the public API; the demo lives in the repository, next to it.
import { defaultOnLeak } from '../dist/src/leaks/configuration.js';

const counts = {};

configureLeakDetection({
  onLeak(report) {
    counts[report.kind] = (counts[report.kind] ?? 0) + 1;
    defaultOnLeak(report);
  },
});

process.on('exit', () => {
  try {
    writeSync(3, `${JSON.stringify(counts)}\n`);
  } catch {
    // Started without the demo's fourth pipe: nothing to report to.
  }
});
