// Plivo sends one text to every number of a bulk request: "Hi {name}" goes out as typed. The composer
// says so beside the text, naming the list's columns such a placeholder may have been meant for.
import { placeholdersIn } from '../../protocol/composerDraft';

/** The warning for a text with placeholders, or '' without any. */
export function placeholderWarning(text: string, columns: readonly string[] | undefined): string {
  const found = placeholdersIn(text);
  if (found.length === 0) return '';
  const names = found.map((p) => p.replace(/[{}\s]/g, '').toLowerCase());
  const matching = (columns ?? []).filter((column) => names.includes(column.trim().toLowerCase()));
  const list = found.join(', ');
  const sentAsTyped = `${list} ${found.length === 1 ? 'is' : 'are'} sent as typed: Plivo sends the same text to every number.`;
  if (matching.length > 0) {
    return `${sentAsTyped} The list’s ${matching.map((c) => `“${c}”`).join(', ')} column${matching.length === 1 ? '' : 's'} would not be filled in: write one text for all, or send a personal text per number from a script.`;
  }
  const other = (columns ?? []).length > 0 ? ` The list’s columns are ${(columns ?? []).map((c) => `“${c}”`).join(', ')}; none is filled in.` : '';
  return `${sentAsTyped}${other} Write one text for all, or remove the braces.`;
}
