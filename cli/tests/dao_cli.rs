//! `aihash dao propose` and `dao execute` against the node double: every proposal action is built
//! with its `governance::<action>` constructor and arguments, and execution follows the path
//! `governance.move` gives each action (the double checks each call against the package's
//! signatures, as a node would).

mod common;

use aihash_node_double::CallArg;
use aihash_sdk::bindings::governance::{Action, Proposal, ProposalCreated};
use common::{assert_fails, stderr, Setup};
use sui_sdk_types::Address;

const LOCK: Address = Address::new([0x10; 32]);
const PROPOSAL: Address = Address::new([0x9f; 32]);

fn u64_arg(value: u64) -> CallArg {
    CallArg::Pure(value.to_le_bytes().to_vec())
}

fn with_lock(name: &str) -> Setup {
    let setup = Setup::new(name);
    setup.double.add_owned_object(setup.sender, LOCK, "0xa1::vote_lock::Lock", 5, vec![]);
    setup
}

/// Every action subcommand calls its constructor, then `propose` with the governance object and
/// the lock.
#[test]
fn every_action_is_proposed_through_its_constructor() {
    let setup = with_lock("propose-all");
    let lock = LOCK.to_string();
    let digest = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    let hash = |n: u64| u64_arg(n * 1_000_000_000);
    let feeder = Address::new([0xfe; 32]);
    let feeder_text = feeder.to_string();
    let cases: Vec<(Vec<&str>, &str, Vec<CallArg>)> = vec![
        (
            vec!["set-market-fees", "--platform-fee-bps", "500", "--keeper-share-bps", "2500"],
            "set_market_fees",
            vec![u64_arg(500), u64_arg(2_500)],
        ),
        (
            vec![
                "set-dispute-terms",
                "--dispute-window-ms",
                "7200000",
                "--response-window-ms",
                "3600000",
                "--samples-per-challenge",
                "32",
                "--challenger-bond",
                "50 HASH",
                "--min-challenger-stake",
                "10 HASH",
            ],
            "set_dispute_terms",
            vec![u64_arg(7_200_000), u64_arg(3_600_000), u64_arg(32), hash(50), hash(10)],
        ),
        (
            vec!["set-window-terms", "--max-window-ms", "3600000", "--max-tip-age-ms", "60000"],
            "set_window_terms",
            vec![u64_arg(3_600_000), u64_arg(60_000)],
        ),
        (
            vec![
                "set-min-stakes",
                "--min-stake",
                "50 HASH",
                "--min-stake",
                "500 HASH",
                "--min-stake",
                "5000 HASH",
                "--min-stake",
                "50000 HASH",
            ],
            "set_min_stakes",
            vec![CallArg::Pure(
                bcs::to_bytes(&vec![
                    50_000_000_000u64,
                    500_000_000_000,
                    5_000_000_000_000,
                    50_000_000_000_000,
                ])
                .unwrap(),
            )],
        ),
        (
            vec![
                "set-capacity-terms",
                "--window-ms",
                "300000",
                "--solutions",
                "8",
                "--min-hashrate",
                "1 MH/s",
            ],
            "set_capacity_terms",
            vec![u64_arg(300_000), u64_arg(8), u64_arg(1_000_000)],
        ),
        (
            vec!["add-feeder", "--feeder", &feeder_text],
            "add_feeder",
            vec![CallArg::Pure(feeder.into_inner().to_vec())],
        ),
        (
            vec![
                "set-governance-params",
                "--voting-delay-ms",
                "172800000",
                "--voting-period-ms",
                "259200000",
                "--quorum-bps",
                "1000",
                "--approval-bps",
                "6000",
                "--timelock-ms",
                "86400000",
                "--grace-ms",
                "604800000",
                "--proposal-threshold",
                "5000 HASH",
            ],
            "set_governance_params",
            vec![
                u64_arg(172_800_000),
                u64_arg(259_200_000),
                u64_arg(1_000),
                u64_arg(6_000),
                u64_arg(86_400_000),
                u64_arg(604_800_000),
                hash(5_000),
            ],
        ),
        (
            vec!["restrict-upgrades", "--policy", "dep-only"],
            "restrict_upgrades",
            vec![CallArg::Pure(vec![192])],
        ),
        (
            vec!["allow-coin", "--coin-type", "0x2::sui::SUI", "--min-order-value", "1 SUI"],
            "allow_coin",
            vec![u64_arg(1_000_000_000)],
        ),
        (vec!["disallow-coin", "--coin-type", "0x2::sui::SUI"], "disallow_coin", vec![]),
        (
            vec!["authorize-upgrade", "--policy", "additive", "--digest", digest],
            "authorize_upgrade",
            vec![
                CallArg::Pure(vec![128]),
                CallArg::Pure(bcs::to_bytes(&hex::decode(digest).unwrap()).unwrap()),
            ],
        ),
        (vec!["signal"], "signal", vec![]),
    ];
    for (n, (action, function, arguments)) in cases.into_iter().enumerate() {
        let mut args = vec!["dao", "propose"];
        args.extend(&action);
        args.extend(["--lock", &lock, "--description", "a proposal", "--yes"]);
        let out = setup.run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let calls = &setup.double.submitted()[n].calls;
        assert_eq!(
            (calls[0].function.as_str(), calls[1].function.as_str()),
            (function, "propose"),
            "{args:?}"
        );
        assert_eq!(calls[0].arguments, arguments, "{args:?}");
        assert_eq!(
            calls[1].arguments[..2],
            [CallArg::Object(setup.deployment.governance.id), CallArg::Object(LOCK)]
        );
        if function.ends_with("allow_coin") {
            assert_eq!(calls[0].type_arguments.len(), 1, "{args:?}");
            assert!(calls[0].type_arguments[0].ends_with("::sui::SUI"), "{args:?}");
        }
    }
}

