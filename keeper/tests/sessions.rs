//! The keeper's sessions against a scripted pool (a few lines of TCP here, so the pool does
//! exactly what each test needs): a pool that never answers a share, a pool session replaced
//! by one with another extranonce and version mask, and a keeper whose rig slots are all taken.

mod common;

use aihash_keeper::job::{Job, Submission};
use aihash_keeper::proxy::{Proxy, ProxyConfig, ProxyEvent};
use aihash_keeper::stratum::wire::{encode, notify_from_job};
use aihash_keeper::upstream::{Upstream, UpstreamConfig, Verdict};
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Notify};

/// What the scripted pool says in one session (one connection).
#[derive(Clone)]
struct Script {
    extranonce1: &'static str,
    version_mask: u32,
    job: Job,
}

/// A pool that answers the handshake from its scripts (connection i uses script i, the last one
/// after that), sends one job after authorize, answers `mining.extranonce.subscribe` with an
/// error, and never answers a share.
struct ScriptedPool {
    address: String,
    /// The methods each connection received, in order.
    received: Arc<Mutex<Vec<Vec<String>>>>,
    /// Drops the current connection, as a restarting pool does.
    hang_up: Arc<Notify>,
}

impl ScriptedPool {
    async fn spawn(scripts: Vec<Script>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let received: Arc<Mutex<Vec<Vec<String>>>> = Arc::default();
        let hang_up = Arc::new(Notify::new());
        let (log, hang) = (received.clone(), hang_up.clone());
        tokio::spawn(async move {
            for session in 0.. {
                let Ok((stream, _)) = listener.accept().await else { return };
                let script = scripts[session.min(scripts.len() - 1)].clone();
                log.lock().unwrap().push(vec![]);
                tokio::select! {
                    _ = serve(stream, script, log.clone(), session) => {}
                    _ = hang.notified() => {}
                }
            }
        });
        Self { address, received, hang_up }
    }

    fn methods(&self, session: usize) -> Vec<String> {
        self.received.lock().unwrap().get(session).cloned().unwrap_or_default()
    }
}

async fn serve(stream: TcpStream, script: Script, log: Arc<Mutex<Vec<Vec<String>>>>, session: usize) {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let request: Value = serde_json::from_str(&line).unwrap();
        let (id, method) = (request["id"].clone(), request["method"].as_str().unwrap_or_default().to_owned());
        log.lock().unwrap()[session].push(method.clone());
        let answer = match method.as_str() {
            "mining.configure" => json!({"id": id, "result": {"version-rolling": true, "version-rolling.mask": format!("{:08x}", script.version_mask)}, "error": null}).to_string() + "\n",
            "mining.subscribe" => json!({"id": id, "result": [[["mining.notify", "1"]], script.extranonce1, 8], "error": null}).to_string() + "\n",
            "mining.authorize" => {
                let difficulty = json!({"id": null, "method": "mining.set_difficulty", "params": [0.001]});
                format!("{}\n{difficulty}\n{}", json!({"id": id, "result": true, "error": null}), encode(notify_from_job(&script.job)))
            }
            "mining.extranonce.subscribe" => json!({"id": id, "result": null, "error": [20, "Method not found", null]}).to_string() + "\n",
            _ => continue, // shares: never answered
        };
        if writer.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn now() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as u32
}

fn job(id: &str, clean: bool) -> Job {
    Job {
        id: id.into(),
        prev_hash: BlockHash::from_byte_array([id.as_bytes()[0]; 32]),
        coinbase1: b"\x01\x00\x00\x00cb1".to_vec(),
        coinbase2: b"cb2".to_vec(),
        merkle_branch: vec![TxMerkleNode::from_byte_array([3; 32])],
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: now(),
        clean,
    }
}

fn upstream_config(pool: &ScriptedPool) -> UpstreamConfig {
    let mut config = UpstreamConfig::new(&pool.address, "keeper.upstream", "x");
    config.max_backoff = Duration::from_millis(200);
    config
}

