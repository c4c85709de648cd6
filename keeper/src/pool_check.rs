//! A look at an order's pool before the keeper fills the order: a session as the keeper would
//! hold for the fill, long enough to read the pool's share difficulty (the floor for the fill's
//! D) and a job, whose coinbase must pay the order's payout bytes (a share on another coinbase
//! fails a challenge, so no rig may work there). `PoolChecks` keeps what was found, so a pool is
//! checked again only every few minutes.

use crate::difficulty::ShareDifficulty;
use crate::duties::book::PoolTarget;
use crate::duties::fill::PoolCheck;
use crate::upstream::{Upstream, UpstreamConfig};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// How long a pool that sent a job may take to send its difficulty; Stratum's default is 1.
const DIFFICULTY_AFTER_JOB: Duration = Duration::from_secs(2);

/// Opens a session with `pool` as the order's worker, waits up to `within` for a job, and closes
/// it again.
pub async fn check(pool: &PoolTarget, within: Duration) -> PoolCheck {
    let upstream = Upstream::spawn(UpstreamConfig::new(pool.address(), &pool.worker, "x"));
    let mut state = upstream.state();
    let job = match tokio::time::timeout(within, state.wait_for(|s| s.connected && s.job.is_some())).await {
        Ok(Ok(ready)) => ready.job.clone().expect("waited for a job"),
        _ => return PoolCheck::Unfit(format!("no session with a job within {within:?}")),
    };
    if !pays(&job.coinbase1, &job.coinbase2, &pool.payout) {
        return PoolCheck::Unfit(format!(
            "its coinbase does not contain the order's payout bytes {}",
            hex::encode(&pool.payout)
        ));
    }
    let difficulty =
        match tokio::time::timeout(DIFFICULTY_AFTER_JOB, state.wait_for(|s| s.difficulty.is_some())).await {
            Ok(Ok(ready)) => ready.difficulty.expect("waited for a difficulty"),
            _ => ShareDifficulty::ONE,
        };
    PoolCheck::Fit { floor: difficulty.fixed() }
}

/// What the keeper found at the pools of orders it would fill, and the checks under way. A pool
/// found fit is checked again after ten minutes, an unfit one after five.
#[derive(Default)]
pub struct PoolChecks {
    found: HashMap<PoolTarget, (PoolCheck, Instant)>,
    checking: HashSet<PoolTarget>,
}

impl PoolChecks {
    const FIT_FOR: Duration = Duration::from_secs(600);
    const UNFIT_FOR: Duration = Duration::from_secs(300);
    const WITHIN: Duration = Duration::from_secs(15);

    pub fn record(&mut self, pool: PoolTarget, check: PoolCheck) {
        match &check {
            PoolCheck::Fit { floor } => {
                tracing::info!(pool = %pool.url, worker = %pool.worker, floor, "pool checked: fit to fill")
            }
            PoolCheck::Unfit(why) => {
                tracing::warn!(pool = %pool.url, worker = %pool.worker, %why, "pool checked: its orders are not filled")
            }
        }
        self.checking.remove(&pool);
        // Pools of orders long gone are forgotten.
        self.found.retain(|_, (_, at)| at.elapsed() < Self::FIT_FOR.max(Self::UNFIT_FOR));
        self.found.insert(pool, (check, Instant::now()));
    }

    /// The checks still valid.
    pub fn fresh(&self) -> HashMap<PoolTarget, PoolCheck> {
        self.found
            .iter()
            .filter(|(_, (check, at))| {
                let valid =
                    if matches!(check, PoolCheck::Fit { .. }) { Self::FIT_FOR } else { Self::UNFIT_FOR };
                at.elapsed() < valid
            })
            .map(|(pool, (check, _))| (pool.clone(), check.clone()))
            .collect()
    }

    /// Starts checking each of `pools` not being checked already.
    pub fn start(&mut self, pools: Vec<PoolTarget>, done: &mpsc::UnboundedSender<(PoolTarget, PoolCheck)>) {
        for pool in pools {
            if self.checking.insert(pool.clone()) {
                let done = done.clone();
                tokio::spawn(async move {
                    let check = check(&pool, Self::WITHIN).await;
                    let _ = done.send((pool, check));
                });
            }
        }
    }
}

/// Whether a coinbase made of these halves (around the extranonces) contains `payout`.
pub fn pays(coinbase1: &[u8], coinbase2: &[u8], payout: &[u8]) -> bool {
    !payout.is_empty()
        && [coinbase1, coinbase2].iter().any(|half| half.windows(payout.len()).any(|w| w == payout))
}

#[cfg(test)]
mod tests {
    use super::pays;

    #[test]
    fn a_coinbase_pays_the_payout_found_in_either_half() {
        let payout = b"\x00\x14payout-script";
        assert!(pays(b"cb1", &[b"out:".as_slice(), payout].concat(), payout));
        assert!(pays(&[payout.as_slice(), b"..."].concat(), b"cb2", payout));
        assert!(!pays(b"cb1", b"another pool's output", payout));
        assert!(!pays(b"cb1", b"cb2", b""), "no payout bytes: nothing to check against, not trusted");
    }
}
