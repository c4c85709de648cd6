//! The keeper binary on chain (`aihash-keeper run --config keeper.toml`) as an operator runs it:
//! a configuration, a deployments file and a Sui keystore in a temporary directory, the node
//! double served on loopback holding an order with a fill of this keeper, the order's pool (a
//! test pool) and a CPU miner of the fill's provider. Real 3-second windows of the fill are
//! journaled, closed and reported, and the process meets the faults of issue 8:
//!
//! - SIGKILLed while the node holds back its answer to a report (the report went through, the
//!   keeper never heard so): after the restart that window is not reported again;
//! - the node goes away while a window closes and comes back: the window is reported late, once;
//! - a challenge opened while the keeper is down: answered from the journal after the restart,
//!   before its deadline.
//!
//! The double runs no Move, so the test plays the market's part: each `report::submit` it
//! records moves the fill's `reported_until_ms` to the end of the window reported.

mod common;

use common::pure;

use aihash_keeper::duties::queue::{Duty, DutyQueue};
use aihash_keeper::journal::{self, WindowSummary};
use aihash_keeper::testpool::TestPool;
use aihash_node_double::{CallArg, NodeDouble, Serving};
use aihash_sdk::bindings::report::ReportState;
use aihash_sdk::network::Deployments;
use common::{report_bytes, start_miner, until, ServedOrder, PACKAGE};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use sui_sdk_types::Address;

const KEEPER: Address = Address::new([0x41; 32]);
const PROVIDER: Address = Address::new([0x42; 32]);
const TREASURY: Address = Address::new([0x43; 32]);
const REPORT: Address = Address::new([0x60; 32]);
/// The test pool's difficulty and the fill's D (32.32): every share the pool takes counts.
const DIFFICULTY: u128 = 1 << 12;
/// The fill's hashrate, all the provider has: the keeper has nothing more to fill.
const HASHRATE: u64 = 1_000_000_000_000;
/// Generous: the tests share two cores with builds and other tests.
const PATIENCE: Duration = Duration::from_secs(60);

/// The market on the node double, the order's pool, and the keeper's files.
struct Setup {
    dir: tempfile::TempDir,
    double: NodeDouble,
    node: Option<Serving>,
    order: ServedOrder,
    _pool: TestPool,
    /// Where the keeper listens for rigs.
    rigs: SocketAddr,
    /// Where it serves metrics.
    metrics: u16,
    /// Keeper processes started so far (each logs to its own file).
    started: usize,
}

impl Setup {
    async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (double, key) = common::node_with_funded_key();
        common::serve_market(&double, TREASURY, &[KEEPER, PROVIDER]);
        let pool =
            common::test_pool(aihash_keeper::difficulty::ShareDifficulty::from_fixed(DIFFICULTY).unwrap())
                .await;
        let order =
            common::serve_order(&double, 1, pool.addr(), 1_000, (KEEPER, PROVIDER), HASHRATE, DIFFICULTY);
        let node = double.serve_at("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let url = format!("http://{}", node.addr());

        // The deployment as `aihash publish` records it, on the double's chain.
        let mut deployments = Deployments::default();
        let deployment = aihash_sdk::tx::Deployment { chain_id: double.chain_id(), ..common::deployment() };
        deployments.networks.insert(url.clone(), deployment);
        deployments.save(&dir.path().join("deployments.json")).unwrap();
        let keystore = dir.path().join("sui.keystore");
        std::fs::write(&keystore, serde_json::to_string(&[key.keypair().to_base64()]).unwrap()).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&keystore, std::fs::Permissions::from_mode(0o600)).unwrap();
        let config = format!(
            "[chain]\nnetwork = \"{url}\"\nidentity = \"{KEEPER}\"\ndeployments = \"{}\"\nkeystore = \"{}\"\n\
             window_seconds = 3\n\n[[providers]]\nname = \"prov\"\nidentity = \"{PROVIDER}\"\nhashrate = \"1 TH/s\"\n",
            dir.path().join("deployments.json").display(),
            keystore.display(),
        );
        std::fs::write(dir.path().join("keeper.toml"), config).unwrap();

