// How messages name a type: as the user wrote it. The checker prints the type it resolved, with
// default type arguments filled in (`EventEmitter<[never]>` for a plain `EventEmitter`), which the
// user never wrote; the declaration's annotation, or the class a `new` names, reads as the code does.
import { Node, SyntaxKind } from 'ts-morph';

const maxLength = 60;

function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 3)}…` : flat;
}

/** Does `expression` name a class or an interface (`Row`, an imported `EventEmitter`, `Map`), not a value such as a `ctor` parameter? */
function namesType(expression: Node): boolean {
  const symbol = expression.getSymbol();
  const target = symbol?.getAliasedSymbol() ?? symbol;
  return (target?.getDeclarations() ?? []).some((declaration) => Node.isClassDeclaration(declaration) || Node.isInterfaceDeclaration(declaration));
}

/** `new EventEmitter()` → `EventEmitter`, `new Map<string, Row>()` → `Map<string, Row>`. */
function constructedText(node: Node): string | undefined {
  if (!Node.isNewExpression(node) || !namesType(node.getExpression())) return undefined;
  const typeArguments = node.getTypeArguments();
  const args = typeArguments.length === 0 ? '' : `<${typeArguments.map((argument) => argument.getText()).join(', ')}>`;
  return `${node.getExpression().getText()}${args}`;
}

/** `Row | undefined` → `Row`: the messages speak of the object held, as the checker's non-nullable text did. */
function withoutNullish(annotation: Node): string {
  if (!Node.isUnionTypeNode(annotation)) return annotation.getText();
  const members = annotation.getTypeNodes().filter((member) => member.getKind() !== SyntaxKind.UndefinedKeyword && !(Node.isLiteralTypeNode(member) && Node.isNullLiteral(member.getLiteral())));
  return members.length === 0 ? annotation.getText() : members.map((member) => member.getText()).join(' | ');
}

/** The annotation or initializer of the variable, parameter or property `node` names. */
function declaredText(node: Node): string | undefined {
  const target = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node;
  if (!Node.isIdentifier(target) && !Node.isPrivateIdentifier(target)) return undefined;
  for (const declaration of target.getSymbol()?.getDeclarations() ?? []) {
    if (Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) {
      const annotation = declaration.getTypeNode();
      if (annotation !== undefined) return withoutNullish(annotation);
      const initializer = declaration.getInitializer();
      const constructed = initializer === undefined ? undefined : constructedText(initializer);
      if (constructed !== undefined) return constructed;
    }
  }
  return undefined;
}

/**
 * The type of `node` for a message as the code writes it: the class its `new` names, or the
 * annotation (or `new` initializer) of what it names; undefined when the code writes no type there.
 */
export function writtenTypeText(node: Node): string | undefined {
  try {
    const written = constructedText(node) ?? declaredText(node);
    return written === undefined ? undefined : shortened(written);
  } catch {
    return undefined;
  }
}
