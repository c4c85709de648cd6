// Share arithmetic for the interop scripts (ours): sha256d, Stratum's word-swapped prevhash,
// targets from pool difficulty, and a share search over nonces. The Stratum sessions themselves
// are handled by the third-party npm packages the scripts drive.
'use strict';
const crypto = require('crypto');

const sha256d = (bytes) => crypto.createHash('sha256').update(crypto.createHash('sha256').update(bytes).digest()).digest();

/** Stratum sends the previous-block hash with each 4-byte word byte-reversed. */
function headerPrevHash(stratumHex) {
  const bytes = Buffer.from(stratumHex, 'hex');
  for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  return bytes;
}

/** The share target of a pool difficulty: (0xffff << 208) / difficulty. */
function target(difficulty) {
  const scale = 10n ** 18n;
  return ((0xffffn << 208n) * scale) / BigInt(Math.max(1, Math.round(difficulty * 1e18)));
}

/** A hash as the number it stands for (little-endian). */
const value = (hash) => BigInt('0x' + Buffer.from(hash).reverse().toString('hex'));

/** The 80-byte header of a job with extranonces, ntime and nonce. */
function header(job, extranonce1, extranonce2, nonce) {
  let root = sha256d(Buffer.from(job.coinb1 + extranonce1 + extranonce2 + job.coinb2, 'hex'));
  for (const step of job.branches) root = sha256d(Buffer.concat([root, Buffer.from(step, 'hex')]));
  const bytes = Buffer.alloc(80);
  bytes.writeUInt32LE(parseInt(job.version, 16), 0);
  headerPrevHash(job.prevhash).copy(bytes, 4);
  root.copy(bytes, 36);
  bytes.writeUInt32LE(parseInt(job.ntime, 16), 68);
  bytes.writeUInt32LE(parseInt(job.nbits, 16), 72);
  bytes.writeUInt32LE(nonce >>> 0, 76);
  return bytes;
}

/** The first nonce under `tries` whose header meets `difficulty`, or null. */
function findShare(job, extranonce1, extranonce2, difficulty, tries) {
  const goal = target(difficulty);
  for (let nonce = 0; nonce < tries; nonce++) {
    if (value(sha256d(header(job, extranonce1, extranonce2, nonce))) <= goal) return nonce;
  }
  return null;
}

module.exports = { sha256d, header, target, value, findShare };