        let rigs = SocketAddr::from(([127, 0, 0, 1], common::free_port()));
        let setup = Self {
            dir,
            double,
            node: Some(node),
            order,
            _pool: pool,
            rigs,
            metrics: common::free_port(),
            started: 0,
        };
        setup.play_the_market();
        setup
    }

    /// Starts `aihash-keeper run` on the setup's files (state and journal kept across restarts).
    fn keeper(&mut self) -> Keeper {
        self.started += 1;
        let path = |name: &str| self.dir.path().join(name).to_str().unwrap().to_owned();
        let log = self.dir.path().join(format!("keeper-{}.log", self.started));
        let child = Command::new(env!("CARGO_BIN_EXE_aihash-keeper"))
            .args(["run", "--config", &path("keeper.toml"), "--state-dir", &path("state")])
            .args(["--journal-dir", &path("journal"), "--listen", &self.rigs.to_string()])
            .args(["--metrics", &format!("127.0.0.1:{}", self.metrics)])
            .args(["--window-grace-seconds", "1", "--seconds-per-share", "1"])
            .args(["--plan-seconds", "3600", "--allocate-seconds", "1"])
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("the keeper starts");
        Keeper { child, log }
    }

    /// The market's part: a background task that moves the fill's record to the end of the
    /// latest window reported, as each `report::submit` on chain does.
    fn play_the_market(&self) {
        let (double, order) = (self.double.clone(), self.order.clone());
        tokio::spawn(async move {
            loop {
                take_reports(&double, &order);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
    }

    /// The windows (start, end ms) of every `report::submit` of the order the node has taken.
    fn reports(&self) -> Vec<(u64, u64)> {
        reports(&self.double, &self.order)
    }

    /// How many times the window starting at `start_ms` was reported.
    fn reported(&self, start_ms: u64) -> usize {
        self.reports().iter().filter(|(start, _)| *start == start_ms).count()
    }

    /// The keeper's duty queue as its file holds it now.
    fn queue(&self) -> Vec<Duty> {
        DutyQueue::open(&self.dir.path().join("state/duties.json")).unwrap().duties().cloned().collect()
    }

    /// The windows (start ms) whose reports wait in the keeper's queue.
    fn queued_reports(&self) -> Vec<u64> {
        self.queue()
            .iter()
            .filter_map(|duty| match duty {
                Duty::Report { summary, .. } => Some(journal::summary(summary).unwrap().start_ms),
                _ => None,
            })
            .collect()
    }

    /// Starts of the windows the journal has summarised with counted shares.
    fn summarised_with_shares(&self) -> Vec<u64> {
        journal::closed_windows(&self.dir.path().join("journal"))
            .unwrap()
            .into_iter()
            .filter(|w| w.shares > 0)
            .map(|w| w.start_ms)
            .collect()
    }

    /// The journal's summary of the window starting at `start_ms`.
    fn summary(&self, start_ms: u64) -> WindowSummary {
        let journal = find(&self.dir.path().join("journal"), &format!("{start_ms}.journal"))
            .expect("the window's journal");
        journal::summary(&journal).unwrap()
    }
}

/// The windows (start, end ms) of every `report::submit` of `order` the node has taken.
fn reports(double: &NodeDouble, order: &ServedOrder) -> Vec<(u64, u64)> {
    let ms = |argument: &CallArg| match argument {
        CallArg::Pure(bytes) => bcs::from_bytes::<u64>(bytes).unwrap(),
        other => panic!("a window bound is a pure u64, not {other:?}"),
    };
    double
        .submitted()
        .iter()
        .flat_map(|tx| tx.calls.clone())
        .filter(|call| {
            (call.module.as_str(), call.function.as_str()) == ("report", "submit")
                && call.arguments[0] == CallArg::Object(order.id)
        })
        .map(|call| (ms(&call.arguments[4]), ms(&call.arguments[5])))
        .collect()
}

/// The fill's record on chain moves to the end of the latest window reported.
fn take_reports(double: &NodeDouble, order: &ServedOrder) {
    if let Some(until_ms) = reports(double, order).iter().map(|(_, end)| *end).max() {
        order.fill_reported_until(double, until_ms);
    }
}

fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(found) = find(&path, name) {
                return Some(found);
            }
        } else if path.file_name().is_some_and(|n| n == name) {
            return Some(path);
        }
    }
    None
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64
}

