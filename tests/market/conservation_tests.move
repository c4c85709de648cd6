/// Conservation of escrow under random sequences of order, report, challenge and settlement
/// operations: at every step `deposited == escrow + reserved + paid out + fees + refunds`, what is
/// reserved is exactly what unsettled reports hold, what was paid is exactly what settled reports
/// hold, and nothing is settled twice or after being voided.
#[test_only]
module aihash::conservation_tests;

use aihash::fixtures;
use aihash::identity::Identity;
use aihash::market_fixtures::{Self as mf, with_order};
use aihash::order::Order;
use aihash::report::Report;
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::coin;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

const MINUTE_MS: u64 = 60_000;

/// What the test knows of the order's money.
public struct Ledger has drop {
    reports: vector<ID>,
    /// Reports of the vectors' honest window (at most one: windows do not overlap).
    honest: vector<ID>,
    /// Challenges answered (on the honest window).
    answered: u64,
    deposited: u64,
}

public struct OrderView has drop {
    deposited: u64,
    escrow: u64,
    reserved: u64,
    paid: u64,
    refunded: u64,
    reported_until: u64,
    expiry: u64,
    ended: bool,
}

public struct ReportView has drop {
    amount: u64,
    pending: bool,
    challenged: bool,
    settled: bool,
    dispute: u64,
    response: u64,
}

fun order_view(scenario: &mut Scenario, order_id: ID): OrderView {
    scenario.next_tx(fixtures::stranger());
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let view = OrderView {
        deposited: order.deposited(),
        escrow: order.escrow(),
        reserved: order.reserved(),
        paid: order.paid_to_providers() + order.keeper_rewards() + order.treasury_fees(),
        refunded: order.refunded(),
        reported_until: order.fill(0).fill_reported_until_ms(),
        expiry: order.expiry_ms(),
        ended: order.is_ended(),
    };
    ts::return_shared(order);
    scenario.next_tx(fixtures::stranger());
    view
}

fun report_view(scenario: &mut Scenario, id: ID): ReportView {
    let report = scenario.take_shared_by_id<Report>(id);
    let view = ReportView {
        amount: report.amount(),
        pending: !report.is_challenged() && !report.is_settled() && !report.is_voided(),
        challenged: report.is_challenged(),
        settled: report.is_settled(),
        dispute: report.dispute_deadline_ms(),
        response: report.response_deadline_ms().destroy_with_default(0),
    };
    ts::return_shared(report);
    scenario.next_tx(fixtures::stranger());
    view
}

fun keeper_active(scenario: &mut Scenario, keeper: ID): bool {
    let identity = scenario.take_shared_by_id<Identity>(keeper);
    let active = identity.is_active();
    ts::return_shared(identity);
    scenario.next_tx(fixtures::stranger());
    active
}

fun advance(clock: &mut Clock, to: u64) {
    if (to > clock.timestamp_ms()) clock.set_for_testing(to);
}

fun check(scenario: &mut Scenario, order_id: ID, ledger: &Ledger) {
    let order = order_view(scenario, order_id);
    assert_eq!(order.deposited, ledger.deposited);
    assert_eq!(order.escrow + order.reserved + order.paid + order.refunded, order.deposited);
    let mut open = 0;
    let mut settled = 0;
    ledger.reports.do_ref!(|id| {
        let report = report_view(scenario, *id);
        if (report.pending || report.challenged) open = open + report.amount;
        if (report.settled) settled = settled + report.amount;
    });
    assert_eq!(open, order.reserved);
    assert_eq!(settled, order.paid);
}

/// At most this many operations per run (each step re-checks every report, so runs stay quick).
const MAX_OPERATIONS: u64 = 24;

#[random_test]
fun escrow_is_conserved_through_random_operations(operations: vector<u64>) {
    let count = operations.length().min(MAX_OPERATIONS);
    run(vector::tabulate!(count, |i| operations[i]));
}

