/// Recent Bitcoin chain tips, posted by authorised feeders (the oracle daemon), so a challenge can
/// check that a share was built on a real, then-current block: its previous-block hash must be a
/// tip posted around its delivery window. A share built on an old tip (replayed or precomputed
/// work) or on no tip at all fails.
///
/// A tip counts once `quorum` distinct feeders have posted it (one at genesis; governance raises it
/// as it authorises more feeders), so no single feeder can plant a made-up tip. Until then it
/// waits among its feeders' pending tips, at most 8 per feeder (a feeder's ninth drops its oldest
/// confirmation), so a feeder posting junk churns only its own pending list and cannot push real
/// tips out of the ring. With a quorum of one, every feeder is trusted with the ring.
///
/// The confirmed tips form a ring of fixed capacity (2,048, about two weeks of blocks, longer
/// than the longest dispute plus response window governance can set): confirming overwrites the
/// oldest slot and lookups go through a hash index, so both cost O(1) whatever the history.
module aihash::tips;

use aihash::market::{Market, MarketCap};
use aihash::version;
use sui::clock::Clock;
use sui::event;
use sui::table::{Self, Table};
use sui::vec_set::{Self, VecSet};

// === Errors ===

#[error]
const ENotFeeder: vector<u8> = b"only authorised feeders post Bitcoin tips";
#[error]
const ETooManyFeeders: vector<u8> = b"the tip feed allows at most 16 feeders";
#[error]
const EAlreadyFeeder: vector<u8> = b"this address is already a feeder";
#[error]
const EUnknownFeeder: vector<u8> = b"this address is not a feeder";
#[error]
const EHashLength: vector<u8> = b"a block hash is exactly 32 bytes";
#[error]
const EQuorumOutOfRange: vector<u8> = b"the tip quorum is 1 to 16 feeders";

// === Constants ===

const CAPACITY: u64 = 2048;
const MAX_FEEDERS: u64 = 16;
/// Tips one feeder may have waiting for the quorum.
const MAX_PENDING_PER_FEEDER: u64 = 8;

// === Types ===

public struct TipFeed has key {
    id: UID,
    version: u64,
    feeders: VecSet<address>,
    /// Distinct feeders that must post a tip before it counts.
    quorum: u64,
    /// Tips confirmed so far; the next goes to slot `posted % CAPACITY`.
    posted: u64,
    slots: Table<u64, Tip>,
    /// Block hash -> slot.
    index: Table<vector<u8>, u64>,
    /// Tips posted by fewer feeders than the quorum, by hash.
    pending: Table<vector<u8>, Tip>,
    /// Each feeder's pending posts, oldest first (at most `MAX_PENDING_PER_FEEDER`).
    pending_of: Table<address, vector<vector<u8>>>,
}

public struct Tip has copy, drop, store {
    /// Block hash, internal byte order (as in a header's previous-block field).
    hash: vector<u8>,
    height: u64,
    /// When the first feeder posted it.
    posted_ms: u64,
    /// The feeders that posted it.
    posted_by: VecSet<address>,
}

// === Events ===

public struct TipPosted has copy, drop {
    feed_id: ID,
    feeder: address,
    tip: Tip,
}

public struct FeedersChanged has copy, drop {
    feed_id: ID,
    feeders: vector<address>,
    quorum: u64,
}

// === Init ===

fun init(ctx: &mut TxContext) {
    transfer::share_object(TipFeed {
        id: object::new(ctx),
        version: version::current(),
        feeders: vec_set::empty(),
        quorum: 1,
        posted: 0,
        slots: table::new(ctx),
        index: table::new(ctx),
        pending: table::new(ctx),
        pending_of: table::new(ctx),
    });
}

// === Admin Functions ===

public fun add_feeder(feed: &mut TipFeed, market: &Market, cap: &MarketCap, feeder: address) {
    market.assert_cap(cap);
    version::assert_current(feed.version);
    assert!(!feed.feeders.contains(&feeder), EAlreadyFeeder);
    assert!(feed.feeders.length() < MAX_FEEDERS, ETooManyFeeders);
    feed.feeders.insert(feeder);
    feed.emit_feeders();
}

/// Sets how many distinct feeders must post a tip before it counts.
public fun set_quorum(feed: &mut TipFeed, market: &Market, cap: &MarketCap, quorum: u64) {
    market.assert_cap(cap);
    version::assert_current(feed.version);
    check_quorum(quorum);
    feed.quorum = quorum;
    feed.emit_feeders();
}

/// Aborts unless `quorum` is what `set_quorum` accepts.
public fun check_quorum(quorum: u64) {
    assert!(quorum >= 1 && quorum <= MAX_FEEDERS, EQuorumOutOfRange);
}

public fun remove_feeder(feed: &mut TipFeed, market: &Market, cap: &MarketCap, feeder: address) {
    market.assert_cap(cap);
    version::assert_current(feed.version);
    assert!(feed.feeders.contains(&feeder), EUnknownFeeder);
    feed.feeders.remove(&feeder);
    if (feed.pending_of.contains(feeder)) {
        feed.pending_of.remove(feeder).do!(|hash| feed.withdraw_pending(hash, feeder));
    };
    feed.emit_feeders();
}