/// A running keeper process, SIGKILLed when dropped (so a failing test leaves none behind); its
/// log is printed if the test fails.
struct Keeper {
    child: Child,
    log: PathBuf,
}

impl Keeper {
    /// SIGKILL: no chance to sync, save or say goodbye.
    fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(60).collect();
            eprintln!("--- {} (last lines) ---", self.log.display());
            for line in tail.iter().rev() {
                eprintln!("{line}");
            }
        }
    }
}

/// Killed after its report went through but before it heard so (the node holds back the answer
/// to the execution), the keeper restarts with the report still queued: the fill's record on
/// chain shows the window reported, so it is not sent again.
#[tokio::test(flavor = "multi_thread")]
async fn killed_before_hearing_its_report_went_through_the_keeper_does_not_report_the_window_again() {
    let mut setup = Setup::new().await;
    setup.double.hold_execution_answers();
    let mut keeper = setup.keeper();
    let _rig = start_miner(setup.rigs, "prov.rig1");
    until("a report taken by the node", PATIENCE, || !setup.reports().is_empty()).await;
    let (start, end) = setup.reports()[0];
    take_reports(&setup.double, &setup.order);
    assert!(
        setup.queued_reports().contains(&start),
        "the keeper has not recorded the report of window {start} as done: {:?}",
        setup.queue()
    );
    // Windows closing while the driver waits for the node are summarised but may not be queued
    // for their reports yet when the keeper dies.
    let mut closed_meanwhile = vec![];
    until("a later window with shares summarised", PATIENCE, || {
        closed_meanwhile = setup.summarised_with_shares().into_iter().filter(|s| *s > start).collect();
        !closed_meanwhile.is_empty()
    })
    .await;
    keeper.kill();

    setup.double.release_execution_answers();
    let _keeper = setup.keeper();
    // The restarted keeper's queue starts with the held report; a later window reported means
    // the queue got past it.
    until("a later window reported and the held report off the queue", PATIENCE, || {
        setup.reports().iter().any(|(s, _)| *s >= end) && !setup.queued_reports().contains(&start)
    })
    .await;
    assert_eq!(setup.reported(start), 1, "window {start} reported once: {:?}", setup.reports());
    // And every window summarised before the kill is reported after the restart, once.
    until("the windows closed while the node held its answer reported", PATIENCE, || {
        closed_meanwhile.iter().all(|s| setup.reported(*s) > 0)
    })
    .await;
    for window in closed_meanwhile {
        assert_eq!(setup.reported(window), 1, "window {window} reported once: {:?}", setup.reports());
    }
}

