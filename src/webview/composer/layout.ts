import { el } from '../dom';
import { devLoopButtons, estimateBox } from './devLoopControls';

// The composer's static form. Ids are stable: the script and the e2e tests find controls by them.

/** A labelled field: label, control, optional hint, and the slot its error appears in. */
function field(id: string, label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  control.setAttribute('aria-describedby', [hint ? hint.id : '', `${id}-error`].filter(Boolean).join(' '));
  return el('div', { class: 'field', id: `${id}-field` }, el('label', { for: id }, label), control, hint, errorSlot(id));
}

function errorSlot(id: string): HTMLElement {
  return el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
}

function option(value: string, label: string): HTMLOptionElement {
  return el('option', { value }, label);
}

function radio(name: string, id: string, value: string, label: string): HTMLElement {
  return el('label', { class: 'choice', for: id }, el('input', { type: 'radio', name, id, value }), label);
}

function senderSection(): HTMLElement {
  const value = el('input', { id: 'sender', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  value.setAttribute('aria-describedby', 'sender-hint sender-error');
  return el('div', { class: 'field', id: 'sender-field' },
    el('label', { for: 'sender', id: 'sender-label' }, 'Sender number or ID'),
    value,
    el('p', { class: 'hint', id: 'sender-hint' }),
    errorSlot('sender'),
  );
}

/** What most sends never change: where the sender comes from, the type, and the status callback. */
function advancedSection(): HTMLElement {
  const senderKind = el('fieldset', { class: 'field', id: 'sender-kind-field' },
    el('legend', {}, 'Send from'),
    el('div', { class: 'choices', role: 'radiogroup', 'aria-label': 'Send from' },
      radio('senderKind', 'sender-kind-src', 'src', 'Number or sender ID (src)'),
      radio('senderKind', 'sender-kind-powerpack', 'powerpack_uuid', 'Powerpack (powerpack_uuid)'),
    ),
  );
  const callback = el('div', { class: 'row' },
    field('callback-url', 'Status callback URL (optional)', el('input', { id: 'callback-url', type: 'url', placeholder: 'https://example.com/plivo/status', spellcheck: 'false' }),
      // The callback inspector's hook (src/callbacks/useLocalInspector.ts answers it).
      el('p', { class: 'hint', id: 'callback-url-hint' },
        el('button', { type: 'button', id: 'use-local-inspector', class: 'secondary' }, 'Use local inspector'),
        ' receives the callbacks in the Callbacks view, signatures checked.')),
    field('callback-method', 'Callback method', el('select', { id: 'callback-method' }, option('POST', 'POST'), option('GET', 'GET'))),
  );
  return el('details', { id: 'advanced', class: 'advanced' },
    el('summary', { id: 'advanced-summary' }, 'Advanced: type, Powerpack, status callback'),
    senderKind,
    field('type', 'Type', el('select', { id: 'type' }, option('sms', 'SMS'), option('mms', 'MMS'))),
    callback,
  );
}

function messageSection(): HTMLElement {
  const text = el('textarea', { id: 'text', rows: '5' });
  // The running count is read with the field (aria-describedby), not announced per keystroke;
  // a switch to UCS-2 and the over-limit error are announced.
  const counter = el('div', { class: 'hint counter', id: 'text-counter' },
    el('span', { id: 'text-counter-summary' }),
    el('span', { id: 'text-counter-detail', 'aria-live': 'polite' }),
    el('span', { id: 'text-counter-error', class: 'error', 'aria-live': 'polite' }),
    // {placeholders} are sent as typed: said beside the text, before anything is sent.
    el('span', { id: 'text-placeholders', class: 'warning', 'aria-live': 'polite' }));
  return el('section', { 'aria-labelledby': 'message-heading' },
    el('h2', { id: 'message-heading' }, 'Message'),
    field('profile', 'Profile', el('select', { id: 'profile' }), el('p', { class: 'hint', id: 'profile-hint' })),
    el('p', { class: 'profile-actions' },
      el('button', { type: 'button', id: 'add-profile', class: 'link' }, 'Add Plivo profile…'), ' · ',
      el('button', { type: 'button', id: 'import-profile', class: 'link' }, 'Import from environment…')),
    senderSection(),
    field('text', 'Text', text, counter),
    advancedSection(),
  );
}

function destinationsSection(): HTMLElement {
  const box = el('textarea', {
    id: 'destinations', rows: '10', spellcheck: 'false', wrap: 'off',
    placeholder: 'Paste numbers in any format: one per line, separated by commas, semicolons or "<", or a CSV/TSV with a header.',
  });
  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Destinations actions' },
    el('button', { type: 'button', id: 'load-file', class: 'secondary' }, 'Load from file…'),
    el('button', { type: 'button', id: 'load-selection', class: 'secondary' }, 'Load from selection'),
    el('button', { type: 'button', id: 'remove-invalid', class: 'secondary', disabled: true }, 'Remove invalid'),
    el('button', { type: 'button', id: 'remove-duplicates', class: 'secondary', disabled: true }, 'Remove duplicates'),
    el('button', { type: 'button', id: 'undo-destinations', class: 'secondary', hidden: true }, 'Undo'),
  );
  return el('section', { 'aria-labelledby': 'destinations-heading' },
    el('h2', { id: 'destinations-heading' }, 'Destinations'),
    field('destinations', 'Destination numbers', box, el('p', { class: 'hint', id: 'destinations-hint' },
      'National numbers are read in the profile\u2019s region; others need a country code (+1…).')),
    toolbar,
    el('div', { id: 'summary', class: 'summary', role: 'status', 'aria-live': 'polite' }),
    previewSection(),
  );
}

function previewSection(): HTMLElement {
  const filters = el('div', { class: 'choices segmented', role: 'radiogroup', 'aria-label': 'Show entries' },
    ...[['all', 'All'], ['valid', 'Valid'], ['invalid', 'Invalid'], ['duplicate', 'Duplicates'], ['warning', 'Warnings']].map(([value, label]) =>
      radio('previewFilter', `filter-${value}`, value, label)),
  );
  const head = el('thead', {}, el('tr', {},
    ...['Position', 'Status', 'Input', 'E.164 or reason', 'Country', 'Type', 'Notes'].map((name) => el('th', { scope: 'col' }, name))));
  const table = el('table', { id: 'preview-table', 'aria-describedby': 'preview-range' }, el('caption', { class: 'visually-hidden' }, 'Destination preview'), head, el('tbody', { id: 'preview-rows' }));
  const pager = el('div', { class: 'pager' },
    el('button', { type: 'button', id: 'page-prev', class: 'secondary', disabled: true }, '‹ Previous'),
    el('span', { id: 'preview-range' }),
    el('button', { type: 'button', id: 'page-next', class: 'secondary', disabled: true }, 'Next ›'),
  );
  return el('div', { class: 'preview', id: 'preview' }, filters, el('div', { class: 'table-wrap' }, table), pager);
}

/** The bar that stays in view: what a click sends, and the button with its shortcut. */
function sendBar(): HTMLElement {
  return el('section', { 'aria-labelledby': 'send-heading', class: 'send-bar', id: 'send-bar' },
    el('h2', { id: 'send-heading', class: 'visually-hidden' }, 'Send'),
    errorSlot('general'),
    el('div', { class: 'send-row' },
      el('button', { type: 'button', id: 'send', 'aria-keyshortcuts': 'Control+Enter Meta+Enter', 'aria-describedby': 'send-summary' },
        el('span', { id: 'send-label' }, 'Send'), ' ', el('kbd', { id: 'send-shortcut', 'aria-hidden': 'true' }, 'Ctrl+Enter')),
      ...devLoopButtons(),
      el('span', { id: 'send-summary', class: 'send-summary' }),
      el('span', { id: 'send-status', role: 'status', 'aria-live': 'polite' })),
  );
}

/**
 * The whole composer form. Above 900 px two columns, destinations with their preview beside the
 * message; narrower, one column in the same order (the order a keyboard user tabs through it).
 * Hooks from other features add controls inside these named regions.
 */
export function buildLayout(): HTMLElement {
  return el('form', { id: 'composer', novalidate: true },
    el('header', { class: 'composer-header' },
      el('h1', {}, 'New Message'),
      el('p', { id: 'notice', class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true }),
      el('div', { id: 'error-summary', class: 'error-summary', role: 'alert', hidden: true })),
    el('div', { class: 'columns' },
      el('div', { class: 'column', id: 'list-column' }, destinationsSection()),
      el('div', { class: 'column', id: 'message-column' },
        messageSection(),
        estimateBox(),
        el('div', { id: 'result', class: 'result', hidden: true, 'aria-live': 'polite' }))),
    sendBar(),
  );
}
