//! The keeper on chain, wired as `aihash-keeper run --config` wires it, against the node double
//! and two test pools: it holds a fill on each of two orders (one paying more but committed for
//! almost no hashrate), serves each fill's pool, allocates the provider's two CPU miners to the
//! fill with room for them, journals their shares under that fill and reports its closed window
//! with the journal's counters and root.

mod common;

use aihash_keeper::chain_daemon::{self, ChainKeeperConfig};
use aihash_keeper::config::{ChainConfig, Provider};
use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::journal::{JournalConfig, WindowSummary};
use aihash_keeper::proxy::ProxyConfig;
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use aihash_node_double::{CallArg, NodeDouble};
use aihash_sdk::bindings::order::{FillAttached, Order};
use common::{fill_bytes, fixed_vardiff, object_id as id, payout, start_miner, PACKAGE};
use moverox_sui::sui::sui::SUI;
use std::time::Duration;
use sui_sdk_types::Address;

const KEEPER: Address = Address::new([0x41; 32]);
const PROVIDER: Address = Address::new([0x42; 32]);
/// The fills' D in 32.32 fixed point: twice the rigs' difficulty.
const FILL_D: u128 = 2_048;

/// Serves an order (the golden one, renamed) paying `price` to `pool`, holding fill 0 of this
/// keeper for `hashrate`; announces it with a `FillAttached` event.
fn serve_order(double: &NodeDouble, n: u8, pool: &TestPool, price: u64, hashrate: u64) -> Address {
    let mut order: Order<SUI> = bcs::from_bytes(aihash_sdk::golden::bytes("order_object").unwrap()).unwrap();
    let order_id = Address::new([0x70 + n; 32]);
    let table = Address::new([0x80 + n; 32]);
    order.id.id = id(order_id);
    order.fills.id.id = id(table);
    order.price = price;
    order.expiry_ms = u64::MAX;
    order.pool.url.bytes = format!("stratum+tcp://{}", pool.addr()).into_bytes();
    order.pool.payout = payout().to_bytes();
    double.add_shared_object(
        order_id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        bcs::to_bytes(&order).unwrap(),
    );
    double.add_dynamic_field(
        table,
        Address::new([0x90 + n; 32]),
        bcs::to_bytes(&0u64).unwrap(),
        "0xa1::order::Fill",
        fill_bytes(KEEPER, PROVIDER, hashrate, FILL_D, 0, 0),
    );
    let attached = FillAttached {
        order_id: id(order_id),
        fill: 0,
        keeper_id: id(KEEPER),
        provider_id: id(PROVIDER),
        hashrate,
        difficulty: FILL_D,
    };
    double.add_checkpoint_with_events(
        &format!("tx-fill-{n}"),
        PACKAGE,
        &[("order", "FillAttached", bcs::to_bytes(&attached).unwrap())],
    );
    order_id
}

async fn pool() -> TestPool {
    let mut config = TestPoolConfig::new(payout(), ShareDifficulty::from_fixed(256).unwrap());
    config.job_interval = Duration::from_secs(1);
    TestPool::spawn("127.0.0.1:0".parse().unwrap(), config).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn rigs_work_for_the_fill_with_room_and_its_window_is_reported() {
    let _ = tracing_subscriber::fmt().with_env_filter("info").with_test_writer().try_init();
    let (dear, roomy) = (pool().await, pool().await);
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, Address::new([0x43; 32]), &[KEEPER, PROVIDER]);
    let deployment = common::deployment();
    // The dear order's fill is committed for 1 H/s: no CPU miner fits; the roomy one for 1 TH/s.
    let dear_order = serve_order(&double, 1, &dear, 1_000_000, 1);
    let roomy_order = serve_order(&double, 2, &roomy, 10, 1_000_000_000_000);
    let addr = double.spawn().await;

    let dir = tempfile::tempdir().unwrap();
    let mut proxy = ProxyConfig::new("127.0.0.1:0".parse().unwrap());
    proxy.providers = vec!["prov".into()];
    proxy.vardiff = fixed_vardiff(1_024);
    let config = ChainKeeperConfig {
        proxy,
        journal: JournalConfig {
            dir: dir.path().join("journal"),
            window: Duration::from_secs(3),
            sync_every: Duration::from_millis(100),
            grace: Duration::from_secs(1),
        },
        metrics: None,
        readout_every: Duration::from_secs(60),
        verdict_timeout: Duration::from_secs(5),
        allocate_every: Duration::from_secs(2),
        plan_every: Duration::from_secs(3_600),
        chain: ChainConfig {
            network: format!("http://{addr}"),
            identity: KEEPER,
            deployments: None,
            keystore: None,
            sender: None,
            min_price: 0,
            window_ms: 3_000,
            // All of it committed already: nothing more to fill.
            providers: vec![Provider {
                name: "prov".into(),
                identity: PROVIDER,
                hashrate: 1_000_000_000_001,
            }],
        },
        url: format!("http://{addr}"),
        key,
        deployment,
        state_dir: dir.path().join("state"),
    };
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

fn pure<T: serde::Serialize>(value: &T) -> CallArg {
    CallArg::Pure(bcs::to_bytes(value).unwrap())
}
