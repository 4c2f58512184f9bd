// What package.json promises VS Code, checked against the settings it declares.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('manifest: Restricted Mode and first contact', () => {
  it('works in Restricted Mode with a description, and ignores the folder’s settings that change where or how a send goes', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.match(trust?.description ?? '', /Restricted Mode/);
    const restricted = trust?.restrictedConfigurations ?? [];
    // A folder's defaultRegion would read national numbers as another country's: other people get the SMS.
    for (const setting of ['bulkMessaging.defaultRegion', 'bulkMessaging.requestTimeoutSeconds', 'bulkMessaging.send.batchesPerSecond']) {
      assert.ok(restricted.includes(setting), `${setting} is not restricted`);
    }
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const setting of restricted) assert.ok(declared.includes(setting), `${setting} is restricted but not a setting`);
  });

  it('activates once startup is finished, so the profile shows in the status bar before any list is open', () => {
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
  });
});
