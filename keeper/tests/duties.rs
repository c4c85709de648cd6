//! The keeper's chain duties against the node double (which checks every call against the Move
//! signatures and records it): a closed window reported once, a challenge answered from the
//! journal, a report settled when due.

mod common;

use common::pure;

use aihash_keeper::duties::answer::{answer_challenge, answers};
use aihash_keeper::duties::report::{report_window, FillRef};
use aihash_keeper::duties::settle::{settle_report, Settlement};
use aihash_keeper::duties::Done;
use aihash_keeper::journal::{self, WindowSummary};
use aihash_keeper::upstream::Verdict;
use aihash_node_double::{CallArg, NodeDouble};
use aihash_sdk::bindings::order::Order;
use aihash_sdk::bindings::report::{Report, ReportState};
use aihash_sdk::chain::ChainClient;
use aihash_sdk::keystore::Key;
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, Shared};
use common::{
    at, deployment, fill_bytes, fill_bytes_scheduled, journal, record, report_bytes, share, window_d, PACKAGE,
};
use moverox_sui::sui::sui::SUI;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_sdk_types::{Address, StructTag};

fn shared(n: u8) -> Shared {
    Shared { id: Address::new([n; 32]), initial_shared_version: n as u64 }
}

fn sui() -> StructTag {
    "0x2::sui::SUI".parse().unwrap()
}

/// A node double checking the package's calls, and a funded keeper key talking to it.
async fn node() -> (NodeDouble, Sender) {
    let (double, key) = common::node_with_funded_key();
    let addr = double.spawn().await;
    let client = ChainClient::new(&format!("http://{addr}")).unwrap();
    (double, Sender::new(client, key))
}

/// A closed window of 40 mined shares, its summary.
fn window(dir: &std::path::Path) -> WindowSummary {
    let mut journal = journal(dir);
    for n in 0..40 {
        record(&mut journal, share(n, Verdict::Accepted, 1_000 + n as u64));
    }
    journal.close_due(at(3_600_000)).unwrap().remove(0)
}

/// The golden order served at its id, with fill 0 reported until `reported_until_ms`.
fn serve_order(double: &NodeDouble, reported_until_ms: u64) -> Shared {
    let fill = fill_bytes(
        Address::new([0x41; 32]),
        Address::new([0x42; 32]),
        100_000_000_000,
        256,
        1_000,
        reported_until_ms,
    );
    serve_order_with_fill(double, fill)
}

/// The golden order served at its id, with `fill` (its BCS) as fill 0.
fn serve_order_with_fill(double: &NodeDouble, fill: Vec<u8>) -> Shared {
    let order: Order<SUI> = bcs::from_bytes(aihash_sdk::golden::bytes("order_object").unwrap()).unwrap();
    let id = Address::new(order.id.id.bytes.into_inner());
    double.add_shared_object(
        id,
        "0xa1::order::Order<0x2::sui::SUI>",
        7,
        aihash_sdk::golden::bytes("order_object").unwrap().to_vec(),
    );
    let table = Address::new(order.fills.id.id.bytes.into_inner());
    double.add_dynamic_field(
        table,
        Address::new([0x50; 32]),
        bcs::to_bytes(&0u64).unwrap(),
        "0xa1::order::Fill",
        fill,
    );
    Shared { id, initial_shared_version: 7 }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_window_is_reported_once_with_its_counters_and_root() {
    let dir = tempfile::tempdir().unwrap();
    let summary = window(dir.path());
    let (double, mut sender) = node().await;
    let order = serve_order(&double, 0);
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let target = FillRef { order, coin_type: sui(), fill: 0, keeper: shared(0x41) };
    let done = report_window(&mut sender, &calls, &target, &summary).await.unwrap();
    assert!(matches!(done, Done::Sent { .. }), "{done:?}");
    let submitted = double.submitted();
    assert_eq!(submitted.len(), 1);
    let calls_made = &submitted[0].calls;
    assert_eq!(
        calls_made.iter().map(|c| format!("{}::{}", c.module, c.function)).collect::<Vec<_>>(),
        ["report::new_counters", "report::submit"]
    );
    let counters = &calls_made[0].arguments;
    assert_eq!(counters[0], pure(&summary.submitted));
    assert_eq!(counters[2], pure(&summary.pool_accepted));
    let submit = &calls_made[1].arguments;
    assert_eq!(submit[0], CallArg::Object(order.id));
    assert_eq!(submit[2], CallArg::Object(Address::new([0x41; 32])));
    assert_eq!(submit[3], pure(&0u64));
    assert_eq!((submit[4].clone(), submit[5].clone()), (pure(&summary.start_ms), pure(&summary.end_ms)));
    assert_eq!(submit[6], pure(&summary.shares));
    assert_eq!(submit[7], pure(&window_d().fixed()));
    assert_eq!(submit[10], pure(&hex::decode(&summary.root).unwrap()));
    assert_eq!(submitted[0].sender, sender.address());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_window_the_fill_already_covers_is_not_reported_again() {
    let dir = tempfile::tempdir().unwrap();
    let summary = window(dir.path());
    let (double, mut sender) = node().await;
    let order = serve_order(&double, summary.end_ms);
    let deployment = deployment();
    let target = FillRef { order, coin_type: sui(), fill: 0, keeper: shared(0x41) };
    let done =
        report_window(&mut sender, &Calls { deployment: &deployment }, &target, &summary).await.unwrap();
    assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("reported until")), "{done:?}");
    assert!(double.submitted().is_empty() && double.simulated().is_empty());
}

