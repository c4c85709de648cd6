//! Interoperability with Stratum V1 implementations nobody on the team wrote, from npm (pinned in
//! keeper/interop/package-lock.json, installed by `make setup`): the `stratum-client` package as a
//! miner through the keeper, and the `stratum` package's server as the keeper's upstream pool.
//! Each found an incompatibility the first time (string request ids; a number in the subscribe
//! answer's subscription list); these tests keep them fixed.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::miner::{self, MinerConfig, MinerStats};
use aihash_keeper::proxy::{Proxy, ProxyConfig, ProxyEvent};
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_keeper::upstream::{Upstream, UpstreamConfig, Verdict};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

fn interop_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
    assert!(
        dir.join("node_modules/stratum-client").exists() && dir.join("node_modules/stratum").exists(),
        "the npm Stratum packages are not installed: run `make setup` (npm ci --prefix keeper/interop)"
    );
    dir
}

async fn keeper(pool: &str) -> (Proxy, mpsc::UnboundedReceiver<ProxyEvent>) {
    let upstream = Upstream::spawn(UpstreamConfig::new(pool, "keeper.interop", "x"));
    let mut state = upstream.state();
    tokio::time::timeout(Duration::from_secs(20), state.wait_for(|s| s.connected && s.job.is_some()))
        .await
        .expect("the keeper's session with the pool comes up")
        .unwrap();
    let (tx, records) = mpsc::unbounded_channel();
    let proxy = Proxy::spawn(ProxyConfig::new("127.0.0.1:0".parse().unwrap()), upstream, tx).await.unwrap();
    (proxy, records)
}

/// Pool-accepted shares among the records so far.
fn accepted(records: &mut mpsc::UnboundedReceiver<ProxyEvent>, tally: &mut usize) -> usize {
    while let Ok(event) = records.try_recv() {
        if let ProxyEvent::Share(record) = event {
            *tally += (record.verdict == Verdict::Accepted) as usize;
        }
    }
    *tally
}

#[tokio::test(flavor = "multi_thread")]
async fn a_third_party_miner_mines_through_the_keeper() {
    let dir = interop_dir();
    let difficulty = ShareDifficulty::from_f64(0.00001).unwrap();
    let pool = TestPool::spawn(
        "127.0.0.1:0".parse().unwrap(),
        TestPoolConfig::new(bitcoin::ScriptBuf::new(), difficulty),
    )
    .await
    .unwrap();
    let (proxy, mut records) = keeper(&pool.addr().to_string()).await;
    let port = proxy.addr.port().to_string();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .current_dir(&dir)
            // Until 5 shares are answered, or 60 s on a machine too busy for that.
            .args(["client.js", "127.0.0.1", &port, "thirdparty.rig1", "60", "5"])
            .output()
    })
    .await
    .unwrap()
    .expect("node runs");
    let summary = String::from_utf8_lossy(&output.stdout).into_owned();
    let number = |key: &str| -> usize {
        summary
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")).map(|v| v.parse().unwrap()))
            .unwrap_or(0)
    };
    assert!(number("accepted") >= 3, "{summary} {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(number("rejected"), 0, "{summary}");
    assert_eq!(number("accepted"), number("submitted"), "{summary}");
    // The keeper verified them and the pool accepted what it forwarded.
    let start = Instant::now();
    let mut tally = 0;
    while accepted(&mut records, &mut tally) < 3 {
        assert!(start.elapsed() < Duration::from_secs(10), "verdicts: {tally}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(pool.accepted().len() >= 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keeper_mines_on_a_third_party_pool() {
    let dir = interop_dir();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut pool = Command::new("node")
        .current_dir(&dir)
        .args(["pool.js", &port.to_string(), "0.00001"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs");
    let address = format!("127.0.0.1:{port}");
    // Wait for the pool to listen.
    let start = Instant::now();
    while std::net::TcpStream::connect(&address).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "the npm pool did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (proxy, mut records) = keeper(&address).await;
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: proxy.addr.to_string(),
        user: "prov.rig1".into(),
        password: "x".into(),
        threads: 1,
        version_rolling: true,
    };
    tokio::spawn(miner::run(config, stats.clone()));
    let start = Instant::now();
    let mut tally = 0;
    while accepted(&mut records, &mut tally) < 5 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the npm pool accepted {tally} of the keeper's shares"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = pool.kill();
    let _ = pool.wait();
}
