// Removal matches by function reference: `removeEventListener(type, fn)` and `off(event, fn)` end
// only the listener that is the very same function. A function written at the removal (an inline
// arrow, a function expression, `f.bind(…)`, which makes a new function each time) was never added,
// so such a call removes nothing, and the presets do not count it as an end.
import { Node } from 'ts-morph';

/** Is `listener` a function created at this very place, hence equal to no listener ever added? */
export function isFreshFunction(listener: Node | undefined): boolean {
  if (listener === undefined) return false;
  const inner = Node.isParenthesizedExpression(listener) ? listener.getExpression() : listener;
  if (Node.isArrowFunction(inner) || Node.isFunctionExpression(inner)) return true;
  if (!Node.isCallExpression(inner)) return false;
  const callee = inner.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind';
}
