//! Transaction builders for the package's functions, submitted to the node double, which checks
//! every call against the function's signature in the Move sources (argument count, pure types,
//! objects where objects go, shared objects mutable where the function mutates them) and records
//! it, so the tests can assert what was called with which arguments.

use aihash_node_double::{CallArg, NodeDouble, Signatures};
use aihash_sdk::chain::ChainClient;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::simple::SimpleKeypair;
use sui_crypto::SuiSigner;
use sui_sdk_types::Address;

const PACKAGE: Address = Address::new([0xa1; 32]);

use aihash_sdk::tx::{Calls, Deployment, Shared, CLOCK};
use sui_sdk_types::{Digest, StructTag};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

fn deployment() -> Deployment {
    let shared = |n: u8, version| Shared { id: Address::new([n; 32]), initial_shared_version: version };
    Deployment {
        package: PACKAGE,
        registry: shared(1, 3),
        market: shared(2, 4),
        tips: shared(3, 5),
        governance: shared(4, 6),
        since_checkpoint: 0,
        chain_id: String::new(),
    }
}

/// Signs `tx` as `keypair`'s address and submits it to a fresh double; returns the double.
async fn submit(keypair: &SimpleKeypair, mut tx: TransactionBuilder) -> NodeDouble {
    let sender = keypair.verifying_key().derive_address();
    tx.set_sender(sender);
    tx.set_gas_budget(50_000_000);
    tx.set_gas_price(1_000);
    tx.add_gas_objects([ObjectInput::owned(Address::new([0x6a; 32]), 3, Digest::ZERO)]);
    let transaction = tx.try_build().unwrap();
    let signature = keypair.sign_transaction(&transaction).unwrap();
    let double = NodeDouble::new("localnet");
    let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources");
    double.check_calls_against(PACKAGE, Signatures::from_sources(&sources).unwrap());
    let addr = double.spawn().await;
    let mut client = ChainClient::new(&format!("http://{addr}")).unwrap();
    client.execute(&transaction, &[signature]).await.unwrap();
    double
}

#[tokio::test(flavor = "multi_thread")]
async fn an_order_is_created_and_shared_with_its_terms() {
    let deployment = deployment();
    let keypair: SimpleKeypair = Ed25519PrivateKey::new([11; 32]).into();
    let mut tx = TransactionBuilder::new();
    let sui: StructTag = "0x2::sui::SUI".parse().unwrap();
    let escrow = tx.object(ObjectInput::owned(Address::new([0xc0; 32]), 9, Digest::ZERO));
    Calls { deployment: &deployment }.order_create(
        &mut tx,
        &sui,
        "stratum+tcp://pool.example:3333",
        "buyer.rig",
        &[0x00, 0x14],
        45_000_000,
        3_000_000_000_000_000,
        escrow,
        1_800_000_000_000,
    );
    let double = submit(&keypair, tx).await;
    let calls = &double.submitted()[0].calls;
    assert_eq!(calls.len(), 2);
    let new = &calls[0];
    assert_eq!((new.module.as_str(), new.function.as_str()), ("order", "new"));
    assert_eq!(
        new.type_arguments,
        vec!["0x0000000000000000000000000000000000000000000000000000000000000002::sui::SUI"]
    );
    assert_eq!(new.arguments[0], CallArg::Object(deployment.market.id));
    assert_eq!(new.arguments[1], CallArg::Pure(bcs::to_bytes("stratum+tcp://pool.example:3333").unwrap()));
    assert_eq!(new.arguments[4], CallArg::Pure(bcs::to_bytes(&45_000_000u64).unwrap()));
    assert_eq!(new.arguments[6], CallArg::Object(Address::new([0xc0; 32])));
    assert_eq!(new.arguments[8], CallArg::Object(CLOCK));
    assert_eq!((calls[1].module.as_str(), calls[1].function.as_str()), ("order", "share"));
}

