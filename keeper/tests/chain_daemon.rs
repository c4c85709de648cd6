//! The keeper on chain, wired as `aihash-keeper run --config` wires it, against the node double
//! and two test pools: it holds a fill on each of two orders (one paying more but committed for
//! almost no hashrate), serves each fill's pool, allocates the provider's two CPU miners to the
//! fill with room for them, journals their shares under that fill and reports its closed window
//! with the journal's counters and root.

mod common;

use common::pure;

use aihash_keeper::chain_daemon::{self, ChainKeeperConfig};
use aihash_keeper::config::{ChainConfig, Provider};
use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::duties::fill::difficulty_for;
use aihash_keeper::journal::{JournalConfig, WindowSummary};
use aihash_keeper::proxy::ProxyConfig;
use aihash_keeper::testpool::TestPool;
use aihash_node_double::{CallArg, NodeDouble};
use aihash_sdk::bindings::order::Order;
use common::{fixed_vardiff, object_id as id, serve_order, start_miner, PACKAGE};
use moverox_sui::sui::sui::SUI;
use std::time::{Duration, SystemTime};
use sui_sdk_types::Address;

const KEEPER: Address = Address::new([0x41; 32]);
const PROVIDER: Address = Address::new([0x42; 32]);
/// The fills' D in 32.32 fixed point: twice the rigs' difficulty.
const FILL_D: u128 = 2_048;

async fn pool() -> TestPool {
    pool_at(256).await
}

/// A test pool asking for shares of D `fixed` (32.32).
async fn pool_at(fixed: u128) -> TestPool {
    common::test_pool(ShareDifficulty::from_fixed(fixed).unwrap()).await
}

/// Serves an open order (the golden one, renamed) paying `price` to `pool` with `payout` bytes,
/// without fills; announces it with an `OrderCreated` event. Returns it and its room (H/s).
fn serve_open_order(
    double: &NodeDouble,
    n: u8,
    pool: &TestPool,
    price: u64,
    payout: Vec<u8>,
) -> (Address, u64) {
    let mut order: Order<SUI> = common::golden("order_object");
    let order_id = Address::new([0x70 + n; 32]);
    order.id.id = id(order_id);
    order.fills.id.id = id(Address::new([0x80 + n; 32]));
    order.price = price;
    order.expiry_ms = u64::MAX;
    order.pool.url.bytes = format!("stratum+tcp://{}", pool.addr()).into_bytes();
    order.pool.payout = payout;
    double.add_shared_object(
        order_id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        bcs::to_bytes(&order).unwrap(),
    );
    let mut created = aihash_sdk::golden::bytes("order_created").unwrap().to_vec();
    created[..32].copy_from_slice(&order_id.into_inner());
    double.add_checkpoint_with_events(
        &format!("tx-order-{n}"),
        PACKAGE,
        &[("order", "OrderCreated", created)],
    );
    (order_id, order.hashrate_cap - order.committed_hashrate)
}

/// The keeper daemon on the node at `addr`, serving `provider_hashrate` H/s of provider `prov`,
/// with three-second windows, allocating every two seconds and planning fills every `plan_every`.
fn keeper_config(
    addr: std::net::SocketAddr,
    key: aihash_sdk::keystore::Key,
    dir: &std::path::Path,
    provider_hashrate: u64,
    plan_every: Duration,
) -> ChainKeeperConfig {
    let mut proxy = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    proxy.providers = vec!["prov".into()];
    proxy.vardiff = fixed_vardiff(1_024);
    ChainKeeperConfig {
        proxy,
        journal: JournalConfig {
            dir: dir.join("journal"),
            window: Duration::from_secs(3),
            sync_every: Duration::from_millis(100),
            grace: Duration::from_secs(1),
        },
        metrics: None,
        readout_every: Duration::from_secs(60),
        verdict_timeout: Duration::from_secs(5),
        allocate_every: Duration::from_secs(2),
        plan_every,
        chain: ChainConfig {
            network: format!("http://{addr}"),
            identity: KEEPER,
            deployments: None,
            keystore: None,
            sender: None,
            min_price: 0,
            window_ms: 3_000,
            providers: vec![Provider {
                name: "prov".into(),
                identity: PROVIDER,
                hashrate: provider_hashrate,
            }],
        },
        url: format!("http://{addr}"),
        key,
        deployment: common::deployment(),
        state_dir: dir.join("state"),
    }
}

