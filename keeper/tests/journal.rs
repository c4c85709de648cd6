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
use common::{at, job, journal, record, share, share_on, window_d, PAYOUT};
use std::io::Write;
use std::sync::Arc;

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
            target: "pool.example_3333".into(),
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

/// A share belongs to the window its ntime falls in, whenever it arrives; one arriving after
/// that window closed is journaled as late where it arrived and counted nowhere, so a closed
/// window's summary and answers never change.
#[test]
fn shares_go_to_the_window_of_their_ntime_and_late_ones_count_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    let counted = |summary: &journal::WindowSummary| summary.shares;
    // Received in the second hour, stamped in the first: the first window's.
    for n in 0..20 {
        record(&mut journal, share(n, Verdict::Accepted, 3_600_000 + n as u64));
    }
    let first = journal.close_due(at(3_600_000)).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].start_ms, first[0].submitted), (common::START_MS, 20));
    let root = first[0].root.clone();
    let answer = journal::answer(&first[0].journal, 0).unwrap();
    // Another share stamped in the first hour arrives now: late, in the second hour's window.
    record(&mut journal, share(500, Verdict::Accepted, 3_700_000));
    assert!(journal.close_due(at(3_700_000)).unwrap().is_empty(), "the first window stays closed");
    assert_eq!(journal::summary(&first[0].journal).unwrap().root, root);
    assert_eq!(journal::answer(&first[0].journal, 0).unwrap(), answer);
    // A share stamped in the second hour.
    let second_job = Arc::new(aihash_keeper::job::Job { time: job().time + 3_600, ..(*job()).clone() });
    let stamped_later = (0..)
        .map(|n| share_on(second_job.clone(), n, Verdict::Accepted, 3_700_001))
        .find(|share| window_d().is_met_by(share.hash))
        .unwrap();
    record(&mut journal, stamped_later);
    let second = journal.close_due(at(7_200_000)).unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].start_ms, common::START_MS + 3_600_000);
    assert_eq!((second[0].submitted, second[0].pool_accepted, second[0].late), (2, 2, 1));
    assert_eq!(counted(&second[0]), 1, "the late share is not counted");
    let header = journal::answer(&second[0].journal, 0).unwrap().header;
    let header: Header = bitcoin::consensus::deserialize(&header).unwrap();
    assert_eq!(u64::from(header.time) * 1_000, common::START_MS + 3_600_000);
}

/// Windows wait `grace` after their end for shares stamped inside them.
#[test]
fn a_window_closes_only_after_its_grace() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = aihash_keeper::journal::Journal::open(aihash_keeper::journal::JournalConfig {
        dir: dir.path().to_owned(),
        window: std::time::Duration::from_secs(3_600),
        sync_every: std::time::Duration::from_millis(100),
        grace: std::time::Duration::from_secs(120),
    })
    .unwrap();
    record(&mut journal, share(1, Verdict::Accepted, 1_000));
    assert!(journal.close_due(at(3_600_000 + 119_999)).unwrap().is_empty());
    record(&mut journal, share(2, Verdict::Accepted, 3_600_000 + 119_999));
    let closed = journal.close_due(at(3_600_000 + 120_000)).unwrap();
    assert_eq!((closed.len(), closed[0].submitted, closed[0].late), (1, 2, 0));
}

/// A pool that restarts reuses job ids for other jobs: each share's answer uses its own job.
#[test]
fn jobs_with_the_same_id_keep_their_own_coinbase() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    let other =
        Arc::new(aihash_keeper::job::Job { coinbase2: b"another template".to_vec(), ..(*job()).clone() });
    assert_eq!(other.id, job().id);
    let mut shares = vec![];
    for n in 0..40 {
        let share = if n % 2 == 0 {
            share(n, Verdict::Accepted, 1_000 + n as u64)
        } else {
            share_on(other.clone(), n, Verdict::Accepted, 1_000 + n as u64)
        };
        shares.push(share.clone());
        record(&mut journal, share);
    }
    let summary = journal.close_due(at(3_600_000)).unwrap().remove(0);
    assert!(summary.shares >= 2, "{}", summary.shares);
    for index in 0..summary.shares {
        let answer = journal::answer(&summary.journal, index).unwrap();
        let header: Header = bitcoin::consensus::deserialize(&answer.header).unwrap();
        let share = shares.iter().find(|s| s.header == header).unwrap();
        let expected =
            aihash_keeper::verify::coinbase(&share.job, &share.extranonce1, &share.submission.extranonce2);
        assert_eq!(answer.coinbase, expected, "leaf {index}");
    }
}

