// "Which module's function is this callee?": `fs.watch` through a namespace or default import,
// `watch` through a named import (renamed or not), `require('fs').watch`. Answered from the
// declaration the checker resolves (an ambient `declare module "fs"` of @types/node), never from
// the text of the import, so an alias or a re-export makes no difference.
import { Node, ts, type CallExpression } from 'ts-morph';

export interface ModuleFunction {
  /** The module name without the `node:` prefix (`fs`, `child_process`). */
  readonly module: string;
  readonly name: string;
}

function declaringModule(declaration: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = declaration.parent; current !== undefined; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return current.name.text.replace(/^node:/, '');
  }
  return undefined;
}

/** The module and exported name of the function `call` calls, when it is declared in an ambient module. */
export function moduleFunctionOf(call: CallExpression, checker: ts.TypeChecker): ModuleFunction | undefined {
  const callee = call.getExpression();
  const nameNode = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : Node.isIdentifier(callee) ? callee : undefined;
  if (nameNode === undefined) return undefined;
  let symbol = checker.getSymbolAtLocation(nameNode.compilerNode);
  if (symbol === undefined) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol.declarations?.[0];
  if (declaration === undefined) return undefined;
  const module = declaringModule(declaration);
  return module === undefined ? undefined : { module, name: symbol.name };
}
