//! Stratum jobs as an upstream pool sends them (`mining.notify`), in the byte forms a block
//! header needs, and the book of recent jobs per upstream: which jobs a share may still be
//! submitted against, and which shares each has seen. A duplicate is a share whose header was
//! seen before: the header binds the job, both extranonces (through the merkle root), ntime,
//! nonce and version, so the set of header hashes is exact and cheap to keep.

use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

/// One job: the header fields the pool fixes and the coinbase halves around the extranonces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: String,
    pub prev_hash: BlockHash,
    pub coinbase1: Vec<u8>,
    pub coinbase2: Vec<u8>,
    /// The coinbase's merkle branch, bottom up: each entry is hashed after the running root.
    pub merkle_branch: Vec<TxMerkleNode>,
    pub version: i32,
    pub bits: CompactTarget,
    pub time: u32,
    /// Whether earlier jobs are void (a new block on the network).
    pub clean: bool,
}

/// A share as a rig submits it (`mining.submit`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Submission {
    pub job_id: String,
    pub extranonce2: Vec<u8>,
    pub time: u32,
    pub nonce: u32,
    /// The rolled version bits (BIP 310), if the rig rolls them.
    pub version_bits: Option<u32>,
}

/// What a job book says about a submission before its hash is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    Current(&'a Arc<Job>),
    /// No such job, or one made void by a clean job since.
    Stale,
}

/// Header hashes of the shares seen for one job.
type Seen = HashSet<BlockHash, BuildHashPrefix>;

/// Hashes a block hash by its first 8 bytes: they are the low bits of a sha256d output, which no
/// rig can choose (a share's difficulty only constrains the high bits), so SipHash's defence
/// against crafted keys buys nothing here and costs a fifth of the verification time.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildHashPrefix;

impl std::hash::BuildHasher for BuildHashPrefix {
    type Hasher = HashPrefix;

    fn build_hasher(&self) -> HashPrefix {
        HashPrefix(0)
    }
}

#[derive(Debug)]
pub struct HashPrefix(u64);

impl std::hash::Hasher for HashPrefix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut prefix = [0u8; 8];
        let n = bytes.len().min(8);
        prefix[..n].copy_from_slice(&bytes[..n]);
        self.0 ^= u64::from_le_bytes(prefix);
    }
}

/// The recent jobs of one upstream, newest last, with the submissions each has seen.
#[derive(Debug)]
pub struct JobBook {
    jobs: VecDeque<(Arc<Job>, Seen)>,
    capacity: usize,
}

impl JobBook {
    /// Keeps at most `capacity` jobs (older ones count as stale).
    pub fn new(capacity: usize) -> Self {
        Self { jobs: VecDeque::new(), capacity: capacity.max(1) }
    }

    /// Adds a job; a clean job voids every earlier one.
    pub fn add(&mut self, job: impl Into<Arc<Job>>) {
        let job = job.into();
        if job.clean {
            self.jobs.clear();
        }
        self.jobs.retain(|(known, _)| known.id != job.id);
        if self.jobs.len() == self.capacity {
            self.jobs.pop_front();
        }
        self.jobs.push_back((job, HashSet::default()));
    }

    /// Forgets every job: a new session with the pool voids them all.
    pub fn clear(&mut self) {
        self.jobs.clear();
    }

    /// The newest job, which rigs should be working on.
    pub fn latest(&self) -> Option<&Arc<Job>> {
        self.jobs.back().map(|(job, _)| job)
    }

    pub fn lookup(&self, job_id: &str) -> Lookup<'_> {
        match self.jobs.iter().find(|(job, _)| job.id == job_id) {
            Some((job, _)) => Lookup::Current(job),
            None => Lookup::Stale,
        }
    }

    /// Records a share of job `job_id` by its header hash; `false` if it was seen already (a
    /// duplicate) or the job is gone.
    pub fn record(&mut self, job_id: &str, hash: BlockHash) -> bool {
        match self.jobs.iter_mut().find(|(job, _)| job.id == job_id) {
            Some((_, seen)) => seen.insert(hash),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bitcoin::hashes::Hash;

    pub fn job(id: &str, clean: bool) -> Job {
        Job {
            id: id.into(),
            prev_hash: BlockHash::all_zeros(),
            coinbase1: vec![1],
            coinbase2: vec![2],
            merkle_branch: vec![],
            version: 0x2000_0000,
            bits: CompactTarget::from_consensus(0x1702_3a04),
            time: 1_750_000_000,
            clean,
        }
    }

    #[test]
    fn clean_jobs_void_earlier_ones_and_old_jobs_age_out() {
        let mut book = JobBook::new(3);
        book.add(job("a", true));
        book.add(job("b", false));
        assert!(matches!(book.lookup("a"), Lookup::Current(_)));
        book.add(job("c", false));
        book.add(job("d", false));
        assert_eq!(book.lookup("a"), Lookup::Stale, "aged out");
        assert!(matches!(book.lookup("b"), Lookup::Current(_)));
        book.add(job("e", true));
        assert_eq!(book.lookup("d"), Lookup::Stale, "voided by a clean job");
        assert_eq!(book.latest().unwrap().id, "e");
    }

    #[test]
    fn a_share_counts_once() {
        let mut book = JobBook::new(4);
        book.add(job("a", true));
        let hash = BlockHash::from_byte_array([7; 32]);
        assert!(book.record("a", hash));
        assert!(!book.record("a", hash), "the same header twice");
        assert!(book.record("a", BlockHash::from_byte_array([8; 32])));
        assert!(!book.record("gone", hash));
        // A clean job forgets the old job's shares with the job.
        book.add(job("b", true));
        assert!(!book.record("a", hash));
    }
}