/// A change of D scheduled on chain applies to the windows starting at or after its time: the
/// window under way when it was learnt keeps its D, the next one opens at the new D and counts
/// only the shares meeting it.
#[test]
fn a_scheduled_change_of_d_opens_the_next_window_at_the_new_d() {
    use aihash_keeper::difficulty::{DifficultySchedule, ShareDifficulty};
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    let harder = ShareDifficulty::from_fixed(1_024).unwrap();
    let schedule =
        DifficultySchedule { current: window_d(), next: Some((harder, common::START_MS + 3_600_000)) };
    let second_job = Arc::new(aihash_keeper::job::Job { time: job().time + 3_600, ..(*job()).clone() });
    let mut second = vec![];
    for n in 0..40 {
        let first = share(n, Verdict::Accepted, 1_000 + n as u64);
        journal.record("pool.example_3333", &ProxyEvent::Share(Box::new(first)), schedule).unwrap();
        let later = share_on(second_job.clone(), n, Verdict::Accepted, 3_700_000 + n as u64);
        second.push(later.hash);
        journal.record("pool.example_3333", &ProxyEvent::Share(Box::new(later)), schedule).unwrap();
    }
    let closed = journal.close_due(at(7_200_000)).unwrap();
    assert_eq!(closed.len(), 2);
    let (before, after) = if closed[0].start_ms < closed[1].start_ms {
        (&closed[0], &closed[1])
    } else {
        (&closed[1], &closed[0])
    };
    assert_eq!(before.difficulty, window_d().fixed().to_string());
    assert_eq!(after.difficulty, "1024");
    let meeting = second.iter().filter(|h| harder.is_met_by(**h)).count() as u64;
    assert!(meeting < 40 && second.iter().filter(|h| window_d().is_met_by(**h)).count() as u64 > meeting);
    assert_eq!(after.shares, meeting, "only shares meeting the new D count");
    assert_eq!(after.work, (u128::from(meeting) * 1_024).to_string());
}

/// A share is counted only in a window open for it: one stamped in a window that has not begun
/// when it arrives (its rig rolled ntime ahead) or before the target's windows begin (a job from
/// before the fill's attachment) is journaled as late, in the window it arrived in, and counted
/// nowhere.
#[test]
fn shares_stamped_ahead_of_time_or_before_the_fill_count_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    // The fill's windows start a second after the golden job's time.
    journal.align("pool.example_3333", common::START_MS + 1_000);
    let ahead = Arc::new(aihash_keeper::job::Job { time: job().time + 3_600 * 2, ..(*job()).clone() });
    let in_time = Arc::new(aihash_keeper::job::Job { time: job().time + 2, ..(*job()).clone() });
    for n in 0..10 {
        record(&mut journal, share(n, Verdict::Accepted, 1_500));
        record(&mut journal, share_on(ahead.clone(), 100 + n, Verdict::Accepted, 1_600));
        record(&mut journal, share_on(in_time.clone(), 200 + n, Verdict::Accepted, 2_500));
    }
    let closed = journal.close_due(at(3 * 3_600_000)).unwrap();
    assert_eq!(closed.len(), 1, "only the window the shares arrived in: {closed:?}");
    let window = &closed[0];
    assert_eq!(window.start_ms, common::START_MS + 1_000);
    assert_eq!((window.pool_accepted, window.late), (30, 20));
    let counted = (200..210)
        .filter(|n| window_d().is_met_by(share_on(in_time.clone(), *n, Verdict::Accepted, 0).hash))
        .count() as u64;
    assert_eq!(window.shares, counted, "only the shares stamped inside the window");
}

/// A fill that ends within a window (released, its order ended or expired) ends the window with
/// it: the journal is rewritten with the earlier end, shares stamped from then on become late,
/// and the summary counts only the rest. Ending it again changes nothing.
#[test]
fn a_window_ended_early_counts_only_the_shares_before_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = journal(dir.path());
    let after = Arc::new(aihash_keeper::job::Job { time: job().time + 1_800, ..(*job()).clone() });
    let mut before_hashes = vec![];
    for n in 0..20 {
        let early = share(n, Verdict::Accepted, 1_000 + n as u64);
        before_hashes.push(early.hash);
        record(&mut journal, early);
        record(&mut journal, share_on(after.clone(), 100 + n, Verdict::Accepted, 1_900_000));
    }
    let whole = journal.close_due(at(3_600_000)).unwrap().remove(0);
    let end_ms = whole.start_ms + 1_800_000;
    let ended = journal::end_early(&whole.journal, end_ms).unwrap();
    assert_eq!((ended.start_ms, ended.end_ms), (whole.start_ms, end_ms));
    assert_eq!((ended.pool_accepted, ended.late), (40, 20));
    let counted = before_hashes.iter().filter(|h| window_d().is_met_by(**h)).count() as u64;
    assert!(counted > 0 && counted < whole.shares, "{counted} of {}", whole.shares);
    assert_eq!(ended.shares, counted);
    assert_eq!(journal::summary(&whole.journal).unwrap(), ended, "the summary on disk is the new one");
    // Every leaf of the ended window answers against its root.
    let root: Hash32 = hex::decode(&ended.root).unwrap().try_into().unwrap();
    for index in 0..ended.shares {
        let answer = journal::answer(&whole.journal, index).unwrap();
        let header: Header = bitcoin::consensus::deserialize(&answer.header).unwrap();
        let proof: Vec<Hash32> = answer.proof.iter().map(|h| h.clone().try_into().unwrap()).collect();
        assert!(share_tree::verify(&header.block_hash().to_byte_array(), index, ended.shares, &proof, &root));
    }
    assert_eq!(journal::end_early(&whole.journal, end_ms).unwrap(), ended);
    assert!(journal::end_early(&whole.journal, whole.start_ms).is_err(), "not at or before its start");
}