async fn connected(upstream: &Upstream) {
    let mut state = upstream.state();
    tokio::time::timeout(Duration::from_secs(10), state.wait_for(|s| s.connected && s.job.is_some()))
        .await
        .expect("a session with the scripted pool")
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_the_pool_never_answers_is_lost_after_the_deadline() {
    let pool = ScriptedPool::spawn(vec![Script {
        extranonce1: "00000001",
        version_mask: 0x1fff_e000,
        job: job("a", true),
    }])
    .await;
    let mut config = upstream_config(&pool);
    config.verdict_timeout = Duration::from_millis(300);
    let upstream = Upstream::spawn(config);
    connected(&upstream).await;
    let share =
        Submission { job_id: "a".into(), extranonce2: vec![0; 8], time: now(), nonce: 7, version_bits: None };
    // Without a deadline the verdict would never come; the test's own limit is far longer.
    let verdict = tokio::time::timeout(Duration::from_secs(20), upstream.submit(share)).await;
    assert_eq!(verdict, Ok(Verdict::Lost));
    assert!(pool.methods(0).contains(&"mining.submit".to_owned()), "the share was forwarded");
    // The session is still up: a slow pool is not a dead one.
    assert!(upstream.state().borrow().connected);
}

/// A rig's raw Stratum session.
struct RawRig {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
}

impl RawRig {
    async fn connect(proxy: &Proxy) -> Self {
        let (reader, writer) = TcpStream::connect(proxy.addr).await.unwrap().into_split();
        Self { reader: BufReader::new(reader), writer }
    }

    async fn send(&mut self, request: Value) {
        self.writer.write_all(format!("{request}\n").as_bytes()).await.unwrap();
    }

    /// Reads messages until one satisfies `done` (returned last); `None` if the keeper hung up.
    async fn until(&mut self, done: impl Fn(&Value) -> bool) -> Option<Vec<Value>> {
        let mut seen = vec![];
        loop {
            let mut line = String::new();
            let n = tokio::time::timeout(Duration::from_secs(10), self.reader.read_line(&mut line))
                .await
                .expect("a line in time")
                .ok()?;
            if n == 0 {
                return None;
            }
            let message: Value = serde_json::from_str(&line).unwrap();
            let finished = done(&message);
            seen.push(message);
            if finished {
                return Some(seen);
            }
        }
    }
}

fn is_notify_of(message: &Value, job: &str) -> bool {
    message["method"] == "mining.notify" && message["params"][0] == job
}

fn is_answer_to(message: &Value, id: u64) -> bool {
    message["id"] == id && message.get("method").is_none()
}

async fn proxy_on(upstream: &Upstream, config: ProxyConfig) -> (Proxy, mpsc::UnboundedReceiver<ProxyEvent>) {
    let (records, events) = mpsc::unbounded_channel();
    (Proxy::spawn(config, upstream.clone(), records).await.unwrap(), events)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_pool_session_gives_rigs_a_clean_job_its_version_mask_and_voids_old_jobs() {
    // The second session has another extranonce1, a narrower version mask, and starts with a
    // job the pool does not mark clean.
    let pool = ScriptedPool::spawn(vec![
        Script { extranonce1: "00000001", version_mask: 0x1fff_e000, job: job("a", true) },
        Script { extranonce1: "00000002", version_mask: 0x00ff_e000, job: job("b", false) },
    ])
    .await;
    let upstream = Upstream::spawn(upstream_config(&pool));
    connected(&upstream).await;
    let mut config = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    config.providers = vec!["prov".into()];
    let (proxy, _events) = proxy_on(&upstream, config).await;
    let mut rig = RawRig::connect(&proxy).await;
    rig.send(json!({"id": 1, "method": "mining.configure", "params": [["version-rolling"], {"version-rolling.mask": "1fffe000", "version-rolling.min-bit-count": 2}]})).await;
    rig.send(json!({"id": 2, "method": "mining.subscribe", "params": []})).await;
    rig.send(json!({"id": 3, "method": "mining.extranonce.subscribe", "params": []})).await;
    rig.send(json!({"id": 4, "method": "mining.authorize", "params": ["prov.rig1", "x"]})).await;
    let first = rig.until(|m| is_notify_of(m, "a")).await.expect("the first session's job");
    let configured = first.iter().find(|m| is_answer_to(m, 1)).unwrap();
    assert_eq!(configured["result"]["version-rolling.mask"], "1fffe000");

    pool.hang_up.notify_one();
    let after = rig.until(|m| is_notify_of(m, "b")).await.expect("the rig stays connected");
    let set_extranonce =
        after.iter().find(|m| m["method"] == "mining.set_extranonce").expect("a new extranonce");
    assert!(set_extranonce["params"][0].as_str().unwrap().starts_with("00000002"), "{set_extranonce}");
    let mask = after.iter().find(|m| m["method"] == "mining.set_version_mask").expect("the new version mask");
    assert_eq!(mask["params"], json!(["00ffe000"]));
    let notify = after.last().unwrap();
    assert_eq!(notify["params"][8], true, "the new session's first job is clean: {notify}");

    // A share on the old session's job is stale: the job book forgot it.
    let ntime = format!("{:08x}", job("a", true).time);
    rig.send(json!({"id": 9, "method": "mining.submit", "params": ["prov.rig1", "a", "000000000000", ntime, "00000000"]}))
        .await;
    let answer = rig.until(|m| is_answer_to(m, 9)).await.unwrap().pop().unwrap();
    assert_eq!(answer["error"][0], 21, "{answer}");

    // Both sessions asked the pool for extranonce changes after authorizing, and its error
    // answer ended neither.
    for session in 0..2 {
        let methods = pool.methods(session);
        let authorize = methods.iter().position(|m| m == "mining.authorize").unwrap();
        let subscribe = methods.iter().position(|m| m == "mining.extranonce.subscribe");
        assert!(subscribe.is_some_and(|at| at > authorize), "session {session}: {methods:?}");
    }
    assert!(upstream.state().borrow().connected);
}

#[tokio::test(flavor = "multi_thread")]
async fn when_every_rig_slot_is_taken_a_subscribe_is_refused_until_a_rig_leaves() {
    let pool = ScriptedPool::spawn(vec![Script {
        extranonce1: "00000001",
        version_mask: 0x1fff_e000,
        job: job("a", true),
    }])
    .await;
    let upstream = Upstream::spawn(upstream_config(&pool));
    connected(&upstream).await;
    let mut config = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    config.rig_slots = 1;
    let (proxy, _events) = proxy_on(&upstream, config).await;
    let subscribe = json!({"id": 1, "method": "mining.subscribe", "params": []});
    let mut first = RawRig::connect(&proxy).await;
    first.send(subscribe.clone()).await;
    let answer = first.until(|m| is_answer_to(m, 1)).await.unwrap().pop().unwrap();
    let extranonce1 = answer["result"][1].as_str().unwrap().to_owned();
    assert_eq!(extranonce1, "000000010000", "the pool's extranonce1 and the rig's prefix");

    let mut second = RawRig::connect(&proxy).await;
    second.send(subscribe.clone()).await;
    let refused = second.until(|m| is_answer_to(m, 1)).await.unwrap().pop().unwrap();
    assert!(refused["result"].is_null(), "{refused}");
    assert!(refused["error"].to_string().contains("rig slots of this pool are in use"), "{refused}");
    assert!(second.until(|_| false).await.is_none(), "the refused rig is disconnected");

    // The first rig leaves: its prefix serves the next rig.
    drop(first);
    let mut third = RawRig::connect(&proxy).await;
    let answer = loop {
        third.send(subscribe.clone()).await;
        match third.until(|m| is_answer_to(m, 1)).await {
            Some(mut answered) if answered.last().unwrap()["error"].is_null() => {
                break answered.pop().unwrap()
            }
            // The keeper may not have seen the first rig leave yet.
            _ => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                third = RawRig::connect(&proxy).await;
            }
        }
    };
    assert_eq!(answer["result"][1], extranonce1);
}
