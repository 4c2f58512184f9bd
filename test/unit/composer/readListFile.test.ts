import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LIST_FILE_BYTES, readListFile, type ListFileSystem } from '../../../src/composer/readListFile';

describe('composer: Load from file (readListFile)', () => {
  let dir: string;
  let reads: string[];
  /** The real files on disk, noting which were read in full. */
  const disk = (name: string): ListFileSystem => ({
    stat: () => stat(join(dir, name)),
    readFile: async () => {
      reads.push(name);
      return readFile(join(dir, name));
    },
  });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulk-messaging-load-'));
  });
  beforeEach(() => {
    reads = [];
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file over the limit from its size, without reading it, and says the draft is kept', async () => {
    await writeFile(join(dir, 'huge.txt'), '');
    await truncate(join(dir, 'huge.txt'), 10 * 1024 * 1024);
    const result = await readListFile('huge.txt', disk('huge.txt'));
    assert.deepEqual(reads, []);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^huge\.txt is 10\.5 MB; the composer reads up to 2,000,000 characters .*Split the file .*The destinations are unchanged\.$/);
  });

  it('refuses text over 2,000,000 characters even when its bytes fit', async () => {
    await writeFile(join(dir, 'long.txt'), '1'.repeat(MAX_LIST_FILE_BYTES - 10));
    const result = await readListFile('long.txt', disk('long.txt'));
    assert.match(!result.ok ? result.message : '', /long\.txt is 3,999,990 characters; the composer reads up to 2,000,000/);
  });

  it("reads UTF-16 LE (Excel's Unicode text) and BE with a BOM, and drops a UTF-8 BOM", async () => {
    const list = '+14155550100\r\n+447400123456\r\n';
    await writeFile(join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(list, 'utf16le')]));
    await writeFile(join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(list, 'utf16le').swap16()]));
    await writeFile(join(dir, 'bom.txt'), `\uFEFF${list}`);
    assert.deepEqual(await readListFile('le.txt', disk('le.txt')), { ok: true, text: list, note: 'Loaded le.txt (UTF-16 LE).' });
    assert.deepEqual(await readListFile('be.txt', disk('be.txt')), { ok: true, text: list, note: 'Loaded be.txt (UTF-16 BE).' });
    assert.deepEqual(await readListFile('bom.txt', disk('bom.txt')), { ok: true, text: list, note: 'Loaded bom.txt.' });
  });

  it('refuses binary, undecodable and empty files with what to do, keeping the draft', async () => {
    await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('+14155550100 caf\xe9\n', 'latin1'));
    await writeFile(join(dir, 'empty.txt'), '');
    const message = async (name: string): Promise<string> => {
      const result = await readListFile(name, disk(name));
      return result.ok ? '' : result.message;
    };
    assert.match(await message('photo.jpg'), /photo\.jpg looks like a binary file\. Export the numbers as text or CSV .*unchanged\.$/);
    assert.match(await message('latin1.txt'), /latin1\.txt is not valid UTF-8 text\. Save it as UTF-8 .*unchanged\.$/);
    assert.match(await message('empty.txt'), /^empty\.txt is empty\. The destinations are unchanged\.$/);
    assert.match(await message('missing.txt'), /^Could not read missing\.txt: .*ENOENT.*unchanged\.$/);
  });
});
