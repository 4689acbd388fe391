// A self-signed certificate for 127.0.0.1, made for one benchmark run and trusted only by the
// Chromium that run starts (by its public key), so Heard can be measured over HTTPS and HTTP/2
// as a real host serves it. Needs the openssl command (Debian's openssl package).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'heard-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
  } catch (error) {
    throw new Error(`Could not make a certificate for the HTTPS benchmark (is openssl installed? apt-get install -y openssl): ${error.message}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
