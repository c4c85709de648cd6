//! How a rig that sends invalid messages or shares is handled: counted over the last minute,
//! throttled once past half the limit (its next lines are read only after a pause, so a flood
//! costs the keeper little and an honest rig having a bad minute is slowed, not cut off), and
//! banned past the limit. Times are passed in, so the stages are tested without waiting.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// The span invalid messages are counted over.
const PERIOD: Duration = Duration::from_secs(60);

/// Where a rig stands after its latest invalid message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Within half the limit.
    Good,
    /// Past half the limit: read its next lines only after a pause.
    Throttled,
    /// Past the limit: disconnect and ban it.
    Banned,
}

/// The invalid messages of one rig over the last minute.
#[derive(Debug)]
pub struct FloodGuard {
    limit: u32,
    invalid: VecDeque<Instant>,
}

impl FloodGuard {
    /// Bans past `limit` invalid messages a minute; throttles past half of it.
    pub fn new(limit: u32) -> Self {
        Self { limit, invalid: VecDeque::new() }
    }

    /// Counts an invalid message received at `now`.
    pub fn on_invalid(&mut self, now: Instant) -> Standing {
        self.invalid.push_back(now);
        self.standing(now)
    }

    /// Where the rig stands at `now`, its older faults forgotten.
    pub fn standing(&mut self, now: Instant) -> Standing {
        while self.invalid.front().is_some_and(|t| now.duration_since(*t) > PERIOD) {
            self.invalid.pop_front();
        }
        let count = self.invalid.len() as u64;
        if count > u64::from(self.limit) {
            Standing::Banned
        } else if count > u64::from(self.limit / 2) {
            Standing::Throttled
        } else {
            Standing::Good
        }
    }

    /// Invalid messages in the last minute (as of the latest count).
    pub fn count(&self) -> usize {
        self.invalid.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_is_throttled_then_banned_and_an_old_one_forgotten() {
        let start = Instant::now();
        let mut guard = FloodGuard::new(10);
        let standings: Vec<_> =
            (0..11u64).map(|i| guard.on_invalid(start + Duration::from_millis(i))).collect();
        assert_eq!(&standings[..5], &[Standing::Good; 5]);
        assert_eq!(&standings[5..10], &[Standing::Throttled; 5], "6th to 10th: past half the limit");
        assert_eq!(standings[10], Standing::Banned, "11th: past the limit");
        // A minute later the faults are forgotten.
        assert_eq!(guard.standing(start + PERIOD + Duration::from_secs(1)), Standing::Good);
        assert_eq!(guard.count(), 0);
    }

    #[test]
    fn faults_spread_thinly_never_add_up() {
        let start = Instant::now();
        let mut guard = FloodGuard::new(10);
        for i in 0..1_000u64 {
            // One every 13 s: at most 5 in any minute.
            assert_eq!(guard.on_invalid(start + Duration::from_secs(13 * i)), Standing::Good, "{i}");
        }
    }
}
