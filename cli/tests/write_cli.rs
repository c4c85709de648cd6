//! Writing commands (`identity create`, `order create`) run as a user runs them, against the node
//! double over loopback gRPC: the submitted Move calls and their arguments, dry runs, and bad
//! input of every argument type.

mod common;

use aihash_node_double::CallArg;
use aihash_sdk::network::Deployments;
use aihash_sdk::tx::Shared;
use common::{stderr, Setup, ORDER_CREATE as ORDER};
use std::process::Command;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_sdk_types::Address;

#[test]
fn identity_create_submits_a_signed_call_with_the_roles() {
    let setup = Setup::new("identity");
    let out = setup.run(&["identity", "create", "--role", "keeper", "--role", "provider", "--yes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let submitted = setup.double.submitted();
    assert_eq!(submitted.len(), 1);
    assert_eq!(report["digest"], submitted[0].digest);
    assert_eq!(submitted[0].sender, setup.sender);
    let new = &submitted[0].calls[0];
    assert_eq!((new.module.as_str(), new.function.as_str()), ("identity", "new"));
    assert_eq!(new.arguments[0], CallArg::Object(setup.deployment.registry.id));
    assert_eq!(new.arguments[1], CallArg::Pure(vec![3]));
    assert_eq!(submitted[0].calls[1].function, "share");
}

#[test]
fn order_create_escrows_the_amount_at_the_price() {
    let setup = Setup::new("order");
    let mut args = ORDER.to_vec();
    args.extend(["--yes", "--json"]);
    let out = setup.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let new = &setup.double.submitted()[0].calls[0];
    assert_eq!((new.module.as_str(), new.function.as_str()), ("order", "new"));
    assert!(new.type_arguments[0].ends_with("::sui::SUI"));
    // price in MIST per PH·day, cap in H/s
    assert_eq!(new.arguments[4], CallArg::Pure(45_000_000u64.to_le_bytes().to_vec()));
    assert_eq!(new.arguments[5], CallArg::Pure(3_000_000_000_000_000u64.to_le_bytes().to_vec()));
    assert_eq!(new.arguments[3], CallArg::Pure(vec![4, 0x00, 0x14, 0xaa, 0xbb]));
}

#[test]
fn a_dry_run_shows_the_calls_and_sends_nothing() {
    let setup = Setup::new("dry");
    let out = setup.run(&["identity", "create", "--role", "provider", "--dry-run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dry_run"], true);
    assert!(report["digest"].is_null());
    // The node dry-ran it: two commands at the double's 1,000,000 MIST each plus 2,000,000 storage.
    assert_eq!(report["gas_estimate"], "0.004 SUI (4000000 base units)");
    assert_eq!(setup.double.simulated().len(), 1);
    assert!(report["calls"][0]["function"].as_str().unwrap().ends_with("::identity::new"));
    assert!(setup.double.submitted().is_empty());
}

#[test]
fn a_dry_run_shows_the_balance_changes_the_node_reports() {
    let setup = Setup::new("dry-balances");
    // What a node would report for escrowing 10 SUI: the sender's SUI goes down by the escrow
    // (plus gas, which the double adds), and some other coin changes too.
    let escrow = -10_000_000_000i128;
    setup.double.simulate_balance_changes(&[
        (setup.sender, "0x2::sui::SUI", escrow),
        (Address::new([0xb2; 32]), "0xa1::hash::HASH", 2_500_000_000),
        (Address::new([0xb3; 32]), "0xc0::usdc::USDC", -7),
    ]);
    let mut args = ORDER.to_vec();
    args.extend(["--dry-run", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&setup.run(&args).stdout).unwrap();
    let changes = report["balance_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3);
    // Three commands (split, new, share) at 1,000,000 MIST each plus 2,000,000 storage.
    assert_eq!(changes[0]["owner"], setup.sender.to_string());
    assert_eq!(changes[0]["amount"], "-10.005 SUI (10005000000 base units)");
    assert_eq!(changes[1]["amount"], "+2.5 HASH (2500000000 base units)");
    assert_eq!(changes[2]["amount"], "-7 base units");
    assert!(setup.double.submitted().is_empty());
    // The text form lists them too.
    let mut args = ORDER.to_vec();
    args.push("--dry-run");
    let text = String::from_utf8(setup.run(&args).stdout).unwrap();
    assert!(text.contains("-10.005 SUI"), "{text}");
    assert!(text.contains("estimated gas 0.005 SUI"), "{text}");
}

#[test]
fn gas_is_paid_with_as_many_coins_as_the_budget_needs() {
    let setup = Setup::new("gas");
    // The setup's 100 SUI coin, and two small ones.
    setup.double.add_coin(setup.sender, Address::new([0x6b; 32]), "0x2::sui::SUI", 30_000_000);
    setup.double.add_coin(setup.sender, Address::new([0x6c; 32]), "0x2::sui::SUI", 20_000_000);
    let create = ["identity", "create", "--role", "provider", "--yes"];
    let out = setup.run(&[&create[..], &["--gas-budget", "100.04 SUI"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        setup.double.submitted()[0].gas,
        [Address::new([0x6a; 32]), Address::new([0x6b; 32]), Address::new([0x6c; 32])]
    );
    let out = setup.run(&[&create[..], &["--gas-budget", "0.5 SUI"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(setup.double.submitted()[1].gas, [Address::new([0x6a; 32])]);
    let out = setup.run(&[&create[..], &["--gas-budget", "100.06 SUI"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot cover the gas budget of 100.06 SUI"), "{}", stderr(&out));
}

#[test]
fn sending_without_yes_and_without_a_terminal_is_refused() {
    let setup = Setup::new("noyes");
    let out = setup.run(&["identity", "create", "--role", "provider"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert!(setup.double.submitted().is_empty());
}

/// Every argument type, malformed: a one-line error naming the value, exit status 2, no panic.
#[test]
fn malformed_values_are_named_with_exit_2() {
    let setup = Setup::new("bad");
    let replace = |flag: &str, value: &'static str| {
        let mut args = ORDER.to_vec();
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        args.push("--dry-run");
        args
    };
    let cases = [
        (replace("--price", "cheap"), "cheap"),
        (replace("--hashrate-cap", "3"), "`3`"),
        (replace("--escrow", "1.2.3 SUI"), "1.2.3 SUI"),
        (replace("--payout", "zz"), "zz"),
    ];
    for (args, named) in cases {
        let out = setup.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(named), "{named}: {message}");
    }
    let out = setup.run(&["identity", "create", "--role", "wizard", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2));
    let out = setup.run(&["identity", "create", "--role", "keeper", "--dry-run", "--sender", "0xzz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("0xzz"));
}

#[test]
fn an_unknown_network_and_an_unreachable_node_are_named() {
    let setup = Setup::new("net");
    let out = Command::new(env!("CARGO_BIN_EXE_aihash"))
        .args(["identity", "create", "--role", "keeper", "--network", "moon", "--dry-run"])
        .output()
        .unwrap();
    common::assert_fails(&out, 6, "`moon`");

    // The deployments file names a node nobody serves.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let mut deployments = Deployments::load(&setup.dir.join("deployments.json")).unwrap();
    deployments.networks.insert(dead.clone(), setup.deployment.clone());
    deployments.save(&setup.dir.join("deployments.json")).unwrap();
    let keystore = setup.dir.join("sui.keystore");
    let path = setup.dir.join("deployments.json");
    let out = Command::new(env!("CARGO_BIN_EXE_aihash"))
        .args(["identity", "create", "--role", "keeper", "--dry-run", "--network", &dead])
        .args(["--keystore", keystore.to_str().unwrap(), "--deployments", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot reach the node"), "{}", stderr(&out));
}

#[test]
fn an_identity_resolves_to_its_did_document_and_shows_its_record() {
    let setup = Setup::new("resolve");
    let id: Address = "0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56".parse().unwrap();
    let golden = aihash_sdk::golden::bytes("identity_object").unwrap().to_vec();
    setup.double.add_object(id, "0xa1::identity::Identity", 22, golden);
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_aihash")).args(args).output().unwrap();

    let out = run(&["identity", "resolve", &id.to_string(), "--network", &setup.url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resolved: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(resolved["didDocument"]["id"], format!("did:sui:mainnet:{id}"));
    assert_eq!(resolved["didDocument"]["service"][0]["type"], "StratumEndpoint");

    let out = run(&["identity", "show", &format!("did:sui:mainnet:{id}"), "--network", &setup.url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("active") && text.contains("2000 HASH"), "{text}");

    let missing = "0x00000000000000000000000000000000000000000000000000000000000000ff";
    let out = run(&["identity", "show", missing, "--network", &setup.url]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains(missing) && stderr(&out).contains("not found"), "{}", stderr(&out));

    let out = run(&["identity", "resolve", "did:web:example.com"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stake_add_splits_hash_and_stakes_it_on_the_shared_identity() {
    let setup = Setup::new("stake");
    let identity = Address::new([0x1d; 32]);
    setup.double.add_shared_object(identity, "0xa1::identity::Identity", 40, vec![]);
    let hash_type = setup.deployment.hash_type().to_string();
    setup.double.add_coin(setup.sender, Address::new([0xca; 32]), &hash_type, 5_000_000_000_000);
    let out =
        setup.run(&["stake", "add", "--identity", &identity.to_string(), "--amount", "1000 HASH", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let call = &setup.double.submitted()[0].calls[0];
    assert_eq!((call.module.as_str(), call.function.as_str()), ("staking", "stake"));
    assert_eq!(call.arguments[0], CallArg::Object(identity));

    assert_eq!(setup.double.submitted()[0].commands, ["SplitCoins", "MoveCall"]);

    // More than any one coin holds: the coins are merged, largest first, then split.
    setup.double.add_coin(setup.sender, Address::new([0xcb; 32]), &hash_type, 2_000_000_000_000);
    setup.double.add_coin(setup.sender, Address::new([0xcc; 32]), &hash_type, 1_000_000_000_000);
    let out =
        setup.run(&["stake", "add", "--identity", &identity.to_string(), "--amount", "6000 HASH", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let submitted = &setup.double.submitted()[1];
    assert_eq!(submitted.commands, ["MergeCoins", "SplitCoins", "MoveCall"]);
    assert!(submitted.calls[0].function == "stake");

    // More than all of them hold: named with what is held, nothing sent.
    let out =
        setup.run(&["stake", "add", "--identity", &identity.to_string(), "--amount", "8001 HASH", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("holds 8000 HASH"), "{}", stderr(&out));
    assert!(stderr(&out).contains("in 3 HASH coins, less than the 8001 HASH"), "{}", stderr(&out));
    assert_eq!(setup.double.submitted().len(), 2);

    // An object that is not shared is no identity.
    let out = setup.run(&[
        "stake",
        "add",
        "--identity",
        &Address::new([0xca; 32]).to_string(),
        "--amount",
        "1 HASH",
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(stderr(&out).contains("shared object"), "{}", stderr(&out));
}

#[test]
fn dao_vote_uses_the_owned_lock_on_the_shared_proposal() {
    let setup = Setup::new("vote");
    let proposal = Address::new([0x9f; 32]);
    let lock = Address::new([0x10; 32]);
    setup.double.add_shared_object(proposal, "0xa1::governance::Proposal", 41, vec![]);
    setup.double.add_owned_object(setup.sender, lock, "0xa1::vote_lock::Lock", 5, vec![]);
    let out = setup.run(&[
        "dao",
        "vote",
        "--proposal",
        &proposal.to_string(),
        "--lock",
        &lock.to_string(),
        "--support",
        "for",
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let call = &setup.double.submitted()[0].calls[0];
    assert_eq!((call.module.as_str(), call.function.as_str()), ("governance", "vote"));
    assert_eq!(
        call.arguments[..3],
        [CallArg::Object(proposal), CallArg::Object(lock), CallArg::Pure(vec![1])]
    );
}

#[test]
fn keeper_register_creates_an_identity_with_the_senders_key_and_endpoint() {
    let setup = Setup::new("keeper");
    let out =
        setup.run(&["keeper", "register", "--stratum-url", "stratum+tcp://keeper.example:3333", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let calls = &setup.double.submitted()[0].calls;
    let names: Vec<_> = calls.iter().map(|c| c.function.as_str()).collect();
    assert_eq!(names, ["new", "add_method", "add_service", "share"]);
    let public_key = Ed25519PrivateKey::new([21; 32]).public_key();
    assert_eq!(calls[1].arguments[4], CallArg::Pure(bcs::to_bytes(&public_key.as_bytes().to_vec()).unwrap()));
    assert_eq!(calls[1].arguments[5], CallArg::Pure(vec![5]));
    let out = setup.run(&["keeper", "register", "--stratum-url", "has space", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has space"));
}

#[test]
fn oracle_show_reads_the_tip_feed() {
    use aihash_sdk::bindings::tips::TipFeed;
    use moverox_sui::sui::{
        object::{ID, UID},
        table::Table,
        vec_set::VecSet,
    };
    let setup = Setup::new("oracle");
    let uid = |n: u8| UID::new(ID::new(moverox::types::Address::from([n; 32])));
    let feeder = moverox::types::Address::from([0xfe; 32]);
    let feed = TipFeed::new(
        uid(3),
        1,
        VecSet::new(vec![feeder]),
        2,
        7,
        Table::new(uid(5), 7),
        Table::new(uid(6), 7),
        Table::new(uid(7), 0),
        Table::new(uid(8), 0),
    );
    setup.double.add_shared_object(
        setup.deployment.tips.id,
        "0xa1::tips::TipFeed",
        3,
        bcs::to_bytes(&feed).unwrap(),
    );
    let deployments = setup.dir.join("deployments.json");
    let out = Command::new(env!("CARGO_BIN_EXE_aihash"))
        .args([
            "oracle",
            "show",
            "--network",
            &setup.url,
            "--deployments",
            deployments.to_str().unwrap(),
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["quorum"], 2);
    assert_eq!(view["tips_posted"], 7);
    assert_eq!(view["feeders"][0], feeder.to_string());
}

#[test]
fn order_show_decodes_the_order_in_human_units() {
    let setup = Setup::new("ordershow");
    let id = Address::new([0x0d; 32]);
    let golden = aihash_sdk::golden::bytes("order_object").unwrap().to_vec();
    setup.double.add_shared_object(id, "0xa1::order::Order<0x2::sui::SUI>", 9, golden);
    let out = Command::new(env!("CARGO_BIN_EXE_aihash"))
        .args(["order", "show", &id.to_string(), "--network", &setup.url, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["state"], "active");
    assert_eq!(view["pool_url"], "stratum+tcp://pool.example:3333");
    assert_eq!(view["escrow"], "0.00000006 SUI (60 base units)");
    assert_eq!(view["hashrate_cap"], "1.00 TH/s (1000000000000 H/s)");
    assert_eq!(view["fills"], 1);
}

/// One call per remaining writing command, each checked for the Move function it calls and its
/// key arguments.
#[test]
fn the_other_writing_commands_call_their_move_functions() {
    let setup = Setup::new("others");
    let order = Address::new([0x0d; 32]);
    let identity = Address::new([0x1d; 32]);
    let proposal = Address::new([0x9f; 32]);
    setup.double.add_shared_object(order, "0xa1::order::Order<0x2::sui::SUI>", 9, vec![]);
    setup.double.add_shared_object(identity, "0xa1::identity::Identity", 40, vec![]);
    setup.double.add_shared_object(proposal, "0xa1::governance::Proposal", 41, vec![]);
    let hash_type = setup.deployment.hash_type().to_string();
    setup.double.add_coin(setup.sender, Address::new([0xca; 32]), &hash_type, 50_000_000_000_000);
    let (o, i, p) = (order.to_string(), identity.to_string(), proposal.to_string());
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["order", "top-up", "--order", &o, "--amount", "5 SUI"], "order", "top_up"),
        (vec!["order", "reprice", "--order", &o, "--price", "0.05 SUI/PH/day"], "order", "set_price"),
        (vec!["order", "cancel", "--order", &o], "order", "cancel"),
        (
            vec![
                "identity",
                "add-service",
                "--identity",
                &i,
                "--id",
                "eu",
                "--type",
                "StratumEndpoint",
                "--endpoint",
                "stratum+tcp://eu:1",
            ],
            "identity",
            "add_service",
        ),
        (vec!["identity", "deactivate", "--identity", &i], "identity", "deactivate"),
        (vec!["stake", "unstake", "--identity", &i, "--amount", "200 HASH"], "staking", "request_unstake"),
        (vec!["stake", "withdraw", "--identity", &i], "staking", "withdraw"),
        (vec!["dao", "lock", "--amount", "20000 HASH", "--weeks", "52"], "governance", "lock"),
        (vec!["dao", "queue", "--proposal", &p], "governance", "queue"),
    ];
    for (n, (mut args, module, function)) in cases.into_iter().enumerate() {
        args.push("--yes");
        let out = setup.run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let submitted = setup.double.submitted();
        assert_eq!(submitted.len(), n + 1, "{args:?}");
        let call = &submitted[n].calls[0];
        assert_eq!((call.module.as_str(), call.function.as_str()), (module, function), "{args:?}");
    }
    let submitted = setup.double.submitted();
    // reprice: 0.05 SUI per PH·day in MIST
    assert_eq!(submitted[1].calls[0].arguments[2], CallArg::Pure(50_000_000u64.to_le_bytes().to_vec()));
    // unstake: 200 HASH in base units
    assert_eq!(submitted[5].calls[0].arguments[2], CallArg::Pure(200_000_000_000u64.to_le_bytes().to_vec()));
    // the lock is kept by its voter in the same transaction
    assert_eq!(submitted[7].calls[1].function, "keep_lock");

    let out = setup.run(&["dao", "lock", "--amount", "1 HASH", "--weeks", "209", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // order, identity, stake and dao: each signed with the keystore's key.
}

#[test]
fn dao_propose_builds_the_action_and_execute_follows_the_proposals_action() {
    let setup = Setup::new("propose");
    let lock = Address::new([0x10; 32]);
    setup.double.add_owned_object(setup.sender, lock, "0xa1::vote_lock::Lock", 5, vec![]);
    let out = setup.run(&[
        "dao",
        "propose",
        "set-market-fees",
        "--lock",
        &lock.to_string(),
        "--platform-fee-bps",
        "500",
        "--keeper-share-bps",
        "2500",
        "--description",
        "lower the platform fee to 5%",
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let calls = &setup.double.submitted()[0].calls;
    assert_eq!((calls[0].function.as_str(), calls[1].function.as_str()), ("set_market_fees", "propose"));
    assert_eq!(
        calls[0].arguments,
        [CallArg::Pure(500u64.to_le_bytes().to_vec()), CallArg::Pure(2_500u64.to_le_bytes().to_vec())]
    );
    assert_eq!(calls[1].arguments[0], CallArg::Object(setup.deployment.governance.id));
    assert_eq!(calls[1].arguments[1], CallArg::Object(lock));

    // The golden proposal lowers the market fee: it executes through execute_market.
    let proposal = Address::new([0x9f; 32]);
    let golden = aihash_sdk::golden::bytes("governance_proposal_object").unwrap().to_vec();
    setup.double.add_shared_object(proposal, "0xa1::governance::Proposal", 41, golden);
    let out = setup.run(&["dao", "execute", "--proposal", &proposal.to_string(), "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let execute = &setup.double.submitted()[1].calls[0];
    assert_eq!(execute.function, "execute_market");
    assert_eq!(
        execute.arguments[..3],
        [
            CallArg::Object(proposal),
            CallArg::Object(setup.deployment.governance.id),
            CallArg::Object(setup.deployment.market.id)
        ]
    );

    // No action: refused by the argument parser, nothing sent.
    let out = setup.run(&["dao", "propose", "--lock", &lock.to_string(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(setup.double.submitted().len(), 2);
}

#[test]
fn keys_are_added_and_rotated_with_checked_lengths() {
    let setup = Setup::new("addkey");
    let identity = Address::new([0x1d; 32]);
    setup.double.add_shared_object(identity, "0xa1::identity::Identity", 40, vec![]);
    let i = identity.to_string();
    let key = "11".repeat(32);
    let out = setup.run(&[
        "identity",
        "add-key",
        "--identity",
        &i,
        "--id",
        "signing-2",
        "--key-type",
        "ed25519",
        "--public-key",
        &key,
        "--purpose",
        "keeper-signing",
        "--purpose",
        "authentication",
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let call = &setup.double.submitted()[0].calls[0];
    assert_eq!(call.function, "add_method");
    assert_eq!(call.arguments[3], CallArg::Pure(vec![0]));
    assert_eq!(call.arguments[5], CallArg::Pure(vec![5]));

    let new_key = format!("02{}", "22".repeat(32));
    let out = setup.run(&[
        "identity",
        "rotate-key",
        "--identity",
        &i,
        "--id",
        "signing-2",
        "--key-type",
        "secp256k1",
        "--public-key",
        &new_key,
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(setup.double.submitted()[1].calls[0].function, "rotate_method");

    let short = "11".repeat(31);
    let out = setup.run(&[
        "identity",
        "rotate-key",
        "--identity",
        &i,
        "--id",
        "k",
        "--key-type",
        "ed25519",
        "--public-key",
        &short,
        "--dry-run",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("31 bytes"), "{}", stderr(&out));
}

#[test]
fn publish_sends_the_modules_and_records_the_deployment_from_the_effects() {
    let setup = Setup::new("publish");
    let bytecode = setup.dir.join("bytecode.json");
    std::fs::write(
        &bytecode,
        r#"{"modules": ["oRzrCwcAAA==", "oRzrCwgAAA=="], "dependencies": ["0x1", "0x2"], "digest": []}"#,
    )
    .unwrap();
    // A fresh network for the deployments file: publish records it.
    let package = Address::new([0xa2; 32]);
    let object = |n: u8| Address::new([n; 32]);
    setup.double.respond_with_publication(
        package,
        &[
            (object(0x11), "0xa2::registry::Registry", Some(7)),
            (object(0x12), "0xa2::market::Market", Some(7)),
            (object(0x13), "0xa2::tips::TipFeed", Some(7)),
            (object(0x14), "0xa2::governance::Governance", Some(7)),
            (object(0x15), "0xa2::registry::RegistryCap", None),
        ],
    );
    // The node is at checkpoint 2: the package's events can only be in later ones.
    for _ in 0..3 {
        setup.double.add_checkpoint(&[]);
    }
    let out = setup.run(&["publish", "--bytecode", bytecode.to_str().unwrap(), "--yes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(setup.double.submitted()[0].published_modules, 2);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["deployment"]["package"], package.to_string());
    let recorded = Deployments::load(&setup.dir.join("deployments.json")).unwrap();
    let deployment = &recorded.networks[&setup.url];
    assert_eq!(deployment.package, package);
    assert_eq!(deployment.market, Shared { id: object(0x12), initial_shared_version: 7 });
    assert_eq!(deployment.governance.id, object(0x14));
    assert_eq!(deployment.since_checkpoint, 2);
    assert_eq!(deployment.chain_id, "localnet-genesis");

    let out = setup.run(&["publish", "--bytecode", setup.dir.join("absent.json").to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("make move-build"), "{}", stderr(&out));
}

#[test]
fn publish_compiles_the_package_with_the_offline_toolchain_first() {
    let setup = Setup::new("publish-build");
    let repository = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let package = Address::new([0xa3; 32]);
    let object = |n: u8| Address::new([n; 32]);
    setup.double.respond_with_publication(
        package,
        &[
            (object(0x11), "0xa3::registry::Registry", Some(7)),
            (object(0x12), "0xa3::market::Market", Some(7)),
            (object(0x13), "0xa3::tips::TipFeed", Some(7)),
            (object(0x14), "0xa3::governance::Governance", Some(7)),
        ],
    );
    let out = setup.run(&["publish", "--package-dir", repository.to_str().unwrap(), "--yes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("compiling the Move package"), "{}", stderr(&out));
    // Every module of the package's sources was compiled and sent.
    let mut modules = 0;
    let mut pending = vec![repository.join("sources")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "move") {
                modules += 1;
            }
        }
    }
    assert!(modules > 10);
    assert_eq!(setup.double.submitted()[0].published_modules, modules);

    // Outside the repository there is nothing to compile: named, nothing sent.
    let out = setup.run(&["publish", "--package-dir", setup.dir.to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not the aihash repository"), "{}", stderr(&out));
    assert_eq!(setup.double.submitted().len(), 1);
}

#[test]
fn a_deployment_from_another_chain_is_refused_before_anything_is_sent() {
    let setup = Setup::new("other-chain");
    let path = setup.dir.join("deployments.json");
    let mut deployments = Deployments::load(&path).unwrap();
    deployments.networks.get_mut(&setup.url).unwrap().chain_id = "an-old-localnet".into();
    deployments.save(&path).unwrap();
    let out = setup.run(&["identity", "create", "--role", "keeper", "--yes"]);
    assert_eq!(out.status.code(), Some(6));
    let message = stderr(&out);
    assert!(message.contains("is on chain localnet-genesis"), "{message}");
    assert!(message.contains("published on chain an-old-localnet"), "{message}");
    assert!(message.contains("aihash publish"), "{message}");
    assert!(setup.double.submitted().is_empty() && setup.double.simulated().is_empty());
    let out = setup.read(&["oracle", "show"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(stderr(&out).contains("published on chain an-old-localnet"), "{}", stderr(&out));

    // A network the package is not deployed on: also 6, with the hint to publish.
    let testnet = ["identity", "create", "--role", "keeper", "--dry-run", "--network", "http://127.0.0.1:1"];
    let out = Command::new(env!("CARGO_BIN_EXE_aihash"))
        .args(testnet)
        .args(["--keystore", setup.dir.join("sui.keystore").to_str().unwrap()])
        .args(["--deployments", path.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_fails(&out, 6, "aihash publish");
}

#[test]
fn a_dry_run_shows_the_objects_the_node_says_change() {
    let setup = Setup::new("dry-objects");
    let identity = Address::new([0x1d; 32]);
    setup.double.add_shared_object(identity, "0xa1::identity::Identity", 40, vec![]);
    let hash_type = setup.deployment.hash_type().to_string();
    setup.double.add_coin(setup.sender, Address::new([0xca; 32]), &hash_type, 2_000_000_000_000);
    setup.double.add_coin(setup.sender, Address::new([0xcb; 32]), &hash_type, 1_000_000_000_000);
    // The double runs no Move code: what a call creates is the test's to say.
    let created = Address::new([0xcd; 32]);
    setup.double.simulate_created_objects(&[(created, "0xa1::staking::Receipt")]);
    let stake = ["stake", "add", "--identity", &identity.to_string(), "--amount", "2500 HASH", "--dry-run"];
    let out = setup.run(&[&stake[..], &["--json"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes: Vec<(String, String)> = report["object_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["operation"].as_str().unwrap().to_owned(), c["object"].as_str().unwrap().to_owned()))
        .collect();
    let change = |operation: &str, id: Address| (operation.to_owned(), id.to_string());
    assert_eq!(
        changes,
        [
            change("mutated", Address::new([0x6a; 32])), // the gas coin
            change("mutated", identity),                 // taken mutably
            change("deleted", Address::new([0xcb; 32])), // merged into the larger coin
            change("created", created),
        ]
    );
    let text = String::from_utf8(setup.run(&stake).stdout).unwrap();
    assert!(text.contains(&format!("deleted {}", Address::new([0xcb; 32]))), "{text}");
    assert!(text.contains(&format!("created {created} (0xa1::staking::Receipt)")), "{text}");
    assert!(setup.double.submitted().is_empty());
}
