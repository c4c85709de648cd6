//! The per-rig prefixes of the pool's extranonce2 space. Each subscribed rig holds one prefix for
//! as long as it is connected; two live rigs never share one (their coinbases, hence their
//! shares, would collide), and a rig's prefix goes back to the free set when it disconnects, so a
//! keeper that has seen millions of connections still has the whole space for the rigs it has now.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// Bytes of the pool's extranonce2 the keeper keeps to tell rigs apart (65,536 rigs per pool).
pub const RIG_PREFIX_SIZE: usize = 2;

/// Every prefix has a rig: no new rig can be served until one leaves.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("all {capacity} rig slots of this pool are in use; try again when a rig disconnects")]
pub struct PrefixesExhausted {
    pub capacity: u32,
}

/// The free prefixes.
#[derive(Debug)]
struct Free {
    /// Prefixes below this were handed out at least once; those not in `returned` are in use.
    fresh: u32,
    /// Prefixes given back, oldest first: reused last-freed-last, so a prefix rests as long as
    /// possible before another rig gets it (a pool still answering the old rig's shares then
    /// cannot mistake them for the new rig's).
    returned: VecDeque<u16>,
}

/// Hands out rig prefixes; cheap to clone (the clones share one free set).
#[derive(Debug, Clone)]
pub struct PrefixAllocator {
    capacity: u32,
    free: Arc<Mutex<Free>>,
}

/// A prefix held by one rig; dropping it (the rig disconnected) frees the prefix.
#[derive(Debug)]
pub struct PrefixLease {
    prefix: u16,
    free: Arc<Mutex<Free>>,
}

impl PrefixAllocator {
    /// The whole two-byte space.
    pub fn new() -> Self {
        Self::with_capacity(1 << (8 * RIG_PREFIX_SIZE))
    }

    /// Only the first `capacity` prefixes (at most 65,536), so tests can fill the space.
    pub fn with_capacity(capacity: u32) -> Self {
        let capacity = capacity.min(1 << (8 * RIG_PREFIX_SIZE));
        Self { capacity, free: Arc::new(Mutex::new(Free { fresh: 0, returned: VecDeque::new() })) }
    }

    /// A prefix no live rig holds.
    pub fn lease(&self) -> Result<PrefixLease, PrefixesExhausted> {
        let mut free = self.free.lock().unwrap();
        let prefix = if free.fresh < self.capacity {
            free.fresh += 1;
            (free.fresh - 1) as u16
        } else {
            free.returned.pop_front().ok_or(PrefixesExhausted { capacity: self.capacity })?
        };
        Ok(PrefixLease { prefix, free: self.free.clone() })
    }
}

impl Default for PrefixAllocator {
    fn default() -> Self {
        Self::new()
    }
}

impl PrefixLease {
    /// The prefix as it goes into the rig's extranonce1 (and before its extranonce2 upstream).
    pub fn bytes(&self) -> [u8; RIG_PREFIX_SIZE] {
        self.prefix.to_be_bytes()
    }
}

impl Drop for PrefixLease {
    fn drop(&mut self) {
        self.free.lock().unwrap().returned.push_back(self.prefix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn live_rigs_never_share_a_prefix_and_a_full_space_refuses() {
        let prefixes = PrefixAllocator::with_capacity(300);
        let mut live: Vec<PrefixLease> = (0..300).map(|_| prefixes.lease().unwrap()).collect();
        let distinct: HashSet<_> = live.iter().map(PrefixLease::bytes).collect();
        assert_eq!(distinct.len(), 300);
        assert_eq!(
            prefixes.lease().unwrap_err().to_string(),
            "all 300 rig slots of this pool are in use; try again when a rig disconnects"
        );
        // Rigs come and go for a long while (far more connections than prefixes): the live ones
        // still hold distinct prefixes, and a lease is always available after a disconnect.
        for round in 0..100_000usize {
            let gone = live.swap_remove(round * 7919 % live.len());
            drop(gone);
            live.push(prefixes.lease().expect("a prefix was freed"));
            if round % 10_000 == 0 {
                let distinct: HashSet<_> = live.iter().map(PrefixLease::bytes).collect();
                assert_eq!(distinct.len(), live.len(), "round {round}");
            }
        }
        let distinct: HashSet<_> = live.iter().map(PrefixLease::bytes).collect();
        assert_eq!(distinct.len(), 300);
    }

    #[test]
    fn a_prefix_is_reused_after_its_rig_disconnects() {
        let prefixes = PrefixAllocator::with_capacity(2);
        let first = prefixes.lease().unwrap();
        let _second = prefixes.lease().unwrap();
        let freed = first.bytes();
        assert!(prefixes.lease().is_err());
        drop(first);
        assert_eq!(prefixes.lease().unwrap().bytes(), freed);
    }

    #[test]
    fn the_whole_space_is_65536_rigs() {
        let prefixes = PrefixAllocator::new();
        let leases: Vec<_> = (0..65_536).map(|_| prefixes.lease().unwrap()).collect();
        assert_eq!(leases.last().unwrap().bytes(), [0xff, 0xff]);
        assert_eq!(prefixes.lease().unwrap_err(), PrefixesExhausted { capacity: 65_536 });
    }
}
