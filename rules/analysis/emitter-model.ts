// How an emitter API connects and how its connections end. The core never hard-codes an API: every
// connect / disconnect / dispose / ownership question goes through the active models, read from
// `settings.slotguard.presets` (default `['slotguard']`). A model is one file in `presets/`.
import type { CallExpression, Expression, NewExpression, Node, ts, Type } from 'ts-morph';

/** What connecting returns, i.e. what the caller must keep to end the connection alone. */
export type HandleKind = 'connection' | 'disposer' | 'id' | 'none';

/** A call that adds a connection. */
export interface ConnectSite {
  /** The object whose connection list grows (`row` in `row.clicked.connect(fn)`). */
  emitter: Expression;
  /** Display name of the signal or event (`clicked`, `'notify::text'`). */
  signal: string;
  /** A receiver-bound receiver (`this` in `sig.connect(this, this.onX)`), if any. */
  receiver?: Expression;
  /** The slot (callback) expression, if any. */
  slot?: Expression;
  /** What the call returns to end this one connection. */
  handle: HandleKind;
  /** The connection ends after one delivery (`once(…)`, `{ once: true }`). */
  once?: boolean;
  /** An AbortSignal that ends the connection (`{ signal }`). */
  abortSignal?: Expression;
  /** The object the connection is tied to, ended with it (GNOME Shell's `connectObject(…, owner)`). */
  tiedTo?: Expression;
  /**
   * What is connected is kept by the page, not by the emitter's owner: an observer's `observe` on the
   * performance timeline or on a node of the document registers it there, so an observer held in a
   * field keeps running (and keeps its callback's captures) after its owner is done, until it is ended
   * with `end` (`disconnect`).
   */
  keptByPage?: { readonly end: string };
  /** The model that recognised the call (set by the core's `connectSiteOf`). */
  model?: EmitterModel;
}

/** A call that ends connections. */
export type EndSite =
  /** Ends every connection of `emitter` (dispose, removeAllListeners with no argument). */
  | { kind: 'dispose'; emitter: Expression }
  /** Ends the connections of one signal of `emitter` (`emitter.sig.disconnect(…)`, `off('x', fn)`). */
  | { kind: 'disconnect-signal'; emitter: Expression; signal: string }
  /** Ends the connection that `handle` denotes (`conn.disconnect()`, `disposer()`, `obj.disconnect(id)`). */
  | { kind: 'disconnect-handle'; handle: Expression };

/** A call or construction that makes `owned` part of another object's lifetime. */
export interface OwnershipSite {
  owned: Expression;
  /** The new owner, when known (`parent` in `new Row(parent)`, `this` in `this.track(x)`). */
  owner?: Expression;
  /**
   * The owner lives for the program (a Shell-wide container such as `Main.uiGroup`): it keeps
   * `owned` alive, so the caller stays responsible for destroying it (the object is not released).
   */
  ownerOutlivesCaller?: boolean;
}

/**
 * An up/down method pair (GNOME Shell's `enable`/`disable`): every connection the up path makes to an
 * emitter the object does not own must be ended on the down path (the down method and the methods
 * of `this` it calls). Declared by a preset; the list can grow to the pairs of other frameworks.
 */
export interface LifecyclePair {
  /** The up method; `'*'`: every member outside the down path (an object's whole life, as a widget's until its destroy handler). */
  readonly up: string;
  readonly down: string;
  /** The pair applies to classes whose heritage expression ends with this name (`Extension`). */
  readonly classExtends?: string;
  /** The pair also applies to functions of these names at module level (GNOME 3.x `enable()`/`disable()`). */
  readonly moduleLevel?: boolean;
}

/** A call that hands its callback arguments to a scheduler: kept one turn, or for the program (`setInterval`). */
export interface SchedulerSite {
  lifetime: 'turn' | 'program';
}

/** Type questions a model may ask, memoized by the analysis context. */
export interface ModelEnv {
  /** Is `type` (or one of its union members, its apparent type, its base types) an emitter under any active model? */
  isEmitterType(type: Type): boolean;
  /** The program's compiler type checker, for questions cheaper asked without ts-morph wrappers. */
  readonly checker: ts.TypeChecker;
  /**
   * The ts-morph node of any compiler node of the program, through its file's memoized wrapping
   * (the analysis context provides it): a declaration found with `checker` is wrapped without
   * ts-morph's symbol objects.
   */
  node?(compilerNode: ts.Node): Node | undefined;
}

export interface EmitterModel {
  /** Preset name, as written in `settings.slotguard.presets`. */
  readonly name: string;
  /** How to end a connection of this API, one sentence for messages (a default per handle kind otherwise). */
  readonly fixHint?: string;
  /**
   * Method names that connect (`connect`, `on`, `addEventListener`). A file whose text contains
   * none of them, and calls no function of another file, cannot connect anything under this model.
   */
  readonly connectMethodNames: readonly string[];
  /** Is a value of this type an emitter under this model? Only `type` itself: the env handles unions and bases. */
  isEmitterType(type: Type, env: ModelEnv): boolean;
  /** If `call` adds a connection under this model, describe it. */
  matchConnect(call: CallExpression, env: ModelEnv): ConnectSite | undefined;
  /** If `call` ends connections under this model, describe it. */
  matchEnd(call: CallExpression, env: ModelEnv): EndSite | undefined;
  /** If `node` hands an object's lifetime to an owner (parent argument, setParent, track), describe it. */
  matchOwnership(node: CallExpression | NewExpression, env: ModelEnv): OwnershipSite[];
  /** If `call` hands its callbacks to a scheduler (`setTimeout`, `setInterval`, a promise reaction), for how long. */
  matchScheduler?(call: CallExpression, env: ModelEnv): SchedulerSite | undefined;
  /**
   * Does this call or construction create a fresh emitter of this model whatever its static type says
   * (GObject's `Gtk.Button.new_with_label(…)`, `new St.Widget()` from an `any`-typed `gi://` import)?
   */
  createsEmitter?(node: CallExpression | NewExpression, env: ModelEnv): boolean;
  /**
   * The function that ends a resource this creation makes, when it is not a method of the object
   * (`clearInterval` for `setInterval(…)`): messages then say `clearInterval(id)`, not `id.dispose()`.
   */
  releaseCall?(creation: Node): string | undefined;
  /** One-shot timers and their cancel functions: a method re-arming itself with one loops until cancelled. */
  readonly oneShotTimers?: readonly { readonly start: string; readonly cancel: string }[];
  /** Repeating timers and their cancel functions: an id kept where nothing clears it runs for the program. */
  readonly repeatingTimers?: readonly { readonly start: string; readonly cancel: string }[];
  /** Members that reach an ancestor of a node (`parentNode`, `assignedSlot`): what they reach outlives the node. */
  readonly ancestorMembers?: readonly string[];
  /** The abort API whose signal (`{ signal }`) ends this model's listeners: judged ended only if `abort()` can run. */
  readonly abortApi?: { readonly controller: string; readonly abort: string; readonly signal: string };
  /** The lifecycle pairs this model's frameworks impose (see LifecyclePair). */
  readonly lifecyclePairs?: readonly LifecyclePair[];
  /** Is `node` a method call on an emitter that is known not to store or end anything (e.g. `blockSignals`)? */
  isNeutralMethod?(name: string, declaration: Node | undefined): boolean;
}
