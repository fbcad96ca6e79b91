// A finding is what every rule of the core produces, in file offsets, so that the ESLint rules and
// the `slotguard check` CLI place and fix it the same way.

/** One text edit: replace [start, end) of the file text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** An optional fix the user may apply (an ESLint suggestion). */
export interface FindingSuggestion {
  messageId: string;
  data: Record<string, string>;
  edits: TextEdit[];
}

export interface Finding {
  /** Rule name without the plugin prefix, e.g. `no-dropped-connected-emitter`. */
  rule: string;
  /** Key into the rule's exported `messages`. */
  messageId: string;
  data: Record<string, string>;
  /** Offsets into the file text of the reported range. */
  start: number;
  end: number;
  suggestions: FindingSuggestion[];
}