#[tokio::test(flavor = "multi_thread")]
async fn stake_and_vote_call_the_package_with_the_right_objects() {
    let deployment = deployment();
    let keypair: SimpleKeypair = Ed25519PrivateKey::new([12; 32]).into();
    let identity = Shared { id: Address::new([0x1d; 32]), initial_shared_version: 40 };
    let proposal = Shared { id: Address::new([0x9f; 32]), initial_shared_version: 41 };
    let mut tx = TransactionBuilder::new();
    let calls = Calls { deployment: &deployment };
    let coin = tx.object(ObjectInput::owned(Address::new([0xca; 32]), 2, Digest::ZERO));
    calls.stake(&mut tx, identity, coin);
    calls.dao_vote(&mut tx, proposal, ObjectInput::owned(Address::new([0x10; 32]), 5, Digest::ZERO), 1);
    let double = submit(&keypair, tx).await;
    let recorded = &double.submitted()[0].calls;
    assert_eq!((recorded[0].module.as_str(), recorded[0].function.as_str()), ("staking", "stake"));
    assert_eq!(recorded[0].arguments[0], CallArg::Object(identity.id));
    assert_eq!(recorded[0].arguments[2], CallArg::Object(Address::new([0xca; 32])));
    assert_eq!((recorded[1].module.as_str(), recorded[1].function.as_str()), ("governance", "vote"));
    assert_eq!(recorded[1].arguments[2], CallArg::Pure(vec![1]));
}
fn shared(n: u8) -> Shared {
    Shared { id: Address::new([n; 32]), initial_shared_version: n as u64 }
}

fn names(double: &NodeDouble) -> Vec<String> {
    double.submitted()[0].calls.iter().map(|c| format!("{}::{}", c.module, c.function)).collect()
}

