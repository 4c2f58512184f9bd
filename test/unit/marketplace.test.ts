// What the packaged .vsix carries for the Marketplace and the extension's details page: the icon,
// the CHANGELOG and every image the README shows, each linked by a relative path that resolves
// inside the package. The listing is vsce's own (the same rules `npm run package` applies).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = join(__dirname, '..', '..', '..');

/** Every `![alt](target)` and `<img src="target">` of a Markdown text. */
function imageTargets(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const htmlImages = [...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]);
  return [...markdownImages, ...htmlImages];
}

describe('Marketplace package', function () {
  this.timeout(60_000);
  let packaged: Set<string>;

  before(async () => {
    packaged = new Set((await listFiles({ cwd: root, packageManager: PackageManager.None })).map((file) => file.replace(/\\/g, '/')));
  });

  it('holds the icon, the README and the CHANGELOG', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { icon: string };
    for (const file of [manifest.icon, 'README.md', 'CHANGELOG.md']) assert.ok(packaged.has(file), `${file} is in the package`);
  });

  it('holds every README image, each linked by a relative path', () => {
    const targets = imageTargets(readFileSync(join(root, 'README.md'), 'utf8'));
    assert.ok(targets.length >= 5, `the README shows its screenshots (found ${targets.length})`);
    for (const target of targets) {
      assert.doesNotMatch(target, /^(?:[a-z]+:|\/)/i, `${target} is a relative path`);
      const file = decodeURI(target.replace(/^\.\//, '').split('#')[0]);
      assert.ok(packaged.has(file), `${file} (a README image) is in the package`);
    }
  });
});
