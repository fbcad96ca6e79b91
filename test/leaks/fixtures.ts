// Small emitters and receivers for the leak tests. Each test uses its own class (by name), so a
// probe left over from another test is never counted in it.
import assert from 'node:assert/strict';
import { configureLeakDetection, resetLeakDetection, Signal, SignalObject, type LeakDetectionOptions, type LeakReport } from '../../src/index.js';
import { parseStack, urlToPath } from '../../src/leaks/call-sites.js';

export function emitterClass(name: string) {
  const Emitter = class extends SignalObject {
    readonly clicked = new Signal<[number]>(this, 'clicked');
    readonly changed = new Signal(this, 'changed');
    onEvent(): void {}
  };
  Object.defineProperty(Emitter, 'name', { value: name });
  return Emitter;
}

/** Leak detection on, with the defaults and `options`; every report is collected. */
export function collectReports(options: LeakDetectionOptions = {}): LeakReport[] {
  const reports: LeakReport[] = [];
  resetLeakDetection();
  configureLeakDetection({ ...options, enabled: true, onLeak: (report) => reports.push(report) });
  return reports;
}

export function about(reports: readonly LeakReport[], objectType: string): LeakReport[] {
  return reports.filter((report) => report.objectType === objectType);
}

export function onClick(id: number): void {
  void id;
}

/** "file:line" of the line that made `error` (columns differ between the two calls on a line). */
export function lineOf(error: Error): string {
  const frame = parseStack(error.stack ?? '')[0];
  assert.ok(frame);
  return withoutColumn(urlToPath(frame.location));
}

export function withoutColumn(site: string | undefined): string {
  assert.ok(site !== undefined, 'a site was captured');
  assert.match(site, /:\d+:\d+$/);
  return site.replace(/:\d+$/, '');
}
