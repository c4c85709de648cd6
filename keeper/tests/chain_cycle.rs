//! A keeper's whole cycle on chain, driven through `duties::driver::Driver` against the node
//! double (which checks every call against the Move signatures and records it): an open order is
//! filled, the fill's closed window is reported with its counters and root, a challenge on the
//! report is answered from the journal, the report is settled when due, and its journal is pruned
//! once settled. The double does not execute Move, so the test plays the chain's part: after each
//! call it serves the objects and events the call would have produced.

mod common;

use common::pure;

use aihash_keeper::config::{ChainConfig, Provider};
use aihash_keeper::duties::book::PoolTarget;
use aihash_keeper::duties::driver::Driver;
use aihash_keeper::duties::fill::PoolCheck;
use aihash_keeper::duties::metrics::DutyMetrics;
use aihash_keeper::duties::queue::Duty;
use aihash_keeper::journal::{self, WindowSummary};
use aihash_keeper::upstream::Verdict;
use aihash_node_double::{CallArg, NodeDouble};
use aihash_sdk::bindings::order::{FillAttached, Order};
use aihash_sdk::bindings::report::{ReportSettled, ReportState};
use aihash_sdk::chain::ChainClient;
use aihash_sdk::keystore::Key;
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::Deployment;
use common::{at, fill_bytes, golden, object_id as id, report_bytes, share, window_d, PACKAGE};
use moverox_sui::sui::sui::SUI;
use std::collections::HashMap;
use sui_sdk_types::Address;

const KEEPER: Address = Address::new([0x41; 32]);
const PROVIDER: Address = Address::new([0x42; 32]);
const TREASURY: Address = Address::new([0x43; 32]);
const REPORT: Address = Address::new([0x60; 32]);

/// The chain as the test plays it: the node double and what it has served so far.
struct Chain {
    double: NodeDouble,
    last_checkpoint: u64,
}

impl Chain {
    fn event(&mut self, module: &str, name: &str, bytes: Vec<u8>) {
        self.last_checkpoint = self.double.add_checkpoint_with_events(
            &format!("tx-{name}-{}", self.last_checkpoint),
            PACKAGE,
            &[(module, name, bytes)],
        );
    }

    /// Hands the driver every event it has not seen.
    async fn pump(&self, driver: &mut Driver, client: &mut ChainClient) {
        let from = driver.next_checkpoint();
        let events =
            client.package_events_between(PACKAGE, from, self.last_checkpoint, |_| {}).await.unwrap();
        driver.on_events(&events, self.last_checkpoint).await.unwrap();
    }

    /// Calls submitted so far, as `module::function`.
    fn calls(&self) -> Vec<Vec<String>> {
        self.double
            .submitted()
            .iter()
            .map(|s| s.calls.iter().map(|c| format!("{}::{}", c.module, c.function)).collect())
            .collect()
    }
}

/// The market on the node double with one open order (the golden one) whose only fill is
/// another keeper's, and a driver for the keeper with its state in a temporary directory.
struct World {
    dir: tempfile::TempDir,
    chain: Chain,
    url: String,
    config: ChainConfig,
    deployment: Deployment,
    key: Key,
    order_id: Address,
    fills_table: Address,
    now: u64,
    room: u64,
}

impl World {
    /// A driver reading (or resuming) the keeper's state.
    async fn driver(&self) -> Driver {
        let sender = Sender::new(ChainClient::new(&self.url).unwrap(), self.key.clone());
        let metrics = DutyMetrics::new(&prometheus::Registry::new());
        let state = self.dir.path().join("state");
        Driver::open(self.config.clone(), sender, self.deployment.clone(), &state, metrics).await.unwrap()
    }

    /// Why a driver does not open.
    async fn refusal(&self) -> String {
        let sender = Sender::new(self.client(), self.key.clone());
        let metrics = DutyMetrics::new(&prometheus::Registry::new());
        let state = self.dir.path().join("state");
        Driver::open(self.config.clone(), sender, self.deployment.clone(), &state, metrics)
            .await
            .err()
            .expect("refused")
            .to_string()
    }

    fn client(&self) -> ChainClient {
        ChainClient::new(&self.url).unwrap()
    }

