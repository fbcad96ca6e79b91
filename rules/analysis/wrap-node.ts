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
