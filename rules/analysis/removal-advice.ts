// The fix that no-dropped-connected-emitter's collection message gives: dispose exactly what the
// operation removes. `splice(i, 1)` removes one row, so the advice disposes the array it returns,
// never every row of the list; `clear()` and `= []` remove them all.
import { Node, type Type } from 'ts-morph';

/** One-element removals whose result is the removed element. */
const returningOne = new Set(['pop', 'shift']);

function isMap(collection: Type | undefined): boolean {
  return collection?.getNonNullableType().getProperty('get') !== undefined;
}

/** `run \`for (const item of this.rows) item.dispose()\` first`, `replace it with \`…\``: how to dispose what `operation` removes. */
export function removalAdvice(operation: Node, name: string, collection: Type | undefined, release: string): string {
  const everything = `run \`for (const item of ${name}${isMap(collection) ? '.values()' : ''}) item.${release}()\` first`;
  const text = operation.getText().replace(/\s+/g, ' ');
  if (Node.isCallExpression(operation)) {
    const callee = operation.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
    const [first] = operation.getArguments();
    if (method === 'splice') return `replace it with \`for (const item of ${text}) item.${release}()\``;
    if (method !== undefined && returningOne.has(method)) return `replace it with \`${text}?.${release}()\``;
    if (method === 'delete' && first !== undefined) {
      const key = first.getText();
      return isMap(collection) ? `run \`${name}.get(${key})?.${release}()\` first` : `run \`${key}.${release}()\` first`;
    }
    return everything;
  }
  // `this.rows = this.rows.filter(keep)`: only what the new value leaves out is dropped.
  if (Node.isBinaryExpression(operation)) {
    const value = operation.getRight();
    const emptied = (Node.isArrayLiteralExpression(value) && value.getElements().length === 0) || Node.isNumericLiteral(value);
    if (!emptied) return 'dispose those the new value leaves out, before the assignment';
  }
  return everything;
}