/// A fill released within a window ends the window there (the chain takes no window past a
/// fill's end): the report covers the window up to the release, with the journal's summary of
/// that part; a window wholly after the fill's end is abandoned; a window of no counted shares is
/// reported only for its dead time.
#[tokio::test(flavor = "multi_thread")]
async fn a_window_ends_with_its_fill() {
    let dir = tempfile::tempdir().unwrap();
    let summary = window(dir.path());
    let (double, mut sender) = node().await;
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let released_at = |released_ms: u64| {
        let bytes = fill_bytes(
            Address::new([0x41; 32]),
            Address::new([0x42; 32]),
            100_000_000_000,
            256,
            1_000,
            1_000,
        );
        let mut fill: aihash_sdk::bindings::order::Fill = bcs::from_bytes(&bytes).unwrap();
        fill.released_ms = released_ms;
        bcs::to_bytes(&fill).unwrap()
    };
    let target = |order| FillRef { order, coin_type: sui(), fill: 0, keeper: shared(0x41) };
    let released_ms = summary.start_ms + 1_800_000;
    let order = serve_order_with_fill(&double, released_at(released_ms));
    let done = report_window(&mut sender, &calls, &target(order), &summary).await.unwrap();
    assert!(matches!(done, Done::Sent { .. }), "{done:?}");
    let ended = journal::summary(&summary.journal).unwrap();
    assert_eq!((ended.start_ms, ended.end_ms), (summary.start_ms, released_ms));
    let submit = &double.submitted()[0].calls[1];
    assert_eq!(
        (submit.arguments[4].clone(), submit.arguments[5].clone()),
        (pure(&summary.start_ms), pure(&released_ms))
    );
    assert_eq!(submit.arguments[6], pure(&ended.shares));
    assert_eq!(submit.arguments[10], pure(&hex::decode(&ended.root).unwrap()));

    // Released before the window began: nothing of it can be reported.
    let order = serve_order_with_fill(&double, released_at(summary.start_ms));
    let done = report_window(&mut sender, &calls, &target(order), &summary).await.unwrap();
    assert!(matches!(&done, Done::Abandoned(why) if why.contains("after the fill's end")), "{done:?}");
    assert_eq!(double.submitted().len(), 1);

    // No counted shares: reported for its dead time only.
    let order = serve_order(&double, 0);
    let idle = WindowSummary { shares: 0, root: hex::encode([0u8; 32]), ..summary.clone() };
    let done =
        report_window(&mut sender, &calls, &target(order), &WindowSummary { dead_ms: 0, ..idle.clone() })
            .await
            .unwrap();
    assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("nothing to report")), "{done:?}");
    let moment = WindowSummary { dead_ms: 1_000, ..idle.clone() };
    let done = report_window(&mut sender, &calls, &target(order), &moment).await.unwrap();
    assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("little dead time")), "{done:?}");
    let dead = WindowSummary { dead_ms: 600_000, ..idle };
    let done = report_window(&mut sender, &calls, &target(order), &dead).await.unwrap();
    assert!(matches!(done, Done::Sent { .. }), "{done:?}");
    let submit = &double.submitted()[1].calls[1];
    assert_eq!((submit.arguments[6].clone(), submit.arguments[9].clone()), (pure(&0u64), pure(&600_000u64)));
}

