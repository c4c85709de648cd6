//! The whole keeper on loopback, as `aihash-keeper run` wires it (verify-only): two built-in
//! miners, the keeper daemon, the test pool. Shares are verified, forwarded, accepted and
//! journaled; a window closes; the challenge answer for a random leaf verifies against the
//! window's root with the share-tree encoding the Move verifier checks, its coinbase and branch
//! rebuild the header's merkle root, and the coinbase pays the pool's payout script.

mod common;

use aihash_keeper::daemon::{self, KeeperConfig};
use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::journal::{self, JournalConfig, WindowSummary};
use aihash_keeper::proxy::ProxyConfig;
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_keeper::upstream::UpstreamConfig;
use aihash_keeper::verify::merkle_root;
use aihash_sdk::share_tree::{self, Hash32};
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use bitcoin::{Transaction, TxMerkleNode};
use common::{fixed_vardiff, payout, start_miner};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn keeper_config(pool: &TestPool, journal_dir: &std::path::Path) -> KeeperConfig {
    let mut proxy = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    proxy.providers = vec!["prov".into()];
    // A fixed rig difficulty, 4x the pool's, so CPU miners deliver a steady stream.
    proxy.vardiff = fixed_vardiff(1_024);
    KeeperConfig {
        upstream: UpstreamConfig::new(&pool.addr().to_string(), "buyer.keeper", "x"),
        proxy,
        journal: JournalConfig {
            dir: journal_dir.to_owned(),
            window: Duration::from_secs(3),
            sync_every: Duration::from_millis(100),
            // Pool jobs are stamped when made (every second here): a second of grace.
            grace: Duration::from_secs(1),
        },
        // Twice the rigs' difficulty: about half the accepted shares count.
        window_difficulty: Some(ShareDifficulty::from_fixed(2_048).unwrap()),
        metrics: None,
        readout_every: Duration::from_secs(60),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_miners_the_keeper_daemon_and_the_pool_make_a_window_whose_random_leaf_is_answerable() {
    let mut pool_config = TestPoolConfig::new(payout(), ShareDifficulty::from_fixed(256).unwrap());
    pool_config.job_interval = Duration::from_secs(1);
    let pool = TestPool::spawn("127.0.0.1:0".parse().unwrap(), pool_config).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut keeper = daemon::start(keeper_config(&pool, dir.path())).await.unwrap();
    let _rig1 = start_miner(keeper.proxy, "prov.rig1");
    let _rig2 = start_miner(keeper.proxy, "prov.rig2");

    // Windows close as they end; wait for one with a few counted shares.
    let summary: WindowSummary = tokio::time::timeout(Duration::from_secs(90), async {
        loop {
            let summary = keeper.summaries.recv().await.expect("the keeper runs");
            println!(
                "window {} closed: {} counted of {} accepted, {} verified",
                summary.start_ms, summary.shares, summary.pool_accepted, summary.verified
            );
            if summary.shares >= 3 {
                return summary;
            }
        }
    })
    .await
    .expect("a window with counted shares");
    keeper.stop().await.unwrap();

    // Verified, forwarded, accepted, journaled: the counters agree with each other.
    assert_eq!(summary.provider, "prov");
    assert!(
        summary.verified >= summary.pool_accepted && summary.pool_accepted >= summary.shares,
        "{summary:?}"
    );
    let journaled = std::fs::read_to_string(&summary.journal).unwrap();
    assert_eq!(journaled.matches("\"verdict\":\"accepted\"").count() as u64, summary.pool_accepted);
    for rig in ["prov.rig1", "prov.rig2"] {
        assert!(journaled.contains(&format!("\"worker\":\"{rig}\"")), "{rig} delivered in the window");
    }
    assert_eq!(journal::summary(&summary.journal).unwrap(), summary, "the summary on disk is the one sent");

    // A random leaf: drawn from the clock, printed so a failure can be replayed.
    let seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos() as u64;
    let index = seed % summary.shares;
    println!("leaf {index} of {} (seed {seed})", summary.shares);
    let answer = journal::answer(&summary.journal, index).unwrap();
    assert_eq!(answer.position, index);

    // The header is a leaf of the window's root (the golden share-tree encoding).
    let root: Hash32 = hex::decode(&summary.root).unwrap().try_into().unwrap();
    let header: Header = bitcoin::consensus::deserialize(&answer.header).unwrap();
    let hash = header.block_hash();
    let proof: Vec<Hash32> = answer.proof.iter().map(|p| p.clone().try_into().unwrap()).collect();
    assert!(share_tree::verify(&hash.to_byte_array(), index, summary.shares, &proof, &root));
    // Its successor too, when there is one (sortedness around the sample).
    if index + 1 < summary.shares {
        let next: Header = bitcoin::consensus::deserialize(&answer.next_header).unwrap();
        let next_proof: Vec<Hash32> =
            answer.next_proof.iter().map(|p| p.clone().try_into().unwrap()).collect();
        assert!(share_tree::verify(
            &next.block_hash().to_byte_array(),
            index + 1,
            summary.shares,
            &next_proof,
            &root
        ));
        assert!(
            share_tree::value_order(&hash.to_byte_array(), &next.block_hash().to_byte_array()).is_lt(),
            "leaves sorted by hash"
        );
    }
    // The share meets the window's D and the pool accepted exactly this header from the keeper.
    assert!(ShareDifficulty::from_fixed(2_048).unwrap().is_met_by(hash));
    assert!(
        pool.accepted().iter().any(|a| a.hash == hash && a.worker == "buyer.keeper"),
        "the pool took {hash}"
    );

    // The coinbase and its branch rebuild the header's merkle root, and it pays the pool.
    let branch: Vec<TxMerkleNode> =
        answer.branch.iter().map(|b| TxMerkleNode::from_byte_array(b.clone().try_into().unwrap())).collect();
    assert_eq!(merkle_root(&answer.coinbase, &branch), header.merkle_root);
    let coinbase: Transaction = bitcoin::consensus::deserialize(&answer.coinbase).unwrap();
    assert!(coinbase.is_coinbase());
    assert_eq!(coinbase.output[0].script_pubkey, payout(), "the coinbase pays the pool's payout script");
    pool.stop();
}
