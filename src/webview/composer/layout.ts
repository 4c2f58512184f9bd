import { el } from '../dom';

/** The composer's static form; labelled controls in a keyboard-friendly order. */
export function buildLayout(): HTMLElement {
  return el(
    'form',
    { id: 'composer', novalidate: true },
    el('h1', {}, 'New Message'),
    el('label', { for: 'text' }, 'Text'),
    el('textarea', { id: 'text', rows: '4' }),
    el('label', { for: 'destinations' }, 'Destinations'),
    el('textarea', { id: 'destinations', rows: '10', spellcheck: 'false', placeholder: 'Paste numbers in any format: one per line, comma- or <-separated, or a CSV with a header' }),
  );
}
