//! Reading commands (`order list|show`, `dao list|show`) run as a user runs them, against the node
//! double serving the package's golden objects and events over loopback gRPC.

mod common;

use aihash_sdk::bindings::governance::{Proposal, ProposalCreated};
use aihash_sdk::bindings::order::{Order, OrderCreated, State};
use common::{stderr, Setup};
use moverox_sui::sui::sui::SUI;
use sui_sdk_types::Address;

fn golden<T: serde::de::DeserializeOwned>(name: &str) -> T {
    bcs::from_bytes(aihash_sdk::golden::bytes(name).unwrap()).unwrap()
}

fn moverox_id(id: Address) -> moverox_sui::sui::object::ID {
    moverox_sui::sui::object::ID { bytes: moverox::types::Address::new(id.into_inner()) }
}

fn json(output: &std::process::Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("--json prints JSON")
}

/// Two orders on chain: the golden (active) one, and an ended one of another buyer; both created
/// in checkpoints after an empty one.
struct Market {
    setup: Setup,
    open: Address,
    ended: Address,
    other_buyer: Address,
}

fn market(name: &str) -> Market {
    let setup = Setup::new(name);
    let package = setup.deployment.package;
    let order_type = format!("{package}::order::Order<0x2::sui::SUI>");
    let created: OrderCreated = golden("order_created");
    let open = Address::new(created.order_id.bytes.into_inner());
    let ended = Address::new([0x0e; 32]);
    let other_buyer = Address::new([0xb2; 32]);
    let mut ended_created = created.clone();
    ended_created.order_id = moverox_id(ended);
    ended_created.buyer = moverox::types::Address::new(other_buyer.into_inner());
    let mut ended_order: Order<SUI> = golden("order_object");
    ended_order.id.id = moverox_id(ended);
    ended_order.buyer = ended_created.buyer;
    ended_order.state = State::Ended { reason: aihash_sdk::bindings::order::EndReason::Cancelled };
    let double = &setup.double;
    double.add_checkpoint(&["genesis"]);
    double.add_checkpoint_with_events(
        "tx-open",
        package,
        &[("order", "OrderCreated", aihash_sdk::golden::bytes("order_created").unwrap().to_vec())],
    );
    double.add_checkpoint_with_events(
        "tx-ended",
        package,
        &[("order", "OrderCreated", bcs::to_bytes(&ended_created).unwrap())],
    );
    double.add_shared_object(
        open,
        &order_type,
        3,
        aihash_sdk::golden::bytes("order_object").unwrap().to_vec(),
    );
    double.add_shared_object(ended, &order_type, 4, bcs::to_bytes(&ended_order).unwrap());
    Market { setup, open, ended, other_buyer }
}

