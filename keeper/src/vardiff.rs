//! Variable difficulty per rig: each rig's share difficulty is retargeted so it sends about one
//! share per `target_interval`, whatever its hashrate (fast rigs get harder shares, which keeps
//! the keeper's work per rig bounded), and never below the upstream pool's difficulty.

use crate::difficulty::ShareDifficulty;
use std::time::Duration;

/// How a rig's difficulty follows its share rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VardiffConfig {
    /// The time between shares to aim at.
    pub target_interval: Duration,
    /// How often to retarget.
    pub retarget_every: Duration,
    /// The difficulty a new rig starts at (raised to the pool's if lower); `None`: the pool's.
    pub initial: Option<ShareDifficulty>,
    /// The most a rig is ever asked for (for rigs that cannot take more); the pool's difficulty
    /// still wins if higher.
    pub max: Option<ShareDifficulty>,
}

/// Most a retarget multiplies or divides the difficulty by, so one lucky or unlucky period does
/// not swing it wildly.
const MAX_STEP: u128 = 4;

/// A rig this many shares into a period retargets at once: a fast rig starting at the pool's
/// difficulty climbs in seconds, not minutes.
const FAST_SHARES: u64 = 20;

/// One rig's difficulty and its shares since the last retarget.
#[derive(Debug, Clone)]
pub struct Vardiff {
    config: VardiffConfig,
    current: ShareDifficulty,
    shares: u64,
    since_retarget: Duration,
}

impl Vardiff {
    pub fn new(config: VardiffConfig, floor: ShareDifficulty) -> Self {
        let current = config.initial.map_or(floor, |initial| initial.max(floor));
        Self { config, current, shares: 0, since_retarget: Duration::ZERO }
    }

    pub fn current(&self) -> ShareDifficulty {
        self.current
    }

    /// Counts one share at the current difficulty.
    pub fn on_share(&mut self) {
        self.shares += 1;
    }

    /// Time passed: returns the new difficulty when a retarget changes it.
    pub fn on_elapsed(&mut self, elapsed: Duration, floor: ShareDifficulty) -> Option<ShareDifficulty> {
        self.since_retarget += elapsed;
        if self.current < floor {
            return Some(self.set(floor));
        }
        let fast = self.shares >= FAST_SHARES && self.since_retarget >= Duration::from_secs(1);
        if self.since_retarget < self.config.retarget_every && !fast {
            return None;
        }
        let mut next =
            retarget(self.current, self.shares, self.since_retarget, self.config.target_interval, floor);
        if let Some(max) = self.config.max {
            next = next.min(max).max(floor);
        }
        self.shares = 0;
        self.since_retarget = Duration::ZERO;
        (next != self.current).then(|| self.set(next))
    }

    fn set(&mut self, difficulty: ShareDifficulty) -> ShareDifficulty {
        self.current = difficulty;
        difficulty
    }
}

/// The difficulty that would have made `shares` in `elapsed` come at one per `target_interval`,
/// within a factor of `MAX_STEP` of `current`, and at least `floor`.
pub fn retarget(
    current: ShareDifficulty,
    shares: u64,
    elapsed: Duration,
    target_interval: Duration,
    floor: ShareDifficulty,
) -> ShareDifficulty {
    let elapsed_ms = elapsed.as_millis().max(1);
    // Hashes done ~ shares * D; wanted D' = hashes * target_interval / elapsed.
    let wanted = current.fixed().saturating_mul(shares as u128).saturating_mul(target_interval.as_millis())
        / elapsed_ms;
    let low = (current.fixed() / MAX_STEP).max(1);
    let high = current.fixed().saturating_mul(MAX_STEP);
    let bounded = wanted.clamp(low, high);
    ShareDifficulty::from_fixed(bounded).expect("at least 1").max(floor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(fixed: u128) -> ShareDifficulty {
        ShareDifficulty::from_fixed(fixed).unwrap()
    }

    const CONFIG: VardiffConfig = VardiffConfig {
        target_interval: Duration::from_secs(10),
        retarget_every: Duration::from_secs(60),
        initial: Some(ShareDifficulty::ONE),
        max: None,
    };

    #[test]
    fn a_fast_rig_gets_harder_shares_and_a_slow_one_easier() {
        let floor = d(1);
        let mut fast = Vardiff::new(CONFIG, floor);
        for _ in 0..12 {
            fast.on_share();
        }
        // 12 shares in 60 s: twice the wanted rate, so twice the difficulty.
        assert_eq!(fast.on_elapsed(Duration::from_secs(60), floor), Some(d(2 << 32)));
        let mut slow = Vardiff::new(CONFIG, floor);
        slow.on_share();
        // 1 share in 60 s wants 1/6; one step divides by at most 4.
        assert_eq!(slow.on_elapsed(Duration::from_secs(60), floor), Some(d(1 << 30)));
        let mut steady = Vardiff::new(CONFIG, floor);
        for _ in 0..6 {
            steady.on_share();
        }
        assert_eq!(steady.on_elapsed(Duration::from_secs(60), floor), None);
        // 20 shares in the first second: no need to wait a minute to climb.
        let mut burst = Vardiff::new(CONFIG, floor);
        for _ in 0..20 {
            burst.on_share();
        }
        assert_eq!(burst.on_elapsed(Duration::from_millis(500), floor), None);
        assert_eq!(burst.on_elapsed(Duration::from_millis(500), floor), Some(d(4 << 32)));
    }

    #[test]
    fn a_ceiling_holds_unless_the_pool_asks_for_more() {
        let floor = d(1 << 32);
        let config = VardiffConfig { max: Some(d(2 << 32)), ..CONFIG };
        let mut rig = Vardiff::new(config, floor);
        for _ in 0..100 {
            rig.on_share();
        }
        assert_eq!(rig.on_elapsed(Duration::from_secs(60), floor), Some(d(2 << 32)));
        for _ in 0..100 {
            rig.on_share();
        }
        assert_eq!(rig.on_elapsed(Duration::from_secs(60), floor), None, "held at the ceiling");
        assert_eq!(
            rig.on_elapsed(Duration::from_secs(1), d(8 << 32)),
            Some(d(8 << 32)),
            "the pool's floor wins"
        );
    }

    #[test]
    fn the_pools_difficulty_is_a_floor() {
        let floor = d(8 << 32);
        let mut rig = Vardiff::new(CONFIG, floor);
        assert_eq!(rig.current(), floor, "starts at the pool's difficulty");
        assert_eq!(
            rig.on_elapsed(Duration::from_secs(60), floor),
            None,
            "no shares, but not below the floor"
        );
        let raised = d(16 << 32);
        assert_eq!(
            rig.on_elapsed(Duration::from_secs(1), raised),
            Some(raised),
            "the pool raised it: at once"
        );
    }

    proptest! {
        #[test]
        fn retargets_stay_within_a_step_and_above_the_floor(current in 1u128..(1 << 100), shares in 0u64..1_000_000, elapsed_ms in 1u64..10_000_000, floor in 1u128..(1 << 100)) {
            let next = retarget(d(current), shares, Duration::from_millis(elapsed_ms), Duration::from_secs(10), d(floor));
            prop_assert!(next.fixed() >= floor);
            prop_assert!(next.fixed() <= (current * MAX_STEP).max(floor));
            prop_assert!(next.fixed() >= (current / MAX_STEP).max(1).min(floor.max(current / MAX_STEP)));
        }
    }
}