    /// The chain attaches fill 1 of this keeper (at the journal's D), reported until `until_ms`.
    fn serve_our_fill(&mut self, until_ms: u64) {
        self.chain.double.add_dynamic_field(
            self.fills_table,
            Address::new([0x51; 32]),
            bcs::to_bytes(&1u64).unwrap(),
            "0xa1::order::Fill",
            fill_bytes(KEEPER, PROVIDER, self.room, window_d().fixed(), common::START_MS, until_ms),
        );
    }

    fn announce_our_fill(&mut self) {
        let event = FillAttached {
            order_id: id(self.order_id),
            fill: 1,
            keeper_id: id(KEEPER),
            provider_id: id(PROVIDER),
            hashrate: self.room,
            difficulty: window_d().fixed(),
        };
        self.chain.event("order", "FillAttached", bcs::to_bytes(&event).unwrap());
    }

    /// A closed window of 40 mined shares under the driver's fill 1.
    fn window(&self, driver: &Driver) -> WindowSummary {
        let fill = driver.fills().into_iter().find(|f| f.target.fill == 1).expect("fill 1 is known");
        let mut journal = common::journal(&self.dir.path().join("journal"));
        journal.align(&fill.journal_target(), common::START_MS);
        for n in 0..40 {
            let event = aihash_keeper::proxy::ProxyEvent::Share(Box::new(share(
                n,
                Verdict::Accepted,
                1_000 + n as u64,
            )));
            journal.record(&fill.journal_target(), &event, window_d()).unwrap();
        }
        journal.close_due(at(3_600_000)).unwrap().remove(0)
    }

    /// The chain takes the report of `summary`: the fill's record moves, the report and its
    /// event appear. Returns the report's dispute deadline.
    fn report_lands(&mut self, summary: &WindowSummary) -> u64 {
        self.serve_our_fill(summary.end_ms);
        let dispute_deadline_ms = summary.end_ms + 86_400_000;
        self.chain.double.add_shared_object(
            REPORT,
            "0xa1::report::Report",
            0x60,
            report_bytes(ReportState::Pending, &[], dispute_deadline_ms, 0),
        );
        let submitted = common::report_submitted_bytes(
            REPORT,
            (self.order_id, 1),
            (KEEPER, PROVIDER),
            (summary.start_ms, summary.end_ms),
            dispute_deadline_ms,
        );
        self.chain.event("report", "ReportSubmitted", submitted);
        dispute_deadline_ms
    }

    /// The buyer challenges the report on `samples`, answerable until `deadline_ms`.
    fn challenge(&mut self, samples: &[u64], dispute_deadline_ms: u64, deadline_ms: u64) {
        let unanswered: Vec<(u64, bool)> = samples.iter().map(|i| (*i, false)).collect();
        self.chain.double.add_shared_object(
            REPORT,
            "0xa1::report::Report",
            0x60,
            report_bytes(ReportState::Challenged, &unanswered, dispute_deadline_ms, deadline_ms),
        );
        let opened = common::challenge_opened_bytes(REPORT, samples, deadline_ms);
        self.chain.event("report", "ChallengeOpened", opened);
    }

    /// The keeper holds fill 1, and its driver knows: (driver, client).
    async fn holding_our_fill(&mut self) -> (Driver, ChainClient) {
        self.serve_our_fill(common::START_MS);
        self.announce_our_fill();
        let mut client = self.client();
        let mut driver = self.driver().await;
        self.chain.pump(&mut driver, &mut client).await;
        (driver, client)
    }

    /// The keeper holds fill 1 (known to its driver) and one of its windows has closed and waits to
    /// be reported: (driver, client, the window).
    async fn window_to_report(&mut self) -> (Driver, ChainClient, WindowSummary) {
        let (mut driver, client) = self.holding_our_fill().await;
        let summary = self.window(&driver);
        driver.window_closed(&summary).unwrap();
        (driver, client, summary)
    }

    /// How many `report::submit` calls were sent.
    fn reports_sent(&self) -> usize {
        self.chain.calls().iter().filter(|calls| calls.iter().any(|c| c == "report::submit")).count()
    }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let (double, key) = common::node_with_funded_key();
    common::serve_market(&double, TREASURY, &[KEEPER, PROVIDER]);
    let deployment = common::deployment();

