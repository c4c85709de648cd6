//! Where each rig's work goes. A route is one upstream pool session (with its job book) and the
//! journal target its shares are journaled under: in verify-only operation the one configured
//! pool, in chain operation one per fill, each to the pool of the fill's order. The route table
//! says which route each rig works on; rigs follow its changes without reconnecting when they
//! subscribed to extranonce changes (`mining.extranonce.subscribe`).
//!
//! `allocate` decides the table in chain operation: each rig works for a fill of its own
//! provider, the best-paying fill first, within the hashrate the keeper committed to each fill.

use crate::job::{Job, JobBook};
use crate::upstream::Upstream;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// One upstream pool session and the journal target of the work sent to it.
pub struct Route {
    pub target: String,
    pub upstream: Upstream,
    /// The pool session's current jobs, to look rigs' shares up in.
    pub book: Mutex<JobBook>,
}

impl Route {
    /// A route to `upstream`, journaled under `target`; its job book follows the pool's jobs for
    /// as long as the route lives.
    pub fn new(target: &str, upstream: Upstream) -> Arc<Self> {
        let route =
            Arc::new(Self { target: target.to_owned(), upstream, book: Mutex::new(JobBook::new(16)) });
        tokio::spawn(follow_jobs(Arc::downgrade(&route)));
        route
    }
}

/// Keeps a route's job book in step with the pool's jobs. A new session with the pool voids the
/// old session's jobs (the pool no longer knows them): the book is emptied, and the upstream
/// marks the new session's first job clean.
async fn follow_jobs(route: std::sync::Weak<Route>) {
    let Some(mut state) = route.upgrade().map(|r| r.upstream.state()) else { return };
    let mut last: Option<Arc<Job>> = None;
    let mut session = 0;
    loop {
        let Some(route) = route.upgrade() else { return };
        let (job, now_session) = {
            let state = state.borrow_and_update();
            (state.job.clone(), state.session)
        };
        if now_session != session {
            route.book.lock().unwrap().clear();
            session = now_session;
            last = None;
        }
        if let Some(job) = job.filter(|job| last.as_ref().is_none_or(|l| !Arc::ptr_eq(l, job))) {
            route.book.lock().unwrap().add(job.clone());
            last = Some(job);
        }
        drop(route);
        if state.changed().await.is_err() {
            return;
        }
    }
}

/// Which route each rig works on.
#[derive(Clone, Default)]
pub struct RouteTable {
    /// Routes by preference (best-paying first); rigs without an assignment of their own start
    /// on the first (in verify-only operation, the only one).
    routes: Vec<Arc<Route>>,
    /// The provider each route works for (in chain operation), by position in `routes`.
    providers: Vec<String>,
    /// Worker name -> route, in chain operation.
    assigned: HashMap<String, Arc<Route>>,
    /// Whether every rig may use the first route (verify-only operation). In chain operation a
    /// rig's work only goes to a fill of its own provider.
    open: bool,
}

impl RouteTable {
    /// Every rig works on `route` (verify-only operation).
    pub fn single(route: Arc<Route>) -> Self {
        Self { routes: vec![route], providers: vec![], assigned: HashMap::new(), open: true }
    }

    /// Rigs work where `assigned` says; a rig without an assignment (it just connected) on the
    /// first route of its provider. `routes` (each with the provider it works for) in order of
    /// preference.
    pub fn assigned(routes: Vec<(Arc<Route>, String)>, assigned: HashMap<String, Arc<Route>>) -> Self {
        let (routes, providers) = routes.into_iter().unzip();
        Self { routes, providers, assigned, open: false }
    }

    /// The preferred route: where a rig subscribing now starts, unless the proxy knows where its
    /// address last worked.
    pub fn first(&self) -> Option<Arc<Route>> {
        self.routes.first().cloned()
    }

    /// Where `worker` works, if anywhere.
    pub fn route_for(&self, worker: &str) -> Option<Arc<Route>> {
        if let Some(route) = self.assigned.get(worker) {
            return Some(route.clone());
        }
        if self.open {
            return self.first();
        }
        let provider = crate::proxy::provider_of(worker);
        let at = self.providers.iter().position(|p| p == provider)?;
        Some(self.routes[at].clone())
    }

