/// Vote weight never exceeds what was locked: randomised over locks of random sizes and lengths,
/// changed before and after the proposal, and new locks made during the voting delay.
#[test_only]
module aihash::weight_tests;

use aihash::fixtures::{Self, hash};
use aihash::gov_fixtures::{Self as gf, alice, day_ms};
use aihash::governance::{Self, Governance, Proposal};
use aihash::vote_lock::{Self, Lock};
use sui::test_scenario::{Self as ts, Scenario};

const MAX_VOTERS: u64 = 12;

fun voter(i: u64): address { sui::address::from_u256((i as u256) + 0x1000) }

fun change(
    scenario: &mut Scenario,
    clock: &sui::clock::Clock,
    owner: address,
    lock_id: ID,
    seed: u64,
) {
    scenario.next_tx(owner);
    let mut lock = scenario.take_from_sender_by_id<Lock>(lock_id);
    let mut gov = scenario.take_shared<Governance>();
    if (seed % 2 == 0) {
        gov.increase_lock(
            &mut lock,
            fixtures::mint(scenario, hash(seed % 50_000 + 1)),
            clock,
            scenario.ctx(),
        );
    } else {
        let later = lock.unlock_ms() + vote_lock::week_ms() * (seed % 20 + 1);
        let cap = clock.timestamp_ms() + vote_lock::max_lock_ms();
        if (later <= cap) gov.extend_lock(&mut lock, later, clock, scenario.ctx());
    };
    ts::return_shared(gov);
    scenario.return_to_sender(lock);
}

#[random_test]
fun votes_never_exceed_the_total_weight_at_the_start(seeds: vector<u64>) {
    let (mut scenario, mut clock, _) = gf::setup();
    let count = seeds.length().min(MAX_VOTERS);
    let proposer = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let mut locks = vector[];
    count.do!(|i| {
        let seed = seeds[i];
        // Two weeks to four years: whole weeks round down, so at least one week stays locked.
        let week = vote_lock::week_ms();
        let duration = 2 * week + (seed >> 16) % (vote_lock::max_lock_ms() - 2 * week);
        locks.push_back(gf::lock(&mut scenario, &clock, voter(i), seed % 100_000 + 1, duration));
        if (seed % 3 == 0) change(&mut scenario, &clock, voter(i), locks[i], seed >> 8);
    });
    clock.set_for_testing(gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), proposer, governance::signal());
    // During the voting delay: locks change, and new ones appear (they cannot vote).
    clock.set_for_testing(gf::now() + day_ms() / 2);
    count.do!(
        |i| if (seeds[i] % 5 < 2) change(&mut scenario, &clock, voter(i), locks[i], seeds[i] >> 24),
    );
    let latecomer = gf::max_lock(&mut scenario, &clock, voter(99), 1_000_000);
    let _ = latecomer;
    clock.set_for_testing(gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), proposer, id, 1);
    count.do!(
        |i| gf::vote(&mut scenario, &clock, voter(i), locks[i], id, ((seeds[i] >> 40) % 3) as u8),
    );

    let proposal = scenario.take_shared_by_id<Proposal>(id);
    let counted =
        (proposal.for_weight() as u128) + (proposal.against_weight() as u128)
        + (proposal.abstain_weight() as u128);
    assert!(counted <= (proposal.total_weight() as u128));
    ts::return_shared(proposal);
    clock.destroy_for_testing();
    scenario.end();
}
