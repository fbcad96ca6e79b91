// Where the user's code created an object or made a connection, as "file:line:column": the
// first frame outside slotguard. A stack is read at once (an unread V8 stack keeps its frames'
// receivers alive, which would defeat the very probes that need the site). Where nothing maps
// positions (no source maps, no `Error.prepareStackTrace` of a test runner), V8's structured
// call sites are read directly, which costs about half as much as formatting the text; otherwise
// the text is formatted by whoever maps it, and parsed.

/** Directories whose frames are slotguard's own: this build (dist/src) and its sources (src). */
const ownDirectories: readonly string[] = ownDirectoriesOf(import.meta.url);

function ownDirectoriesOf(moduleUrl: string): string[] {
  const runtimeDir = new URL('../', moduleUrl).href; // …/dist/src/ (or …/src/ when run from source)
  const dirs = [runtimeDir, urlToPath(runtimeDir)];
  const built = /\/dist\/src\/$/.exec(runtimeDir);
  if (built !== null) {
    const sourceDir = `${runtimeDir.slice(0, built.index)}/src/`; // what source maps point to
    dirs.push(sourceDir, urlToPath(sourceDir));
  }
  return dirs;
}

/** `file:///a/b%20c.js` → `/a/b c.js` (and `file:///C:/x` → `C:/x`); other strings unchanged. */
export function urlToPath(location: string): string {
  if (!location.startsWith('file://')) return location;
  const path = decodeURIComponent(location.slice('file://'.length));
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/** One parsed line of a V8 stack. */
export interface StackFrame {
  /** `new Row`, `Panel.build`, `async load`…; empty for an anonymous top-level frame. */
  callee: string;
  /** `file:///…/x.js:3:7`, `/…/x.js:3:7` or `node:internal/…:1:2`, as printed. */
  location: string;
}

const v8Frame = /^\s*at (?:(.*?) \((.*)\)|(.*))$/; // V8: "    at callee (location)"
const geckoFrame = /^(.*?)@(.*:\d+:\d+)$/; // Firefox, Safari: "callee@location"

export function parseStack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const v8 = v8Frame.exec(line);
    if (v8 !== null) {
      frames.push({ callee: v8[1] ?? '', location: v8[2] ?? v8[3] ?? '' });
      continue;
    }
    const gecko = geckoFrame.exec(line);
    if (gecko !== null) frames.push({ callee: gecko[1] ?? '', location: gecko[2] ?? '' });
  }
  return frames;
}

/** A frame that points at a position in a file of the program (not Node's, not native, not ours). */
export function isUserFrame(frame: StackFrame): boolean {
  const { location } = frame;
  if (!/:\d+:\d+$/.test(location)) return false; // native, <anonymous>, eval without position
  if (location.startsWith('node:') || location.startsWith('internal/')) return false;
  return !ownDirectories.some((dir) => location.startsWith(dir));
}

/** "file:line:column" of a frame, with a file URL turned into a path. */
export function siteOf(frame: StackFrame): string {
  return urlToPath(frame.location);
}

/**
 * The first user frame of `stack`. Constructor frames of `skipConstructors` are passed over:
 * a subclass constructor calling `super()` is not where the object was created, its caller is.
 */
export function firstUserSite(stack: string, skipConstructors: ReadonlySet<string> = noNames): string | undefined {
  return firstUserFrame(parseStack(stack), skipConstructors);
}

function firstUserFrame(frames: readonly StackFrame[], skipConstructors: ReadonlySet<string> = noNames): string | undefined {
  for (const frame of frames) {
    if (!isUserFrame(frame)) continue;
    if (frame.callee.startsWith('new ') && skipConstructors.has(frame.callee.slice(4))) continue;
    return siteOf(frame);
  }
  return undefined;
}

const noNames: ReadonlySet<string> = new Set();

/** Frames kept per capture: enough for slotguard's own frames plus a deep constructor chain. */
const framesPerCapture = 16;

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getFunctionName(): string | null;
  isConstructor(): boolean;
}

/** Whether positions are mapped (source maps, or a runner's own prepareStackTrace): then read text. */
function positionsAreMapped(): boolean {
  if (typeof Error.prepareStackTrace === 'function') return true;
  const host = (globalThis as { process?: { sourceMapsEnabled?: boolean } }).process;
  return host?.sourceMapsEnabled === true;
}

function readCallSites(_error: Error, sites: CallSite[]): CallSite[] {
  return sites;
}

/** The current call stack as frames, read from V8's call sites without formatting it. */
function capturedFrames(): StackFrame[] {
  const holder: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called here
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = framesPerCapture;
  Error.prepareStackTrace = readCallSites as typeof Error.prepareStackTrace;
  let sites: CallSite[];
  try {
    Error.captureStackTrace(holder, capturedFrames);
    sites = holder.stack as CallSite[];
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
  return sites.map((site) => {
    const name = site.getFunctionName() ?? '';
    return {
      callee: site.isConstructor() ? `new ${name}` : name,
      location: `${site.getFileName() ?? '<anonymous>'}:${site.getLineNumber() ?? 0}:${site.getColumnNumber() ?? 0}`,
    };
  });
}

/** The current call stack, as text (formatted now, see the top of this file). */
export function captureStack(): string {
  // Engines without captureStackTrace (older Safari) give the whole stack of a new Error.
  if (typeof Error.captureStackTrace !== 'function') return new Error().stack ?? '';
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = framesPerCapture;
  try {
    Error.captureStackTrace(holder, captureStack);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return holder.stack ?? '';
}

/** Where the user's code is calling from now, skipping the constructors of the object's classes. */
export function captureSite(skipConstructors?: ReadonlySet<string>): string | undefined {
  const canReadCallSites = typeof Error.captureStackTrace === 'function' && !positionsAreMapped();
  return firstUserFrame(canReadCallSites ? capturedFrames() : parseStack(captureStack()), skipConstructors);
}

/** Names of the classes an object was constructed through, most derived first. */
export function constructorChain(object: object): Set<string> {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(object) as object | null; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const ctor = (proto as { constructor?: unknown }).constructor;
    if (typeof ctor === 'function' && ctor.name !== '') names.add(ctor.name);
  }
  return names;
}
