//! The `keeper_answers` golden section (which Move tests answer challenges with) is exactly what
//! the keeper's verifier and journal build from the golden honest shares today, and the tampered
//! copies of that journal show the contrast: the keeper's own reading of them keeps the honest
//! root, while the vectors commit to what a keeper counting every accepted share would. The
//! keeper's calls for a challenge drawing leaves twice answer each drawn leaf once, at the first
//! position that drew it.

use aihash_keeper::answer_vectors::{generate, journals, CHALLENGE_SAMPLES};
use aihash_sdk::golden;
use std::collections::BTreeSet;

#[test]
fn the_committed_keeper_answers_are_what_the_keeper_builds() {
    let generated = generate();
    let tampered = 2 * (3 + 5);
    let distinct_leaves = CHALLENGE_SAMPLES.iter().collect::<BTreeSet<_>>().len();
    let challenge = 2 + distinct_leaves * 7;
    assert_eq!(
        generated.len(),
        16 * 5 + tampered + challenge,
        "five parts for each of the 16 leaves, the two tampered copies, and the challenge: its          samples, its call count and seven parts per call"
    );
    for (name, hex) in &generated {
        let committed =
            golden::bytes(name).unwrap_or_else(|e| panic!("{name}: {e}; run `make answer-vectors`"));
        assert_eq!(committed, hex::decode(hex).unwrap(), "{name} is stale: run `make answer-vectors`");
    }
    let committed = golden::names().filter(|name| name.starts_with("keeper_")).count();
    assert_eq!(committed, generated.len(), "golden/vectors.json holds answers the keeper no longer builds");
}

fn u64_vector(name: &str) -> u64 {
    u64::from_le_bytes(golden::bytes(name).unwrap().try_into().expect("8 bytes"))
}

#[test]
fn the_keeper_counts_neither_the_duplicate_nor_the_share_below_d() {
    let journals = journals();
    let honest_root = hex::encode(golden::bytes("shares_honest_root").unwrap());
    for (name, summary) in [("duplicated", &journals.duplicated), ("below_d", &journals.below_d)] {
        // The keeper's own summary of the tampered copy: the extra share is journaled, not counted.
        assert_eq!(summary.root, honest_root, "{name}: the keeper's root");
        assert_eq!(summary.shares, 16, "{name}: the keeper's count");
        assert_eq!(summary.pool_accepted, 17, "{name}: the pool accepted the extra share");
        // The vectors commit to all 17 accepted shares instead.
        assert_eq!(u64_vector(&format!("keeper_{name}_count")), 17, "{name}: the vectors' count");
        assert_ne!(
            hex::encode(golden::bytes(&format!("keeper_{name}_root")).unwrap()),
            honest_root,
            "{name}: the vectors' root"
        );
    }
}

#[test]
fn the_tampered_answers_point_at_the_fault() {
    use bitcoin::block::Header;
    let header =
        |name: &str| -> Header { bitcoin::consensus::deserialize(golden::bytes(name).unwrap()).unwrap() };
    // The duplicate: the answered leaf and its successor are the same share.
    let duplicated = golden::bytes("keeper_duplicated_answer_header").unwrap();
    assert_eq!(golden::bytes("keeper_duplicated_answer_next_header").unwrap(), duplicated);
    assert!(u64_vector("keeper_duplicated_index") + 1 < 17);
    // The low share: from the golden job (its coinbase holds the pool's halves), its hash misses
    // D's target.
    let low = header("keeper_below_d_answer_header");
    let target = aihash_sdk::share_vectors::share_target(aihash_sdk::share_vectors::SHARE_DIFFICULTY_FP);
    let hash = primitive_types::U256::from_little_endian(low.block_hash().as_ref());
    assert!(hash > target, "the low share misses D");
    let coinbase = golden::bytes("keeper_below_d_answer_coinbase").unwrap();
    assert!(coinbase.starts_with(golden::bytes("shares_coinbase1").unwrap()));
    assert!(coinbase.ends_with(golden::bytes("shares_coinbase2").unwrap()));
    assert_eq!(low.prev_blockhash.as_ref() as &[u8], golden::bytes("shares_tip").unwrap());
}

#[test]
fn the_keepers_calls_answer_each_drawn_leaf_once_at_its_first_position() {
    let samples: Vec<u64> = golden::bytes("keeper_challenge_samples")
        .unwrap()
        .chunks(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect();
    assert_eq!(samples, CHALLENGE_SAMPLES);
    // The challenge tells positions from leaf indices (some drawn leaf is no position drawing it)
    // and draws a leaf twice: a keeper naming leaf indices, or answering every sample, makes calls
    // that abort on chain.
    assert!(samples.iter().any(|&leaf| samples.get(leaf as usize) != Some(&leaf)));
    let distinct: BTreeSet<u64> = samples.iter().copied().collect();
    assert!(distinct.len() < samples.len(), "some leaf is drawn twice");

    let calls = u64_vector("keeper_challenge_calls");
    assert_eq!(calls, distinct.len() as u64, "one call per distinct drawn leaf");
    let mut answered = BTreeSet::new();
    for k in 0..calls {
        let part = |name: &str| golden::bytes(&format!("keeper_call_{k}_{name}")).unwrap();
        let position = u64_vector(&format!("keeper_call_{k}_position")) as usize;
        let leaf = samples[position];
        assert_eq!(
            samples.iter().position(|&s| s == leaf),
            Some(position),
            "call {k}: the first position drawing leaf {leaf}"
        );
        assert!(answered.insert(leaf), "call {k}: leaf {leaf} answered twice");
        for name in ["header", "proof", "next_header", "next_proof", "coinbase"] {
            assert_eq!(
                part(name),
                golden::bytes(&format!("keeper_answer_{leaf}_{name}")).unwrap(),
                "call {k}: the {name} of leaf {leaf}"
            );
        }
        assert_eq!(part("branch"), golden::bytes("shares_branch").unwrap(), "call {k}: the job's branch");
    }
    assert_eq!(answered, distinct, "every drawn leaf is answered");
}
