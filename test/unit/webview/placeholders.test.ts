import * as assert from 'node:assert/strict';
import { placeholderWarning } from '../../../src/webview/composer/placeholders';

describe('composer placeholder warning', () => {
  it('names the CSV column a placeholder could come from, and says it is not filled in', () => {
    const warning = placeholderWarning('Hi {name}, see you {Day}', ['name', 'phone', 'city']);
    assert.match(warning, /^\{name\}, \{Day\} are sent as typed: Plivo sends the same text to every number\./);
    assert.match(warning, /The list’s “name” column would not be filled in/);
  });

  it('lists the columns when none matches, and says nothing for a text without braces', () => {
    assert.match(placeholderWarning('Hi {first}', ['name', 'phone']), /The list’s columns are “name”, “phone”; none is filled in/);
    assert.match(placeholderWarning('Hi {first}', undefined), /^\{first\} is sent as typed.*remove the braces\.$/);
    assert.equal(placeholderWarning('Hello, 50% off today', ['name']), '');
  });
});