    /// The route with journal target `target`.
    pub fn by_target(&self, target: &str) -> Option<Arc<Route>> {
        self.routes.iter().find(|r| r.target == target).cloned()
    }
}

/// A fill as the allocation weighs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The fill's journal target.
    pub target: String,
    pub provider: String,
    /// H/s the keeper committed to the fill.
    pub hashrate: u64,
    pub price: u64,
}

/// A connected rig as the allocation weighs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rig {
    pub worker: String,
    pub provider: String,
    /// Its measured hashrate, H/s.
    pub hashrate: u64,
}

/// Assigns rigs to fills (worker -> journal target), moving as few as it can from `current`:
/// - a rig only works for a fill of its own provider; a rig whose provider has no fill gets none;
/// - a rig keeps its fill while the fill exists and has room for it, unless a better-paying fill
///   of its provider has room for it (then it moves up: the best price first);
/// - a new rig takes the best-paying fill with room for it; when none has room, the fill with
///   the most room left (the committed hashrate is an estimate, and an idle rig earns nothing).
pub fn allocate(
    current: &BTreeMap<String, String>,
    slots: &[Slot],
    rigs: &[Rig],
) -> BTreeMap<String, String> {
    let mut slots: Vec<&Slot> = slots.iter().collect();
    slots.sort_by(|a, b| b.price.cmp(&a.price).then(a.target.cmp(&b.target)));
    let mut rigs: Vec<&Rig> = rigs.iter().collect();
    rigs.sort_by(|a, b| b.hashrate.cmp(&a.hashrate).then(a.worker.cmp(&b.worker)));
    let slot_of = |target: &str| slots.iter().position(|s| s.target == target);
    let mut load = vec![0u64; slots.len()];
    let mut placed: BTreeMap<&str, usize> = BTreeMap::new();
    for rig in &rigs {
        // A rig stays where it is while its fill exists, is its provider's and has room for it.
        let kept = current
            .get(&rig.worker)
            .and_then(|t| slot_of(t))
            .filter(|&i| slots[i].provider == rig.provider && room(&slots, &load, i) >= rig.hashrate as i128);
        if let Some(i) = kept {
            placed.insert(&rig.worker, i);
            load[i] += rig.hashrate;
        }
    }
    move_up(&slots, &rigs, &mut placed, &mut load);
    for rig in &rigs {
        if placed.contains_key(rig.worker.as_str()) {
            continue;
        }
        let own: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].provider == rig.provider).collect();
        let fitting = own.iter().copied().find(|&i| room(&slots, &load, i) >= rig.hashrate as i128);
        let roomiest = own.iter().copied().max_by_key(|&i| (room(&slots, &load, i), std::cmp::Reverse(i)));
        if let Some(i) = fitting.or(roomiest) {
            placed.insert(&rig.worker, i);
            load[i] += rig.hashrate;
        }
    }
    move_up(&slots, &rigs, &mut placed, &mut load);
    placed.into_iter().map(|(worker, i)| (worker.to_owned(), slots[i].target.clone())).collect()
}

/// Room left on slot `i` (negative when over-committed).
fn room(slots: &[&Slot], load: &[u64], i: usize) -> i128 {
    slots[i].hashrate as i128 - load[i] as i128
}