fn sui() -> StructTag {
    "0x2::sui::SUI".parse().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keepers_fill_and_report_duties_fit_the_market() {
    use aihash_sdk::tx::{DeliveryReport, ShareCounters};
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let (order, keeper, provider) = (shared(0x40), shared(0x41), shared(0x42));
    let mut tx = TransactionBuilder::new();
    calls.fill_attach(&mut tx, &sui(), order, keeper, provider, 100_000_000_000_000, 3u128 << 40);
    calls.fill_set_difficulty(&mut tx, &sui(), order, 0, keeper, 5u128 << 40, 601_000);
    let report = DeliveryReport {
        fill: 0,
        window_start_ms: 1_000,
        window_end_ms: 601_000,
        shares: 14_000,
        difficulty: 3u128 << 40,
        counters: ShareCounters {
            submitted: 14_100,
            verified: 14_050,
            pool_accepted: 14_000,
            rejected_stale: 20,
            rejected_duplicate: 10,
            rejected_low_difficulty: 20,
            rejected_by_pool: 50,
        },
        dead_ms: 5_000,
        root: [0x7e; 32],
    };
    calls.report_submit(&mut tx, &sui(), order, keeper, &report);
    calls.fill_release(&mut tx, &sui(), order, 0, keeper);
    calls.order_expire(&mut tx, &sui(), order);
    calls.tip_post(&mut tx, &[0x11; 32], 870_000);
    let double = submit(&Ed25519PrivateKey::new([13; 32]).into(), tx).await;
    assert_eq!(
        names(&double),
        [
            "order::attach_fill",
            "order::set_difficulty",
            "report::new_counters",
            "report::submit",
            "order::release_fill",
            "order::expire",
            "tips::post"
        ]
    );
    let recorded = &double.submitted()[0].calls;
    assert_eq!(recorded[0].arguments[5], CallArg::Pure((3u128 << 40).to_le_bytes().to_vec()));
    assert_eq!(recorded[1].arguments[3], CallArg::Pure((5u128 << 40).to_le_bytes().to_vec()));
    assert_eq!(recorded[1].arguments[4], CallArg::Pure(601_000u64.to_le_bytes().to_vec()), "from_ms");
    assert_eq!(recorded[2].arguments[0], CallArg::Pure(14_100u64.to_le_bytes().to_vec()));
    assert_eq!(recorded[2].arguments[6], CallArg::Pure(50u64.to_le_bytes().to_vec()));
    let submit_call = &recorded[3];
    assert_eq!(submit_call.arguments[6], CallArg::Pure(14_000u64.to_le_bytes().to_vec()));
    assert!(matches!(&submit_call.arguments[8], CallArg::Other(result) if result.contains("Result")));
    let mut root = vec![32u8];
    root.extend([0x7e; 32]);
    assert_eq!(submit_call.arguments[10], CallArg::Pure(root));
    assert_eq!(recorded[6].arguments[0], CallArg::Object(deployment.tips.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn challenges_answers_and_settlement_fit_the_report_module() {
    use aihash_sdk::tx::SampleAnswer;
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let (report, order, keeper, provider, treasury, random) =
        (shared(0x50), shared(0x40), shared(0x41), shared(0x42), shared(0x43), shared(0x08));
    let mut tx = TransactionBuilder::new();
    calls.report_challenge(&mut tx, &sui(), report, order, random);
    let bond = tx.object(ObjectInput::owned(Address::new([0xbd; 32]), 1, Digest::ZERO));
    calls.report_challenge_with_bond(&mut tx, report, shared(0x44), bond, random);
    let answer = SampleAnswer {
        position: 7,
        header: vec![1; 80],
        proof: vec![vec![2; 32], vec![3; 32]],
        next_header: vec![4; 80],
        next_proof: vec![vec![5; 32]],
        coinbase: vec![6; 120],
        branch: vec![vec![7; 32]; 3],
    };
    calls.report_answer(&mut tx, &sui(), report, order, keeper, &answer);
    calls.report_expire_challenge(&mut tx, &sui(), report, order, keeper, treasury);
    calls.report_settle(&mut tx, &sui(), report, order, treasury, keeper, provider);
    calls.report_settle_own(&mut tx, &sui(), report, order, treasury, keeper);
    let double = submit(&Ed25519PrivateKey::new([14; 32]).into(), tx).await;
    assert_eq!(
        names(&double),
        [
            "report::challenge",
            "report::challenge_with_bond",
            "report::answer",
            "report::expire_challenge",
            "report::settle",
            "report::settle_own"
        ]
    );
    let recorded = &double.submitted()[0].calls;
    assert_eq!(recorded[0].arguments[3], CallArg::Object(random.id));
    assert_eq!(recorded[1].arguments[3], CallArg::Object(Address::new([0xbd; 32])));
    assert_eq!(recorded[2].arguments[6], CallArg::Pure(7u64.to_le_bytes().to_vec()));
    assert_eq!(recorded[2].arguments[8], CallArg::Pure(bcs::to_bytes(&answer.proof).unwrap()));
    assert_eq!(recorded[4].arguments[6], CallArg::Object(provider.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn identity_capacity_and_lock_management_fit_their_modules() {
    let deployment = deployment();
    let calls = Calls { deployment: &deployment };
    let (identity, currency, challenge, random, proposal) =
        (shared(0x1d), shared(0xc1), shared(0xcc), shared(0x08), shared(0x9f));
    let owner = Address::new([0xb0; 32]);
    let lock = || ObjectInput::owned(Address::new([0x10; 32]), 5, Digest::ZERO);
    let mut tx = TransactionBuilder::new();
    calls.identity_revoke_key(&mut tx, identity, "keeper-1");
    calls.identity_remove_service(&mut tx, identity, "stratum");
    calls.identity_set_controller(&mut tx, identity, owner);
    calls.identity_activate(&mut tx, identity);
    calls.identity_pause(&mut tx, identity);
    calls.withdraw_stake_early(&mut tx, identity, currency, owner);
    calls.capacity_request(&mut tx, identity, 100_000_000_000_000, random);
    calls.capacity_submit(&mut tx, challenge, identity, &[9; 80]);
    calls.capacity_finalize(&mut tx, challenge, identity);
    let coins = tx.object(ObjectInput::owned(Address::new([0xca; 32]), 2, Digest::ZERO));
    calls.dao_increase_lock(&mut tx, lock(), coins);
    calls.dao_extend_lock(&mut tx, lock(), 1_900_000_000_000);
    calls.dao_cancel(&mut tx, proposal);
    let hash: StructTag = format!("{PACKAGE}::hash::HASH").parse().unwrap();
    calls.vesting_claim(&mut tx, &hash, ObjectInput::owned(Address::new([0x7a; 32]), 3, Digest::ZERO), owner);
    let double = submit(&Ed25519PrivateKey::new([15; 32]).into(), tx).await;
    assert_eq!(
        names(&double),
        [
            "identity::revoke_method",
            "identity::remove_service",
            "identity::set_controller",
            "identity::activate",
            "identity::pause",
            "staking::withdraw_early",
            "capacity::request",
            "capacity::submit",
            "capacity::finalize",
            "governance::increase_lock",
            "governance::extend_lock",
            "governance::cancel",
            "vesting::claim"
        ]
    );
    let recorded = &double.submitted()[0].calls;
    assert_eq!(recorded[2].arguments[1], CallArg::Pure(owner.into_inner().to_vec()));
    assert_eq!(recorded[5].arguments[2], CallArg::Object(currency.id));
    assert_eq!(recorded[6].arguments[0], CallArg::Object(deployment.registry.id));
    assert_eq!(recorded[12].type_arguments, [hash.to_string()]);
    // The lock is withdrawn on its own: it is consumed by value.
    let mut tx = TransactionBuilder::new();
    calls.dao_withdraw_lock(&mut tx, lock(), owner);
    let double = submit(&Ed25519PrivateKey::new([15; 32]).into(), tx).await;
    assert_eq!(names(&double), ["governance::withdraw_lock"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_genesis_hands_every_capability_to_governance() {
    use aihash_sdk::tx::{GenesisRecipients, PublisherCaps};
    let deployment = deployment();
    let owned = |n: u8| ObjectInput::owned(Address::new([n; 32]), 2, Digest::ZERO);
    let caps = PublisherCaps {
        genesis: owned(0xe0),
        market_cap: owned(0xe1),
        registry_cap: owned(0xe2),
        upgrade_cap: owned(0xe3),
    };
    let recipients = GenesisRecipients {
        team: Address::new([0xd1; 32]),
        private_sale: Address::new([0xd2; 32]),
        public_sale: Address::new([0xd3; 32]),
    };
    let mut tx = TransactionBuilder::new();
    Calls { deployment: &deployment }.genesis(&mut tx, caps, recipients, 1_000_000_000);
    let double = submit(&Ed25519PrivateKey::new([16; 32]).into(), tx).await;
    assert_eq!(
        names(&double),
        [
            "market::allow_coin",
            "hash::distribute",
            "hash::into_caps",
            "governance::install_spend_cap",
            "governance::install_spend_cap",
            "governance::install_spend_cap",
            "governance::install_market_cap",
            "governance::install_registry_cap",
            "governance::install_upgrade_cap"
        ]
    );
    let recorded = &double.submitted()[0].calls;
    assert_eq!(recorded[0].arguments[1], CallArg::Object(Address::new([0xe1; 32])));
    assert_eq!(recorded[1].arguments[5], CallArg::Pure(vec![0xd3; 32]));
    let nested: Vec<_> = recorded[3..6].iter().map(|c| c.arguments[1].clone()).collect();
    assert_eq!(nested.len(), 3);
    assert!(nested.windows(2).all(|pair| pair[0] != pair[1]), "{nested:?}");
}
