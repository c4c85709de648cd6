//! The share journal: windows by (target, provider), counted shares at the window's D only,
//! summaries with the share tree's root, challenge answers that check out, and recovery after a
//! crash (a torn last line, a window left open).

mod common;

use aihash_keeper::journal;
use aihash_keeper::proxy::ProxyEvent;
use aihash_keeper::upstream::Verdict;
use aihash_keeper::verify::{merkle_root, Rejection};
use aihash_sdk::share_tree::{self, Hash32, ShareTree};
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use bitcoin::TxMerkleNode;
use common::{at, journal, record, share, window_d, PAYOUT};
use std::io::Write;

#[test]
fn a_window_is_summarised_and_every_leaf_can_be_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    let mut accepted = vec![];
    for n in 0..40 {
        let share = share(n, Verdict::Accepted, 1_000 + n as u64);
        accepted.push(share.hash);
        record(&mut journal, share);
    }
    record(&mut journal, share(100, Verdict::Rejected { code: 23, reason: "low".into() }, 2_000));
    record(&mut journal, share(101, Verdict::Lost, 2_001));
    for rejection in [Rejection::Stale, Rejection::Duplicate, Rejection::Duplicate] {
        let event = ProxyEvent::Refused {
            worker: "prov.rig1".into(),
            provider: "prov".into(),
            rejection,
            at: at(3_000),
        };
        journal.record("pool.example_3333", &event, window_d()).unwrap();
    }
    journal.record_outage("pool.example_3333", at(10_000), at(12_500)).unwrap();
    journal.record_outage("pool.example_3333", at(12_000), at(13_000)).unwrap();
    // Nothing closes before the window ends.
    assert!(journal.close_due(at(3_599_999)).unwrap().is_empty());
    let closed = journal.close_due(at(3_600_000)).unwrap();
    assert_eq!(closed.len(), 1);
    let summary = &closed[0];
    // Only pool-accepted shares meeting the window's D count; never at a higher difficulty.
    let mut counted: Vec<Hash32> =
        accepted.iter().filter(|h| window_d().is_met_by(**h)).map(|h| h.to_byte_array()).collect();
    assert!(!counted.is_empty() && counted.len() < accepted.len(), "{} of {}", counted.len(), accepted.len());
    counted.sort_by(share_tree::value_order);
    assert_eq!(summary.shares, counted.len() as u64);
    assert_eq!(summary.work, (counted.len() as u128 * 256).to_string());
    assert_eq!(
        (summary.submitted, summary.verified, summary.pool_accepted, summary.rejected_by_pool, summary.lost),
        (45, 42, 40, 1, 1)
    );
    assert_eq!((summary.rejected_stale, summary.rejected_duplicate), (1, 2));
    assert_eq!(summary.dead_ms, 3_000, "overlapping outages count once");
    let tree = ShareTree::new(counted.clone()).unwrap();
    assert_eq!(summary.root, hex::encode(tree.root()));
    assert_eq!(journal::summary(&summary.journal).unwrap(), *summary);

    let root: Hash32 = tree.root();
    for index in 0..summary.shares {
        let answer = journal::answer(&summary.journal, index).unwrap();
        let header: Header = bitcoin::consensus::deserialize(&answer.header).unwrap();
        let hash = header.block_hash().to_byte_array();
        let proof: Vec<Hash32> = answer.proof.iter().map(|p| p.clone().try_into().unwrap()).collect();
        assert!(share_tree::verify(&hash, index, summary.shares, &proof, &root));
        assert!(window_d().is_met_by(header.block_hash()));
        let branch: Vec<TxMerkleNode> = answer
            .branch
            .iter()
            .map(|b| TxMerkleNode::from_byte_array(b.clone().try_into().unwrap()))
            .collect();
        assert_eq!(merkle_root(&answer.coinbase, &branch), header.merkle_root);
        assert!(answer.coinbase.windows(PAYOUT.len()).any(|w| w == PAYOUT));
        if index + 1 < summary.shares {
            let next: Header = bitcoin::consensus::deserialize(&answer.next_header).unwrap();
            let next_hash = next.block_hash().to_byte_array();
            assert_eq!(share_tree::value_order(&hash, &next_hash), std::cmp::Ordering::Less);
            let next_proof: Vec<Hash32> =
                answer.next_proof.iter().map(|p| p.clone().try_into().unwrap()).collect();
            assert!(share_tree::verify(&next_hash, index + 1, summary.shares, &next_proof, &root));
        } else {
            assert!(answer.next_header.is_empty() && answer.next_proof.is_empty());
        }
    }
    let past = journal::answer(&summary.journal, summary.shares).unwrap_err();
    assert!(past.to_string().contains(&format!("past the window's {} counted shares", summary.shares)));
}

#[test]
fn a_crash_leaves_whole_entries_and_the_window_closes_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = journal(dir.path());
    let mut hashes = vec![];
    for n in 0..20 {
        let share = share(n, Verdict::Accepted, 500 + n as u64);
        hashes.push(share.hash);
        record(&mut first, share);
    }
    // Killed mid-write: the process is gone, its last entry torn.
    drop(first);
    let file = walk(dir.path()).into_iter().find(|p| p.extension().is_some_and(|e| e == "journal")).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap()
        .write_all(b"1234abcd {\"kind\":\"sha")
        .unwrap();
    // The restarted keeper appends to the same window: the torn tail is cut first.
    let mut second = journal(dir.path());
    for n in 20..30 {
        let share = share(n, Verdict::Accepted, 900_000 + n as u64);
        hashes.push(share.hash);
        record(&mut second, share);
    }
    drop(second);
    // A third run closes it after its end.
    let mut third = journal(dir.path());
    let closed = third.close_due(at(7_200_000)).unwrap();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].pool_accepted, 30, "all shares from both runs, none lost or doubled");
    assert_eq!(closed[0].shares as usize, hashes.iter().filter(|h| window_d().is_met_by(**h)).count());
    assert!(third.close_due(at(7_200_000)).unwrap().is_empty(), "closed once");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
