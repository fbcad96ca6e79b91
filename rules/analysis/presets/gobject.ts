// The `gobject` emitter model (GJS, GNOME Shell extensions). `obj.connect('signal', cb)` and
// `connect_after` return a numeric handler id that must be `obj.disconnect(id)`-ed, usually in
// `disable()` or `destroy()`; GNOME Shell's `connectObject('a', cbA, 'b', cbB, owner)` ties the
// connections to `owner`, ended by `disconnectObject(owner)` or when `owner` is destroyed.
//
// Many TypeScript projects declare the `gi://` modules as `any`: there no type tells a GObject
// apart, so a connection is recognised by its shape (a string-literal signal name and a callback).
import { Node, SyntaxKind, type CallExpression, type Expression, type NewExpression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite, LifecyclePair, OwnershipSite } from '../emitter-model.js';
import { isExtensionScoped } from './extension-scoped.js';
import { skipOuterExpressions, typeOfExpression } from '../type-queries.js';
import { methodCallOn } from './method-calls.js';
import { matchScheduler } from './schedulers.js';

const CONNECT = new Set(['connect', 'connect_after']);

/**
 * A typed GObject (from @girs, or a project's own declaration of `GObject.Object`): it has
 * `connect` and `disconnect`; `emit` is not required (many hand-written declarations omit it).
 */
function isGObjectType(type: Type): boolean {
  return type.getProperty('connect') !== undefined && type.getProperty('disconnect') !== undefined;
}

/**
 * A class whose base class (up the chain) is of an unresolved import or typed `any`
 * (`class Row extends Adw.ActionRow` with no types for Adw): judged like `any`-typed GObject code.
 */
function extendsUntypedBase(type: Type): boolean {
  let declaration = type.getSymbol()?.getDeclarations().find((found) => Node.isClassDeclaration(found) || Node.isClassExpression(found));
  for (let depth = 0; declaration !== undefined && depth < 8; depth++) {
    if (!Node.isClassDeclaration(declaration) && !Node.isClassExpression(declaration)) return false;
    const base = declaration.getExtends()?.getExpression();
    if (base === undefined) return false;
    const baseType = typeOfExpression(base);
    if (baseType === undefined || baseType.isAny()) return true;
    declaration = baseType.getSymbol()?.getDeclarations().find((found) => Node.isClassDeclaration(found) || Node.isClassExpression(found));
  }
  return false;
}

/** The receiver is `any` (untyped `gi://` imports, GNOME Shell's `global`, an unresolved base class) or a typed GObject. */
function isGObjectReceiver(type: Type): boolean {
  return type.isAny() || isGObjectType(type) || (type.isObject() && type.getProperty('connect') === undefined && extendsUntypedBase(type));
}

/** `Gtk.Button.new_with_label(…)`, `St.Widget.new()`, `Gio.Settings.new()`: GObject static constructors. */
const STATIC_CONSTRUCTOR = /^new(?:_|$)/;

/** Calls that parent their first argument into the receiver (the container keeps and destroys it). */
const PARENTING = new Set(['add_child', 'add_actor', 'set_child', 'append', 'prepend', 'addMenuItem', 'insert_child_at_index', 'insert_child_above', 'insert_child_below', 'set_child_above_sibling', 'add']);
/** GNOME Shell's global containers: they outlive the extension, which must destroy what it put there. */
const SHELL_CONTAINERS = new Set(['addChrome', 'addTopChrome', 'trackChrome', 'addToStatusArea']);

/** The identifier an expression is reached from: `Main` in `Main.layoutManager.uiGroup`. */
function rootIdentifier(expression: Node): Node | undefined {
  let current = skipOuterExpressions(expression);
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current) || Node.isCallExpression(current)) {
    current = skipOuterExpressions(current.getExpression());
  }
  return Node.isIdentifier(current) ? current : undefined;
}

/** The module an identifier is imported from, if it is an import. */
function importedFrom(identifier: Node): string | undefined {
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  const importDeclaration = declaration?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  return importDeclaration?.getModuleSpecifierValue();
}

