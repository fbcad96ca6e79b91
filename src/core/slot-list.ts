// The slot list of a signal, kept in the signal's only field (`holderOf(signal)[slots]`, a symbol so that a
// subclass's own fields never collide with it) so that a signal with no connections costs one
// pointer:
//
//   [slots] = terminal                 while the signal has no connections
//   [slots] = head Connection          otherwise; head._prev is the tail, the tail's _next is the
//                                      terminal, so it stays reachable in O(1)
//
// The terminal is the owner, or for a standalone signal its name (a string) or undefined.
// In development, a disposed owner's signals start with a sentinel head (an ended connection
// whose `_next` is the terminal, see leaks/disposed-sentinel.ts).
//
// Appending and unlinking are O(1) (doubly linked). While any emission runs, ended connections
// are only marked dead and unlinked when the outermost emission returns, so an emission in
// progress never loses its place (its `end` node stays in the list).
import { BLOCKED, COUNT_UNIT, DEAD, ENDS_HOOKED, HEAD_MASK, INBOUND } from './connection-flags.js';
import { countCeiling, countOf, countOneLessAtLimit, countOneMoreAtLimit } from './connection-count.js';
import { devHooks } from './dev-hooks.js';
import { runEndHooks } from './end-hooks.js';
import { hostOf, senderEnded } from './protocols.js';
import type { AnyConnection as Connection, AnySignal } from './runtime-types.js';
import { countEnded } from './stats.js';

/** The field of a signal that holds its slot list (see above). */
export const slots: unique symbol = Symbol('slotguard.slots');

/** What the slot list keeps when it has no connections: the owner, a standalone signal's name, or nothing. */
export type Terminal = object | string | undefined;

/** A signal, as the slot list sees it. */
export interface SlotHolder {
  [slots]: Connection | Terminal;
}

/** A signal's slot list field, which its class does not declare (see signals/signal.ts). */
export function holderOf(signal: object): SlotHolder {
  return signal as SlotHolder;
}

/** On Connection.prototype only: tells a list head from the terminal (owner, name) faster than instanceof. */
export const IS_CONNECTION: unique symbol = Symbol('slotguard.connection');

/** True for a Connection; what else a signal's field can hold (an owner, a name) never has the brand. */
export function isConnection(value: unknown): value is Connection {
  return value !== undefined && (value as { [IS_CONNECTION]?: boolean })[IS_CONNECTION] === true;
}

/** Emission depth across all signals, and the connections that ended while it was above zero. */
export const emission = { depth: 0, pending: [] as Connection[] };

/** What the signal keeps besides its slots: its owner, or a standalone signal's name (or undefined). */
export function terminalOf(signal: AnySignal): object | string | undefined {
  const s = holderOf(signal)[slots];
  if (isConnection(s)) return (s._prev as Connection)._next;
  return s;
}

export function ownerOf(signal: AnySignal): object | undefined {
  const terminal = terminalOf(signal);
  return typeof terminal === 'string' ? undefined : terminal;
}

/** Makes `c` the first connection of its signal, whose list held `terminal`. */
export function linkFirst(c: Connection, terminal: Terminal, blocked: boolean): void {
  c._next = terminal;
  c._prev = c;
  c._flags |= COUNT_UNIT | (blocked ? BLOCKED : 0);
  holderOf(c._signal as AnySignal)[slots] = c;
}

/** Appends `c` to a list whose first connection is `head`. */
export function linkAfter(c: Connection, head: Connection): void {
  const tail = head._prev as Connection;
  c._next = tail._next;
  c._prev = tail;
  tail._next = c;
  head._prev = c;
  if (head._flags < countCeiling) head._flags += COUNT_UNIT;
  else countOneMoreAtLimit(c._signal as AnySignal);
}

function unlink(c: Connection): void {
  const signal = c._signal as AnySignal;
  const head = holderOf(signal)[slots] as Connection;
  const tail = head._prev as Connection;
  if (c === head) {
    if (c === tail) {
      holderOf(signal)[slots] = c._next;
    } else {
      const next = c._next as Connection;
      next._prev = tail;
      next._flags |= c._flags & HEAD_MASK;
      holderOf(signal)[slots] = next;
    }
  } else {
    const prev = c._prev as Connection;
    prev._next = c._next;
    if (c === tail) head._prev = prev;
    else (c._next as Connection)._prev = prev;
  }
  c._next = undefined;
  c._prev = undefined;
  c._signal = undefined;
}

/** Ends a live connection: the one place every ending goes through (disconnect, once, abort, dispose, prune). */
export function endConnection(c: Connection): void {
  const signal = c._signal as AnySignal;
  c._flags |= DEAD;
  const head = holderOf(signal)[slots] as Connection;
  if (head._flags < countCeiling) head._flags -= COUNT_UNIT;
  else countOneLessAtLimit(signal, head);
  countEnded();
  devHooks?.disconnected(signal, c);
  if ((c._flags & INBOUND) !== 0) hostOf(c._receiver?.deref())?.[senderEnded]();
  c._slot = undefined;
  c._receiver = undefined;
  if (emission.depth === 0) unlink(c);
  else emission.pending.push(c);
  if ((c._flags & ENDS_HOOKED) !== 0) runEndHooks(c);
}

/** Ends a receiver-bound connection whose receiver was collected (leak detection reports it, if its probe has not). */
export function pruneConnection(c: Connection): void {
  devHooks?.receiverCollected(c);
  endConnection(c);
}

/** Called when the outermost emission returns: unlinks what ended during it. */
export function flushPending(): void {
  const pending = emission.pending;
  emission.pending = [];
  for (const c of pending) unlink(c);
}

/** The live connections of a signal, in connection order (a snapshot, safe to end them while iterating). */
export function liveConnections(signal: AnySignal): Connection[] {
  const out: Connection[] = [];
  for (let c = holderOf(signal)[slots]; isConnection(c); c = c._next) {
    if ((c._flags & DEAD) === 0) out.push(c);
  }
  return out;
}

export function connectionCount(signal: AnySignal): number {
  const head = holderOf(signal)[slots];
  return isConnection(head) ? countOf(signal, head) : 0;
}

/** Sets or clears the blocked state a signal keeps on its list head (nothing to do when unconnected). */
export function setBlocked(signal: AnySignal, blocked: boolean): void {
  const head = holderOf(signal)[slots];
  if (isConnection(head)) head._flags = blocked ? head._flags | BLOCKED : head._flags & ~BLOCKED;
}
