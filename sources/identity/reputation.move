/// An identity's track record: what the market and capacity challenges have observed of it.
/// Counters only grow; trust levels are derived from them (`aihash::trust`).
module aihash::reputation;

const BPS: u64 = 10_000;

public struct Reputation has copy, drop, store {
    /// Delivery reports that settled (completed tasks).
    reports_settled: u64,
    /// Challenges against its reports that it answered correctly.
    challenges_passed: u64,
    /// Challenges against its reports that it failed or left unanswered.
    challenges_failed: u64,
    /// Capacity challenges it passed and failed.
    capacity_passed: u64,
    capacity_failed: u64,
    /// Tasks it took on and let time out.
    tasks_timed_out: u64,
}

// === Public-View Functions ===

public fun reports_settled(rep: &Reputation): u64 { rep.reports_settled }

public fun challenges_passed(rep: &Reputation): u64 { rep.challenges_passed }

public fun challenges_failed(rep: &Reputation): u64 { rep.challenges_failed }

public fun capacity_passed(rep: &Reputation): u64 { rep.capacity_passed }

public fun capacity_failed(rep: &Reputation): u64 { rep.capacity_failed }

public fun tasks_timed_out(rep: &Reputation): u64 { rep.tasks_timed_out }

/// Share of finished tasks that succeeded, in basis points: settled reports over settled reports
/// plus failed challenges plus timeouts. Zero when nothing has finished yet.
public fun success_bps(rep: &Reputation): u64 {
    let finished = rep.reports_settled + rep.challenges_failed + rep.tasks_timed_out;
    if (finished == 0) 0
    else (((rep.reports_settled as u128) * (BPS as u128)) / (finished as u128)) as u64
}

// === Package Functions ===

public(package) fun new(): Reputation {
    Reputation {
        reports_settled: 0,
        challenges_passed: 0,
        challenges_failed: 0,
        capacity_passed: 0,
        capacity_failed: 0,
        tasks_timed_out: 0,
    }
}

public(package) fun add_report_settled(rep: &mut Reputation) {
    rep.reports_settled = rep.reports_settled + 1;
}

public(package) fun add_challenge_passed(rep: &mut Reputation) {
    rep.challenges_passed = rep.challenges_passed + 1;
}

public(package) fun add_challenge_failed(rep: &mut Reputation) {
    rep.challenges_failed = rep.challenges_failed + 1;
}

public(package) fun add_capacity_result(rep: &mut Reputation, passed: bool) {
    if (passed) rep.capacity_passed = rep.capacity_passed + 1
    else rep.capacity_failed = rep.capacity_failed + 1;
}

public(package) fun add_task_timed_out(rep: &mut Reputation) {
    rep.tasks_timed_out = rep.tasks_timed_out + 1;
}

// === Test Functions ===

#[test_only]
public fun new_for_testing(
    reports_settled: u64,
    challenges_failed: u64,
    capacity_passed: u64,
    tasks_timed_out: u64,
): Reputation {
    Reputation {
        reports_settled,
        challenges_passed: 0,
        challenges_failed,
        capacity_passed,
        capacity_failed: 0,
        tasks_timed_out,
    }
}
