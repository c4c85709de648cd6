//! The keeper between real Stratum sessions on loopback: two built-in miners connect to the
//! keeper's proxy, the keeper connects to the test pool. Shares are verified, forwarded and
//! accepted; the pool sees exactly the headers the keeper verified; the counted shares make a
//! share tree whose proofs and challenge answers check out. Then the pool dies and comes back.

mod common;

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::miner::{self, MinerConfig, MinerStats};
use aihash_keeper::proxy::{Proxy, ProxyConfig, ProxyEvent, ShareRecord};
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_keeper::upstream::{Upstream, UpstreamConfig, Verdict};
use aihash_keeper::vardiff::VardiffConfig;
use aihash_keeper::verify::{coinbase, merkle_root};
use aihash_sdk::share_tree::{self, ShareTree};
use bitcoin::hashes::Hash;
use common::{payout, until};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

struct Setup {
    pool: TestPool,
    upstream: Upstream,
    proxy: Proxy,
    records: mpsc::UnboundedReceiver<ProxyEvent>,
    pool_difficulty: ShareDifficulty,
}

async fn setup() -> Setup {
    let pool_difficulty = ShareDifficulty::from_fixed(1_024).unwrap();
    let pool =
        TestPool::spawn("127.0.0.1:0".parse().unwrap(), TestPoolConfig::new(payout(), pool_difficulty))
            .await
            .unwrap();
    let mut upstream_config = UpstreamConfig::new(&pool.addr().to_string(), "keeper.upstream", "x");
    upstream_config.max_backoff = Duration::from_millis(200);
    let upstream = Upstream::spawn(upstream_config);
    let mut state = upstream.state();
    tokio::time::timeout(Duration::from_secs(10), state.wait_for(|s| s.connected && s.job.is_some()))
        .await
        .unwrap()
        .unwrap();
    let mut config = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    // A fixed rig difficulty for the test: 4x the pool's.
    config.vardiff = VardiffConfig {
        target_interval: Duration::from_secs(1),
        retarget_every: Duration::from_secs(3_600),
        initial: Some(ShareDifficulty::from_fixed(4_096).unwrap()),
        max: None,
    };
    config.providers = vec!["prov".into()];
    // Throttled rigs wait a little for each line here, so floods reach their ban quickly.
    config.throttle = Duration::from_millis(5);
    let (tx, records) = mpsc::unbounded_channel();
    let proxy = Proxy::spawn(config, upstream.clone(), tx).await.unwrap();
    Setup { pool, upstream, proxy, records, pool_difficulty }
}

fn start_miner(proxy: &Proxy, user: &str) -> (Arc<MinerStats>, tokio::task::JoinHandle<anyhow::Result<()>>) {
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: proxy.addr.to_string(),
        user: user.into(),
        password: "x".into(),
        threads: 1,
        version_rolling: true,
    };
    let handle = tokio::spawn(miner::run(config, stats.clone()));
    (stats, handle)
}

async fn collect(records: &mut mpsc::UnboundedReceiver<ProxyEvent>, accepted: usize) -> Vec<ShareRecord> {
    let mut all = vec![];
    let deadline = Instant::now() + Duration::from_secs(60);
    while all.iter().filter(|r: &&ShareRecord| r.verdict == Verdict::Accepted).count() < accepted {
        let left = deadline.saturating_duration_since(Instant::now());
        let event = tokio::time::timeout(left, records.recv()).await.expect("records in time").unwrap();
        if let ProxyEvent::Share(record) = event {
            all.push(*record);
        }
    }
    all
}