/** Is `expression` reached from GJS's `global` or a GNOME Shell UI module (`Main.uiGroup`, `Main.panel`)? */
function isShellGlobal(expression: Node): boolean {
  const root = rootIdentifier(expression);
  if (root === undefined) return false;
  const from = importedFrom(root);
  if (from !== undefined) return from.startsWith('resource:///org/gnome/shell/ui/');
  return root.getText() === 'global' && root.getSymbol()?.getDeclarations()[0]?.getSourceFile().isDeclarationFile() !== false;
}

/** Is `expression` a class (or namespace member) of a `gi://` or GNOME Shell module, or of an import that does not resolve? */
function isGjsModuleMember(expression: Node): boolean {
  const root = rootIdentifier(expression);
  const from = root === undefined ? undefined : importedFrom(root);
  if (from === undefined) return false;
  if (from.startsWith('gi://') || from.startsWith('resource:///org/gnome/shell/')) return true;
  const declaration = root?.getSymbol()?.getDeclarations()[0]?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  return declaration !== undefined && declaration.getModuleSpecifierSourceFile() === undefined && root?.getType().isAny() === true;
}

const CONNECT_ALL = new Set([...CONNECT, 'connectObject']);
const END = new Set(['disconnect', 'disconnectObject', 'destroy', 'run_dispose']);

function signalName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  return Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument) ? argument.getLiteralValue() : undefined;
}

function isCallback(argument: Node | undefined): argument is Expression {
  if (argument === undefined || Node.isStringLiteral(argument) || Node.isNumericLiteral(argument) || Node.isObjectLiteralExpression(argument)) return false;
  const type = typeOfExpression(argument);
  return type === undefined || type.isAny() || type.getCallSignatures().length > 0;
}

const ENDING_CALLS = new Set(['disconnect', 'disconnectObject', 'destroy', 'run_dispose']);

/** Calls an end method by name (`x.disconnect(id)`, `this.disconnect()`) in `body`, or in a method of `this` it calls. */
function endsConnections(body: Node, depth: number): boolean {
  const calls = body.getDescendantsOfKind(SyntaxKind.CallExpression);
  if (Node.isCallExpression(body)) calls.push(body); // `() => this.stop()`
  for (const call of calls) {
    const callee = skipOuterExpressions(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee)) continue;
    if (ENDING_CALLS.has(callee.getName())) return true;
    if (depth > 0 && Node.isThisExpression(skipOuterExpressions(callee.getExpression()))) {
      const cls = call.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
      const method = cls !== undefined && (Node.isClassDeclaration(cls) || Node.isClassExpression(cls)) ? cls.getInstanceMethod(callee.getName()) : undefined;
      const methodBody = method?.getBody();
      if (methodBody !== undefined && endsConnections(methodBody, depth - 1)) return true;
    }
  }
  return false;
}

function slotEndsConnections(slot: Node | undefined): boolean {
  const fn = slot === undefined ? undefined : skipOuterExpressions(slot);
  if (fn === undefined || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  return endsConnections(fn.getBody(), 2);
}

/** A parameter of a method of a class extending `ExtensionPreferences` (the prefs window and what it hands on). */
function isPreferencesParameter(emitter: Node): boolean {
  const target = skipOuterExpressions(emitter);
  if (!Node.isIdentifier(target)) return false;
  const declaration = target.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isParameterDeclaration(declaration)) return false;
  const method = declaration.getParent();
  const cls = method?.getParent();
  if (cls === undefined || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) return false;
  const base = cls.getExtends()?.getExpression().getText();
  return base !== undefined && /(?:^|\.)ExtensionPreferences$/.test(base);
}

/** The extension's life: `enable()`/`disable()` of the class extending `Extension`, or of the module (GNOME 3.x). */
const EXTENSION_PAIR: LifecyclePair = { up: 'enable', down: 'disable', classExtends: 'Extension', moduleLevel: true };