    // An open order (the golden one) whose only fill is another keeper's.
    let order: Order<SUI> = golden("order_object");
    let order_id = Address::new(order.id.id.bytes.into_inner());
    double.add_shared_object(
        order_id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        aihash_sdk::golden::bytes("order_object").unwrap().to_vec(),
    );
    let fills_table = Address::new(order.fills.id.id.bytes.into_inner());
    let now = order.created_ms + 1;
    double.add_dynamic_field(
        fills_table,
        Address::new([0x50; 32]),
        bcs::to_bytes(&0u64).unwrap(),
        "0xa1::order::Fill",
        fill_bytes(
            Address::new([0x99; 32]),
            PROVIDER,
            order.committed_hashrate,
            16,
            order.created_ms,
            order.created_ms,
        ),
    );
    let addr = double.spawn().await;
    let url = format!("http://{addr}");
    let mut chain = Chain { double, last_checkpoint: 0 };
    chain.event("order", "OrderCreated", aihash_sdk::golden::bytes("order_created").unwrap().to_vec());

    let room = order.hashrate_cap - order.committed_hashrate;
    let config = ChainConfig {
        network: url.clone(),
        identity: KEEPER,
        deployments: None,
        keystore: None,
        sender: None,
        min_price: 0,
        window_ms: 3_600_000,
        providers: vec![Provider { name: "prov".into(), identity: PROVIDER, hashrate: room * 2 }],
    };
    World { dir, chain, url, config, deployment, key, order_id, fills_table, now, room }
}