/// The golden report, challenged on `samples` of which those marked are answered already,
/// answerable until 10 s.
fn challenged_report(samples: &[(u64, bool)], state: ReportState, dispute_deadline_ms: u64) -> Vec<u8> {
    report_bytes(state, samples, dispute_deadline_ms, 10_000)
}

/// `answer_challenge` for `report` (order 0x40, keeper 0x41) at `now_ms`.
async fn answer_at(sender: &mut Sender, report: Shared, journal: &std::path::Path, now_ms: u64) -> Done {
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    answer_challenge(sender, &calls, &sui(), report, shared(0x40), shared(0x41), journal, now_ms)
        .await
        .unwrap()
}

/// Each unanswered leaf is answered once, at the first position that drew it (leaves are drawn
/// with replacement; the chain marks every position of a leaf answered by one call, and a second
/// call for it would abort the transaction).
#[tokio::test(flavor = "multi_thread")]
async fn a_challenge_is_answered_from_the_journal_once_per_unanswered_leaf() {
    let dir = tempfile::tempdir().unwrap();
    let summary = window(dir.path());
    assert!(summary.shares >= 3, "{}", summary.shares);
    let (double, mut sender) = node().await;
    let report = shared(0x60);
    // Positions: 0 draws leaf 2, 1 leaf 2 again, 2 leaf 1 (answered), 3 leaf 0.
    let samples = [(2, false), (2, false), (1, true), (0, false)];
    double.add_shared_object(
        report.id,
        "0xa1::report::Report",
        96,
        challenged_report(&samples, ReportState::Challenged, 0),
    );
    let done = answer_at(&mut sender, report, &summary.journal, 10_000).await;
    assert!(matches!(done, Done::Sent { .. }), "{done:?}");
    let recorded = &double.submitted()[0].calls;
    assert_eq!(recorded.len(), 2, "leaves 2 and 0, once each; leaf 1 was answered");
    for (call, (position, index)) in recorded.iter().zip([(0u64, 2u64), (3, 0)]) {
        assert_eq!((call.module.as_str(), call.function.as_str()), ("report", "answer"));
        let answer = journal::answer(&summary.journal, index).unwrap();
        assert_eq!(call.arguments[6], pure(&position), "the position in the challenge's samples");
        assert_eq!(call.arguments[7], pure(&answer.header));
        assert_eq!(call.arguments[8], pure(&answer.proof));
        assert_eq!(call.arguments[11], pure(&answer.coinbase));
        assert_eq!(call.arguments[12], pure(&answer.branch));
    }
    // Past the deadline nothing can be answered: abandoned, not retried for ever.
    let done = answer_at(&mut sender, report, &summary.journal, 10_001).await;
    assert!(matches!(&done, Done::Abandoned(why) if why.contains("closed at 10000 ms")), "{done:?}");
    // A report voided (or answered) meanwhile: nothing to do, whatever the journal holds.
    double.add_shared_object(
        report.id,
        "0xa1::report::Report",
        96,
        challenged_report(&samples, ReportState::Voided, 0),
    );
    let done = answer_at(&mut sender, report, &summary.journal, 10_000).await;
    assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("not challenged")), "{done:?}");
    assert_eq!(double.submitted().len(), 1);
    // Nothing left to answer: nothing sent.
    let report_object: Report =
        bcs::from_bytes(&challenged_report(&[(0, true)], ReportState::Challenged, 0)).unwrap();
    assert!(answers(&report_object, &summary.journal).unwrap().is_empty());
    // A sample past the window's shares cannot be answered: named.
    let beyond: Report =
        bcs::from_bytes(&challenged_report(&[(summary.shares, false)], ReportState::Challenged, 0)).unwrap();
    let error = answers(&beyond, &summary.journal).unwrap_err();
    assert!(error.to_string().contains("past the window's"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_is_settled_only_when_due() {
    let (double, mut sender) = node().await;
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let settlement = |report: Shared, provider: Shared| Settlement {
        coin_type: sui(),
        report,
        order: shared(0x40),
        treasury: shared(0x43),
        keeper: shared(0x41),
        provider,
    };
    let due = shared(0x61);
    double.add_shared_object(
        due.id,
        "0xa1::report::Report",
        97,
        challenged_report(&[], ReportState::Pending, 1_000),
    );
    let early = shared(0x62);
    double.add_shared_object(
        early.id,
        "0xa1::report::Report",
        98,
        challenged_report(&[], ReportState::Pending, 5_000),
    );
    let settled = shared(0x63);
    double.add_shared_object(
        settled.id,
        "0xa1::report::Report",
        99,
        challenged_report(&[], ReportState::Settled, 1_000),
    );

    let done = settle_report(&mut sender, &calls, &settlement(early, shared(0x42)), 2_000).await.unwrap();
    assert!(
        matches!(&done, Done::Later { why, retry_at_ms: 5_000 } if why.contains("disputed until 5000")),
        "{done:?}"
    );
    let done = settle_report(&mut sender, &calls, &settlement(settled, shared(0x42)), 2_000).await.unwrap();
    assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("Settled")), "{done:?}");
    assert!(double.submitted().is_empty());

    settle_report(&mut sender, &calls, &settlement(due, shared(0x42)), 2_000).await.unwrap();
    settle_report(&mut sender, &calls, &settlement(due, shared(0x41)), 2_000).await.unwrap();
    let submitted = double.submitted();
    assert_eq!(
        (submitted[0].calls[0].function.as_str(), submitted[1].calls[0].function.as_str()),
        ("settle", "settle_own")
    );
    assert_eq!(submitted[0].calls[0].arguments[4], CallArg::Object(shared(0x43).id));
    assert_eq!(submitted[0].calls[0].arguments[6], CallArg::Object(shared(0x42).id));
}