/// Calls to `function` on `order` submitted so far.
fn calls_on(double: &NodeDouble, function: &str, order: Address) -> Vec<aihash_node_double::RecordedCall> {
    double
        .submitted()
        .into_iter()
        .flat_map(|s| s.calls)
        .filter(|c| c.function == function && c.arguments[0] == CallArg::Object(order))
        .collect()
}

/// The fill's D never sits below its pool's difficulty: an open order is filled only after its
/// pool was checked, at twice the pool's difficulty; an order whose pool's coinbase does not pay
/// its payout bytes is never filled, however well it pays; and a fill whose pool asks for harder
/// shares than its D gets D raised from its next window boundary.
#[tokio::test(flavor = "multi_thread")]
async fn fills_start_at_twice_their_pools_difficulty_and_follow_it_up() {
    let _ = tracing_subscriber::fmt().with_env_filter("info").with_test_writer().try_init();
    let (easy, hard) = (pool_at(256).await, pool_at(8 * FILL_D).await);
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, Address::new([0x43; 32]), &[KEEPER, PROVIDER]);
    // Our fill on the hard pool, at a D below the pool's difficulty.
    let held = serve_order(&double, 1, hard.addr(), 10, (KEEPER, PROVIDER), 1_000, FILL_D).id;
    let (fit, room) = serve_open_order(&double, 2, &easy, 20, common::payout().to_bytes());
    let (unpaid, _) = serve_open_order(&double, 3, &easy, 1_000, b"another pool's payout script".to_vec());
    let addr = double.spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let config = keeper_config(addr, key, dir.path(), 1_000 + room, Duration::from_secs(1));
    let started_ms = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_millis() as u64;
    let keeper = chain_daemon::start(config).await.unwrap();

    let found = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let (attached, raised) =
                (calls_on(&double, "attach_fill", fit), calls_on(&double, "set_difficulty", held));
            if let (Some(attach), Some(raise)) = (attached.first(), raised.first()) {
                return (attach.clone(), raise.clone());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
    keeper.stop().await.unwrap();
    let (attach, raise) = found.expect("the open order filled and the held fill's D raised");
    assert!(
        calls_on(&double, "attach_fill", unpaid).is_empty(),
        "an order its pool does not pay is not filled"
    );
    assert_eq!(attach.arguments[4], pure(&room));
    assert_eq!(attach.arguments[5], pure(&difficulty_for(room, 3_000, 256)));
    assert_eq!(raise.arguments[1], pure(&0u64));
    assert_eq!(raise.arguments[3], pure(&difficulty_for(1_000, 3_000, 8 * FILL_D)));
    let CallArg::Pure(from_ms) = &raise.arguments[4] else { panic!("{raise:?}") };
    let from_ms: u64 = bcs::from_bytes(from_ms).unwrap();
    // The fill was attached at 0 ms: its boundaries are multiples of the window, the change at
    // one at least the lead (a second, for three-second windows) after it was sent.
    assert_eq!(from_ms % 3_000, 0, "{from_ms}");
    assert!(from_ms >= started_ms + 1_000, "{from_ms} is not ahead of {started_ms}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rigs_work_for_the_fill_with_room_and_its_window_is_reported() {
    let _ = tracing_subscriber::fmt().with_env_filter("info").with_test_writer().try_init();
    let (dear, roomy) = (pool().await, pool().await);
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, Address::new([0x43; 32]), &[KEEPER, PROVIDER]);
    // The dear order's fill is committed for 1 H/s: no CPU miner fits; the roomy one for 1 TH/s.
    let dear_order = serve_order(&double, 1, dear.addr(), 1_000_000, (KEEPER, PROVIDER), 1, FILL_D).id;
    let roomy_order =
        serve_order(&double, 2, roomy.addr(), 10, (KEEPER, PROVIDER), 1_000_000_000_000, FILL_D).id;
    let addr = double.spawn().await;

    let dir = tempfile::tempdir().unwrap();
    // All of it committed already: nothing more to fill.
    let config = keeper_config(addr, key, dir.path(), 1_000_000_000_001, Duration::from_secs(3_600));
    let mut keeper = chain_daemon::start(config).await.unwrap();
    let _rigs = [start_miner(keeper.proxy, "prov.rig1"), start_miner(keeper.proxy, "prov.rig2")];

    // Wait for a report of the roomy fill and for both rigs to have worked for it (the rigs
    // start on the dear fill, their provider's best, and move once measured); keep the windows
    // as they close.
    let mut windows: Vec<WindowSummary> = vec![];
    let roomy_journals = |windows: &[WindowSummary]| -> String {
        windows
            .iter()
            .filter(|w| w.target.contains(&roomy_order.to_string()))
            .map(|w| std::fs::read_to_string(&w.journal).unwrap_or_default())
            .collect()
    };
    let both_rigs = |journals: &str| {
        ["prov.rig1", "prov.rig2"].iter().all(|rig| journals.contains(&format!("\"worker\":\"{rig}\"")))
    };
    let report = tokio::time::timeout(Duration::from_secs(120), async {
        loop {
            while let Ok(summary) = keeper.summaries.try_recv() {
                windows.push(summary);
            }
            let found = double.submitted().into_iter().find(|s| {
                s.calls
                    .iter()
                    .any(|c| c.function == "submit" && c.arguments[0] == CallArg::Object(roomy_order))
            });
            if let Some(found) = found.filter(|_| both_rigs(&roomy_journals(&windows))) {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("a report of the roomy fill, both rigs working for it");
    while let Ok(summary) = keeper.summaries.try_recv() {
        windows.push(summary);
    }
    keeper.stop().await.unwrap();

    let submit = report.calls.iter().find(|c| c.function == "submit").unwrap();
    let window = windows
        .iter()
        .find(|w| pure(&w.start_ms) == submit.arguments[4] && w.target.contains(&roomy_order.to_string()))
        .expect("the reported window is one the journal closed");
    assert!(window.shares > 0 && window.provider == "prov", "{window:?}");
    assert_eq!(submit.arguments[6], pure(&window.shares));
    assert_eq!(submit.arguments[7], pure(&FILL_D));
    assert_eq!(submit.arguments[10], pure(&hex::decode(&window.root).unwrap()));
    // The roomy fill's pool accepted the rigs' work.
    assert!(!roomy.accepted().is_empty());
    // Nothing was reported for the dear fill unless its pool got shares before the allocation.
    let dear_reports = double
        .submitted()
        .iter()
        .filter(|s| {
            s.calls.iter().any(|c| c.function == "submit" && c.arguments[0] == CallArg::Object(dear_order))
        })
        .count();
    assert!(dear_reports == 0 || !dear.accepted().is_empty());
}

/// A fill whose pool is down for whole windows, with no share to open them: each window is still
/// reported, with no shares and its dead time, so a dead pool reaches the chain (where it can end
/// the order and refund its buyer).
#[tokio::test(flavor = "multi_thread")]
async fn a_dead_pools_windows_are_reported_with_their_dead_time() {
    let _ = tracing_subscriber::fmt().with_env_filter("info").with_test_writer().try_init();
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, Address::new([0x43; 32]), &[KEEPER, PROVIDER]);
    let nobody = std::net::SocketAddr::from(([127, 0, 0, 1], common::free_port()));
    let held = serve_order(&double, 1, nobody, 10, (KEEPER, PROVIDER), 1_000, FILL_D).id;
    let addr = double.spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let keeper = chain_daemon::start(keeper_config(addr, key, dir.path(), 1_000, Duration::from_secs(3_600)))
        .await
        .unwrap();
    let whole_window_dead = |call: &aihash_node_double::RecordedCall| call.arguments[9] == pure(&3_000u64);
    let report = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            if let Some(call) = calls_on(&double, "submit", held).into_iter().find(whole_window_dead) {
                return call;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("a window of the dead pool reported");
    keeper.stop().await.unwrap();
    assert_eq!(report.arguments[6], pure(&0u64), "no shares");
    assert_eq!(report.arguments[10], pure(&vec![0u8; 32]), "the empty tree's root");
}