#[tokio::test(flavor = "multi_thread")]
async fn fill_report_answer_settle_and_prune() {
    let mut world = world().await;
    let mut driver = world.driver().await;
    let mut client = world.client();
    let (order_id, now, room) = (world.order_id, world.now, world.room);

    // 1. The open order is filled with all its room (the provider has more), once its pool is
    //    checked, at a D no lower than twice the pool's.
    world.chain.pump(&mut driver, &mut client).await;
    let pool = PoolTarget::of(&golden::<Order<SUI>>("order_object"));
    let plan = driver.plan_fills(now, &HashMap::new()).unwrap();
    assert_eq!(
        (plan.queued, plan.unchecked),
        (0, vec![pool.clone()]),
        "nothing filled before its pool is checked"
    );
    let unfit = HashMap::from([(pool.clone(), PoolCheck::Unfit("unreachable".into()))]);
    let plan = driver.plan_fills(now, &unfit).unwrap();
    assert_eq!((plan.queued, plan.unchecked.len()), (0, 0), "an unfit pool's order is passed over");
    let floor = 1u128 << 50;
    let fit = HashMap::from([(pool, PoolCheck::Fit { floor })]);
    assert_eq!(driver.plan_fills(now, &fit).unwrap().queued, 1);
    driver.run_due(now).await.unwrap();
    assert_eq!(world.chain.calls(), [["order::attach_fill"]]);
    let attach = &world.chain.double.submitted()[0].calls[0];
    assert_eq!(attach.arguments[0], CallArg::Object(order_id));
    assert_eq!(
        (attach.arguments[2].clone(), attach.arguments[3].clone()),
        (CallArg::Object(KEEPER), CallArg::Object(PROVIDER))
    );
    assert_eq!(attach.arguments[4], pure(&room));
    let difficulty = aihash_keeper::duties::fill::difficulty_for(room, 3_600_000, floor);
    assert!(difficulty >= 2 * floor);
    assert_eq!(attach.arguments[5], pure(&difficulty));

    // The chain attaches fill 1 (at the journal's D, as the test's journal counts at it).
    world.serve_our_fill(common::START_MS);
    world.announce_our_fill();
    world.chain.pump(&mut driver, &mut client).await;
    let fills = driver.fills();
    assert_eq!(fills.len(), 1);
    assert_eq!(
        (fills[0].target.fill, fills[0].provider, fills[0].difficulty),
        (1, PROVIDER, window_d().fixed())
    );
    assert_eq!(
        driver.plan_fills(now, &fit).unwrap().queued,
        0,
        "the order has no room left for this provider"
    );

    // 2. A window of the fill closes: reported once, with the journal's counters and root.
    let summary = world.window(&driver);
    assert!(summary.shares >= 3, "{}", summary.shares);
    driver.window_closed(&summary).unwrap();
    driver.window_closed(&summary).unwrap();
    driver.run_due(now).await.unwrap();
    assert_eq!(world.chain.calls()[1], ["report::new_counters", "report::submit"]);
    let submit = &world.chain.double.submitted()[1].calls[1];
    assert_eq!(submit.arguments[0], CallArg::Object(order_id));
    assert_eq!(submit.arguments[3], pure(&1u64));
    assert_eq!(
        (submit.arguments[4].clone(), submit.arguments[5].clone()),
        (pure(&summary.start_ms), pure(&summary.end_ms))
    );
    assert_eq!(
        (submit.arguments[6].clone(), submit.arguments[7].clone()),
        (pure(&summary.shares), pure(&window_d().fixed()))
    );
    assert_eq!(submit.arguments[10], pure(&hex::decode(&summary.root).unwrap()));
    let counters = &world.chain.double.submitted()[1].calls[0].arguments;
    assert_eq!(
        (counters[0].clone(), counters[2].clone()),
        (pure(&summary.submitted), pure(&summary.pool_accepted))
    );
    let dispute_deadline_ms = world.report_lands(&summary);
    world.chain.pump(&mut driver, &mut client).await;
    assert!(driver
        .queue()
        .duties()
        .any(|d| matches!(d, Duty::Settle { due_ms, .. } if *due_ms == dispute_deadline_ms)));

    // 3. The buyer challenges: every sample is answered from the journal before the deadline.
    let samples = [0, summary.shares - 1, 0];
    world.challenge(&samples, dispute_deadline_ms, now + 6 * 3_600_000);
    world.chain.pump(&mut driver, &mut client).await;
    let pass = driver.run_due(now).await.unwrap();
    assert!(pass.failed.is_empty(), "{pass:?}");
    let answers = &world.chain.double.submitted()[2].calls;
    assert_eq!(answers.len(), 2, "one call per drawn leaf: leaf 0, drawn twice, once");
    for (call, (position, index)) in answers.iter().zip([(0u64, 0), (1, summary.shares - 1)]) {
        assert_eq!((call.module.as_str(), call.function.as_str()), ("report", "answer"));
        let answer = journal::answer(&summary.journal, index).unwrap();
        assert_eq!(call.arguments[6], pure(&position), "the sample's position in the challenge");
        assert_eq!(call.arguments[7], pure(&answer.header));
        assert_eq!(call.arguments[8], pure(&answer.proof));
        assert_eq!(call.arguments[11], pure(&answer.coinbase));
        assert_eq!(call.arguments[12], pure(&answer.branch));
    }

    // 4. Answered, the report stands; past its dispute window it is settled, once.
    world.chain.double.add_shared_object(
        REPORT,
        "0xa1::report::Report",
        0x60,
        report_bytes(
            ReportState::Pending,
            &[(0, true), (summary.shares - 1, true), (0, true)],
            dispute_deadline_ms,
            now + 6 * 3_600_000,
        ),
    );
    driver.run_due(dispute_deadline_ms - 1).await.unwrap();
    assert_eq!(world.chain.calls().len(), 3, "not before the dispute window ends");
    driver.run_due(dispute_deadline_ms).await.unwrap();
    assert_eq!(world.chain.calls()[3], ["report::settle"]);
    let settle = &world.chain.double.submitted()[3].calls[0];
    assert_eq!(settle.arguments[0], CallArg::Object(REPORT));
    assert_eq!(settle.arguments[4], CallArg::Object(TREASURY));
    assert_eq!(
        (settle.arguments[5].clone(), settle.arguments[6].clone()),
        (CallArg::Object(KEEPER), CallArg::Object(PROVIDER))
    );
    assert!(driver.queue().is_empty(), "nothing left to do");

    // 5. Settled on chain: the window's journal is pruned.
    let settled =
        ReportSettled { report_id: id(REPORT), provider_payout: 1, keeper_reward: 0, treasury_fee: 0 };
    world.chain.event("report", "ReportSettled", bcs::to_bytes(&settled).unwrap());
    assert!(summary.journal.exists());
    world.chain.pump(&mut driver, &mut client).await;
    assert!(!summary.journal.exists());
    driver.run_due(dispute_deadline_ms + 1).await.unwrap();
    assert_eq!(world.chain.calls().len(), 4, "every duty was done once");
}