export const gobjectModel: EmitterModel = {
  name: 'gobject',
  matchScheduler,
  connectMethodNames: ['connect', 'connect_after', 'connectObject'],
  fixHint:
    'Keep the handler id (e.g. in `this._handlerIds`) and `disconnect(id)` it in `disable()`/`destroy()`, or use `connectObject(…, this)` with `disconnectObject(this)`.',

  isEmitterType(type: Type): boolean {
    // Actors and widgets: dropping one with live handlers without destroy() leaks it.
    return isGObjectType(type) && type.getProperty('destroy') !== undefined;
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const method = methodCallOn(call, CONNECT_ALL, isGObjectReceiver);
    if (method === undefined) return undefined;
    const args = call.getArguments();
    const signal = signalName(args[0]);
    if (signal === undefined || !isCallback(args[1])) return undefined;
    if (CONNECT.has(method.name)) {
      const site: ConnectSite = { emitter: method.object, signal, slot: args[1], handle: 'id' };
      // Ended with the emitter: a `destroy` handler that disconnects (the cleanup itself), a
      // preferences window's connection (the prefs object lives exactly as long as its window), or
      // an object the extension destroys in disable() (extension-scoped.ts).
      if ((signal === 'destroy' && slotEndsConnections(args[1])) || isPreferencesParameter(method.object) || isExtensionScoped(method.object, EXTENSION_PAIR)) {
        site.tiedTo = method.object;
      }
      return site;
    }
    const last = args.at(-1);
    // connectObject('sig', cb, …, [flags,] owner): the trailing object is what the connections are tied to.
    const site: ConnectSite = { emitter: method.object, signal, slot: args[1], handle: 'none' };
    if (args.length > 2 && last !== undefined && signalName(last) === undefined && !Node.isArrowFunction(last) && !Node.isFunctionExpression(last)) {
      site.tiedTo = last as Expression;
    }
    return site;
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const method = methodCallOn(call, END, isGObjectReceiver);
    if (method === undefined) return undefined;
    const [first] = call.getArguments();
    if ((method.name === 'disconnect' || method.name === 'disconnectObject') && first !== undefined) {
      return { kind: 'disconnect-handle', handle: first as Expression };
    }
    if (method.name === 'destroy' || method.name === 'run_dispose') return { kind: 'dispose', emitter: method.object };
    return undefined;
  },

  createsEmitter(node: CallExpression | NewExpression): boolean {
    const callee = skipOuterExpressions(node.getExpression());
    if (Node.isNewExpression(node)) {
      // `new St.Widget()`, `new PopupMenu.PopupMenu(…)` from `any`-typed modules: typed ones are judged by their type.
      const type = typeOfExpression(node);
      if (type !== undefined && !type.isAny()) return type.getProperty('connect') === undefined && extendsUntypedBase(type);
      return isGjsModuleMember(callee);
    }
    if (!Node.isPropertyAccessExpression(callee) || !STATIC_CONSTRUCTOR.test(callee.getName())) return false;
    const type = typeOfExpression(node);
    return type === undefined || type.isAny() ? isGjsModuleMember(callee) : isGObjectType(type);
  },

  matchOwnership(node: CallExpression | NewExpression): OwnershipSite[] {
    if (!Node.isCallExpression(node)) return [];
    const [first] = node.getArguments();
    if (first === undefined || Node.isNullLiteral(first)) return [];
    const callee = skipOuterExpressions(node.getExpression());
    if (!Node.isPropertyAccessExpression(callee)) return [];
    const name = callee.getName();
    const container = callee.getExpression();
    if (SHELL_CONTAINERS.has(name)) {
      const owned = name === 'addToStatusArea' ? node.getArguments()[1] : first;
      return owned === undefined ? [] : [{ owned: owned as Expression, owner: container, ownerOutlivesCaller: true }];
    }
    if (!PARENTING.has(name)) return [];
    const type = typeOfExpression(container);
    if (type === undefined || !isGObjectReceiver(type)) return [];
    return [{ owned: first as Expression, owner: container, ownerOutlivesCaller: isShellGlobal(container) }];
  },

  lifecyclePairs: [
    EXTENSION_PAIR,
    // A widget's whole life ends in its destroy handler (`this.connect('destroy', this._onDestroy.bind(this))`).
    { up: '*', down: '_onDestroy' },
  ],
};
