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
use aihash_keeper::testpool::TestPool;
use aihash_node_double::CallArg;
use common::{fixed_vardiff, serve_order, start_miner};
use std::time::Duration;
use sui_sdk_types::Address;

const KEEPER: Address = Address::new([0x41; 32]);
const PROVIDER: Address = Address::new([0x42; 32]);
/// The fills' D in 32.32 fixed point: twice the rigs' difficulty.
const FILL_D: u128 = 2_048;

async fn pool() -> TestPool {
    common::test_pool(ShareDifficulty::from_fixed(256).unwrap()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn rigs_work_for_the_fill_with_room_and_its_window_is_reported() {
    let _ = tracing_subscriber::fmt().with_env_filter("info").with_test_writer().try_init();
    let (dear, roomy) = (pool().await, pool().await);
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, Address::new([0x43; 32]), &[KEEPER, PROVIDER]);
    let deployment = common::deployment();
    // The dear order's fill is committed for 1 H/s: no CPU miner fits; the roomy one for 1 TH/s.
    let dear_order = serve_order(&double, 1, dear.addr(), 1_000_000, (KEEPER, PROVIDER), 1, FILL_D).id;
    let roomy_order =
        serve_order(&double, 2, roomy.addr(), 10, (KEEPER, PROVIDER), 1_000_000_000_000, FILL_D).id;
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