// === Public-Mutative Functions ===

/// Records a Bitcoin tip, or another feeder's confirmation of one (a feeder posting a tip twice
/// changes nothing). A tip enters the ring once `quorum` distinct feeders posted it.
public fun post(feed: &mut TipFeed, hash: vector<u8>, height: u64, clock: &Clock, ctx: &TxContext) {
    version::assert_current(feed.version);
    let feeder = ctx.sender();
    assert!(feed.feeders.contains(&feeder), ENotFeeder);
    assert!(hash.length() == 32, EHashLength);
    let feed_id = feed.id.to_inner();
    if (feed.index.contains(hash)) {
        let tip = &mut feed.slots[feed.index[hash]];
        if (tip.posted_by.contains(&feeder)) return;
        tip.posted_by.insert(feeder);
        event::emit(TipPosted { feed_id, feeder, tip: *tip });
        return
    };
    if (!feed.pending.contains(hash)) {
        let tip = Tip {
            hash,
            height,
            posted_ms: clock.timestamp_ms(),
            posted_by: vec_set::empty(),
        };
        feed.pending.add(hash, tip);
    };
    let tip = &mut feed.pending[hash];
    if (tip.posted_by.contains(&feeder)) return;
    tip.posted_by.insert(feeder);
    let tip = *tip;
    event::emit(TipPosted { feed_id, feeder, tip });
    if (tip.posted_by.length() >= feed.quorum) {
        feed.confirm(hash);
    } else {
        feed.remember_pending(feeder, hash);
    }
}

// === Public-View Functions ===

/// The tip with this hash, if enough feeders posted it (under the quorum in force now) and it is
/// among the last 2,048 confirmed or still pending.
public fun find(feed: &TipFeed, hash: &vector<u8>): Option<Tip> {
    let tip = if (feed.index.contains(*hash)) {
        feed.slots[feed.index[*hash]]
    } else if (feed.pending.contains(*hash)) {
        feed.pending[*hash]
    } else {
        return option::none()
    };
    if (tip.posted_by.length() >= feed.quorum) option::some(tip) else option::none()
}

public fun quorum(feed: &TipFeed): u64 { feed.quorum }

/// Aborts unless the feed belongs to this version of the package.
public(package) fun assert_version(feed: &TipFeed) {
    version::assert_current(feed.version);
}

public fun feeders(feed: &TipFeed): vector<address> { feed.feeders.into_keys() }

public fun posted(feed: &TipFeed): u64 { feed.posted }

public fun capacity(): u64 { CAPACITY }

public fun hash(tip: &Tip): vector<u8> { tip.hash }

public fun height(tip: &Tip): u64 { tip.height }

public fun posted_ms(tip: &Tip): u64 { tip.posted_ms }

public fun confirmations(tip: &Tip): u64 { tip.posted_by.length() }

// === Private Functions ===

/// Moves a pending tip that reached the quorum into the ring, over the oldest confirmed tip.
fun confirm(feed: &mut TipFeed, hash: vector<u8>) {
    let tip = feed.pending.remove(hash);
    tip.posted_by.keys().do_ref!(|poster| {
        if (feed.pending_of.contains(*poster)) {
            let list = &mut feed.pending_of[*poster];
            let (found, at) = list.index_of(&hash);
            if (found) { list.remove(at); };
        }
    });
    let slot = feed.posted % CAPACITY;
    if (feed.slots.contains(slot)) {
        let old = feed.slots.remove(slot);
        feed.index.remove(old.hash);
    };
    feed.slots.add(slot, tip);
    feed.index.add(hash, slot);
    feed.posted = feed.posted + 1;
}

/// Notes `feeder`'s pending post of `hash`; past the per-feeder limit its oldest one is dropped.
fun remember_pending(feed: &mut TipFeed, feeder: address, hash: vector<u8>) {
    if (!feed.pending_of.contains(feeder)) feed.pending_of.add(feeder, vector[]);
    let list = &mut feed.pending_of[feeder];
    list.push_back(hash);
    if (list.length() > MAX_PENDING_PER_FEEDER) {
        let oldest = list.remove(0);
        feed.withdraw_pending(oldest, feeder);
    }
}

/// Takes `feeder`'s confirmation off a pending tip; a tip nobody confirms any more is dropped.
fun withdraw_pending(feed: &mut TipFeed, hash: vector<u8>, feeder: address) {
    if (!feed.pending.contains(hash)) return;
    let tip = &mut feed.pending[hash];
    if (tip.posted_by.contains(&feeder)) tip.posted_by.remove(&feeder);
    if (tip.posted_by.is_empty()) {
        feed.pending.remove(hash);
    }
}

fun emit_feeders(feed: &TipFeed) {
    event::emit(FeedersChanged {
        feed_id: feed.id.to_inner(),
        feeders: feed.feeders.into_keys(),
        quorum: feed.quorum,
    });
}

// === Test Functions ===

#[test_only]
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx);
}
