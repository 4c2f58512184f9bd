import * as assert from 'node:assert/strict';
import { useE2eSession } from '../harness/e2eSession';
import { findWebviewFrame } from '../harness/webview';

describe('composer webview in the browser VS Code', function () {
  this.timeout(60_000);
  const session = useE2eSession('composer');

  it('opens from Bulk Messaging: New Message and takes typed destinations', async () => {
    const { host, workbench } = session();
    await host.executeCommand('bulkMessaging.newMessage');
    const frame = await findWebviewFrame(workbench.page, '#destinations');
    const destinations = frame.locator('#destinations');
    await destinations.click();
    await destinations.pressSequentially('+12015550101\n+61491570156');
    assert.equal(await destinations.inputValue(), '+12015550101\n+61491570156');
  });
});
