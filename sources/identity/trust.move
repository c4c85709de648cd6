/// Trust levels 1-4, derived from stake and track record and never set by hand. Each level needs
/// the one below it:
/// - 1: every identity;
/// - 2: the level-2 minimum stake and enough passed capacity challenges (seed: 1,000 HASH, 10);
/// - 3: the level-3 minimum stake, enough settled reports and a high success rate (seed: 10,000
///   HASH, 100 reports, 95%);
/// - 4: the level-4 minimum stake, more reports and a higher success rate (100,000 HASH, 1,000
///   reports, 99%).
module aihash::trust;

use aihash::registry::Policy;
use aihash::reputation::Reputation;

/// The trust level earned by `active_stake` and `rep` under `policy`.
public fun level(policy: &Policy, active_stake: u64, rep: &Reputation): u8 {
    if (
        active_stake < policy.min_stake(2) || rep.capacity_passed() < policy.level2_capacity_passes()
    ) return 1;
    let success = rep.success_bps();
    if (
        active_stake < policy.min_stake(3)
            || rep.reports_settled() < policy.level3_tasks()
            || success < policy.level3_success_bps()
    ) return 2;
    if (
        active_stake < policy.min_stake(4)
            || rep.reports_settled() < policy.level4_tasks()
            || success < policy.level4_success_bps()
    ) return 3;
    4
}
