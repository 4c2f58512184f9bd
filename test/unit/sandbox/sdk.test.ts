import * as assert from 'node:assert/strict';
import * as plivo from 'plivo';
import type { SandboxServer } from '../../../src/sandbox';
import { startFast, waitFor } from './helpers';

/** What the SDK's JS really returns; its bundled .d.ts disagrees (object-form create, list arrays). */
interface SdkMessage {
  constructor: { name: string };
  messageUuid: string;
  messageState: string;
  toNumber: string;
  fromNumber: string;
  messageDirection: string;
  units: number;
  errorCode: string | null;
  destinationCountryIso2: string;
  totalAmount: string;
}
interface SdkCreated {
  constructor: { name: string };
  apiId: string;
  message: string;
  messageUuid: string[];
  invalid_number?: string[];
}
interface SdkMessages {
  create(params: { src: string; dst: string | string[]; text: string }): Promise<SdkCreated>;
  create(src: string, dst: string | string[], text: string): Promise<SdkCreated>;
  get(uuid: string): Promise<SdkMessage>;
  list(params: Record<string, unknown>): Promise<SdkMessage[] & { meta: { limit: number; offset: number; totalCount: number; next: string | null; previous: string | null } }>;
}

function sdkClient(sandbox: SandboxServer, token = sandbox.accounts[0].authToken): { messages: SdkMessages; accounts: plivo.Client['accounts'] } {
  const client = new plivo.Client(sandbox.accounts[0].authId, token, { url: sandbox.accountUrl() });
  return { messages: client.messages as unknown as SdkMessages, accounts: client.accounts };
}

// The official node SDK, pointed at the sandbox exactly as a user would, with its own result shapes.
describe('sandbox with the official plivo SDK', () => {
  let sandbox: SandboxServer;
  let client: ReturnType<typeof sdkClient>;
  before(async () => {
    sandbox = await startFast();
    client = sdkClient(sandbox);
  });
  after(() => sandbox.close());

  it('bulk create with an array dst mixing valid, invalid and duplicate numbers', async () => {
    const response = await client.messages.create({
      src: '14155550000',
      dst: ['14155551111', 'not-a-number', '+1 415 555 2222', '14155551111', '12'],
      text: 'Hello from the SDK',
    });
    assert.equal(response.constructor.name, 'MessageResponse');
    assert.equal(response.message, 'message(s) queued');
    assert.equal(typeof response.apiId, 'string');
    assert.equal(response.messageUuid.length, 2);
    assert.deepEqual(response.invalid_number, ['not-a-number', '12']);
  });

  it('create with positional arguments, then get the message', async () => {
    const created = await client.messages.create('14155550000', '14155553333', 'positional');
    const uuid = created.messageUuid[0];
    const message = await waitFor(async () => {
      const m = await client.messages.get(uuid);
      return m.messageState === 'delivered' ? m : undefined;
    }, 3000, 'delivered');
    assert.equal(message.constructor.name, 'MessageGetResponse');
    assert.equal(message.messageUuid, uuid);
    assert.equal(message.toNumber, '14155553333');
    assert.equal(message.fromNumber, '14155550000');
    assert.equal(message.messageDirection, 'outbound');
    assert.equal(message.units, 1);
    assert.equal(message.errorCode, '000');
    assert.equal(message.destinationCountryIso2, 'US');
    assert.match(message.totalAmount, /^\d+\.\d{5}$/);
  });

  it('list with paging: meta and objects in the SDK’s shapes', async () => {
    await client.messages.create({ src: '14155550000', dst: ['14155554001', '14155554002', '14155554003'], text: 'page me' });
    const page = await client.messages.list({ limit: 2, offset: 0 });
    assert.equal(page.length, 2);
    const meta = page.meta;
    assert.equal(meta.limit, 2);
    assert.equal(meta.totalCount, 6);
    assert.equal(meta.previous, null);
    assert.match(String(meta.next), /limit=2&offset=2$/);
    assert.equal(page[0].constructor.name, 'MessageListResponse');
    assert.equal(page[0].toNumber, '14155554003');
    assert.equal(page[1].toNumber, '14155554002');
    const next = await client.messages.list({ limit: 2, offset: 2 });
    assert.equal(next[0].toNumber, '14155554001');
    const filtered = await client.messages.list({ to_number: '14155554002' });
    assert.equal(filtered.length, 1);
  });

  it('account details through the SDK (which asks for `…/{auth_id}//`)', async () => {
    const account = (await client.accounts.get()) as unknown as { constructor: { name: string }; resourceUri: string; cashCredits: string };
    assert.equal(account.constructor.name, 'GetAccountDetails');
    assert.equal(account.resourceUri, `/v1/Account/${sandbox.accounts[0].authId}/`);
    assert.match(account.cashCredits, /^\d+\.\d{5}$/);
  });

  // The SDK's error classes are transpiled so that instances end up plain Errors; what it does set
  // is `status`, `apiID` and `message` (Plivo's `error` text) — the shape its users rely on.
  type SdkError = Error & { status?: number; apiID?: string };

  it('400: the SDK rejects with status 400 and Plivo’s error text', async () => {
    await assert.rejects(client.messages.create('14155550000', '12', 'hi'), (err: SdkError) => {
      assert.equal(err.status, 400);
      assert.equal(typeof err.apiID, 'string');
      assert.equal(err.message, "'12' is not a valid phone number.");
      return true;
    });
    await assert.rejects(client.messages.create('14155550000', ['12', 'abc'], 'hi'), (err: Error) => err.message === 'invalid phone numbers.');
  });

  it('401: wrong credentials reject with status 401', async () => {
    const wrong = sdkClient(sandbox, 'not-the-token');
    await assert.rejects(wrong.messages.list({}), (err: SdkError) => {
      assert.equal(err.status, 401);
      assert.equal(err.message, 'incorrect authentication credentials');
      return true;
    });
  });

  it('404: an unknown message rejects with status 404', async () => {
    await assert.rejects(client.messages.get('00000000-0000-0000-0000-000000000000'), (err: SdkError) => err.status === 404 && err.message === 'not found');
  });
});