/// Moves rigs on worse-paying fills to better ones with room for them, until none can (each move
/// goes to a better-paying fill, so this ends).
fn move_up<'a>(slots: &[&Slot], rigs: &[&'a Rig], placed: &mut BTreeMap<&'a str, usize>, load: &mut [u64]) {
    let mut moved = true;
    while moved {
        moved = false;
        for rig in rigs {
            let Some(&at) = placed.get(rig.worker.as_str()) else { continue };
            let better = (0..at)
                .find(|&i| slots[i].provider == rig.provider && room(slots, load, i) >= rig.hashrate as i128);
            if let Some(i) = better {
                load[at] -= rig.hashrate;
                load[i] += rig.hashrate;
                placed.insert(&rig.worker, i);
                moved = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(target: &str, provider: &str, hashrate: u64, price: u64) -> Slot {
        Slot { target: target.into(), provider: provider.into(), hashrate, price }
    }

    fn rig(worker: &str, provider: &str, hashrate: u64) -> Rig {
        Rig { worker: worker.into(), provider: provider.into(), hashrate }
    }

    #[test]
    fn the_best_price_fills_first_and_rigs_stay_with_their_provider() {
        let slots = [slot("cheap", "a", 100, 10), slot("dear", "a", 60, 50), slot("b-only", "b", 100, 99)];
        let rigs = [rig("a.1", "a", 50), rig("a.2", "a", 40), rig("a.3", "a", 30), rig("c.1", "c", 10)];
        let plan = allocate(&BTreeMap::new(), &slots, &rigs);
        // 50 fits the dear fill; 40 does not any more, nor 30 (room 10): both go to the cheap one.
        assert_eq!(plan["a.1"], "dear");
        assert_eq!((plan["a.2"].as_str(), plan["a.3"].as_str()), ("cheap", "cheap"));
        assert!(!plan.contains_key("c.1"), "no fill of its provider: no work");
        // The dear fill ends: its rig moves to the cheap one; a new dear fill with room takes
        // the cheap fill's rigs that fit.
        let slots = [slot("cheap", "a", 100, 10), slot("dearer", "a", 45, 60)];
        let next = allocate(&plan, &slots, &rigs);
        assert_eq!(next["a.1"], "cheap");
        assert_eq!(next["a.2"], "dearer");
        assert_eq!(next["a.3"], "cheap");
    }

    #[test]
    fn rigs_over_every_fills_room_go_where_most_room_is_left() {
        let slots = [slot("x", "a", 10, 5), slot("y", "a", 30, 1)];
        let plan = allocate(&BTreeMap::new(), &slots, &[rig("a.big", "a", 100)]);
        assert_eq!(plan["a.big"], "y");
    }

    fn inputs() -> impl Strategy<Value = (Vec<Slot>, Vec<Rig>, BTreeMap<String, String>)> {
        let slots = proptest::collection::vec((0u8..3, 1u64..200, 0u64..5), 0..6).prop_map(|specs| {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, (p, h, price))| slot(&format!("f{i}"), &format!("p{p}"), h, price))
                .collect::<Vec<_>>()
        });
        let rigs = proptest::collection::vec((0u8..4, 1u64..80), 0..12).prop_map(|specs| {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, (p, h))| rig(&format!("r{i}"), &format!("p{p}"), h))
                .collect::<Vec<_>>()
        });
        let current = proptest::collection::btree_map(0u8..12, 0u8..6, 0..12)
            .prop_map(|m| m.into_iter().map(|(r, f)| (format!("r{r}"), format!("f{f}"))).collect());
        (slots, rigs, current)
    }

    proptest! {
        #[test]
        fn allocations_keep_to_providers_prices_and_room((slots, rigs, current) in inputs()) {
            let plan = allocate(&current, &slots, &rigs);
            let slot = |t: &str| slots.iter().find(|s| s.target == t).unwrap();
            let mut load: BTreeMap<&str, u64> = BTreeMap::new();
            for (worker, target) in &plan {
                let rig = rigs.iter().find(|r| &r.worker == worker).unwrap();
                prop_assert_eq!(&slot(target).provider, &rig.provider);
                *load.entry(target.as_str()).or_default() += rig.hashrate;
            }
            for rig in &rigs {
                let has_fill = slots.iter().any(|s| s.provider == rig.provider);
                prop_assert_eq!(plan.contains_key(&rig.worker), has_fill, "{} placed iff its provider has a fill", rig.worker);
                let Some(target) = plan.get(&rig.worker) else { continue };
                let at = slot(target);
                // No better-paying fill of its provider has room for it.
                for other in slots.iter().filter(|s| s.provider == rig.provider && s.price > at.price) {
                    let room = other.hashrate as i128 - *load.get(other.target.as_str()).unwrap_or(&0) as i128;
                    prop_assert!(room < rig.hashrate as i128, "{} could move up to {}", rig.worker, other.target);
                }
            }
            // Stable while every fill is within its committed hashrate: allocating again moves
            // no rig. (Over-committed fills shed rigs to where most room is left, which may
            // move some.)
            let within = load.iter().all(|(target, load)| *load <= slot(target).hashrate);
            if within {
                prop_assert_eq!(allocate(&plan, &slots, &rigs), plan.clone());
            }
        }
    }
}
