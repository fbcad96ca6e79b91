// Wrapping single compiler nodes as ts-morph nodes of an already wrapped file. Walking a file with
// ts-morph wraps every node it passes, which costs more than the analysis itself; scanning the
// compiler's AST and wrapping only the nodes of interest keeps the rules cheap.
import type { Node, SourceFile, ts } from 'ts-morph';

/** The ts-morph node of `node` (a compiler node of `file`), or undefined if it cannot be found. */
export function wrapCompilerNode(file: SourceFile, node: ts.Node): Node | undefined {
  // ts-morph's own node factory (what its navigation uses): no walk from the file down.
  const factory = (file as unknown as { _getNodeFromCompilerNode?: (compilerNode: ts.Node) => Node })._getNodeFromCompilerNode;
  if (typeof factory === 'function' && node.getSourceFile() === file.compilerNode) return factory.call(file, node);
  const compilerFile = file.compilerNode;
  // The deepest node with this exact span; walk up in case a child shares it.
  let found: Node | undefined = file.getDescendantAtStartWithWidth(node.getStart(compilerFile), node.getWidth(compilerFile));
  while (found !== undefined && found.compilerNode !== node) found = found.getParent();
  return found;
}

/** What a compiler-AST visitor asks next: go on (undefined), skip this node's children, or stop the walk. */
export type WalkStep = 'skip' | 'stop' | undefined;

/**
 * Every descendant of `root` on the compiler's AST, in document order (the nodes ts-morph's
 * `forEachDescendant` visits), without wrapping any: the visitor wraps only what it needs.
 */
export function forEachCompilerDescendant(root: ts.Node, visit: (node: ts.Node) => WalkStep | void, options: { jsDoc?: boolean } = {}): void {
  let stopped = false;
  const walk = (node: ts.Node): boolean | undefined => {
    const step = visit(node);
    if (step === 'stop') stopped = true;
    else if (step !== 'skip') forEachChildOf(node, walk, options.jsDoc === true);
    return stopped || undefined;
  };
  forEachChildOf(root, walk, options.jsDoc === true);
}

/**
 * The node's own `forEachChild` (the compiler's walk, whichever compiler copy made the node); with
 * `jsDoc`, its JSDoc comments first, as ts-morph's `getDescendantsOfKind` of a token kind sees them.
 */
function forEachChildOf(node: ts.Node, walk: (child: ts.Node) => boolean | undefined, jsDoc: boolean): void {
  if (jsDoc) {
    for (const comment of (node as { jsDoc?: ts.Node[] }).jsDoc ?? []) if (walk(comment) === true) return;
  }
  node.forEachChild(walk);
}

/**
 * The symbol ts-morph's `getSymbol()` gives for a node, on the compiler's objects: the bound
 * symbol, else the checker's at this location, else the one of its name.
 */
export function compilerSymbolOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const bound = (node as { symbol?: ts.Symbol }).symbol;
  if (bound !== undefined) return bound;
  const found = checker.getSymbolAtLocation(node);
  if (found !== undefined) return found;
  const name = (node as { name?: ts.Node }).name;
  return name === undefined ? undefined : compilerSymbolOf(checker, name);
}
