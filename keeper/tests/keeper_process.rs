//! The keeper binary as an operator runs it (verify-only), against the test pool and built-in
//! miners on loopback: windows are summarised, metrics served; killed with SIGKILL mid-window and
//! restarted, the journal is intact and the window still closes with answerable proofs.

mod common;

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::journal;
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_sdk::share_tree::{self, Hash32};
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use common::{free_port, metrics_text, payout, start_miner, until, until_metric};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn keeper(pool: &TestPool, listen: u16, metrics: u16, journal: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_aihash-keeper"))
        .args(["run", "--upstream", &pool.addr().to_string(), "--upstream-user", "buyer.keeper"])
        .args(["--listen", &format!("127.0.0.1:{listen}"), "--metrics", &format!("127.0.0.1:{metrics}")])
        .args(["--journal-dir", journal.to_str().unwrap(), "--window-seconds", "3", "--provider", "prov"])
        .args(["--window-difficulty", "0.0000002", "--window-grace-seconds", "2"])
        .stderr(Stdio::null())
        .spawn()
        .expect("the keeper starts")
}

/// The test pool, with a new job every second: shares are stamped with their job's time, and
/// the 3-second windows here take shares by their stamp.
fn pool_config(payout: bitcoin::ScriptBuf, difficulty: ShareDifficulty) -> TestPoolConfig {
    let mut config = TestPoolConfig::new(payout, difficulty);
    config.job_interval = Duration::from_secs(1);
    config
}

fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = vec![];
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files(&path, suffix));
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found
}

/// Pool-accepted shares journaled so far, across window files.
fn journaled_accepted(dir: &Path) -> usize {
    files(dir, ".journal")
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default().matches("\"verdict\":\"accepted\"").count())
        .sum()
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_mid_window_the_keeper_restarts_with_its_journal_intact() {
    let difficulty = ShareDifficulty::from_fixed(256).unwrap();
    let payout = payout();
    let pool =
        TestPool::spawn("127.0.0.1:0".parse().unwrap(), pool_config(payout, difficulty)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (listen, metrics) = (free_port(), free_port());
    let mut first = keeper(&pool, listen, metrics, dir.path());
    let _rig1 = start_miner(std::net::SocketAddr::from(([127, 0, 0, 1], listen)), "prov.rig1");
    let _rig2 = start_miner(std::net::SocketAddr::from(([127, 0, 0, 1], listen)), "prov.rig2");
    until("journaled shares", Duration::from_secs(30), || journaled_accepted(dir.path()) >= 30).await;
    // Metrics are served while it runs.
    let text = metrics_text(&format!("127.0.0.1:{metrics}")).await;
    assert!(text.contains("aihash_keeper_shares_total{outcome=\"verified\",worker=\"prov.rig1\"}"), "{text}");
    assert!(text.contains("aihash_keeper_upstream_up 1"), "{text}");
    until_metric(metrics, "aihash_keeper_rig_connections 2").await;

    first.kill().unwrap(); // SIGKILL
    first.wait().unwrap();
    let before = journaled_accepted(dir.path());
    let mut second = keeper(&pool, listen, metrics, dir.path());
    // Every window, including the one the kill interrupted, closes with a summary.
    until("summaries of every window so far", Duration::from_secs(30), || {
        let journals = files(dir.path(), ".journal");
        let summaries = files(dir.path(), ".summary.json");
        journals.len() >= 2 && summaries.len() >= journals.len() - 1
    })
    .await;
    second.kill().unwrap();
    second.wait().unwrap();
    // Nothing journaled before the kill is lost, and every summary counts exactly what its
    // window's file holds.
    assert!(journaled_accepted(dir.path()) >= before, "{} < {before}", journaled_accepted(dir.path()));
    let summaries: Vec<_> = files(dir.path(), ".journal")
        .iter()
        .filter(|f| f.with_extension("summary.json").exists())
        .map(|f| journal::summary(f).unwrap())
        .collect();
    for summary in &summaries {
        let lines =
            std::fs::read_to_string(&summary.journal).unwrap().matches("\"verdict\":\"accepted\"").count();
        assert_eq!(summary.pool_accepted as usize, lines, "{}", summary.journal.display());
    }
    // A window with counted shares answers a challenge for a leaf.
    let window = summaries.iter().find(|s| s.shares >= 2).expect("a window with shares");
    let index = window.shares / 2;
    let answer = journal::answer(&window.journal, index).unwrap();
    let header: Header = bitcoin::consensus::deserialize(&answer.header).unwrap();
    let proof: Vec<Hash32> = answer.proof.iter().map(|p| p.clone().try_into().unwrap()).collect();
    let root: Hash32 = hex::decode(&window.root).unwrap().try_into().unwrap();
    assert!(share_tree::verify(&header.block_hash().to_byte_array(), index, window.shares, &proof, &root));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pool_restarts_rigs_stay_and_the_window_states_its_dead_time() {
    let difficulty = ShareDifficulty::from_fixed(256).unwrap();
    let payout = payout();
    let pool = TestPool::spawn("127.0.0.1:0".parse().unwrap(), pool_config(payout.clone(), difficulty))
        .await
        .unwrap();
    let address = pool.addr();
    let dir = tempfile::tempdir().unwrap();
    let (listen, metrics) = (free_port(), free_port());
    let mut keeper = keeper(&pool, listen, metrics, dir.path());
    let rig = start_miner(std::net::SocketAddr::from(([127, 0, 0, 1], listen)), "prov.rig1");
    until("journaled shares", Duration::from_secs(30), || journaled_accepted(dir.path()) >= 10).await;
    let connections_before = rig.submitted.load(std::sync::atomic::Ordering::Relaxed);
    pool.stop();
    until_metric(metrics, "aihash_keeper_upstream_up 0").await;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let text = metrics_text(&format!("127.0.0.1:{metrics}")).await;
    assert!(text.contains("aihash_keeper_rig_connections 1"), "the rig stays connected: {text}");
    assert!(
        text.contains("aihash_keeper_rigs_banned_total 0"),
        "stale shares during the outage ban nobody: {text}"
    );
    let pool = loop {
        match TestPool::spawn(address, pool_config(payout.clone(), difficulty)).await {
            Ok(pool) => break pool,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    until("shares accepted by the restarted pool", Duration::from_secs(30), || pool.accepted().len() >= 5)
        .await;
    assert!(rig.submitted.load(std::sync::atomic::Ordering::Relaxed) > connections_before);
    // The windows the outage fell in close and, together, state it (about 1.5 s, counted once).
    let dead = || -> u64 {
        files(dir.path(), ".journal")
            .iter()
            .filter(|f| f.with_extension("summary.json").exists())
            .map(|f| journal::summary(f).map_or(0, |s| s.dead_ms))
            .sum()
    };
    until("summaries stating the outage", Duration::from_secs(30), || dead() >= 1_000).await;
    assert!(dead() < 10_000, "dead time {} ms", dead());
    keeper.kill().unwrap();
    keeper.wait().unwrap();
}
