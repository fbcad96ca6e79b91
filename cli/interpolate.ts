// Fills a rule message's `{{ name }}` placeholders the way ESLint does, so that `slotguard check`
// prints exactly the text the editor shows. Unknown placeholders stay as written.
export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([^{}]+?)\}\}/g, (whole, term: string) => {
    const key = term.trim();
    return Object.hasOwn(data, key) ? String(data[key]) : whole;
  });
}