mod queue {
    use super::*;
    use aihash_keeper::duties::queue::{Duty, DutyQueue};
    use aihash_sdk::chain::RetryPolicy;
    use std::time::Duration;

    fn report_duty(order: Shared, summary: &WindowSummary) -> Duty {
        Duty::Report {
            target: FillRef { order, coin_type: sui(), fill: 0, keeper: shared(0x41) },
            summary: summary.journal.clone(),
        }
    }

    /// The chain takes a fill's windows in order (once a later one is on it, an earlier one can
    /// never be): a later window waits while an earlier one of the same fill is still queued,
    /// and they go out earliest first.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_fills_windows_are_reported_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = journal(dir.path());
        let later_job = std::sync::Arc::new(aihash_keeper::job::Job {
            time: common::job().time + 3_600,
            ..(*common::job()).clone()
        });
        for n in 0..20 {
            record(&mut journal, share(n, Verdict::Accepted, 1_000 + n as u64));
            record(
                &mut journal,
                common::share_on(later_job.clone(), n, Verdict::Accepted, 3_700_000 + n as u64),
            );
        }
        let mut closed = journal.close_due(at(3 * 3_600_000)).unwrap();
        closed.sort_by_key(|w| w.start_ms);
        let [first, second] = &closed[..] else { panic!("two windows: {closed:?}") };
        assert!(first.shares > 0 && second.shares > 0);
        let (double, mut sender) = node().await;
        let order = serve_order(&double, 0);
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let mut queue = DutyQueue::open(&dir.path().join("duties.json")).unwrap();
        queue.push(report_duty(order, second)).unwrap();
        queue.push(report_duty(order, first)).unwrap();
        // The earlier window's summary cannot be read for now: its report fails, the later waits.
        let summary = first.journal.with_extension("summary.json");
        let aside = summary.with_extension("aside");
        std::fs::rename(&summary, &aside).unwrap();
        let pass = queue.run_due(&mut sender, &calls, 1_000).await.unwrap();
        assert_eq!((pass.done.len(), pass.failed.len()), (0, 1), "{pass:?}");
        assert!(double.submitted().is_empty());
        std::fs::rename(&aside, &summary).unwrap();
        // The earlier one goes; the later one at the next pass.
        let pass = queue.run_due(&mut sender, &calls, 1_000_000).await.unwrap();
        assert_eq!(pass.done.len(), 1, "{pass:?}");
        let pass = queue.run_due(&mut sender, &calls, 1_000_001).await.unwrap();
        assert_eq!(pass.done.len(), 1, "{pass:?}");
        assert!(queue.is_empty());
        let starts: Vec<CallArg> =
            double.submitted().iter().map(|s| s.calls[1].arguments[4].clone()).collect();
        assert_eq!(starts, [pure(&first.start_ms), pure(&second.start_ms)], "earliest first");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn duties_survive_a_restart_and_an_outage_and_are_done_once() {
        let dir = tempfile::tempdir().unwrap();
        let summary = window(dir.path());
        let queue_path = dir.path().join("duties.json");
        let (double, mut sender) = node().await;
        let order = serve_order(&double, 0);
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        {
            let mut queue = DutyQueue::open(&queue_path).unwrap();
            queue.push(report_duty(order, &summary)).unwrap();
            queue.push(report_duty(order, &summary)).unwrap();
            assert_eq!(queue.len(), 1, "the same duty is queued once");
        }
        // The node is unreachable: the duty stays queued, the pass says why it stopped.
        let dead = ChainClient::new("http://127.0.0.1:1").unwrap().with_retry(RetryPolicy {
            timeout: Duration::from_millis(200),
            attempts: 1,
            first_backoff: Duration::from_millis(10),
        });
        let mut offline = Sender::new(dead, Key::from_keypair(Ed25519PrivateKey::new([5; 32]).into()));
        let mut queue = DutyQueue::open(&queue_path).unwrap();
        let pass = queue.run_due(&mut offline, &calls, 0).await.unwrap();
        assert!(pass.node_unreachable && pass.done.is_empty(), "{pass:?}");
        assert_eq!(DutyQueue::open(&queue_path).unwrap().len(), 1, "still queued on disk");
        // Back online: done once, and gone from the queue.
        let pass = queue.run_due(&mut sender, &calls, 0).await.unwrap();
        assert_eq!(pass.done.len(), 1, "{pass:?}");
        assert_eq!(double.submitted().len(), 1);
        assert!(DutyQueue::open(&queue_path).unwrap().is_empty());
        // Queued again (a restart that lost track of it): the chain's record stops a second
        // report. The double does not execute, so the fill's record is updated here as the
        // report would have updated it.
        let order = serve_order(&double, summary.end_ms);
        queue.push(report_duty(order, &summary)).unwrap();
        let pass = queue.run_due(&mut sender, &calls, 0).await.unwrap();
        assert!(matches!(pass.done[0].1, Done::AlreadyDone(_)), "{pass:?}");
        assert_eq!(double.submitted().len(), 1, "reported once");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn answers_come_first_settlements_wait_and_deadlines_at_risk_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let summary = window(dir.path());
        let (double, mut sender) = node().await;
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let report = shared(0x60);
        double.add_shared_object(
            report.id,
            "0xa1::report::Report",
            96,
            challenged_report(&[(0, false)], ReportState::Challenged, 0),
        );
        let settle_report_id = shared(0x61);
        double.add_shared_object(
            settle_report_id.id,
            "0xa1::report::Report",
            97,
            challenged_report(&[], ReportState::Pending, 1_000),
        );
        let target = FillRef { order: shared(0x40), coin_type: sui(), fill: 0, keeper: shared(0x41) };
        let mut queue = DutyQueue::open(&dir.path().join("duties.json")).unwrap();
        let settlement = Settlement {
            coin_type: sui(),
            report: settle_report_id,
            order: shared(0x40),
            treasury: shared(0x43),
            keeper: shared(0x41),
            provider: shared(0x42),
        };
        // A settlement due already, queued before the answer.
        let due_report = shared(0x62);
        double.add_shared_object(
            due_report.id,
            "0xa1::report::Report",
            98,
            challenged_report(&[], ReportState::Pending, 1_000),
        );
        let due = Settlement { report: due_report, ..settlement.clone() };
        queue.push(Duty::Settle { settlement: due, due_ms: 1_000 }).unwrap();
        queue.push(Duty::Settle { settlement, due_ms: 5_000 }).unwrap();
        queue
            .push(Duty::Answer { report, target, journal: summary.journal.clone(), deadline_ms: 3_000 })
            .unwrap();
        assert_eq!(queue.at_risk(2_500, 1_000).len(), 1, "an answer due in 500 ms");
        assert!(queue.at_risk(0, 1_000).is_empty());
        // At 2 s the answer goes first, then the settlement due; the other waits for its time.
        let pass = queue.run_due(&mut sender, &calls, 2_000).await.unwrap();
        assert_eq!(pass.done.len(), 2, "{pass:?}");
        assert!(matches!(pass.done[0].0, Duty::Answer { .. }), "{pass:?}");
        assert!(matches!(&pass.done[1].0, Duty::Settle { due_ms: 1_000, .. }), "{pass:?}");
        assert_eq!(queue.len(), 1);
        let pass = queue.run_due(&mut sender, &calls, 5_000).await.unwrap();
        assert!(matches!(pass.done[0].0, Duty::Settle { .. }), "{pass:?}");
        let functions: Vec<_> = double.submitted().iter().map(|s| s.calls[0].function.clone()).collect();
        assert_eq!(functions, ["answer", "settle", "settle"]);
        assert!(queue.is_empty());
    }
    #[tokio::test(flavor = "multi_thread")]
    async fn a_settlement_waits_while_its_report_is_challenged_then_settles() {
        let dir = tempfile::tempdir().unwrap();
        let (double, mut sender) = node().await;
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let report = shared(0x64);
        let serve = |state, answered| {
            double.add_shared_object(
                report.id,
                "0xa1::report::Report",
                100,
                challenged_report(&[(0, answered)], state, 1_000),
            )
        };
        serve(ReportState::Challenged, false);
        let mut queue = DutyQueue::open(&dir.path().join("duties.json")).unwrap();
        let settlement = Settlement {
            coin_type: sui(),
            report,
            order: shared(0x40),
            treasury: shared(0x43),
            keeper: shared(0x41),
            provider: shared(0x42),
        };
        queue.push(Duty::Settle { settlement, due_ms: 1_000 }).unwrap();
        let pass = queue.run_due(&mut sender, &calls, 1_500).await.unwrap();
        assert!(pass.done.is_empty() && pass.failed.is_empty(), "{pass:?}");
        assert!(pass.waiting[0].1.contains("challenged"), "{pass:?}");
        assert_eq!(queue.len(), 1, "still queued");
        // The challenge is answered: the report stands and settles.
        serve(ReportState::Pending, true);
        // It is looked at again once the challenge could have closed (10 s).
        assert!(queue.run_due(&mut sender, &calls, 1_600).await.unwrap().done.is_empty());
        let pass = queue.run_due(&mut sender, &calls, 10_001).await.unwrap();
        assert!(matches!(pass.done[..], [(Duty::Settle { .. }, Done::Sent { .. })]), "{pass:?}");
        assert!(queue.is_empty());
        assert_eq!(double.submitted().len(), 1);
    }
}