/// The node goes away while a window closes: the keeper keeps journaling, sees the node down
/// (`aihash_keeper_chain_node_up 0`), keeps the report queued, and sends it once when the node
/// is back on the same address.
#[tokio::test(flavor = "multi_thread")]
async fn a_window_closed_while_the_node_is_away_is_reported_once_when_it_is_back() {
    let mut setup = Setup::new().await;
    let _keeper = setup.keeper();
    let _rig = start_miner(setup.rigs, "prov.rig1");
    until("a first report", PATIENCE, || !setup.reports().is_empty()).await;

    let node = setup.node.take().unwrap();
    let addr = node.addr();
    node.stop().await;
    let cut_ms = now_ms();
    let mut away = None;
    until("a window closed during the outage, its report queued", PATIENCE, || {
        away = setup.queued_reports().into_iter().find(|start| start + 3_000 > cut_ms);
        away.is_some()
    })
    .await;
    let away = away.unwrap();
    common::until_metric(setup.metrics, "aihash_keeper_chain_node_up 0").await;
    assert_eq!(setup.reported(away), 0);

    let node = loop {
        match setup.double.serve_at(addr).await {
            Ok(node) => break node,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    setup.node = Some(node);
    until("the window reported, a later one too", PATIENCE, || {
        setup.reported(away) > 0 && setup.reports().iter().any(|(s, _)| *s > away)
    })
    .await;
    assert_eq!(setup.reported(away), 1, "window {away} reported once: {:?}", setup.reports());
    assert!(!setup.queued_reports().contains(&away));
}

/// A challenge opened while the keeper is down is answered after the restart, before its
/// deadline: one `report::answer` per sample, each with the journal's answer for its leaf.
#[tokio::test(flavor = "multi_thread")]
async fn a_challenge_opened_while_the_keeper_is_down_is_answered_after_the_restart() {
    let mut setup = Setup::new().await;
    let mut keeper = setup.keeper();
    let _rig = start_miner(setup.rigs, "prov.rig1");
    until("a first report", PATIENCE, || !setup.reports().is_empty()).await;
    let (start, end) = setup.reports()[0];

    // The chain takes the report: its object and its event; the keeper queues its settlement.
    let dispute_deadline_ms = now_ms() + 86_400_000;
    let report_type = "0xa1::report::Report";
    let pending = report_bytes(ReportState::Pending, &[], dispute_deadline_ms, 0);
    setup.double.add_shared_object(REPORT, report_type, 0x60, pending);
    let submitted = common::report_submitted_bytes(
        REPORT,
        (setup.order.id, 0),
        (KEEPER, PROVIDER),
        (start, end),
        dispute_deadline_ms,
    );
    setup.double.add_checkpoint_with_events(
        "tx-report",
        PACKAGE,
        &[("report", "ReportSubmitted", submitted)],
    );
    until("the report's settlement queued", PATIENCE, || {
        setup
            .queue()
            .iter()
            .any(|d| matches!(d, Duty::Settle { settlement, .. } if settlement.report.id == REPORT))
    })
    .await;
    keeper.kill();

    // Down: the buyer challenges the window's last leaf and its first.
    let summary = setup.summary(start);
    let samples = [summary.shares - 1, 0];
    let deadline_ms = now_ms() + 10 * 60_000;
    let unanswered: Vec<(u64, bool)> = samples.iter().map(|i| (*i, false)).collect();
    let challenged = report_bytes(ReportState::Challenged, &unanswered, dispute_deadline_ms, deadline_ms);
    setup.double.add_shared_object(REPORT, report_type, 0x60, challenged);
    let opened = common::challenge_opened_bytes(REPORT, &samples, deadline_ms);
    setup.double.add_checkpoint_with_events(
        "tx-challenge",
        PACKAGE,
        &[("report", "ChallengeOpened", opened)],
    );

    let _keeper = setup.keeper();
    let answering = |double: &NodeDouble| {
        double.submitted().into_iter().find(|tx| tx.calls.iter().any(|c| c.function == "answer"))
    };
    until("the answers", PATIENCE, || answering(&setup.double).is_some()).await;
    assert!(now_ms() < deadline_ms, "answered before the deadline");
    let answers = answering(&setup.double).unwrap().calls;
    assert_eq!(answers.len(), samples.len(), "one call per sample: {answers:?}");
    for (position, (call, index)) in answers.iter().zip(samples).enumerate() {
        assert_eq!((call.module.as_str(), call.function.as_str()), ("report", "answer"));
        assert_eq!(call.arguments[0], CallArg::Object(REPORT));
        let answer = journal::answer(&summary.journal, index).unwrap();
        assert_eq!(call.arguments[6], pure(&(position as u64)), "the sample's position in the challenge");
        assert_eq!(call.arguments[7], pure(&answer.header));
        assert_eq!(call.arguments[8], pure(&answer.proof));
        assert_eq!(call.arguments[11], pure(&answer.coinbase));
        assert_eq!(call.arguments[12], pure(&answer.branch));
    }
}
