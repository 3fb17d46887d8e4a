// Token hashes must be the same whichever implementation computes them: a token issued on Node
// has to be found by a Worker reading the same database, and the other way round.
import { describe, expect, it } from 'vitest';
import { newSecretToken, sha256Hex, webCryptoSha256Hex } from '../../src/lib/crypto.js';

describe('sha256Hex', () => {
  it('is the SHA-256 of the text as lowercase hex (FIPS 180-2 test vectors)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with WebCrypto (the Workers path) on tokens and on non-ASCII text', async () => {
    const inputs = [...Array.from({ length: 50 }, () => newSecretToken()), '对口支援', 'é\u0000x'];
    for (const input of inputs) expect(await sha256Hex(input)).toBe(await webCryptoSha256Hex(input));
  });
});
