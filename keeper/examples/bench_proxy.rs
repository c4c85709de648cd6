//! `make bench-keeper` (second part): the keeper end to end on loopback.
//!
//! 1. Throughput and added latency: N simulated rigs send shares at a fixed offered rate, first
//!    straight to the test pool (the baseline), then through the keeper, which verifies each
//!    share before answering and forwards it to the same pool. Prints shares/s answered and the
//!    submit-to-answer latency p50/p99 of both, and the keeper's added p99.
//! 2. Idle connections: a child process opens many rig sessions (subscribe + authorize) to the
//!    keeper and holds them; prints how many the keeper holds and its RSS per connection.
//!
//! The simulated rigs do not hash: at share difficulty 2^-32 almost every nonce is a valid share,
//! so the keeper and the pool do all the hashing, which is what is measured.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::proxy::{Proxy, ProxyConfig};
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_keeper::upstream::{Upstream, UpstreamConfig};
use aihash_keeper::vardiff::VardiffConfig;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const RIGS: usize = 100;
const SHARES_PER_RIG_PER_SECOND: u64 = 60;
const SECONDS: u64 = 5;
const IDLE: usize = 10_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--hold") {
        hold(args[2].parse().expect("an address"), args[3].parse().expect("a count"));
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(bench());
}

async fn bench() {
    let easiest = ShareDifficulty::from_fixed(1).unwrap();
    let mut pool_config = TestPoolConfig::new(bitcoin::ScriptBuf::new(), easiest);
    pool_config.job_interval = Duration::from_secs(3_600);
    let pool = TestPool::spawn("127.0.0.1:0".parse().unwrap(), pool_config).await.unwrap();
    let upstream = Upstream::spawn(UpstreamConfig::new(&pool.addr().to_string(), "keeper", "x"));
    let mut state = upstream.state();
    state.wait_for(|s| s.connected && s.job.is_some()).await.unwrap();
    let mut config = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    // The simulated rigs do not follow difficulty changes: keep them at the pool's.
    config.vardiff = VardiffConfig {
        target_interval: Duration::from_secs(1),
        retarget_every: Duration::from_secs(3_600),
        initial: None,
        max: Some(easiest),
    };
    config.max_invalid_per_minute = u32::MAX;
    let (records, mut drain) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move { while drain.recv().await.is_some() {} });
    let proxy = Proxy::spawn(config, upstream.clone(), records).await.unwrap();

    let offered = RIGS as u64 * SHARES_PER_RIG_PER_SECOND;
    println!(
        "keeper end to end on loopback, {RIGS} rigs offering {offered} shares/s for {SECONDS} s each run:"
    );
    let direct = run(pool.addr(), "direct").await;
    let through = run(proxy.addr, "keeper").await;
    report("straight to the pool (baseline)", &direct);
    report("through the keeper", &through);
    // Let the last verdicts come back.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let stats = &proxy.stats;
    println!(
        "  keeper verified {} shares; the pool accepted {}, rejected {}, left unanswered {}",
        stats.verified.load(Ordering::Relaxed),
        stats.pool_accepted.load(Ordering::Relaxed),
        stats.pool_rejected.load(Ordering::Relaxed),
        stats.lost.load(Ordering::Relaxed)
    );
    println!("  keeper refused by code: {:?}", stats.refused.lock().unwrap());
    println!(
        "  added latency: p50 {:.2} ms, p99 {:.2} ms (goal: p99 under 2 ms at 5,000 shares/s)",
        through.p50 - direct.p50,
        through.p99 - direct.p99
    );

    // Idle connections, held by a child process (each side needs a descriptor per connection).
    let before = rss_kib();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--hold", &proxy.addr.to_string(), &IDLE.to_string()])
        .spawn()
        .unwrap();
    let start = Instant::now();
    let baseline = proxy.stats.connections.load(Ordering::Relaxed);
    while proxy.stats.connections.load(Ordering::Relaxed) < baseline + IDLE as u64
        && start.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let held = proxy.stats.connections.load(Ordering::Relaxed) - baseline;
    let after = rss_kib();
    println!(
        "  idle rig sessions held: {held} of {IDLE} (goal: 10,000); keeper RSS {} KiB -> {} KiB, {:.1} KiB per connection",
        before,
        after,
        (after.saturating_sub(before)) as f64 / held.max(1) as f64
    );
    let _ = child.kill();
    let _ = child.wait();
}

