import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, md5Bytes, md5Hex, sha256Bytes, sha256Hex, utf8Bytes } from './digest.js';

const nodeHex = (algorithm: 'md5' | 'sha256', data: Uint8Array | string) =>
  createHash(algorithm)
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');

/** Lengths around the 64-byte block and the 56-byte padding boundary, where digests go wrong. */
const boundaryLengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000];

describe('MD5 (RFC 1321)', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('agrees with node:crypto on fixed inputs, Chinese text and block boundaries', () => {
    for (const text of ['质量强区数字化平台', '9319./2.5.8.10.12./9.18.26.34.41.45./', 'emoji 😀 and \u0000 NUL']) {
      expect(md5Hex(text), text).toBe(nodeHex('md5', text));
    }
    for (const n of boundaryLengths) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      expect(md5Hex(bytes), `length ${n}`).toBe(nodeHex('md5', bytes));
    }
  });

  it('agrees with node:crypto on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(nodeHex('md5', bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with node:crypto on random strings hashed as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(md5Hex(text)).toBe(nodeHex('md5', text));
      }),
    );
  });

  it('returns 16 bytes', () => {
    expect(md5Bytes('abc')).toHaveLength(16);
    expect(bytesToHex(md5Bytes('abc'))).toBe(md5Hex('abc'));
  });
});

describe('SHA-256 (FIPS 180-4)', () => {
  it('matches the FIPS 180 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes a million "a" characters', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on fixed inputs, Chinese text and block boundaries', () => {
    for (const text of ['质量强区数字化平台', 'a\nb\nc', 'emoji 😀 and \u0000 NUL']) {
      expect(sha256Hex(text), text).toBe(nodeHex('sha256', text));
    }
    for (const n of boundaryLengths) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 17 + 3) & 0xff);
      expect(sha256Hex(bytes), `length ${n}`).toBe(nodeHex('sha256', bytes));
    }
  });

  it('agrees with node:crypto on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(nodeHex('sha256', bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with node:crypto on random strings hashed as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeHex('sha256', text));
      }),
    );
  });

  it('returns 32 bytes and hashes a string as its UTF-8 bytes', () => {
    expect(sha256Bytes('abc')).toHaveLength(32);
    expect(sha256Hex(utf8Bytes('质量'))).toBe(sha256Hex('质量'));
  });
});
