import * as assert from 'node:assert/strict';
import {
  countDestinations,
  type FieldError,
  type MessageRequest,
  toRequestBody,
  validateMessageRequest,
} from '../../../src/core/request';

const base: MessageRequest = { src: '14155550000', dst: '14155551111<14155552222', text: 'Hello' };

function errorsFor(overrides: Partial<MessageRequest> | Record<string, unknown>): FieldError[] {
  return validateMessageRequest({ ...base, ...overrides } as MessageRequest);
}

function only(errors: FieldError[], field: string): string {
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  assert.equal(errors[0].field, field);
  return errors[0].message;
}

/** `count` distinct valid-looking numbers joined by `<`. */
function numbers(count: number): string {
  return Array.from({ length: count }, (_, i) => `1415${String(5550000 + i)}`).join('<');
}

describe('validateMessageRequest', () => {
  it('accepts a plain bulk SMS', () => {
    assert.deepEqual(validateMessageRequest(base), []);
  });

  describe('dst', () => {
    it('is required', () => {
      assert.match(only(errorsFor({ dst: '' }), 'dst'), /dst is required/);
      assert.match(only(errorsFor({ dst: '   ' }), 'dst'), /dst is required/);
      assert.match(only(errorsFor({ dst: undefined }), 'dst'), /dst is required/);
    });

    it('allows 1,000 unique numbers and refuses 1,001 with advice to batch', () => {
      assert.deepEqual(errorsFor({ dst: numbers(1000) }), []);
      assert.match(only(errorsFor({ dst: numbers(1001) }), 'dst'), /1,001 unique numbers.*at most 1,000.*batches/);
    });

    it('counts numbers after Plivo strips punctuation, so formatted duplicates do not count twice', () => {
      const dst = `${numbers(1000)}<+1 (415) 555-0000<1.415.555.0001`;
      assert.deepEqual(errorsFor({ dst }), []);
    });

    it('points at empty entries from stray separators', () => {
      assert.match(only(errorsFor({ dst: '14155551111<<14155552222' }), 'dst'), /1 empty entry/);
      assert.match(only(errorsFor({ dst: '<14155551111< ' }), 'dst'), /2 empty entries/);
    });
  });

  describe('sender', () => {
    it('needs exactly one of src and powerpack_uuid', () => {
      assert.match(only(errorsFor({ src: undefined }), 'src'), /set src .* or powerpack_uuid/);
      assert.match(only(errorsFor({ powerpack_uuid: 'pp-1' }), 'src'), /not both/);
      assert.deepEqual(errorsFor({ src: undefined, powerpack_uuid: 'd1f5c2a0-1b2c-4d5e-8f90-123456789abc' }), []);
    });

    it('accepts numbers with punctuation, short codes and alphanumeric IDs', () => {
      for (const src of ['+1 (415) 555-0000', '12345', 'Acme', 'ACME Alerts', 'Shop24']) {
        assert.deepEqual(errorsFor({ src }), [], src);
      }
    });

    it('refuses a number longer than 14 digits', () => {
      assert.match(only(errorsFor({ src: '+123456789012345' }), 'src'), /15 digits.*at most 14/);
    });

    it('refuses an alphanumeric ID longer than 11 characters or with punctuation', () => {
      assert.match(only(errorsFor({ src: 'AcmeAlerts12' }), 'src'), /12 characters.*at most 11/);
      assert.match(only(errorsFor({ src: 'Acme-Co' }), 'src'), /only letters, digits and spaces/);
      assert.match(only(errorsFor({ src: '+++' }), 'src'), /no digits or letters/);
    });
  });

  describe('text', () => {
    it('is required for SMS, also when type is left out', () => {
      assert.match(only(errorsFor({ text: undefined }), 'text'), /required for an SMS/);
      assert.match(only(errorsFor({ text: ' \n ', type: 'sms' }), 'text'), /required for an SMS/);
    });

    it('is optional for WhatsApp and for MMS with media', () => {
      assert.deepEqual(errorsFor({ text: undefined, type: 'whatsapp' }), []);
      assert.deepEqual(errorsFor({ text: undefined, type: 'mms', media_urls: ['https://example.com/a.png'] }), []);
      assert.match(only(errorsFor({ text: undefined, type: 'mms' }), 'text'), /MMS needs text or at least one media URL/);
    });

    it('names the GSM-7 limit and how much to cut', () => {
      assert.deepEqual(errorsFor({ text: 'a'.repeat(1600) }), []);
      assert.match(only(errorsFor({ text: 'a'.repeat(1601) }), 'text'), /1,601 characters.*at most 1,600.*remove 1\b/);
    });

    it('names the UCS-2 limit and the characters that forced it', () => {
      assert.deepEqual(errorsFor({ text: 'á'.repeat(737) }), []);
      const message = only(errorsFor({ text: 'á'.repeat(740) }), 'text');
      assert.match(message, /UCS-2 \(because of "á"\).*737.*remove 3/);
    });
  });

  describe('callback and options', () => {
    it('url must be an absolute http(s) URL', () => {
      for (const url of ['https://example.com/cb?x=1', 'http://127.0.0.1:8080/cb']) {
        assert.deepEqual(errorsFor({ url }), [], url);
      }
      for (const url of ['ftp://example.com/cb', 'example.com/cb', '/cb', 'http:example.com', 'https://']) {
        assert.match(only(errorsFor({ url }), 'url'), /absolute http:\/\/ or https:\/\//, url);
      }
    });

    it('method must be GET or POST', () => {
      assert.deepEqual(errorsFor({ method: 'GET' }), []);
      assert.match(only(errorsFor({ method: 'PUT' }), 'method'), /GET or POST \(got "PUT"\)/);
      assert.match(only(errorsFor({ method: 'get' }), 'method'), /GET or POST/);
    });

    it('type must be sms, mms or whatsapp', () => {
      assert.match(only(errorsFor({ type: 'voice' }), 'type'), /sms, mms or whatsapp \(got "voice"\)/);
    });

    it('message_expiry must be whole seconds from 5 to 10,799', () => {
      for (const message_expiry of [5, 60, 10_799]) assert.deepEqual(errorsFor({ message_expiry }), []);
      for (const message_expiry of [4, 10_800, 60.5, 0]) {
        assert.match(only(errorsFor({ message_expiry }), 'message_expiry'), /5 to 10,799/);
      }
    });

    it('log and trackable must be booleans', () => {
      assert.match(only(errorsFor({ log: 'false' }), 'log'), /true or false/);
      assert.match(only(errorsFor({ trackable: 1 }), 'trackable'), /true or false/);
    });

    it('media_urls: only for MMS/WhatsApp, at most 10, each http(s)', () => {
      assert.match(only(errorsFor({ media_urls: ['https://example.com/a.png'] }), 'media_urls'), /set type to mms/);
      const eleven = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`);
      assert.match(only(errorsFor({ type: 'mms', media_urls: eleven }), 'media_urls'), /11 entries.*at most 10/);
      const bad = errorsFor({ type: 'mms', media_urls: ['https://example.com/a.png', 'file:///etc/passwd'] });
      assert.equal(only(bad, 'media_urls[1]'), 'media_urls[1] must be an absolute http:// or https:// URL.');
    });
  });

  it('reports every problem at once', () => {
    const fields = validateMessageRequest({ dst: '', url: 'nope', method: 'PUT' } as unknown as MessageRequest)
      .map((error) => error.field)
      .sort();
    assert.deepEqual(fields, ['dst', 'method', 'src', 'text', 'url']);
  });
});

describe('countDestinations', () => {
  it('sanitises like Plivo and keeps the first occurrence', () => {
    const counted = countDestinations('+1 (415) 555-1111<14155551111<1/415/555.2222< <');
    assert.deepEqual(counted, { unique: ['14155551111', '14155552222'], duplicates: 1, empty: 2 });
  });
});

describe('toRequestBody', () => {
  it('omits undefined fields, keeps false and zero-like values, drops unknown keys', () => {
    const body = toRequestBody({
      src: undefined,
      powerpack_uuid: 'pp',
      dst: '1<2',
      text: 'hi',
      log: false,
      trackable: false,
      extra: 'x',
    } as MessageRequest);
    assert.deepEqual(JSON.parse(JSON.stringify(body)), { powerpack_uuid: 'pp', dst: '1<2', text: 'hi', log: false, trackable: false });
    assert.equal('src' in body, false);
  });
});