/// A proposal whose action is that of the golden `governance_proposal_created_<name>`.
fn add_proposal(setup: &Setup, name: &str) -> Action {
    let created: ProposalCreated =
        bcs::from_bytes(aihash_sdk::golden::bytes(&format!("governance_proposal_created_{name}")).unwrap())
            .unwrap();
    let mut proposal: Proposal =
        bcs::from_bytes(aihash_sdk::golden::bytes("governance_proposal_object").unwrap()).unwrap();
    proposal.action = created.action.clone();
    setup.double.add_shared_object(
        PROPOSAL,
        "0xa1::governance::Proposal",
        41,
        bcs::to_bytes(&proposal).unwrap(),
    );
    created.action
}

/// One proposal per execution path: the `execute_*` function and the objects it is given.
#[test]
fn execute_follows_the_path_of_each_action() {
    let setup = Setup::new("execute-paths");
    let d = &setup.deployment;
    let treasury = {
        let mut bytes = [0u8; 32];
        bytes[30..].copy_from_slice(&[0x7e, 0xa5]);
        Address::new(bytes)
    };
    setup.double.add_shared_object(treasury, "0xa1::treasury::Treasury", 12, vec![]);
    let (p, gov) = (CallArg::Object(PROPOSAL), CallArg::Object(d.governance.id));
    let cases: Vec<(&str, &str, Vec<CallArg>)> = vec![
        ("set_window_terms", "execute_market", vec![p.clone(), gov.clone(), CallArg::Object(d.market.id)]),
        (
            "set_slash_probation",
            "execute_registry",
            vec![p.clone(), gov.clone(), CallArg::Object(d.registry.id)],
        ),
        ("allow_coin", "execute_coin", vec![p.clone(), gov.clone(), CallArg::Object(d.market.id)]),
        (
            "remove_feeder",
            "execute_feed",
            vec![p.clone(), gov.clone(), CallArg::Object(d.tips.id), CallArg::Object(d.market.id)],
        ),
        ("spend_treasury", "execute_spend", vec![p.clone(), gov.clone(), CallArg::Object(treasury)]),
        ("set_governance_params", "execute_governance", vec![p.clone(), gov.clone()]),
        ("restrict_upgrades", "execute_upgrade_policy", vec![p.clone(), gov.clone()]),
        ("signal", "execute_signal", vec![p.clone(), gov.clone()]),
    ];
    for (n, (action, function, objects)) in cases.into_iter().enumerate() {
        add_proposal(&setup, action);
        let out = setup.run(&["dao", "execute", "--proposal", &PROPOSAL.to_string(), "--yes"]);
        assert_eq!(out.status.code(), Some(0), "{action}: {}", stderr(&out));
        let call = &setup.double.submitted()[n].calls[0];
        assert_eq!(call.function, function, "{action}");
        assert_eq!(call.arguments[..objects.len()], objects[..], "{action}");
        match action {
            "allow_coin" => {
                assert!(call.type_arguments[0].ends_with("::sui::SUI"), "{:?}", call.type_arguments)
            }
            "spend_treasury" => {
                assert!(call.type_arguments[0].ends_with("::hash::HASH"), "{:?}", call.type_arguments)
            }
            _ => assert!(call.type_arguments.is_empty(), "{action}"),
        }
    }
}