/// Copies the keeper's state files, as a snapshot to fall back to.
fn snapshot(state: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    std::fs::read_dir(state)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// A keeper killed after sending a report but before recording it: on restart its queue still
/// holds the report, and the fill's record on chain stops a second one.
#[tokio::test(flavor = "multi_thread")]
async fn killed_after_sending_a_report_and_before_recording_it_the_keeper_reports_once() {
    let mut world = world().await;
    let (mut driver, _, summary) = world.window_to_report().await;
    let before = snapshot(&world.dir.path().join("state"));
    driver.run_due(world.now).await.unwrap();
    assert_eq!(world.reports_sent(), 1);
    world.serve_our_fill(summary.end_ms);
    // Killed: whatever the run recorded after sending is lost.
    drop(driver);
    for (path, bytes) in before {
        std::fs::write(path, bytes).unwrap();
    }
    let mut restarted = world.driver().await;
    assert!(
        restarted.queue().duties().any(|d| matches!(d, Duty::Report { .. })),
        "the report is still queued"
    );
    let pass = restarted.run_due(world.now).await.unwrap();
    assert!(
        matches!(pass.done[..], [(Duty::Report { .. }, aihash_keeper::duties::Done::AlreadyDone(_))]),
        "{pass:?}"
    );
    assert_eq!(world.reports_sent(), 1, "reported once");
    assert!(restarted.queue().is_empty());
}

/// A challenge opened while the keeper was down is answered after it restarts, before the
/// deadline: it reads the chain from where it stopped.
#[tokio::test(flavor = "multi_thread")]
async fn a_challenge_opened_while_the_keeper_was_down_is_answered_after_the_restart() {
    let mut world = world().await;
    let (mut driver, mut client, summary) = world.window_to_report().await;
    driver.run_due(world.now).await.unwrap();
    let dispute_deadline_ms = world.report_lands(&summary);
    world.chain.pump(&mut driver, &mut client).await;
    drop(driver);
    // Down: the buyer challenges.
    world.challenge(&[1, 0], dispute_deadline_ms, world.now + 6 * 3_600_000);
    let mut restarted = world.driver().await;
    world.chain.pump(&mut restarted, &mut client).await;
    restarted.run_due(world.now + 3_600_000).await.unwrap();
    let last = world.chain.double.submitted().pop().unwrap();
    assert_eq!(last.calls.len(), 2, "both samples answered");
    for (call, index) in last.calls.iter().zip([1u64, 0]) {
        assert_eq!(call.function, "answer");
        assert_eq!(call.arguments[7], pure(&journal::answer(&summary.journal, index).unwrap().header));
    }
}

/// The node is unreachable when a window closes: the report waits in the queue, the pass says
/// why, and the report goes out once when the node is back.
#[tokio::test(flavor = "multi_thread")]
async fn a_report_due_while_the_node_is_unreachable_is_sent_once_when_it_is_back() {
    let mut world = world().await;
    let (mut driver, _, summary) = world.window_to_report().await;
    let live = std::mem::replace(
        &mut driver.sender.client,
        ChainClient::new("http://127.0.0.1:1").unwrap().with_retry(aihash_sdk::chain::RetryPolicy {
            timeout: std::time::Duration::from_millis(200),
            attempts: 1,
            first_backoff: std::time::Duration::from_millis(10),
        }),
    );
    for _ in 0..3 {
        let pass = driver.run_due(world.now).await.unwrap();
        assert!(pass.node_unreachable && pass.done.is_empty(), "{pass:?}");
    }
    assert_eq!(world.reports_sent(), 0);
    driver.sender.client = live;
    driver.run_due(world.now).await.unwrap();
    world.serve_our_fill(summary.end_ms);
    driver.run_due(world.now + 60_000).await.unwrap();
    assert_eq!(world.reports_sent(), 1, "late, but once");
    assert!(driver.queue().is_empty());
}

/// The keeper works only for the chain its package was deployed on: a node of another chain is
/// refused at start, naming both chain ids.
#[tokio::test(flavor = "multi_thread")]
async fn a_node_of_another_chain_is_refused() {
    let mut world = world().await;
    world.deployment.chain_id = "testnet-genesis".into();
    let message = world.refusal().await;
    assert!(message.contains("testnet-genesis") && message.contains("localnet-genesis"), "{message}");
}

/// A keeper restarted while the node is down starts from what its last start read (its rigs'
/// shares must not wait for the chain) and keeps its fills; a keeper that never reached the node
/// cannot start.
#[tokio::test(flavor = "multi_thread")]
async fn a_keeper_restarted_during_a_node_outage_starts_from_its_state() {
    let mut world = world().await;
    let (driver, _) = world.holding_our_fill().await;
    let fills = driver.fills();
    assert_eq!(fills.len(), 1);
    drop(driver);

    let dead =
        format!("http://{}", std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap());
    let offline = |state: std::path::PathBuf| {
        let sender = Sender::new(ChainClient::new(&dead).unwrap(), world.key.clone());
        let metrics = DutyMetrics::new(&prometheus::Registry::new());
        let (config, deployment) = (world.config.clone(), world.deployment.clone());
        async move { Driver::open(config, sender, deployment, &state, metrics).await }
    };
    let restarted = offline(world.dir.path().join("state")).await.expect("started without the node");
    assert_eq!(restarted.fills(), fills);
    let never = offline(world.dir.path().join("fresh")).await.err().expect("nothing to start from");
    assert!(never.to_string().contains(&dead), "{never}");
}

/// A keeper the market would refuse every fill and report of does not start: each problem is
/// named with what fixes it.
#[tokio::test(flavor = "multi_thread")]
async fn a_keeper_the_market_would_refuse_does_not_start() {
    let world = world().await;
    let stranger = Address::new([0x5e; 32]);
    world.chain.double.add_shared_object(
        KEEPER,
        "0xa1::identity::Identity",
        KEEPER.into_inner()[0] as u64,
        common::identity_bytes(KEEPER, stranger),
    );
    let message = world.refusal().await;
    assert!(message.contains(&format!("keeper identity {KEEPER}")), "{message}");
    assert!(message.contains(&stranger.to_string()) && message.contains("chain.sender"), "{message}");
}

/// A fill on an order whose escrow ran out (paused until a top-up) is released, so its
/// provider's hashrate is free for other orders.
#[tokio::test(flavor = "multi_thread")]
async fn a_fill_on_a_paused_order_is_released() {
    let mut world = world().await;
    let (mut driver, mut client) = world.holding_our_fill().await;
    assert_eq!(driver.plan_fills(world.now, &HashMap::new()).unwrap().queued, 0);

    let mut order: Order<SUI> = golden("order_object");
    order.state = aihash_sdk::bindings::order::State::Exhausted;
    world.chain.double.add_shared_object(
        world.order_id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        bcs::to_bytes(&order).unwrap(),
    );
    let mut exhausted = aihash_sdk::golden::bytes("order_exhausted").unwrap().to_vec();
    exhausted[..32].copy_from_slice(&world.order_id.into_inner());
    world.chain.event("order", "OrderExhausted", exhausted);
    world.chain.pump(&mut driver, &mut client).await;
    assert!(!driver.fills()[0].order_active);
    assert_eq!(driver.plan_fills(world.now, &HashMap::new()).unwrap().queued, 1);
    assert!(driver
        .queue()
        .duties()
        .any(|d| matches!(d, Duty::Release { target, paused: true } if target.fill == 1)));
    driver.run_due(world.now).await.unwrap();
    assert_eq!(world.chain.calls(), [["order::release_fill"]]);
}

/// A window longer than the market takes would make every report fail: refused at start.
#[tokio::test(flavor = "multi_thread")]
async fn a_window_longer_than_the_market_takes_is_refused() {
    let mut world = world().await;
    world.config.window_ms = 2 * 86_400_000;
    let message = world.refusal().await;
    assert!(message.contains("172800000 ms") && message.contains("86400000 ms"), "{message}");
}