struct Run {
    answered: usize,
    accepted: usize,
    seconds: f64,
    p50: f64,
    p99: f64,
}

fn report(name: &str, run: &Run) {
    println!(
        "  {name:<32} {:>7.0} shares/s answered ({:.0} accepted), latency p50 {:.2} ms, p99 {:.2} ms",
        run.answered as f64 / run.seconds,
        run.accepted as f64 / run.seconds,
        run.p50,
        run.p99
    );
}

/// `RIGS` rigs submitting at the offered rate to `addr`; every answer's latency.
async fn run(addr: SocketAddr, name: &str) -> Run {
    let start = Instant::now();
    let tasks: Vec<_> = (0..RIGS).map(|i| tokio::spawn(rig(addr, format!("bench.{name}{i}")))).collect();
    let (mut latencies, mut accepted) = (vec![], 0);
    for task in tasks {
        let (rig_latencies, rig_accepted) = task.await.unwrap();
        latencies.extend(rig_latencies);
        accepted += rig_accepted;
    }
    let seconds = start.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    let at =
        |q: f64| latencies.get(((latencies.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(f64::NAN);
    Run { answered: latencies.len(), accepted, seconds, p50: at(0.5), p99: at(0.99) }
}

/// One simulated rig: subscribe, authorize, then a share every 1/rate seconds; returns the
/// latency (ms) of every answer and how many were acceptances.
async fn rig(addr: SocketAddr, user: String) -> (Vec<f64>, usize) {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    writer.write_all(format!("{{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}}\n{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{user}\",\"x\"]}}\n").as_bytes()).await.unwrap();
    let (mut extranonce2_size, mut job) = (0usize, String::new());
    let mut time = String::new();
    while job.is_empty() {
        let line = lines.next_line().await.unwrap().unwrap();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        if value["id"] == 1 {
            extranonce2_size = value["result"][2].as_u64().unwrap() as usize;
        }
        if value["method"] == "mining.notify" {
            job = value["params"][0].as_str().unwrap().to_owned();
            time = value["params"][7].as_str().unwrap().to_owned();
        }
    }
    let (sent_tx, mut sent_rx) = tokio::sync::mpsc::unbounded_channel::<(u64, Instant)>();
    let reader = tokio::spawn(async move {
        let mut pending = std::collections::HashMap::new();
        let (mut latencies, mut accepted) = (vec![], 0);
        while let Ok(Some(line)) = lines.next_line().await {
            while let Ok((id, at)) = sent_rx.try_recv() {
                pending.insert(id, at);
            }
            let value: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            if let Some(at) = value["id"].as_u64().and_then(|id| pending.remove(&id)) {
                latencies.push(at.elapsed().as_secs_f64() * 1_000.0);
                accepted += (value["result"] == true) as usize;
            }
        }
        (latencies, accepted)
    });
    let interval = Duration::from_micros(1_000_000 / SHARES_PER_RIG_PER_SECOND);
    let mut ticker = tokio::time::interval(interval);
    let shares = SHARES_PER_RIG_PER_SECOND * SECONDS;
    for n in 0..shares {
        ticker.tick().await;
        let id = 10 + n;
        let extranonce2 = format!("{:0width$x}", n, width = extranonce2_size * 2);
        let line = format!("{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"{user}\",\"{job}\",\"{extranonce2}\",\"{time}\",\"00000000\"]}}\n");
        let _ = sent_tx.send((id, Instant::now()));
        writer.write_all(line.as_bytes()).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(writer);
    tokio::time::timeout(Duration::from_secs(5), reader).await.map(|r| r.unwrap()).unwrap_or_default()
}

/// The child: holds `count` idle rig sessions to `addr` until killed.
fn hold(addr: SocketAddr, count: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async move {
        let mut held = vec![];
        for i in 0..count {
            let Ok(mut stream) = TcpStream::connect(addr).await else { break };
            let hello = format!("{{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}}\n{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"idle.rig{i}\",\"x\"]}}\n");
            if stream.write_all(hello.as_bytes()).await.is_err() {
                break;
            }
            held.push(stream);
        }
        std::future::pending::<()>().await;
    });
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("VmRSS:").map(|v| v.trim().trim_end_matches(" kB").trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}
