//! The built-in miner against the test pool over loopback TCP: real Stratum sessions, real
//! SHA-256d, shares checked by the pool.

mod common;

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::miner::{self, MinerConfig, MinerStats};
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use common::{payout, until};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn the_miner_finds_shares_the_pool_accepts_across_new_blocks() {
    // About 4,096 hashes per share: a few shares a second even in a debug build.
    let difficulty = ShareDifficulty::from_fixed(4_096).unwrap();
    let pool = TestPool::spawn("127.0.0.1:0".parse().unwrap(), TestPoolConfig::new(payout(), difficulty))
        .await
        .unwrap();
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: pool.addr().to_string(),
        user: "provider.rig1".into(),
        password: "x".into(),
        threads: 2,
        version_rolling: true,
    };
    let mining = tokio::spawn(miner::run(config, stats.clone()));
    until("five accepted shares", Duration::from_secs(60), || stats.accepted.load(Ordering::Relaxed) >= 5)
        .await;
    let before = pool.accepted().len();
    assert!(before >= 5);
    assert!(pool.accepted().iter().all(|share| share.worker == "provider.rig1"));
    assert!(pool.accepted().iter().all(|share| difficulty.is_met_by(share.hash)));
    // A new block voids the old jobs; the miner moves to the new one and keeps finding shares.
    pool.new_block();
    until("shares on the new block", Duration::from_secs(60), || pool.accepted().len() >= before + 5).await;
    // Every share the pool saw was either accepted or stale from the switch; none was malformed.
    let rejected = pool.rejected();
    assert!(rejected.keys().all(|code| *code == 21), "{rejected:?}");
    assert!(stats.hashes.load(Ordering::Relaxed) > 0);
    pool.stop();
    let ended = tokio::time::timeout(Duration::from_secs(10), mining).await.unwrap().unwrap();
    assert!(ended.unwrap_err().to_string().contains("closed the connection"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_miner_without_a_pool_says_where_it_tried() {
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: "127.0.0.1:1".into(),
        user: "u".into(),
        password: "x".into(),
        threads: 1,
        version_rolling: false,
    };
    let error = miner::run(config, stats).await.unwrap_err();
    assert!(format!("{error:#}").contains("connecting to 127.0.0.1:1"), "{error:#}");
}