#[test]
fn order_list_shows_open_orders_and_filters_by_buyer() {
    let market = market("order-list");
    let listed = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["order", "list", "--json"];
        all.extend(args);
        let out = json(&market.setup.read(&all));
        out.as_array().unwrap().iter().map(|o| o["order"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(listed(&[]), [market.open.to_string()]);
    assert_eq!(listed(&["--all"]), [market.open.to_string(), market.ended.to_string()]);
    assert_eq!(listed(&["--all", "--buyer", &market.other_buyer.to_string()]), [market.ended.to_string()]);
    // Starting after the first creation finds only the second.
    assert_eq!(listed(&["--all", "--from-checkpoint", "2"]), [market.ended.to_string()]);
}

#[test]
fn order_list_names_a_bad_start_and_a_bad_buyer() {
    let market = market("order-list-bad");
    let out = market.setup.read(&["order", "list", "--from-checkpoint", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--from-checkpoint 99 is past the node's latest checkpoint 2"),
        "{}",
        stderr(&out)
    );
    let out = market.setup.read(&["order", "list", "--buyer", "0xnot"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--buyer `0xnot`"), "{}", stderr(&out));
}

#[test]
fn order_show_lists_the_fills_from_the_fills_table() {
    let market = market("order-show");
    let order: Order<SUI> = golden("order_object");
    let table = Address::new(order.fills.id.id.bytes.into_inner());
    let fill = |keeper: u8, hashrate: u64, released_ms: u64| {
        let fields = (
            Address::new([keeper; 32]),
            Address::new([0xf0; 32]),
            hashrate,
            3u128 << 31, // D = 1.5
            Option::<(u128, u64)>::None,
            1_000u64,
            2_000u64,
            released_ms,
        );
        bcs::to_bytes(&fields).unwrap()
    };
    let double = &market.setup.double;
    double.add_dynamic_field(
        table,
        Address::new([0x51; 32]),
        bcs::to_bytes(&1u64).unwrap(),
        "Fill",
        fill(2, 5_000_000_000_000, 9),
    );
    double.add_dynamic_field(
        table,
        Address::new([0x50; 32]),
        bcs::to_bytes(&0u64).unwrap(),
        "Fill",
        fill(1, 100_000_000_000, 0),
    );
    let out = json(&market.setup.read(&["order", "show", &market.open.to_string(), "--json"]));
    assert_eq!(out["state"], "active");
    let fills = out["fill_list"].as_array().unwrap();
    assert_eq!(fills.len(), 2);
    assert_eq!((fills[0]["number"].as_u64(), fills[0]["released"].as_bool()), (Some(0), Some(false)));
    assert_eq!(fills[0]["keeper"], Address::new([1; 32]).to_string());
    assert_eq!(fills[0]["difficulty"].as_f64(), Some(1.5));
    assert_eq!((fills[1]["number"].as_u64(), fills[1]["released"].as_bool()), (Some(1), Some(true)));
    assert_eq!(fills[1]["hashrate"], "5.00 TH/s (5000000000000 H/s)");

    // Not an order: named, exit 7 (the wrong kind of object).
    market.setup.double.add_shared_object(Address::new([0x77; 32]), "0x2::clock::Clock", 1, vec![0; 40]);
    let out = market.setup.read(&["order", "show", &Address::new([0x77; 32]).to_string()]);
    assert_eq!(out.status.code(), Some(7));
    assert!(
        stderr(&out).contains("is a `0x2::clock::Clock` and does not decode as a order::Order"),
        "{}",
        stderr(&out)
    );
}

/// The golden proposal (lower the platform fee to 5%, no votes) created in checkpoint 1.
fn governance(name: &str) -> (Setup, Address) {
    let setup = Setup::new(name);
    let package = setup.deployment.package;
    let created: ProposalCreated = golden("governance_proposal_created");
    let id = Address::new(created.proposal_id.bytes.into_inner());
    setup.double.add_checkpoint(&["genesis"]);
    setup.double.add_checkpoint_with_events(
        "tx-propose",
        package,
        &[(
            "governance",
            "ProposalCreated",
            aihash_sdk::golden::bytes("governance_proposal_created").unwrap().to_vec(),
        )],
    );
    setup.double.add_shared_object(
        id,
        &format!("{package}::governance::Proposal"),
        5,
        aihash_sdk::golden::bytes("governance_proposal_object").unwrap().to_vec(),
    );
    (setup, id)
}

#[test]
fn dao_show_and_list_give_the_state_now_and_the_votes() {
    let (setup, id) = governance("dao");
    let proposal: Proposal = golden("governance_proposal_object");
    let out = json(&setup.read(&["dao", "show", &id.to_string(), "--json"]));
    assert_eq!(out["number"], proposal.number);
    assert_eq!(out["action"]["SetMarketFees"]["platform_fee_bps"], 500);
    assert_eq!(out["description"], "lower the platform fee to 5%");
    // Its voting ended long ago (2025) with no votes: defeated.
    assert_eq!((out["state"].as_str(), out["passed"].as_bool()), (Some("defeated"), Some(false)));
    assert_eq!(
        out["quorum"],
        (proposal.total_weight as u128 * proposal.params.quorum_bps as u128 / 10_000) as u64
    );

    let listed = json(&setup.read(&["dao", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["proposal"], id.to_string());
    let defeated = json(&setup.read(&["dao", "list", "--state", "defeated", "--json"]));
    assert_eq!(defeated.as_array().unwrap().len(), 1);
    let active = json(&setup.read(&["dao", "list", "--state", "active", "--json"]));
    assert!(active.as_array().unwrap().is_empty());
    let out = setup.read(&["dao", "show", &Address::new([0x99; 32]).to_string()]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
}
