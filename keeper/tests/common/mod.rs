//! What the keeper's integration tests share.

#![allow(dead_code)] // each test binary uses its own part

use std::time::{Duration, Instant};

/// The payout script the test pools' coinbases pay in these tests.
pub fn payout() -> bitcoin::ScriptBuf {
    use bitcoin::hashes::Hash;
    bitcoin::ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::from_byte_array([7; 20]))
}

/// A loopback port free a moment ago (for a process told where to listen).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Waits (polling every 20 ms) until `done`, failing the test after `deadline`.
pub async fn until(what: &str, deadline: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// `/metrics` of the server on `addr`, by a plain HTTP/1.1 GET (empty while nothing listens).
pub async fn metrics_text(addr: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else { return String::new() };
    stream.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
    let mut body = String::new();
    let _ = stream.read_to_string(&mut body).await;
    body
}

/// Polls `/metrics` on loopback port `port` until it shows `line` (the gauges update once a
/// second), failing the test after 30 s.
pub async fn until_metric(port: u16, line: &str) {
    let start = Instant::now();
    loop {
        let text = metrics_text(&format!("127.0.0.1:{port}")).await;
        if text.contains(line) {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no `{line}` in {text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// === A journal of mined test shares ===

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, Submission};
use aihash_keeper::journal::{Journal, JournalConfig};
use aihash_keeper::proxy::{ProxyEvent, ShareRecord};
use aihash_keeper::upstream::Verdict;
use aihash_keeper::verify::{assemble, Rules};
use bitcoin::hashes::{sha256d, Hash};
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

pub const START_MS: u64 = 1_750_000_000_000 / 3_600_000 * 3_600_000;
const RULES: Rules = Rules { extranonce2_size: 4, version_mask: 0x1fff_e000, max_time_ahead_s: 600 };
pub const PAYOUT: &[u8] = b"\x00\x14the buyer's pool payout";

pub fn at(offset_ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(START_MS + offset_ms)
}

pub fn job() -> Arc<Job> {
    Arc::new(Job {
        id: "j1".into(),
        prev_hash: BlockHash::from_byte_array(sha256d::Hash::hash(b"tip").to_byte_array()),
        coinbase1: [b"\x01\x00\x00\x00cb1".to_vec(), PAYOUT.to_vec()].concat(),
        coinbase2: b"cb2".to_vec(),
        merkle_branch: (1..=2u8).map(|i| TxMerkleNode::from_byte_array([i; 32])).collect(),
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: (START_MS / 1000) as u32,
        clean: true,
    })
}

/// The pool's difficulty: 64 hashes per share. The window's D is 4x harder.
pub fn pool() -> ShareDifficulty {
    ShareDifficulty::from_fixed(64).unwrap()
}

pub fn window_d() -> ShareDifficulty {
    ShareDifficulty::from_fixed(256).unwrap()
}

/// A share meeting the pool's difficulty, mined from extranonce2 `n`.
pub fn share(n: u32, verdict: Verdict, offset_ms: u64) -> ShareRecord {
    share_on(job(), n, verdict, offset_ms)
}

/// A share on `job` (its ntime is the job's), received at `offset_ms`.
pub fn share_on(job: Arc<Job>, n: u32, verdict: Verdict, offset_ms: u64) -> ShareRecord {
    let extranonce1 = vec![0xe1, 0, 0, 1];
    let mut submission = Submission {
        job_id: job.id.clone(),
        extranonce2: n.to_be_bytes().to_vec(),
        time: job.time,
        nonce: 0,
        version_bits: None,
    };
    let header = loop {
        let header = assemble(&job, &extranonce1, &submission, &RULES).unwrap();
        if pool().is_met_by(header.block_hash()) {
            break header;
        }
        submission.nonce += 1;
    };
    ShareRecord {
        target: "pool.example_3333".into(),
        worker: "prov.rig1".into(),
        provider: "prov".into(),
        job,
        extranonce1,
        submission,
        header,
        hash: header.block_hash(),
        difficulty: pool(),
        verdict,
        received: at(offset_ms),
    }
}

pub fn journal(dir: &std::path::Path) -> Journal {
    Journal::open(JournalConfig {
        dir: dir.to_owned(),
        window: Duration::from_secs(3_600),
        sync_every: Duration::from_millis(100),
        grace: Duration::ZERO,
    })
    .unwrap()
}

pub fn record(journal: &mut Journal, share: ShareRecord) {
    journal.record("pool.example_3333", &ProxyEvent::Share(Box::new(share)), window_d()).unwrap();
}

// === Rigs ===

/// A built-in CPU miner on `addr` as `user` (one thread, version rolling), reconnecting as a rig
/// does when the keeper turns it away or goes away; its counters.
pub fn start_miner(addr: std::net::SocketAddr, user: &str) -> Arc<aihash_keeper::miner::MinerStats> {
    use aihash_keeper::miner::{self, MinerConfig, MinerStats};
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: addr.to_string(),
        user: user.into(),
        password: "x".into(),
        threads: 1,
        version_rolling: true,
    };
    let task_stats = stats.clone();
    tokio::spawn(async move {
        loop {
            let _ = miner::run(config.clone(), task_stats.clone()).await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    stats
}

/// A test pool on a free loopback port paying the test payout at `difficulty`, with a new job
/// every second (shares are stamped with their job's time, and short windows take shares by it).
pub async fn test_pool(difficulty: ShareDifficulty) -> aihash_keeper::testpool::TestPool {
    use aihash_keeper::testpool::{TestPool, TestPoolConfig};
    let mut config = TestPoolConfig::new(payout(), difficulty);
    config.job_interval = Duration::from_secs(1);
    TestPool::spawn("127.0.0.1:0".parse().unwrap(), config).await.unwrap()
}

// === The market on the node double ===

use aihash_node_double::{NodeDouble, Signatures};
use aihash_sdk::bindings::order::{DifficultyChange, Fill, FillAttached, Order};
use aihash_sdk::bindings::report::{Challenge, ChallengeOpened, Report, ReportState, ReportSubmitted};
use aihash_sdk::keystore::Key;
use aihash_sdk::tx::Deployment;
use sui_sdk_types::Address;

/// A pure argument as a recorded call holds it: the BCS of `value`.
pub fn pure<T: serde::Serialize>(value: &T) -> aihash_node_double::CallArg {
    aihash_node_double::CallArg::Pure(bcs::to_bytes(value).unwrap())
}

/// The package's address in these tests.
pub const PACKAGE: Address = Address::new([0xa1; 32]);

/// A Move `ID` for an address.
pub fn object_id(address: Address) -> moverox_sui::sui::object::ID {
    moverox_sui::sui::object::ID { bytes: moverox::types::Address::new(address.into_inner()) }
}

/// The deployment whose shared objects live at 0x0101…, 0x0202…, 0x0303… and 0x0404….
pub fn deployment() -> Deployment {
    Deployment::made_up(PACKAGE)
}

/// A node double that checks every call into the package against its Move signatures, and a
/// keeper key it has funded with gas.
pub fn node_with_funded_key() -> (NodeDouble, Key) {
    let double = NodeDouble::new("localnet");
    let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources");
    double.check_calls_against(PACKAGE, Signatures::from_sources(&sources).unwrap());
    let key = funded_key();
    double.add_coin(key.address(), Address::new([0x6a; 32]), "0x2::sui::SUI", 10_000_000_000);
    (double, key)
}

/// The key `node_with_funded_key` funds: it controls the identities `serve_market` serves.
pub fn funded_key() -> Key {
    Key::from_keypair(sui_crypto::ed25519::Ed25519PrivateKey::new([5; 32]).into())
}

/// The golden identity (an active keeper and provider with a keeper-signing key and 2,000 HASH of
/// stake) as `id`, controlled by `controller`.
pub fn identity_bytes(id: Address, controller: Address) -> Vec<u8> {
    let mut identity: aihash_sdk::bindings::identity::Identity = golden("identity_object");
    identity.id.id = object_id(id);
    identity.controller = moverox::types::Address::new(controller.into_inner());
    bcs::to_bytes(&identity).unwrap()
}

/// Serves the registry (the golden one, naming `treasury` as the platform treasury), the market
/// (the golden one) and the given identities (see `identity_bytes`, controlled by the funded key)
/// as shared objects, as a driver opening on the market reads them.
pub fn serve_market(double: &NodeDouble, treasury: Address, identities: &[Address]) {
    let mut registry: aihash_sdk::bindings::registry::Registry =
        bcs::from_bytes(aihash_sdk::golden::bytes("registry_object").unwrap()).unwrap();
    registry.platform_treasury = Some(object_id(treasury));
    double.add_shared_object(
        deployment().registry.id,
        "0xa1::registry::Registry",
        1,
        bcs::to_bytes(&registry).unwrap(),
    );
    double.add_shared_object(treasury, "0xa1::treasury::Treasury", 0x43, vec![]);
    double.add_shared_object(
        deployment().market.id,
        "0xa1::market::Market",
        2,
        aihash_sdk::golden::bytes("market_object").unwrap().to_vec(),
    );
    for identity in identities {
        double.add_shared_object(
            *identity,
            "0xa1::identity::Identity",
            identity.into_inner()[0] as u64,
            identity_bytes(*identity, funded_key().address()),
        );
    }
}

/// A fill of `keeper` for `provider`, not released, as an order's fills table holds it.
pub fn fill_bytes(
    keeper: Address,
    provider: Address,
    hashrate: u64,
    difficulty: u128,
    attached_ms: u64,
    reported_until_ms: u64,
) -> Vec<u8> {
    let fill = Fill {
        keeper_id: object_id(keeper),
        provider_id: object_id(provider),
        hashrate,
        difficulty,
        next_difficulty: None,
        attached_ms,
        reported_until_ms,
        released_ms: 0,
    };
    bcs::to_bytes(&fill).unwrap()
}

/// `fill_bytes` with a change of D to `next` (D, from ms) scheduled.
pub fn fill_bytes_scheduled(
    keeper: Address,
    provider: Address,
    difficulty: u128,
    next: (u128, u64),
    attached_ms: u64,
    reported_until_ms: u64,
) -> Vec<u8> {
    let mut fill: Fill =
        bcs::from_bytes(&fill_bytes(keeper, provider, 1, difficulty, attached_ms, reported_until_ms))
            .unwrap();
    fill.next_difficulty = Some(DifficultyChange { difficulty: next.0, from_ms: next.1 });
    bcs::to_bytes(&fill).unwrap()
}

/// The golden report in `state`, disputable until `dispute_deadline_ms`, challenged (when
/// `samples` are given) on those leaf indices, each marked answered or not, answerable until
/// `challenge_deadline_ms`.
pub fn report_bytes(
    state: ReportState,
    samples: &[(u64, bool)],
    dispute_deadline_ms: u64,
    challenge_deadline_ms: u64,
) -> Vec<u8> {
    let mut report: Report = bcs::from_bytes(aihash_sdk::golden::bytes("report_object").unwrap()).unwrap();
    report.state = state;
    report.dispute_deadline_ms = dispute_deadline_ms;
    report.challenge = (!samples.is_empty()).then(|| Challenge {
        challenger: moverox::types::Address::new([0xb0; 32]),
        challenger_identity: None,
        bond: moverox_sui::sui::balance::Balance::new(0),
        samples: samples.iter().map(|(index, _)| *index).collect(),
        answered: samples.iter().map(|(_, answered)| *answered).collect(),
        opened_ms: 1,
        deadline_ms: challenge_deadline_ms,
    });
    bcs::to_bytes(&report).unwrap()
}

/// A golden object or event of the package, decoded.
pub fn golden<T: serde::de::DeserializeOwned>(name: &str) -> T {
    bcs::from_bytes(aihash_sdk::golden::bytes(name).unwrap()).unwrap()
}

/// The golden `ReportSubmitted` of `report`: `keeper`'s report of fill `fill` of `order` for
/// `provider`, on the window `window` (start, end ms), disputable until `dispute_deadline_ms`.
pub fn report_submitted_bytes(
    report: Address,
    (order, fill): (Address, u64),
    (keeper, provider): (Address, Address),
    window: (u64, u64),
    dispute_deadline_ms: u64,
) -> Vec<u8> {
    let mut submitted: ReportSubmitted = golden("report_submitted");
    submitted.report_id = object_id(report);
    submitted.order_id = object_id(order);
    submitted.fill = fill;
    submitted.keeper_id = object_id(keeper);
    submitted.provider_id = object_id(provider);
    (submitted.window_start_ms, submitted.window_end_ms) = window;
    submitted.dispute_deadline_ms = dispute_deadline_ms;
    bcs::to_bytes(&submitted).unwrap()
}

/// The golden `ChallengeOpened` on `report`, drawing `samples`, answerable until `deadline_ms`.
pub fn challenge_opened_bytes(report: Address, samples: &[u64], deadline_ms: u64) -> Vec<u8> {
    let mut opened: ChallengeOpened = golden("report_challenge_opened");
    opened.report_id = object_id(report);
    opened.samples = samples.to_vec();
    opened.deadline_ms = deadline_ms;
    bcs::to_bytes(&opened).unwrap()
}

/// An order served on the node double with fill 0 of a keeper (see [`serve_order`]).
#[derive(Clone)]
pub struct ServedOrder {
    pub id: Address,
    fills_table: Address,
    fill_field: Address,
    keeper: Address,
    provider: Address,
    hashrate: u64,
    difficulty: u128,
}

impl ServedOrder {
    /// The chain's record of fill 0 now says it is reported until `until_ms`.
    pub fn fill_reported_until(&self, double: &NodeDouble, until_ms: u64) {
        double.add_dynamic_field(
            self.fills_table,
            self.fill_field,
            bcs::to_bytes(&0u64).unwrap(),
            "0xa1::order::Fill",
            fill_bytes(self.keeper, self.provider, self.hashrate, self.difficulty, 0, until_ms),
        );
    }
}

/// Serves order `n` (the golden one as 0x70+n…, its fills table 0x80+n…) paying `price` to the
/// test pool at `pool` (with the test payout), holding fill 0 of `keeper` for `provider`:
/// `hashrate` at D `difficulty` (32.32), attached at 0 and reported until 0; announces it with a
/// `FillAttached` event.
pub fn serve_order(
    double: &NodeDouble,
    n: u8,
    pool: std::net::SocketAddr,
    price: u64,
    (keeper, provider): (Address, Address),
    hashrate: u64,
    difficulty: u128,
) -> ServedOrder {
    let mut order: Order<moverox_sui::sui::sui::SUI> = golden("order_object");
    let served = ServedOrder {
        id: Address::new([0x70 + n; 32]),
        fills_table: Address::new([0x80 + n; 32]),
        fill_field: Address::new([0x90 + n; 32]),
        keeper,
        provider,
        hashrate,
        difficulty,
    };
    order.id.id = object_id(served.id);
    order.fills.id.id = object_id(served.fills_table);
    order.price = price;
    order.expiry_ms = u64::MAX;
    order.pool.url.bytes = format!("stratum+tcp://{pool}").into_bytes();
    order.pool.payout = payout().to_bytes();
    double.add_shared_object(
        served.id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        bcs::to_bytes(&order).unwrap(),
    );
    served.fill_reported_until(double, 0);
    let attached = FillAttached {
        order_id: object_id(served.id),
        fill: 0,
        keeper_id: object_id(keeper),
        provider_id: object_id(provider),
        hashrate,
        difficulty,
    };
    double.add_checkpoint_with_events(
        &format!("tx-fill-{n}"),
        PACKAGE,
        &[("order", "FillAttached", bcs::to_bytes(&attached).unwrap())],
    );
    served
}

/// A rig difficulty fixed at `fixed` (32.32), so CPU miners deliver a steady stream of shares.
pub fn fixed_vardiff(fixed: u128) -> aihash_keeper::vardiff::VardiffConfig {
    aihash_keeper::vardiff::VardiffConfig {
        target_interval: Duration::from_secs(1),
        retarget_every: Duration::from_secs(3_600),
        initial: Some(ShareDifficulty::from_fixed(fixed).unwrap()),
        max: None,
    }
}
