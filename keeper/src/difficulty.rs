//! Share difficulty as the market counts it: D in 32.32 fixed point (`D × 2^32`, the hashes one
//! share stands for), exact like the on-chain value, with the share target `(0xffff << 240) / D`
//! that `aihash::pow` uses. Pools speak difficulty as a float; converting rounds towards the
//! harder target, so a share the keeper credits is never easier than what was asked.

use bitcoin::{BlockHash, Target};
use primitive_types::{U256, U512};

/// A share difficulty, 32.32 fixed point. Never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShareDifficulty(u128);

/// 2^32: difficulty 1 in fixed point.
const ONE: u128 = 1 << 32;

impl ShareDifficulty {
    /// Difficulty 1: the share target `0xffff << 208` (Bitcoin's "pool difficulty 1").
    pub const ONE: Self = Self(ONE);

    /// From the fixed-point value; `None` for zero.
    pub const fn from_fixed(fixed: u128) -> Option<Self> {
        if fixed == 0 {
            None
        } else {
            Some(Self(fixed))
        }
    }

    /// From a pool's float difficulty (e.g. `mining.set_difficulty`), rounded up to the next
    /// fixed-point step; `None` unless finite and positive.
    pub fn from_f64(difficulty: f64) -> Option<Self> {
        if !(difficulty.is_finite() && difficulty > 0.0) {
            return None;
        }
        let fixed = (difficulty * ONE as f64).ceil();
        if fixed >= u128::MAX as f64 {
            return None;
        }
        Self::from_fixed(fixed as u128)
    }

    /// The fixed-point value: hashes one share at this difficulty stands for, times 2^32 / 2^32.
    pub const fn fixed(self) -> u128 {
        self.0
    }

    /// As a float, for `mining.set_difficulty` and display.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / ONE as f64
    }

    /// Expected hashes per share: `D × 2^32`, which the fixed-point value is.
    pub const fn hashes_per_share(self) -> u128 {
        self.0
    }

    /// The share target: a share counts when its hash, as a little-endian number, is at most this.
    pub fn target(self) -> Target {
        let target = (U256::from(0xffffu64) << 240) / U256::from(self.0);
        Target::from_le_bytes(target.to_little_endian())
    }

    /// Whether `hash` meets this difficulty: `hash <= floor((0xffff << 240) / D)`, decided as
    /// `hash × D <= 0xffff << 240` (the same for integers), which spares a 256-bit division on
    /// every share.
    pub fn is_met_by(self, hash: BlockHash) -> bool {
        use bitcoin::hashes::Hash;
        let hash = U512::from_little_endian(hash.as_byte_array());
        hash * U512::from(self.0) <= U512::from(0xffffu64) << 240
    }

    /// The harder of two difficulties.
    pub fn max(self, other: Self) -> Self {
        if self >= other {
            self
        } else {
            other
        }
    }
}

/// A fill's share difficulty over time, as the chain fixes it: D, and a change scheduled for the
/// windows starting at or after its time (`order::set_difficulty`). Verify-only operation counts
/// at one D throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DifficultySchedule {
    pub current: ShareDifficulty,
    /// (D, from ms): the D of windows starting at or after that time.
    pub next: Option<(ShareDifficulty, u64)>,
}

impl DifficultySchedule {
    /// D of a window starting at `start_ms`.
    pub fn at(&self, start_ms: u64) -> ShareDifficulty {
        scheduled(self.current, self.next, start_ms)
    }
}

/// The D of a window starting at `start_ms`, under D `current` with `next` (D, from ms) scheduled:
/// the rule `order::cover_window` applies. At `u64::MAX`, the D of the windows to come once any
/// scheduled change has taken effect.
pub fn scheduled<D: Copy>(current: D, next: Option<(D, u64)>, start_ms: u64) -> D {
    match next {
        Some((next, from_ms)) if start_ms >= from_ms => next,
        _ => current,
    }
}

impl From<ShareDifficulty> for DifficultySchedule {
    fn from(difficulty: ShareDifficulty) -> Self {
        Self { current: difficulty, next: None }
    }
}

impl std::fmt::Display for ShareDifficulty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bitcoin::hashes::Hash;
    use proptest::prelude::*;

    fn hash_of_value(value: U256) -> BlockHash {
        BlockHash::from_byte_array(value.to_little_endian())
    }

    #[test]
    fn difficulty_one_is_the_pool_target() {
        let target = ShareDifficulty::ONE.target();
        let mut expected = [0u8; 32];
        expected[4] = 0xff;
        expected[5] = 0xff;
        assert_eq!(target.to_be_bytes(), expected);
        // The genesis block met difficulty 1.
        let genesis: BlockHash =
            "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f".parse().unwrap();
        assert!(ShareDifficulty::ONE.is_met_by(genesis));
        assert!(!ShareDifficulty::from_f64(1_000_000.0).unwrap().is_met_by(genesis));
    }

    #[test]
    fn pool_floats_round_to_the_harder_target() {
        assert_eq!(ShareDifficulty::from_f64(65_536.0).unwrap().fixed(), 65_536 << 32);
        assert_eq!(ShareDifficulty::from_f64(0.5).unwrap().fixed(), 1 << 31);
        // 1/3 is not a fixed-point step: rounded up, never down.
        assert_eq!(ShareDifficulty::from_f64(1.0 / 3.0).unwrap().fixed(), 1_431_655_766);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e40] {
            assert_eq!(ShareDifficulty::from_f64(bad), None, "{bad}");
        }
        assert_eq!(ShareDifficulty::from_fixed(0), None);
    }

    #[test]
    fn a_scheduled_change_counts_from_the_windows_starting_at_its_time() {
        let (old, new) = (ShareDifficulty::ONE, ShareDifficulty::from_f64(4.0).unwrap());
        let schedule = DifficultySchedule { current: old, next: Some((new, 600_000)) };
        assert_eq!(schedule.at(0), old);
        assert_eq!(schedule.at(599_999), old, "a window starting before the change keeps D");
        assert_eq!(schedule.at(600_000), new);
        assert_eq!(scheduled(old, schedule.next, u64::MAX), new, "once the change has taken effect");
        assert_eq!(DifficultySchedule::from(old).at(u64::MAX), old);
    }

    proptest! {
        /// The target is exactly floor((0xffff << 240) / D): its value meets D and the next
        /// value does not, and a harder D never has a larger target.
        #[test]
        fn the_target_is_the_boundary(fixed in 1u128.., other in 1u128..) {
            let difficulty = ShareDifficulty::from_fixed(fixed).unwrap();
            let target = U256::from_little_endian(&difficulty.target().to_le_bytes());
            prop_assert!(difficulty.is_met_by(hash_of_value(target)));
            prop_assert!(!difficulty.is_met_by(hash_of_value(target + 1)));
            prop_assert!(target * U256::from(fixed) <= U256::from(0xffffu64) << 240);
            let other = ShareDifficulty::from_fixed(other).unwrap();
            // Harder never means easier.
            let other_target = U256::from_little_endian(&other.target().to_le_bytes());
            if fixed <= other.fixed() {
                prop_assert!(target >= other_target);
            }
        }
    }
}