mod watch {
    use super::*;
    use aihash_keeper::duties::queue::Duty;
    use aihash_keeper::duties::watch::Watcher;
    use aihash_sdk::bindings::report::{ChallengeOpened, ReportSubmitted};

    use common::golden;

    fn id(id: &moverox_sui::sui::object::ID) -> Address {
        Address::new(id.bytes.into_inner())
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_keepers_own_report_becomes_a_settlement_and_its_challenge_an_answer() {
        let dir = tempfile::tempdir().unwrap();
        let submitted: ReportSubmitted = golden("report_submitted");
        let opened: ChallengeOpened = golden("report_challenge_opened");
        assert_eq!(submitted.report_id, opened.report_id, "the golden challenge is on the golden report");
        let (double, _sender) = node().await;
        let (report, provider) = (id(&submitted.report_id), id(&submitted.provider_id));
        double.add_shared_object(report, "0xa1::report::Report", 31, vec![]);
        double.add_shared_object(provider, "0xa1::identity::Identity", 32, vec![]);
        double.add_checkpoint_with_events(
            "tx-report",
            PACKAGE,
            &[("report", "ReportSubmitted", aihash_sdk::golden::bytes("report_submitted").unwrap().to_vec())],
        );
        double.add_checkpoint_with_events(
            "tx-challenge",
            PACKAGE,
            &[(
                "report",
                "ChallengeOpened",
                aihash_sdk::golden::bytes("report_challenge_opened").unwrap().to_vec(),
            )],
        );
        let addr = double.spawn().await;
        let mut client = ChainClient::new(&format!("http://{addr}")).unwrap();
        let events = client.package_events_between(PACKAGE, 0, 1, |_| {}).await.unwrap();

        let target = FillRef {
            order: Shared { id: id(&submitted.order_id), initial_shared_version: 7 },
            coin_type: sui(),
            fill: submitted.fill,
            keeper: Shared { id: id(&submitted.keeper_id), initial_shared_version: 8 },
        };
        let journal = dir.path().join("window.journal");
        // Another keeper's watcher sees nothing to do.
        let mut stranger =
            Watcher::open(Address::new([0x99; 32]), shared(0x43), &dir.path().join("stranger.json")).unwrap();
        assert!(stranger.on_events(&mut client, &events).await.unwrap().is_empty());

        let path = dir.path().join("reports.json");
        let mut watcher = Watcher::open(id(&submitted.keeper_id), shared(0x43), &path).unwrap();
        watcher.reporting(target.clone(), submitted.window_start_ms, journal.clone()).unwrap();
        let duties = watcher.on_events(&mut client, &events).await.unwrap();
        assert_eq!(duties.len(), 2, "{duties:?}");
        let Duty::Settle { settlement, due_ms } = &duties[0] else { panic!("{duties:?}") };
        assert_eq!(*due_ms, submitted.dispute_deadline_ms);
        assert_eq!((settlement.report.id, settlement.report.initial_shared_version), (report, 31));
        assert_eq!(settlement.provider, Shared { id: provider, initial_shared_version: 32 });
        assert_eq!(settlement.treasury, shared(0x43));
        let Duty::Answer { report: answered, journal: from, deadline_ms, .. } = &duties[1] else {
            panic!("{duties:?}")
        };
        assert_eq!((answered.id, from, *deadline_ms), (report, &journal, opened.deadline_ms));

        // After a restart the watcher still knows the report is its own.
        let mut restarted = Watcher::open(id(&submitted.keeper_id), shared(0x43), &path).unwrap();
        let again = restarted.on_events(&mut client, &events[1..]).await.unwrap();
        assert!(matches!(&again[..], [Duty::Answer { .. }]), "{again:?}");
    }
}

mod fill {
    use super::*;
    use aihash_keeper::duties::fill::{attach, schedule_difficulty, OpenOrder};

