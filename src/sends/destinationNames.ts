// The CSV's name column beside each number in the Sends tree. The names are not stored a second
// time: they are read back from the draft the send keeps (its destinations text), once per send.
// A draft trimmed to fit the storage budget has no text left, so its send shows no names.
import { analyseDestinations } from '../core/destinations/analyse';
import { TableColumns } from '../composer/tableColumns';
import type { ComposerDraft } from '../protocol/composerProtocol';

const NONE: ReadonlyMap<string, string> = new Map();
const byDraft = new WeakMap<ComposerDraft, ReadonlyMap<string, string>>();

/** E.164 → the name on its row, for a send drafted from a CSV/TSV list with a name column. */
export function destinationNames(draft: ComposerDraft): ReadonlyMap<string, string> {
  let names = byDraft.get(draft);
  if (names === undefined) byDraft.set(draft, (names = readNames(draft.destinations)));
  return names;
}

function readNames(text: string): ReadonlyMap<string, string> {
  // Cheap tests first: only a table's header row can name a column.
  if (text.length === 0 || !/[,;\t|]/.test(text.slice(0, 4096))) return NONE;
  const analysis = analyseDestinations(text);
  const table = TableColumns.read(text, analysis);
  if (!table?.nameHeader) return NONE;
  const names = new Map<string, string>();
  for (const entry of analysis.entries) {
    if (entry.status !== 'valid' || entry.e164 === undefined) continue;
    const name = table.nameAt(entry.position.offset);
    if (name) names.set(entry.e164, name);
  }
  return names;
}
