import * as assert from 'node:assert/strict';
import * as plivo from 'plivo';
import type { SandboxServer } from '../../../src/sandbox';
import { messageIntent } from '../../../src/sandbox/inbound';
import { accountPath, call, send, startFast, startReceiver, waitFor, type Received } from './helpers';

const header = (r: Received, name: string): string => String(r.headers[name] ?? '');

describe('sandbox inbound replies', () => {
  let sandbox: SandboxServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let inboundUrl: string;
  before(async () => {
    receiver = await startReceiver();
    inboundUrl = `${receiver.url}/sms/inbound?app=test`;
    sandbox = await startFast({ inboundUrl });
  });
  beforeEach(async () => {
    await call(sandbox, 'POST', '/__sandbox/reset');
    assert.equal((await call(sandbox, 'PUT', '/__sandbox/inbound', { body: { url: inboundUrl } })).status, 200);
    receiver.received.length = 0;
  });
  after(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('"Reply STOP" reaches the inbound URL as a signed webhook that the plivo SDK’s validateV3Signature accepts', async () => {
    assert.equal((await send(sandbox, { src: '+1 415 555 0000', dst: '14155551111', text: 'Your code is 1234' })).status, 202);
    const res = await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '+1 (415) 555-1111', text: 'STOP' } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.posted, true);
    const hook = await waitFor(() => receiver.received.find((r) => r.url.startsWith('/sms/inbound')), 5000, 'the inbound webhook');
    assert.equal(hook.method, 'POST');
    assert.equal(header(hook, 'content-type'), 'application/x-www-form-urlencoded');
    assert.equal(hook.params.From, '14155551111');
    assert.equal(hook.params.To, '14155550000');
    assert.equal(hook.params.Text, 'STOP');
    assert.equal(hook.params.Type, 'sms');
    assert.equal(hook.params.MessageIntent, 'optout');
    assert.equal(hook.params.MessageUUID, res.json.message.uuid);
    assert.equal(hook.params.Units, '1');
    for (const field of ['TotalRate', 'TotalAmount', 'PowerpackUUID']) assert.ok(field in hook.params, field);
    const token = sandbox.accounts[0].authToken;
    const v3 = header(hook, 'x-plivo-signature-v3');
    const v3Nonce = header(hook, 'x-plivo-signature-v3-nonce');
    assert.ok(plivo.validateV3Signature('POST', inboundUrl, v3Nonce, token, v3, hook.params));
    assert.equal(plivo.validateV3Signature('POST', inboundUrl, v3Nonce, 'another-token', v3, hook.params), false);
    assert.ok(plivo.validateSignature(inboundUrl, header(hook, 'x-plivo-signature-v2-nonce'), header(hook, 'x-plivo-signature-v2'), token));
  });

  it('the reply is listed as an inbound message, by the inbox and by Plivo’s list route', async () => {
    await send(sandbox, { src: '14155550000', dst: '14155551111', text: 'Hello' });
    await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155551111', text: 'Who is this? 👋' } });
    const inbox = (await call(sandbox, 'GET', '/__sandbox/messages?phone=14155551111')).json;
    assert.deepEqual(inbox.messages.map((m: { direction: string; text: string }) => [m.direction, m.text]), [['inbound', 'Who is this? 👋'], ['outbound', 'Hello']]);
    assert.equal(inbox.messages[0].state, 'received');
    assert.equal(inbox.messages[0].encoding, 'UCS-2');
    const list = (await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_direction=inbound'))).json;
    assert.equal(list.meta.total_count, 1);
    assert.equal(list.objects[0].message_direction, 'inbound');
    assert.equal(list.objects[0].message_state, 'received');
    assert.equal(list.objects[0].from_number, '14155551111');
    const outbound = (await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_direction=outbound'))).json;
    assert.equal(outbound.meta.total_count, 1);
  });

  it('after STOP, sends from that number to the phone fail with error 200 until START', async () => {
    await send(sandbox, { src: '14155550000', dst: '14155551111' });
    await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155551111', text: ' stop ' } });
    const blocked = (await send(sandbox, { src: '14155550000', dst: '14155551111<14155552222' })).json.message_uuid as string[];
    const state = async (uuid: string) => (await call(sandbox, 'GET', `/__sandbox/messages/${uuid}`)).json;
    const failed = await waitFor(async () => ((await state(blocked[0])).state === 'failed' ? state(blocked[0]) : undefined), 5000, 'the blocked send to fail');
    assert.equal(failed.errorCode, '200');
    assert.equal(failed.errorMeaning, 'blocked by STOP');
    await waitFor(async () => ((await state(blocked[1])).state === 'delivered' ? true : undefined), 5000, 'the other phone still gets it');
    const otherSender = (await send(sandbox, { src: '14155559999', dst: '14155551111' })).json.message_uuid[0];
    await waitFor(async () => ((await state(otherSender)).state === 'delivered' ? true : undefined), 5000, 'another sender is not blocked');
    await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155551111', to: '14155550000', text: 'START' } });
    const again = (await send(sandbox, { src: '14155550000', dst: '14155551111' })).json.message_uuid[0];
    await waitFor(async () => ((await state(again)).state === 'delivered' ? true : undefined), 5000, 'delivered after START');
  });

  it('the inbound URL is set through the control API; without one the reply is still stored', async () => {
    assert.equal((await call(sandbox, 'PUT', '/__sandbox/inbound', { body: { url: 'ftp://example' } })).status, 400);
    const cleared = await call(sandbox, 'PUT', '/__sandbox/inbound', { body: { url: null } });
    assert.deepEqual(cleared.json, { url: null });
    const res = await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155551111', to: '14155550000', text: 'HELP' } });
    assert.equal(res.status, 201);
    assert.equal(res.json.posted, false);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/messages?direction=inbound')).json.total, 1);
    const secretUrl = `${receiver.url.replace('http://', 'http://me:pw@')}/in?apikey=K`;
    const set = await call(sandbox, 'PUT', '/__sandbox/inbound', { body: { url: secretUrl } });
    assert.equal(set.json.url.includes('pw') || set.json.url.includes('=K'), false, set.json.url);
  });

  it('bad replies get 400: no phone, no text, nobody to reply to', async () => {
    assert.equal((await call(sandbox, 'POST', '/__sandbox/replies', { body: { text: 'hi' } })).status, 400);
    assert.equal((await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155551111', text: ' ' } })).status, 400);
    const nobody = await call(sandbox, 'POST', '/__sandbox/replies', { body: { from: '14155557777', text: 'hi' } });
    assert.equal(nobody.status, 400);
    assert.match(nobody.json.error, /to is required/);
  });

  it('MessageIntent: STOP words optout, START words optin, HELP help, anything else empty', () => {
    for (const text of ['STOP', 'stop', 'Unsubscribe', 'CANCEL.', ' quit ', 'STOPALL', 'END']) assert.equal(messageIntent(text), 'optout', text);
    for (const text of ['START', 'unstop', 'YES']) assert.equal(messageIntent(text), 'optin', text);
    for (const text of ['HELP', 'info']) assert.equal(messageIntent(text), 'help', text);
    for (const text of ['Stop sending me these', 'ok', 'thanks!']) assert.equal(messageIntent(text), '', text);
  });
});
