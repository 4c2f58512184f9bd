// A private certificate authority made fresh for a test run, and server certificates it signs —
// what a TLS-inspecting corporate network looks like to a client.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TestCa {
  /** The CA certificate (PEM) a client must trust. */
  cert: string;
  /** The CA certificate written to a file, for NODE_EXTRA_CA_CERTS. */
  certFile: string;
  /** A server certificate and key signed by this CA for `hosts` (DNS names or IPs). */
  issue(hosts: string[]): Promise<{ cert: string; key: string }>;
}

export async function createTestCa(name = 'Bulk Messaging Test Root'): Promise<TestCa> {
  const ca = await generate([{ name: 'commonName', value: name }], {
    algorithm: 'sha256',
    keyType: 'ec',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const certFile = join(mkdtempSync(join(tmpdir(), 'bmw-ca-')), 'root.pem');
  writeFileSync(certFile, ca.cert);
  return {
    cert: ca.cert,
    certFile,
    issue: async (hosts) => {
      const leaf = await generate([{ name: 'commonName', value: hosts[0] }], {
        algorithm: 'sha256',
        keyType: 'ec',
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
          { name: 'basicConstraints', cA: false, critical: true },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: hosts.map((host) => (/^[\d.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host })) },
        ],
      });
      return { cert: leaf.cert, key: leaf.private };
    },
  };
}
