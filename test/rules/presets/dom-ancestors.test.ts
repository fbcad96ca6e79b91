// Listeners on the ancestors of a node (`parentNode`, `assignedSlot`, `ownerDocument`): the document
// keeps them, and they outlive the node and the object that walks up to them (codemirror's scroll
// targets). Collected into a field list, added on the constructor's path, they must be removed on
// the down path (`destroy()`). Leak and clean twins, several variants.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

/** An observer listening on every scrollable ancestor of its node; `destroy()` may remove them. */
const scrollTargets = (destroy: string, walk = 'dom = dom.assignedSlot || dom.parentNode') => `export class Observer {
  scrollTargets: HTMLElement[] = [];
  constructor(private readonly dom: HTMLElement) {
    this.onScroll = this.onScroll.bind(this);
    this.listen();
  }
  onScroll() {}
  listen() {
    let changed: HTMLElement[] | null = null;
    for (let dom = this.dom as any; dom;) {
      if (dom.nodeType == 1) {
        changed ??= this.scrollTargets.slice(0, 0);
        changed.push(dom);
        ${walk};
      } else break;
    }
    if (changed) {
      for (let dom of this.scrollTargets) dom.removeEventListener('scroll', this.onScroll);
      for (let dom of this.scrollTargets = changed) dom.addEventListener('scroll', this.onScroll);
    }
  }
  destroy() {
    ${destroy}
  }
}`;

tester.run('no-ignored-connection: listeners on ancestors', forTester(ignored), {
  valid: [
    scrollTargets("for (let dom of this.scrollTargets) dom.removeEventListener('scroll', this.onScroll);"),
    scrollTargets("this.scrollTargets.forEach((dom) => dom.removeEventListener('scroll', this.onScroll));"),
    // the node's own children, not ancestors: they die with it
    `export class List {\n  constructor(private readonly root: HTMLElement) {\n    for (const child of Array.from(root.children)) child.addEventListener('click', () => this.pick());\n  }\n  pick() {}\n  destroy() {}\n}`,
    // a library's `parentNode` whose type did not resolve (the checker's error type) is not the platform's
    `// @ts-nocheck\nimport type { ChildPart } from 'lit-html-not-installed';\nexport class Directive {\n  init(parts: ChildPart[]) {\n    parts.forEach((part) => {\n      const host = part.parentNode as HTMLElement;\n      host.addEventListener('rangeChanged', () => console.log('range'));\n    });\n  }\n  destroy() {}\n}`,
    // a no-op listener added for its effect on the target holds nothing
    `export function hack(node: HTMLElement) { node.ownerDocument.addEventListener('copy', () => {}); }`,
    // removed in destroy() through another local naming the same document
    `export class Drag {\n  constructor(private readonly node: HTMLElement) {\n    const doc = node.ownerDocument;\n    doc.addEventListener('mousemove', this.move);\n  }\n  move = (e: MouseEvent) => console.log(e.clientX);\n  destroy() {\n    const doc = this.node.ownerDocument;\n    doc.removeEventListener('mousemove', this.move);\n  }\n}`,
  ],
  invalid: [
    { code: scrollTargets(''), errors: [{ messageId: 'ignoredConnection' }] },
    { code: scrollTargets('', 'dom = dom.parentElement'), errors: [{ messageId: 'ignoredConnection' }] },
    // removed elsewhere only (when the targets change), not when the object goes down
    { code: scrollTargets('this.scrollTargets = [];'), errors: [{ messageId: 'ignoredConnection' }] },
    {
      code: `export class Drag {\n  constructor(private readonly node: HTMLElement) {\n    node.ownerDocument.addEventListener('mousemove', this.move);\n  }\n  move = (e: MouseEvent) => console.log(e.clientX);\n  destroy() {}\n}`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
  ],
});