#[tokio::test(flavor = "multi_thread")]
async fn shares_are_verified_forwarded_accepted_and_make_a_provable_window() {
    let mut setup = setup().await;
    let (rig1, _m1) = start_miner(&setup.proxy, "prov.rig1");
    let (rig2, _m2) = start_miner(&setup.proxy, "prov.rig2");
    let records = collect(&mut setup.records, 20).await;
    let accepted: Vec<_> = records.iter().filter(|r| r.verdict == Verdict::Accepted).collect();
    // Both rigs delivered, each share verified at the rig's difficulty.
    for worker in ["prov.rig1", "prov.rig2"] {
        assert!(accepted.iter().any(|r| r.worker == worker), "{worker} delivered");
    }
    // The rigs hear "accepted" from the keeper as soon as it verified a share.
    until("the rigs' accepted shares", Duration::from_secs(10), || {
        rig1.accepted.load(Ordering::Relaxed) + rig2.accepted.load(Ordering::Relaxed) >= 20
    })
    .await;
    let pool_hashes: Vec<_> = setup.pool.accepted().iter().map(|a| (a.worker.clone(), a.hash)).collect();
    for record in &accepted {
        assert_eq!(record.hash, record.header.block_hash());
        assert!(record.difficulty.is_met_by(record.hash));
        assert_eq!(record.provider, "prov");
        // The pool accepted exactly the header the keeper verified, as the keeper's worker.
        assert!(
            pool_hashes.contains(&("keeper.upstream".to_owned(), record.hash)),
            "pool saw {}",
            record.hash
        );
        // The answer parts: the coinbase rebuilds the header's merkle root and pays the pool.
        let coinbase = coinbase(&record.job, &record.extranonce1, &record.submission.extranonce2);
        assert_eq!(merkle_root(&coinbase, &record.job.merkle_branch), record.header.merkle_root);
        assert!(coinbase.windows(payout().len()).any(|w| w == payout().as_bytes()));
    }
    // A window at a D above the pool's counts the accepted shares meeting D; its share tree
    // proves any leaf.
    let d = setup.pool_difficulty;
    let mut leaves: Vec<share_tree::Hash32> =
        accepted.iter().filter(|r| d.is_met_by(r.hash)).map(|r| r.hash.to_byte_array()).collect();
    leaves.sort_by(share_tree::value_order);
    let tree = ShareTree::new(leaves.clone()).unwrap();
    let index = (leaves.len() / 2) as u64;
    let proof = tree.proof(index).unwrap();
    assert!(share_tree::verify(&leaves[index as usize], index, tree.len(), &proof, &tree.root()));
    assert!(!share_tree::verify(&leaves[index as usize], index, tree.len() + 1, &proof, &tree.root()));
    assert_eq!(setup.proxy.stats.connections.load(Ordering::Relaxed), 2);
    let _ = &setup.upstream;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_worker_of_an_unknown_provider_is_refused() {
    let setup = setup().await;
    let (stats, mining) = start_miner(&setup.proxy, "stranger.rig1");
    let ended = tokio::time::timeout(Duration::from_secs(10), mining).await.unwrap().unwrap();
    assert!(ended.unwrap_err().to_string().contains("refused worker `stranger.rig1`"));
    assert_eq!(stats.submitted.load(Ordering::Relaxed), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pool_dies_and_returns_while_rigs_stay_connected() {
    let mut setup = setup().await;
    let (_rig1, _m1) = start_miner(&setup.proxy, "prov.rig1");
    collect(&mut setup.records, 3).await;
    let address = setup.pool.addr();
    setup.pool.stop();
    let mut state = setup.upstream.state();
    tokio::time::timeout(Duration::from_secs(10), state.wait_for(|s| !s.connected)).await.unwrap().unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(setup.proxy.stats.connections.load(Ordering::Relaxed), 1, "the rig stays connected");
    // The pool comes back on the same address; the keeper reconnects and moves the rig to the
    // new extranonce without a reconnection.
    let pool = loop {
        match TestPool::spawn(address, TestPoolConfig::new(payout(), setup.pool_difficulty)).await {
            Ok(pool) => break pool,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    tokio::time::timeout(Duration::from_secs(10), state.wait_for(|s| s.connected && s.job.is_some()))
        .await
        .unwrap()
        .unwrap();
    assert!(state.borrow().dead_ms >= 500, "dead time counted: {}", state.borrow().dead_ms);
    until("shares accepted by the restarted pool", Duration::from_secs(60), || pool.accepted().len() >= 3)
        .await;
    assert_eq!(setup.proxy.stats.connections.load(Ordering::Relaxed), 1);
    // Nothing verified was dropped without a verdict being recorded.
    while let Ok(event) = setup.records.try_recv() {
        match event {
            ProxyEvent::Share(record) => assert!(record.difficulty.is_met_by(record.hash)),
            ProxyEvent::Refused { rejection, .. } => {
                assert_eq!(rejection.code(), 21, "only stale shares around the outage")
            }
        }
    }
}

/// A raw Stratum session, for rigs that misbehave.
async fn raw_rig(
    proxy: &Proxy,
    worker: &str,
) -> (tokio::io::BufReader<tokio::net::tcp::OwnedReadHalf>, tokio::net::tcp::OwnedWriteHalf) {
    use tokio::io::AsyncWriteExt;
    let stream = tokio::net::TcpStream::connect(proxy.addr).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let hello = format!(
        "{{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}}\n{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{worker}\",\"x\"]}}\n"
    );
    writer.write_all(hello.as_bytes()).await.unwrap();
    (tokio::io::BufReader::new(reader), writer)
}

/// Reads until the connection closes; the lines received.
async fn drain(reader: &mut tokio::io::BufReader<tokio::net::tcp::OwnedReadHalf>) -> Vec<String> {
    use tokio::io::AsyncBufReadExt;
    let mut lines = vec![];
    let mut line = String::new();
    while let Ok(Ok(n)) = tokio::time::timeout(Duration::from_secs(10), reader.read_line(&mut line)).await {
        if n == 0 {
            break;
        }
        lines.push(std::mem::take(&mut line));
    }
    lines
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rig_flooding_bad_shares_is_banned_and_the_others_keep_mining() {
    use tokio::io::AsyncWriteExt;
    let mut setup = setup().await;
    let (good, _m) = start_miner(&setup.proxy, "prov.good");
    // Stale shares are no fault of the rig's (new blocks, pool outages): never a ban.
    let (mut stale_reader, mut stale_writer) = raw_rig(&setup.proxy, "prov.stale").await;
    let mut stale = String::new();
    for id in 10..400 {
        stale.push_str(&format!("{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"prov.stale\",\"gone\",\"00000000\",\"00000000\",\"00000000\"]}}\n"));
    }
    stale_writer.write_all(stale.as_bytes()).await.unwrap();
    assert!(drain_until(&mut stale_reader, "\"id\":399").await.contains("\"error\":[21"));
    assert_eq!(setup.proxy.stats.banned.load(Ordering::Relaxed), 0);
    // Malformed shares are: far past the limit of 120 a minute.
    let (mut reader, mut writer) = raw_rig(&setup.proxy, "prov.bad").await;
    let mut flood = String::new();
    for id in 10..400 {
        flood.push_str(&format!("{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"prov.bad\"]}}\n"));
    }
    let _ = writer.write_all(flood.as_bytes()).await;
    // The keeper closes the connection (its unread flood may reset it: only the end matters).
    drain(&mut reader).await;
    assert_eq!(setup.proxy.stats.banned.load(Ordering::Relaxed), 1);
    assert!(setup.proxy.stats.throttled.load(Ordering::Relaxed) > 0, "throttled before the ban");
    // The banned worker cannot come back for now; the other rigs were never disturbed.
    let (mut reader, _writer) = raw_rig(&setup.proxy, "prov.bad").await;
    let again = drain_until(&mut reader, "\"id\":2").await;
    assert!(again.contains("\"result\":false"), "{again}");
    stale_writer
        .write_all(b"{\"id\":500,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}\n")
        .await
        .unwrap();
    assert!(drain_until(&mut stale_reader, "\"id\":500").await.contains("true"));
    let before = good.accepted.load(Ordering::Relaxed);
    until("the good rig keeps mining", Duration::from_secs(30), || {
        good.accepted.load(Ordering::Relaxed) > before + 5
    })
    .await;
    let _ = collect(&mut setup.records, 1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn oversized_lines_end_the_session() {
    use tokio::io::AsyncWriteExt;
    let setup = setup().await;
    let (mut reader, mut writer) = raw_rig(&setup.proxy, "prov.big").await;
    let huge = vec![b'x'; 64 * 1024];
    let _ = writer.write_all(&huge).await;
    let _ = writer.write_all(b"\n").await;
    let lines = drain(&mut reader).await;
    // Whatever it answered before, the connection was closed, not the keeper.
    assert!(lines.len() < 10, "{lines:?}");
    let (_stats, mining) = start_miner(&setup.proxy, "prov.after");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!mining.is_finished(), "the keeper still serves rigs");
}

/// Reads lines until one contains `marker`; returns it.
async fn drain_until(
    reader: &mut tokio::io::BufReader<tokio::net::tcp::OwnedReadHalf>,
    marker: &str,
) -> String {
    use tokio::io::AsyncBufReadExt;
    let mut line = String::new();
    loop {
        line.clear();
        let n = tokio::time::timeout(Duration::from_secs(10), reader.read_line(&mut line))
            .await
            .unwrap()
            .unwrap();
        assert!(n > 0, "closed before `{marker}`");
        if line.contains(marker) {
            return line;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_connection_flooding_shares_without_authorizing_is_banned_by_address() {
    use tokio::io::AsyncWriteExt;
    let setup = setup().await;
    let (good, _m) = start_miner(&setup.proxy, "prov.good");
    until("the good rig mining", Duration::from_secs(30), || good.accepted.load(Ordering::Relaxed) > 0).await;
    let stream = tokio::net::TcpStream::connect(setup.proxy.addr).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut reader = tokio::io::BufReader::new(reader);
    writer.write_all(b"{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n").await.unwrap();
    drain_until(&mut reader, "\"id\":1").await;
    let submit = |id: u32| {
        format!("{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"prov.x\",\"1\",\"000000000000\",\"00000000\",\"00000000\"]}}\n")
    };
    writer.write_all(submit(10).as_bytes()).await.unwrap();
    let answer = drain_until(&mut reader, "\"id\":10").await;
    assert!(answer.contains("\"error\":[24,\"unauthorized worker"), "{answer}");
    let flood: String = (11..400).map(submit).collect();
    let _ = writer.write_all(flood.as_bytes()).await;
    drain(&mut reader).await;
    assert_eq!(setup.proxy.stats.banned.load(Ordering::Relaxed), 1, "banned, not answered forever");
    assert!(setup.proxy.stats.throttled.load(Ordering::Relaxed) > 0, "throttled before the ban");
    // The rig that was already mining keeps mining.
    let before = good.accepted.load(Ordering::Relaxed);
    until("the good rig keeps mining", Duration::from_secs(30), || {
        good.accepted.load(Ordering::Relaxed) > before + 5
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rig_flooding_duplicate_shares_is_banned_and_the_others_keep_mining() {
    use aihash_keeper::stratum::wire::{decode, job_from_notify};
    use aihash_keeper::verify::{assemble, header_hash, Rules};
    use sv1_api::methods::{Method, Server2Client};
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    let setup = setup().await;
    let (good, _m) = start_miner(&setup.proxy, "prov.good");
    let (mut reader, mut writer) = raw_rig(&setup.proxy, "prov.dup").await;
    // Read the session: extranonce1 and extranonce2 size, the difficulty, a job.
    let (mut session, mut difficulty, mut job) = (None, None, None);
    while session.is_none() || difficulty.is_none() || job.is_none() {
        let mut line = String::new();
        tokio::time::timeout(Duration::from_secs(10), reader.read_line(&mut line)).await.unwrap().unwrap();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        if value["id"] == 1 {
            let extranonce1 = hex::decode(value["result"][1].as_str().unwrap()).unwrap();
            session = Some((extranonce1, value["result"][2].as_u64().unwrap() as usize));
        }
        match decode(&line) {
            Ok(Method::Server2Client(Server2Client::SetDifficulty(d))) => {
                difficulty = ShareDifficulty::from_f64(d.value)
            }
            Ok(Method::Server2Client(Server2Client::Notify(n))) => job = Some(job_from_notify(&n)),
            _ => {}
        }
    }
    let ((extranonce1, extranonce2_size), difficulty, job) =
        (session.unwrap(), difficulty.unwrap(), job.unwrap());
    // Mine one share, then send it over and over.
    let rules = Rules { extranonce2_size, version_mask: 0, max_time_ahead_s: 600 };
    let mut submission = aihash_keeper::job::Submission {
        job_id: job.id.clone(),
        extranonce2: vec![0xd0; extranonce2_size],
        time: job.time,
        nonce: 0,
        version_bits: None,
    };
    while !difficulty.is_met_by(header_hash(&assemble(&job, &extranonce1, &submission, &rules).unwrap())) {
        submission.nonce += 1;
    }
    let submit = |id: u32| {
        format!(
            "{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"prov.dup\",\"{}\",\"{}\",\"{:08x}\",\"{:08x}\"]}}\n",
            job.id,
            hex::encode(&submission.extranonce2),
            submission.time,
            submission.nonce
        )
    };
    writer.write_all(submit(10).as_bytes()).await.unwrap();
    assert!(
        drain_until(&mut reader, "\"id\":10").await.contains("\"result\":true"),
        "the share itself is good"
    );
    writer.write_all(submit(11).as_bytes()).await.unwrap();
    assert!(drain_until(&mut reader, "\"id\":11").await.contains("\"error\":[22"), "then a duplicate");
    let flood: String = (12..400).map(submit).collect();
    let _ = writer.write_all(flood.as_bytes()).await;
    drain(&mut reader).await;
    assert_eq!(setup.proxy.stats.banned.load(Ordering::Relaxed), 1);
    assert!(setup.proxy.stats.throttled.load(Ordering::Relaxed) > 0, "throttled before the ban");
    assert!(setup.proxy.stats.refused.lock().unwrap()[&22] > 60);
    let (mut again, _w) = raw_rig(&setup.proxy, "prov.dup").await;
    assert!(drain_until(&mut again, "\"id\":2").await.contains("\"result\":false"), "still banned");
    let before = good.accepted.load(Ordering::Relaxed);
    until("the good rig keeps mining", Duration::from_secs(30), || {
        good.accepted.load(Ordering::Relaxed) > before + 5
    })
    .await;
}