/// An authorised upgrade publishes the package it names in the execution's transaction, and is
/// refused with a hint without it or with another package.
#[test]
fn an_authorised_upgrade_executes_with_its_package_in_the_same_transaction() {
    let setup = Setup::new("execute-upgrade");
    let Action::AuthorizeUpgrade { digest, .. } = add_proposal(&setup, "authorize_upgrade") else { panic!() };
    let proposal = PROPOSAL.to_string();

    let out = setup.run(&["dao", "execute", "--proposal", &proposal, "--yes"]);
    assert_fails(&out, 2, "pass --bytecode");
    assert!(stderr(&out).contains(&hex::encode(&digest)), "{}", stderr(&out));

    let bytecode = setup.dir.join("bytecode.json");
    let write = |digest: &[u8]| {
        let file = serde_json::json!({ "modules": ["oRzrCwcAAA=="], "dependencies": ["0x1", "0x2"], "digest": digest });
        std::fs::write(&bytecode, file.to_string()).unwrap();
    };
    write(&[7; 32]);
    let path = bytecode.to_str().unwrap();
    let out = setup.run(&["dao", "execute", "--proposal", &proposal, "--bytecode", path, "--yes"]);
    assert_fails(&out, 2, "compile the sources the proposal names");
    assert!(setup.double.submitted().is_empty());

    write(&digest);
    let out = setup.run(&["dao", "execute", "--proposal", &proposal, "--bytecode", path, "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let submitted = &setup.double.submitted()[0];
    assert_eq!(submitted.commands, ["MoveCall", "Upgrade", "MoveCall"]);
    let names: Vec<_> = submitted.calls.iter().map(|c| c.function.as_str()).collect();
    assert_eq!(names, ["execute_upgrade", "commit_upgrade"]);
    assert_eq!(submitted.calls[1].arguments[0], CallArg::Object(setup.deployment.governance.id));
}

#[test]
fn proposals_without_an_action_or_with_bad_values_are_refused_before_sending() {
    let setup = with_lock("propose-bad");
    let lock = LOCK.to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["dao", "propose", "--lock", &lock], "--lock"),
        (vec!["dao", "propose", "set-min-stakes", "--min-stake", "1 HASH", "--lock", &lock], "4"),
        (
            vec![
                "dao",
                "propose",
                "authorize-upgrade",
                "--policy",
                "additive",
                "--digest",
                "00ff",
                "--lock",
                &lock,
            ],
            "32",
        ),
        (
            vec![
                "dao",
                "propose",
                "authorize-upgrade",
                "--policy",
                "immutable",
                "--digest",
                "00",
                "--lock",
                &lock,
            ],
            "immutable",
        ),
        (
            vec![
                "dao",
                "propose",
                "allow-coin",
                "--coin-type",
                "sui",
                "--min-order-value",
                "1 SUI",
                "--lock",
                &lock,
            ],
            "`sui`",
        ),
        (vec!["dao", "propose", "set-feed-quorum", "--quorum", "-1", "--lock", &lock], "-1"),
        (
            vec![
                "dao",
                "propose",
                "spend-treasury",
                "--treasury",
                "0x7e",
                "--amount",
                "lots",
                "--recipient",
                "0x1",
                "--lock",
                &lock,
            ],
            "lots",
        ),
    ];
    for (mut args, named) in cases {
        args.push("--dry-run");
        assert_fails(&setup.run(&args), 2, named);
    }
    assert!(setup.double.submitted().is_empty() && setup.double.simulated().is_empty());
}
