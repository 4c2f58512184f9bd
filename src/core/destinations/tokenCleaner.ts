import { isDigit, isNumberPunctuation, isSoftSeparator, isWidePunctuation, PLUS } from './characters';
import {
  characterName, digitScriptName, FULL_WIDTH_PLUS, isInvisible, isUnprintable, unicodeDigitValue,
} from './unicodeText';

const NOT_A_NUMBER = 'not a phone number';
const SCIENTIFIC = 'a spreadsheet shortened this number to scientific notation and its last digits are lost; '
  + 're-export the column formatted as text';

/** A token that needed more than stripping punctuation, and what was done to read it. */
export interface CleanToken {
  /** `+digits` / `digits`, or undefined when the token cannot be a number. */
  key: string | undefined;
  /** Why the token is not a number, when `key` is undefined. */
  reason?: string;
  /** What was changed to read it, in words ("zero-width space (U+200B) dropped"). */
  notes?: string[];
  /** Digits of an extension that was left out (SMS cannot reach one). */
  extension?: string;
  /** False when Plivo, sent the raw token, would not see these digits (then readPlivoDst must tell). */
  plivoSeesKey: boolean;
}

/**
 * Strips the punctuation people write inside numbers, keeping a leading `+`. The fast path returns
 * the key itself (`+digits` or `digits`) for tokens already written that way — most pasted numbers,
 * and the cache key for readings, so `+1 (415) 666-7777` and `+14156667777` share one parse.
 * Anything else returns a CleanToken.
 */
export function cleanToken(raw: string): string | CleanToken {
  const length = raw.length;
  let start = 0;
  if (length > 0 && raw.charCodeAt(0) === PLUS) start = 1;
  let plain = start < length;
  for (let i = start; i < length && plain; i++) plain = isDigit(raw.charCodeAt(i));
  if (plain) return raw;
  return slowClean(raw);
}

/** The key of a cleaned token (undefined when it is not a number). */
export function keyOf(cleaned: string | CleanToken): string | undefined {
  return typeof cleaned === 'string' ? cleaned : cleaned.key;
}

const URI_SCHEMES = ['tel:', 'sms:', 'smsto:'];
const SCIENTIFIC_FORM = /^\+?\d+(?:[.,]\d+)?[eE]\+?\d{1,2}$/;
const SPREADSHEET_DECIMAL = /^\+?\d+(\.0{1,2})$/;
const TRUNK_ZERO = /^\+\s*\d{1,3}\s*\((0)\)/;
const EXTENSION = /^\s*(?:;?ext(?:ension|n)?\.?|x|#)\s*[:=.]?\s*(\d{1,7})\s*$/i;

function slowClean(raw: string): CleanToken {
  // Most tokens here are numbers written with spaces or brackets: each check below first looks at
  // one character, so only tokens that may hold an artefact pay for its pattern.
  let notes: string[] | undefined;
  let from = 0;
  let to = raw.length;
  let plivoSeesKey = true;
  const changed = (note: string): void => {
    (notes ??= []).push(note);
    plivoSeesKey = false;
  };

  // Spreadsheet text guards: ="…" (a formula) and a leading apostrophe.
  const first = raw.charCodeAt(0);
  if (first === 61 /* = */ && raw.charCodeAt(1) === 34) {
    from = 2;
    if (to > from && raw.charCodeAt(to - 1) === 34) to--;
    changed('the spreadsheet formula guard ="…" removed');
  } else if (first === 39 /* ' */) {
    from = 1;
    changed('the leading apostrophe (a spreadsheet text guard) removed');
  }
  if (isLetter(raw.charCodeAt(from))) {
    const lower = raw.slice(from, from + 6).toLowerCase();
    const scheme = URI_SCHEMES.find((prefix) => lower.startsWith(prefix));
    if (scheme !== undefined) {
      from += scheme.length;
      if (raw.startsWith('//', from)) from += 2;
      const query = raw.indexOf('?', from);
      if (query >= 0 && query < to) to = query;
      changed(`read from a ${scheme} URI`);
    }
  }
  if (raw.charCodeAt(to - 1) === 48 /* 0 */ && (raw.charCodeAt(to - 2) === 46 || raw.charCodeAt(to - 3) === 46)) {
    const decimal = SPREADSHEET_DECIMAL.exec(raw.slice(from, to));
    if (decimal !== null) {
      to -= decimal[1].length;
      changed(`the trailing "${decimal[1]}" a spreadsheet adds removed`);
    }
  }
  let skip = -1;
  if (raw.includes('(0)')) {
    const trunk = TRUNK_ZERO.exec(raw.slice(from, to));
    if (trunk !== null) {
      skip = from + trunk[0].length - 2;
      changed('the trunk prefix (0) after the country code dropped');
    }
  }

  let key = '';
  let sawDigit = false;
  let digitScript: string | undefined;
  let invisible: string[] | undefined;
  let extension: string | undefined;
  for (let i = from; i < to; i++) {
    const code = raw.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (isDigit(code)) {
      sawDigit = true;
      if (i !== skip) key += raw[i];
    } else if (unicodeDigitValue(code) >= 0) {
      sawDigit = true;
      key += String(unicodeDigitValue(code));
      digitScript ??= digitScriptName(code);
    } else if (code === PLUS || code === FULL_WIDTH_PLUS) {
      if (key.length > 0) return failure(sawDigit, `${NOT_A_NUMBER}: "+" is allowed only at the start`);
      key = '+';
      if (code === FULL_WIDTH_PLUS) changed('full-width plus (U+FF0B) read as +');
    } else if (isInvisible(code)) {
      invisible ??= [];
      const name = characterName(code);
      if (!invisible.includes(name)) invisible.push(name);
    } else if (isNumberPunctuation(code) || isSoftSeparator(code)) {
      if (isWidePunctuation(code) || code === 34 || code === 39 || code === 91 || code === 93) plivoSeesKey = false;
    } else {
      if ((code === 69 || code === 101) && SCIENTIFIC_FORM.test(raw.slice(from, to))) {
        return { key: undefined, reason: SCIENTIFIC, plivoSeesKey: false };
      }
      const match = key.length > 1 || (key.length === 1 && key !== '+') ? EXTENSION.exec(raw.slice(i, to)) : null;
      if (match !== null) {
        // Said by the entry's warning, not as a note: the number is read, but not all of what was meant.
        extension = match[1];
        plivoSeesKey = false;
        break;
      }
      return failure(sawDigit || /\p{Nd}/u.test(raw), `${NOT_A_NUMBER}: unexpected ${describeCharacter(raw, i)}`);
    }
    i += width - 1;
  }
  if (digitScript !== undefined) changed(`${digitScript} read as 0–9`);
  if (invisible !== undefined) changed(`invisible ${invisible.length === 1 ? 'character' : 'characters'} dropped: ${invisible.join(', ')}`);
  if (key.length === 0 || key === '+') return { key: undefined, reason: NOT_A_NUMBER, plivoSeesKey: false };
  const cleaned: CleanToken = { key, plivoSeesKey };
  if (notes !== undefined) cleaned.notes = notes;
  if (extension !== undefined) cleaned.extension = extension;
  return cleaned;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function failure(hasDigits: boolean, reason: string): CleanToken {
  return { key: undefined, reason: hasDigits ? reason : NOT_A_NUMBER, plivoSeesKey: false };
}

/** `"O"` for a visible character; a name and code point for one that would print as nothing. */
function describeCharacter(raw: string, at: number): string {
  const code = raw.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(code);
  return isUnprintable(char) ? characterName(code) : `"${char}"`;
}
