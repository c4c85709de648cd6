// A miner built on the npm package `stratum-client` (not ours): it makes the connection and the
// Stratum session (subscribe, authorize, notify, set_difficulty, submit and their answers); this
// script only finds shares with ./share.js. Usage: node client.js HOST PORT WORKER SECONDS [SHARES]
// Mines until SHARES shares were answered (default: no limit) or SECONDS passed, whichever comes
// first, so a slow machine takes longer instead of finding fewer. Prints one line at the end:
// `submitted=N accepted=N rejected=N`.
'use strict';
const stratumClient = require('stratum-client');
const { findShare } = require('./share');

const [host, port, worker, seconds] = [process.argv[2], Number(process.argv[3]), process.argv[4], Number(process.argv[5] || 10)];
const shares = Number(process.argv[6] || Infinity);
let extranonce1 = null;
let extranonce2Size = 4;
let difficulty = 1;
let job = null;
let counter = 0;
let mining = true;
const tally = { submitted: 0, accepted: 0, rejected: 0 };

const session = stratumClient({
  server: host,
  port,
  worker,
  password: 'x',
  autoReconnectOnError: false,
  onSubscribe: (result) => {
    extranonce1 = result.extraNonce1;
    extranonce2Size = result.extraNonce2Size;
  },
  onNewDifficulty: (value) => { difficulty = value; },
  onNewMiningWork: (work) => {
    job = { coinb1: work.coinb1, coinb2: work.coinb2, branches: work.merkle_branch, version: work.version,
      prevhash: work.prevhash, nbits: work.nbits, ntime: work.ntime, id: work.jobId };
  },
  onSubmitWorkSuccess: () => { tally.accepted++; },
  onSubmitWorkFail: () => { tally.rejected++; },
  onError: (error) => console.error('stratum-client error:', error && error.message),
});

function mine() {
  if (!mining) return;
  if (tally.accepted + tally.rejected >= shares) {
    finish();
    return;
  }
  if (job && extranonce1 !== null) {
    const extranonce2 = (counter++).toString(16).padStart(extranonce2Size * 2, '0').slice(-extranonce2Size * 2);
    const nonce = findShare(job, extranonce1, extranonce2, difficulty, 1 << 20);
    if (nonce !== null) {
      tally.submitted++;
      session.submit({ worker_name: worker, job_id: job.id, extranonce2, ntime: job.ntime, nonce: nonce.toString(16).padStart(8, '0') });
    }
  }
  setTimeout(mine, 5);
}

// Stops mining, then gives the last answers a moment to arrive before the tally.
function finish() {
  if (!mining) return;
  mining = false;
  setTimeout(() => {
    console.log(`submitted=${tally.submitted} accepted=${tally.accepted} rejected=${tally.rejected}`);
    session.shutdown();
    process.exit(0);
  }, 1000);
}

mine();
setTimeout(finish, seconds * 1000);
