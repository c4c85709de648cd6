// A pool built on the npm package `stratum` (node-stratum, not ours): its Server makes the
// Stratum sessions (subscribe, authorize and submit answers; notify and set_difficulty with
// `"id": null`; its error tuples). This script makes the jobs and checks shares with ./share.js.
// Its subscribe answer lists `["mining.set_difficulty", <number>]`, as that package's README does.
// Usage: node pool.js PORT DIFFICULTY. Prints `accepted=N rejected=N` every second.
'use strict';
const crypto = require('crypto');
const stratum = require('stratum');
const { sha256d, header, target, value } = require('./share');

const port = Number(process.argv[2]);
const difficulty = Number(process.argv[3] || 0.00001);
const EXTRANONCE2_SIZE = 4;
const jobs = new Map();
const seen = new Set();
const tally = { accepted: 0, rejected: 0 };
let nextExtranonce1 = 0x1000;
let sequence = 0;

function makeJob() {
  const id = (++sequence).toString(16);
  const job = {
    id,
    prevhash: crypto.randomBytes(32).toString('hex'),
    // Version 1, one input spending nothing; the scriptSig ends with the 8 extranonce bytes.
    coinb1: '01000000' + '01' + '00'.repeat(32) + 'ffffffff' + '0c' + '03' + '40420f',
    // ...then the sequence and one output paying a P2WPKH script.
    coinb2: 'ffffffff' + '01' + '00f2052a01000000' + '16' + '0014' + 'ab'.repeat(20) + '00000000',
    branches: [crypto.randomBytes(32).toString('hex'), crypto.randomBytes(32).toString('hex')],
    version: '20000000',
    nbits: '1d00ffff',
    ntime: Math.floor(Date.now() / 1000).toString(16).padStart(8, '0'),
  };
  jobs.set(id, job);
  return job;
}

let current = makeJob();
const server = new stratum.Server({ settings: { port, host: '127.0.0.1' } });

function send(socket, clean) {
  socket.set_difficulty([difficulty]);
  const j = current;
  socket.notify([j.id, j.prevhash, j.coinb1, j.coinb2, j.branches, j.version, j.nbits, j.ntime, clean]);
}

server.on('mining', (request, deferred, socket) => {
  switch (request.method) {
    case 'subscribe':
      socket.extranonce1 = (nextExtranonce1++).toString(16).padStart(8, '0');
      deferred.resolve([difficulty, 'n' + socket.extranonce1, socket.extranonce1, EXTRANONCE2_SIZE]);
      break;
    case 'authorize':
      deferred.resolve([true]);
      setTimeout(() => send(socket, true), 50);
      break;
    case 'submit': {
      const [, jobId, extranonce2, ntime, nonce] = request.params;
      const job = jobs.get(jobId);
      const key = [jobId, socket.extranonce1, extranonce2, ntime, nonce].join(':');
      const ok = job && typeof extranonce2 === 'string' && extranonce2.length === EXTRANONCE2_SIZE * 2
        && !seen.has(key)
        && value(sha256d(header({ ...job, ntime }, socket.extranonce1, extranonce2, parseInt(nonce, 16)))) <= target(difficulty);
      if (ok) {
        seen.add(key);
        tally.accepted++;
        deferred.resolve([true]);
      } else {
        tally.rejected++;
        deferred.reject([stratum.Server.errors.UNKNOWN]);
      }
      break;
    }
    default:
      deferred.reject([stratum.Server.errors.METHOD_NOT_FOUND]);
  }
});

setInterval(() => console.log(`accepted=${tally.accepted} rejected=${tally.rejected}`), 1000);
server.listen().then(() => console.log(`listening on ${port}`));
