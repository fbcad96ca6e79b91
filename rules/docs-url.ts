// Where each rule's documentation lives: docs/rules/<name>.md in the repository. One place, so the
// ESLint rules (meta.docs.url) and the CLI's SARIF output (helpUri) give the same link.
export const repositoryUrl = 'https://github.com/slotguard/slotguard';

export function ruleDocsUrl(name: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${name}.md`;
}
