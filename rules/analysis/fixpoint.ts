// A worklist fixpoint over a flow graph: the facts beside the graph's nodes. Generic in the fact
// type; the lattice (join, equality) and the transfer functions come from the analysis.
import { predecessors, type FlowGraph, type FlowNode } from './cfg.js';

export interface Lattice<F> {
  /** The facts at the entry node. */
  readonly initial: F;
  /** Paths meet. Must be monotone, and the lattice of finite height (or the analysis widens). */
  join(facts: readonly F[]): F;
  equals(a: F, b: F): boolean;
  /** The facts after `node`, given the facts before it. Must not mutate `before`. */
  transfer(node: FlowNode, before: F): F;
}

export interface Solution<F> {
  /** Facts before each node (undefined: unreachable). */
  readonly before: readonly (F | undefined)[];
  /** Facts after each node. */
  readonly after: readonly (F | undefined)[];
}

/** Node visits allowed per node before giving up (a lattice that does not converge is a bug, never a hang). */
const maxVisitsPerNode = 50;

/**
 * Runs the transfer functions to a fixpoint. `followThrows`: implicit exception edges count.
 * Throws if it does not converge (callers skip the unit).
 */
export function solve<F>(graph: FlowGraph, lattice: Lattice<F>, followThrows: boolean): Solution<F> {
  const preds = predecessors(graph, followThrows);
  const before: (F | undefined)[] = graph.nodes.map(() => undefined);
  const after: (F | undefined)[] = graph.nodes.map(() => undefined);
  const visits = new Uint16Array(graph.nodes.length);
  const queued = new Uint8Array(graph.nodes.length);
  // A FIFO queue: an array read from `head`, compacted when half of it has been read.
  let worklist: number[] = [graph.entry];
  let head = 0;
  queued[graph.entry] = 1;
  while (head < worklist.length) {
    const id = worklist[head++]!;
    if (head > 1024 && head * 2 > worklist.length) {
      worklist = worklist.slice(head);
      head = 0;
    }
    queued[id] = 0;
    const node = graph.nodes[id]!;
    let input: F | undefined;
    if (id === graph.entry) {
      input = lattice.initial;
    } else {
      const incoming = (preds[id] ?? []).map((pred) => after[pred]).filter((fact): fact is F => fact !== undefined);
      if (incoming.length === 0) continue;
      input = incoming.length === 1 ? incoming[0] : lattice.join(incoming);
    }
    if (input === undefined) continue;
    const previous = before[id];
    if (previous !== undefined && after[id] !== undefined && lattice.equals(previous, input)) continue;
    if (++visits[id]! > maxVisitsPerNode) throw new Error('flow analysis did not converge');
    before[id] = input;
    after[id] = lattice.transfer(node, input);
    const successors = followThrows ? [...node.next, ...node.throwsTo] : node.next;
    for (const next of successors) {
      if (queued[next] === 0) {
        queued[next] = 1;
        worklist.push(next);
      }
    }
  }
  return { before, after };
}