/// Runs the operations, checking conservation after each; returns how many reports were
/// submitted, settled and voided before the final clean-up, and how many challenges were answered.
fun run(operations: vector<u64>): (u64, u64, u64, u64) {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 1_000);
    let mut ledger = Ledger { reports: vector[], honest: vector[], answered: 0, deposited: 1_000 };
    operations.do!(|op| {
        let pick = op >> 8;
        let view = order_view(&mut scenario, order_id);
        let (reported_until, expiry, ended) = (view.reported_until, view.expiry, view.ended);
        let kind = (op & 0xff) % 8;
        if (kind == 0 && !ended) {
            let amount = pick % 500 + 1;
            with_order!(&mut scenario, order_id, mf::buyer(), |order, _market, ctx| {
                order.top_up(coin::mint_for_testing<SUI>(amount, ctx), ctx);
            });
            ledger.deposited = ledger.deposited + amount;
        } else if (kind == 1 && pick % 2 == 0 && honest_window_open(&clock, reported_until, expiry, ended)
                && keeper_active(&mut scenario, world.keeper())) {
            // The vectors' honest window: real shares, so a challenge on it can be answered.
            let id = mf::submit_window(
                &mut scenario,
                &mut clock,
                &world,
                order_id,
                fill,
                b"honest",
            );
            ledger.reports.push_back(id);
            ledger.honest.push_back(id);
        } else if (kind == 1 && keeper_active(&mut scenario, world.keeper())) {
            // A ten-minute window after the last one, if the fill may still report it.
            let start = reported_until.max(clock.timestamp_ms());
            let end = start + 10 * MINUTE_MS;
            if (end <= expiry && !ended) {
                advance(&mut clock, end);
                let shares = pick % 64;
                let dead = (pick >> 8) % (3 * MINUTE_MS);
                let id = mf::submit(
                    &mut scenario,
                    &clock,
                    &world,
                    order_id,
                    fill,
                    start,
                    end,
                    shares,
                    16,
                    mf::window_root(b"honest"),
                    dead,
                );
                ledger.reports.push_back(id);
            }
        } else if (kind == 2 && !ledger.reports.is_empty()) {
            let id = ledger.reports[pick % ledger.reports.length()];
            let report = report_view(&mut scenario, id);
            let n = report_shares(&mut scenario, id);
            if (
                report.pending && clock.timestamp_ms() < report.dispute && n > 0 && !was_challenged(&mut scenario, id)
            ) {
                mf::challenge(&mut scenario, &clock, order_id, id);
            }
        } else if (kind == 3 && !ledger.reports.is_empty()) {
            // An open challenge goes unanswered.
            let id = ledger.reports[pick % ledger.reports.length()];
            let report = report_view(&mut scenario, id);
            if (report.challenged) {
                advance(&mut clock, report.response + 1);
                mf::expire_challenge(&mut scenario, &clock, &world, order_id, id);
            }
        } else if (kind == 4 && !ledger.reports.is_empty()) {
            let id = ledger.reports[pick % ledger.reports.length()];
            let report = report_view(&mut scenario, id);
            if (report.pending) {
                advance(&mut clock, report.dispute);
                mf::settle(&mut scenario, &clock, &world, order_id, id);
            }
        } else if (kind == 5 && !ended) {
            let created = created_ms(&mut scenario, order_id);
            advance(&mut clock, created + 10 * MINUTE_MS);
            with_order!(&mut scenario, order_id, mf::buyer(), |order, market, ctx| {
                destroy(order.cancel(market, &clock, ctx));
            });
        } else if (kind == 6 && !ended && pick % 4 == 0) {
            advance(&mut clock, expiry);
            with_order!(
                &mut scenario,
                order_id,
                fixtures::stranger(),
                |order, _market, ctx| order.expire(&clock, ctx),
            );
        } else if (kind == 7 && !ledger.honest.is_empty()) {
            // The keeper answers a challenge on the honest window in time: the report stands.
            let id = ledger.honest[0];
            let report = report_view(&mut scenario, id);
            if (report.challenged && clock.timestamp_ms() <= report.response) {
                mf::answer_all(&mut scenario, &clock, &world, order_id, id, b"honest");
                assert!(report_view(&mut scenario, id).pending);
                ledger.answered = ledger.answered + 1;
            }
        };
        check(&mut scenario, order_id, &ledger);
    });
    let mut settled = 0;
    let mut voided = 0;
    ledger.reports.do_ref!(|id| {
        let report = report_view(&mut scenario, *id);
        if (report.settled) settled = settled + 1;
        if (!report.pending && !report.challenged && !report.settled) voided = voided + 1;
    });
    let submitted = ledger.reports.length();
    // Whatever remains open can always finish: every report ends settled or voided.
    ledger.reports.do_ref!(|id| {
        let report = report_view(&mut scenario, *id);
        if (report.challenged) {
            advance(&mut clock, report.response + 1);
            mf::expire_challenge(&mut scenario, &clock, &world, order_id, *id);
        } else if (report.pending) {
            advance(&mut clock, report.dispute);
            mf::settle(&mut scenario, &clock, &world, order_id, *id);
        };
    });
    check(&mut scenario, order_id, &ledger);
    let order = order_view(&mut scenario, order_id);
    assert_eq!(order.reserved, 0);
    assert_eq!(order.escrow + order.paid + order.refunded, ledger.deposited);
    clock.destroy_for_testing();
    scenario.end();
    (submitted, settled, voided, ledger.answered)
}

/// Whether the fill can still report the vectors' honest window now.
fun honest_window_open(clock: &Clock, reported_until: u64, expiry: u64, ended: bool): bool {
    !ended && reported_until <= mf::window_start_ms() && mf::window_end_ms() <= expiry
        && clock.timestamp_ms() <= mf::window_end_ms() + MINUTE_MS
}

fun report_shares(scenario: &mut Scenario, id: ID): u64 {
    let report = scenario.take_shared_by_id<Report>(id);
    let shares = report.shares();
    ts::return_shared(report);
    scenario.next_tx(fixtures::stranger());
    shares
}

fun was_challenged(scenario: &mut Scenario, id: ID): bool {
    let report = scenario.take_shared_by_id<Report>(id);
    let challenged = report.was_challenged();
    ts::return_shared(report);
    scenario.next_tx(fixtures::stranger());
    challenged
}

fun created_ms(scenario: &mut Scenario, order_id: ID): u64 {
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let created = order.created_ms();
    ts::return_shared(order);
    scenario.next_tx(fixtures::stranger());
    created
}

#[test]
fun a_scripted_sequence_conserves_escrow() {
    // Two reports; the first settles, the second is challenged and voided; a top-up; a cancel.
    let (submitted, settled, voided, answered) = run(vector[
        (40 << 8) + 1,
        (30 << 8) + 1,
        (0 << 8) + 4,
        (1 << 8) + 2,
        (1 << 8) + 3,
        (200 << 8) + 0,
        (0 << 8) + 5,
    ]);
    assert_eq!(vector[submitted, settled, voided, answered], vector[2, 1, 1, 0]);
}

#[test]
fun a_scripted_answered_challenge_conserves_escrow() {
    // The honest window is reported, challenged, answered and then settled.
    let (submitted, settled, voided, answered) = run(vector[
        (0 << 8) + 1,
        (0 << 8) + 2,
        (0 << 8) + 7,
        (0 << 8) + 4,
    ]);
    assert_eq!(vector[submitted, settled, voided, answered], vector[1, 1, 0, 1]);
}