    /// Fill 0 of the golden order for keeper 0x41, at D 256 from 1,000 ms, with `next` scheduled.
    fn fill_target(double: &NodeDouble, next: Option<(u128, u64)>) -> FillRef {
        let (keeper, provider) = (Address::new([0x41; 32]), Address::new([0x42; 32]));
        let fill = match next {
            Some(next) => fill_bytes_scheduled(keeper, provider, 256, next, 1_000, 1_000),
            None => fill_bytes(keeper, provider, 1, 256, 1_000, 1_000),
        };
        let order = serve_order_with_fill(double, fill);
        FillRef { order, coin_type: sui(), fill: 0, keeper: shared(0x41) }
    }

    /// Ten-minute windows from 1,000 ms: the keeper, five minutes into the first, raises D from
    /// the next boundary (601,000 ms, more than the two-minute lead away), once.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_fills_d_is_raised_from_its_next_window_boundary() {
        let (double, mut sender) = node().await;
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let window_ms = 600_000;
        let target = fill_target(&double, None);
        let now = 301_000;
        let done = schedule_difficulty(&mut sender, &calls, &target, 256, window_ms, now).await.unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("counts at D 256")), "{done:?}");
        let done = schedule_difficulty(&mut sender, &calls, &target, 1_024, window_ms, now).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
        let call = &double.submitted()[0].calls[0];
        assert_eq!((call.module.as_str(), call.function.as_str()), ("order", "set_difficulty"));
        assert_eq!(call.arguments[0], CallArg::Object(target.order.id));
        assert_eq!(call.arguments[1], pure(&0u64));
        assert_eq!(
            (call.arguments[3].clone(), call.arguments[4].clone()),
            (pure(&1_024u128), pure(&601_000u64))
        );
        // Within the lead of a boundary, the one after it.
        let done =
            schedule_difficulty(&mut sender, &calls, &target, 1_024, window_ms, 500_000).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
        assert_eq!(double.submitted()[1].calls[0].arguments[4], pure(&1_201_000u64));

        // Once the chain has the change, the same D is not asked for again.
        let target = fill_target(&double, Some((1_024, 601_000)));
        let done = schedule_difficulty(&mut sender, &calls, &target, 1_024, window_ms, now).await.unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("counts at D 1024")), "{done:?}");
        // A higher one replaces the scheduled change at its own time, while that is ahead...
        let done = schedule_difficulty(&mut sender, &calls, &target, 4_096, window_ms, now).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
        assert_eq!(double.submitted()[2].calls[0].arguments[4], pure(&601_000u64));
        // ... and waits for a window from it to be reported once it is near or past.
        let done =
            schedule_difficulty(&mut sender, &calls, &target, 4_096, window_ms, 550_000).await.unwrap();
        assert!(
            matches!(&done, Done::Later { retry_at_ms, .. } if *retry_at_ms == 601_000 + window_ms),
            "{done:?}"
        );
        assert_eq!(double.submitted().len(), 3);
    }

    /// A fill on a paused (exhausted) order is released, unless the order is active again by
    /// then (topped up); one on an order paying too little is released whatever its state.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_fill_of_a_paused_order_is_released_unless_it_is_active_again() {
        use aihash_keeper::duties::fill::release;
        let (double, mut sender) = node().await;
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let target = fill_target(&double, None);
        let done = release(&mut sender, &calls, &target, true).await.unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("active again")), "{done:?}");
        assert!(double.submitted().is_empty());
        let mut order: Order<SUI> =
            bcs::from_bytes(aihash_sdk::golden::bytes("order_object").unwrap()).unwrap();
        order.state = aihash_sdk::bindings::order::State::Exhausted;
        double.add_shared_object(
            target.order.id,
            "0xa1::order::Order<0x2::sui::SUI>",
            7,
            bcs::to_bytes(&order).unwrap(),
        );
        let done = release(&mut sender, &calls, &target, true).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
        let call = &double.submitted()[0].calls[0];
        assert_eq!(
            (call.function.as_str(), call.arguments[0].clone()),
            ("release_fill", CallArg::Object(target.order.id))
        );
    }

    /// A window the journal counted at a D the chain does not have for it can never be reported:
    /// abandoned (logged and counted), not retried for ever, nothing sent.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_window_counted_at_another_d_than_the_chains_is_abandoned() {
        let (double, mut sender) = node().await;
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        let dir = tempfile::tempdir().unwrap();
        let summary = window(dir.path());
        // The chain changed D from before the window's start; the journal did not know.
        let target = fill_target(&double, Some((1_024, summary.start_ms)));
        let done = report_window(&mut sender, &calls, &target, &summary).await.unwrap();
        assert!(matches!(&done, Done::Abandoned(why) if why.contains("the chain fixed D 1024")), "{done:?}");
        assert!(double.submitted().is_empty());
        // A change scheduled inside the window (off its boundaries, by hand): the chain refuses
        // a window spanning it.
        let target = fill_target(&double, Some((1_024, summary.start_ms + 1)));
        let done = report_window(&mut sender, &calls, &target, &summary).await.unwrap();
        assert!(matches!(&done, Done::Abandoned(why) if why.contains("spans the change")), "{done:?}");
        assert!(double.submitted().is_empty());
        // A change from after the window leaves it at the D it was counted at.
        let target = fill_target(&double, Some((1_024, summary.end_ms)));
        let done = report_window(&mut sender, &calls, &target, &summary).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_fill_is_attached_only_while_the_order_has_room() {
        let (double, mut sender) = node().await;
        let order_ref = serve_order(&double, 0);
        let object: Order<SUI> = bcs::from_bytes(aihash_sdk::golden::bytes("order_object").unwrap()).unwrap();
        let open = OpenOrder::from_object(order_ref, sui(), &object);
        let room = object.hashrate_cap - object.committed_hashrate;
        assert!(room > 0, "the golden order has room");
        let deployment = deployment();
        let calls = Calls { deployment: &deployment };
        // The order's fill 0 is this keeper's for provider 0x42: no second one for it.
        let (keeper, provider) = (shared(0x41), shared(0x44));
        let done = attach(&mut sender, &calls, &open, keeper, shared(0x42), room, 256, object.created_ms)
            .await
            .unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("already has fill 0")), "{done:?}");
        let done =
            attach(&mut sender, &calls, &open, keeper, provider, room, 256, object.created_ms).await.unwrap();
        assert!(matches!(done, Done::Sent { .. }), "{done:?}");
        let call = &double.submitted()[0].calls[0];
        assert_eq!((call.module.as_str(), call.function.as_str()), ("order", "attach_fill"));
        assert_eq!(call.arguments[0], CallArg::Object(order_ref.id));
        assert_eq!(call.arguments[3], CallArg::Object(provider.id));
        assert_eq!((call.arguments[4].clone(), call.arguments[5].clone()), (pure(&room), pure(&256u128)));
        // More than the room left, or an expired order: not sent.
        let done = attach(&mut sender, &calls, &open, keeper, provider, room + 1, 256, object.created_ms)
            .await
            .unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("has room for")), "{done:?}");
        let done =
            attach(&mut sender, &calls, &open, keeper, provider, 1, 256, object.expiry_ms).await.unwrap();
        assert!(matches!(&done, Done::AlreadyDone(why) if why.contains("no longer open")), "{done:?}");
        assert_eq!(double.submitted().len(), 1);
    }
}
