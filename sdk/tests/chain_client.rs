//! The chain client against the node double, over real gRPC on loopback.

use aihash_node_double::{CallArg, NodeDouble};
use aihash_sdk::bindings::identity::Identity;
use aihash_sdk::chain::{ChainClient, ChainError, RetryPolicy};
use std::time::Duration;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::simple::SimpleKeypair;
use sui_crypto::SuiSigner;
use sui_sdk_types::{
    Address, Argument, Command, GasPayment, Identifier, Input, MoveCall, ProgrammableTransaction,
    Transaction, TransactionExpiration, TransactionKind,
};

async fn client_for(double: &NodeDouble) -> ChainClient {
    let addr = double.spawn().await;
    ChainClient::new(&format!("http://{addr}")).unwrap()
}

fn address(hex: &str) -> Address {
    hex.parse().unwrap()
}

/// `aihash::identity::new(registry, roles, clock)` as a wallet would build it.
fn identity_new(sender: Address, package: Address) -> Transaction {
    let ptb = ProgrammableTransaction {
        inputs: vec![Input::Pure(bcs::to_bytes(&3u8).unwrap())],
        commands: vec![Command::MoveCall(MoveCall {
            package,
            module: Identifier::new("identity").unwrap(),
            function: Identifier::new("new").unwrap(),
            type_arguments: vec![],
            arguments: vec![Argument::Input(0)],
        })],
    };
    Transaction {
        kind: TransactionKind::ProgrammableTransaction(ptb),
        sender,
        gas_payment: GasPayment { objects: vec![], owner: sender, price: 1_000, budget: 10_000_000 },
        expiration: TransactionExpiration::None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn service_info_names_the_chain() {
    let double = NodeDouble::new("localnet");
    double.add_checkpoint(&[]);
    double.add_checkpoint(&["tx"]);
    let mut client = client_for(&double).await;
    let info = client.service_info().await.unwrap();
    assert_eq!((info.chain.as_str(), info.checkpoint_height), ("localnet", 1));
    let checkpoint = client.checkpoint(1).await.unwrap();
    assert_eq!(checkpoint.transactions.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn objects_decode_into_their_bindings() {
    let double = NodeDouble::new("localnet");
    let id = address("0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56");
    let golden = aihash_sdk::golden::bytes("identity_object").unwrap().to_vec();
    double.add_object(id, "0xa1::identity::Identity", 7, golden);
    let mut client = client_for(&double).await;
    let identity: Identity = client.object(id).await.unwrap();
    assert_eq!(identity.trust_level, 2);
    assert_eq!(client.object_contents(id).await.unwrap().version, 7);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_object_is_named() {
    let double = NodeDouble::new("localnet");
    let mut client = client_for(&double).await;
    let id = address("0x42");
    let error = client.object_contents(id).await.unwrap_err();
    assert!(matches!(error, ChainError::NotFound { rpc: "GetObject", .. }), "{error}");
    assert!(error.to_string().contains(&id.to_string()), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_transaction_is_verified_decoded_and_recorded() {
    let double = NodeDouble::new("localnet");
    let mut client = client_for(&double).await;
    let keypair: SimpleKeypair = Ed25519PrivateKey::new([4; 32]).into();
    let sender = keypair.verifying_key().derive_address();
    let package = address("0xa1");
    let transaction = identity_new(sender, package);
    let signature = keypair.sign_transaction(&transaction).unwrap();
    let digest = client.execute(&transaction, &[signature]).await.unwrap();
    assert_eq!(digest, transaction.digest().to_string());

    let submitted = double.submitted();
    assert_eq!(submitted.len(), 1);
    assert_eq!(submitted[0].sender, sender);
    let call = &submitted[0].calls[0];
    assert_eq!((call.package, call.module.as_str(), call.function.as_str()), (package, "identity", "new"));
    assert_eq!(call.arguments, vec![CallArg::Pure(vec![3])]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_transaction_signed_by_someone_else_is_refused() {
    let double = NodeDouble::new("localnet");
    let mut client = client_for(&double).await;
    let owner: SimpleKeypair = Ed25519PrivateKey::new([4; 32]).into();
    let thief: SimpleKeypair = Ed25519PrivateKey::new([5; 32]).into();
    let transaction = identity_new(owner.verifying_key().derive_address(), address("0xa1"));
    let signature = thief.sign_transaction(&transaction).unwrap();
    let error = client.execute(&transaction, &[signature]).await.unwrap_err();
    assert!(matches!(error, ChainError::Refused { rpc: "ExecuteTransaction", .. }), "{error}");
    assert!(double.submitted().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_node_is_named_after_retries() {
    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let retry = RetryPolicy {
        timeout: Duration::from_secs(2),
        attempts: 2,
        first_backoff: Duration::from_millis(10),
    };
    let mut client = ChainClient::new(&format!("http://{addr}")).unwrap().with_retry(retry);
    let error = client.service_info().await.unwrap_err();
    assert!(matches!(error, ChainError::Unreachable { rpc: "GetServiceInfo", .. }), "{error}");
    assert!(error.to_string().contains(&addr.to_string()), "{error}");
}

#[test]
fn a_malformed_url_is_named() {
    let error = ChainClient::new("not a url").err().expect("refused");
    assert!(error.to_string().contains("not a url"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn checkpoints_are_followed_in_order_across_dropped_streams() {
    let double = NodeDouble::new("localnet");
    for i in 0..10 {
        double.add_checkpoint(&[&format!("tx{i}")]);
    }
    // Every subscription drops after three checkpoints.
    double.drop_streams_after(3);
    let mut client = client_for(&double).await;
    let mut seen = vec![];
    client
        .follow_checkpoints(2, |checkpoint| {
            seen.push(checkpoint.sequence_number.unwrap());
            seen.len() < 8
        })
        .await
        .unwrap();
    assert_eq!(seen, (2..10).collect::<Vec<u64>>());
}

#[tokio::test(flavor = "multi_thread")]
async fn following_past_the_tip_gives_up_with_a_named_error() {
    let double = NodeDouble::new("localnet");
    double.add_checkpoint(&[]);
    // A silent stream counts as dropped after 100 ms; after eight silent rounds it gives up.
    let retry = RetryPolicy {
        timeout: Duration::from_millis(100),
        attempts: 1,
        first_backoff: Duration::from_millis(1),
    };
    let mut client = client_for(&double).await.with_retry(retry);
    let mut seen = 0;
    let error = client
        .follow_checkpoints(0, |_| {
            seen += 1;
            true
        })
        .await
        .unwrap_err();
    assert_eq!(seen, 1);
    assert!(matches!(error, ChainError::Unreachable { rpc: "SubscribeCheckpoints", .. }), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn package_events_come_out_of_followed_checkpoints_and_decode() {
    use aihash_sdk::bindings::identity::{Change, IdentityChanged};
    use aihash_sdk::bindings::staking::Staked;
    use aihash_sdk::chain::package_events;
    let double = NodeDouble::new("localnet");
    let package = address("0xa1");
    let golden = |name: &str| aihash_sdk::golden::bytes(name).unwrap().to_vec();
    double.add_checkpoint(&["before"]);
    double.add_checkpoint_with_events(
        "tx-identity",
        package,
        &[
            ("identity", "IdentityChanged", golden("identity_changed_created")),
            ("staking", "Staked", golden("staking_staked")),
        ],
    );
    // Another package's event in the same stream is not ours.
    double.add_checkpoint_with_events("tx-other", address("0xb2"), &[("coin", "Minted", vec![1, 2, 3])]);
    let mut client = client_for(&double).await;
    let mut events = vec![];
    client
        .follow_checkpoints(0, |checkpoint| {
            events.extend(package_events(&checkpoint, package));
            checkpoint.sequence_number != Some(2)
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        (events[0].checkpoint, events[0].transaction.as_str(), events[0].name()),
        (1, "tx-identity", "IdentityChanged")
    );
    let created: IdentityChanged = events[0].decode().unwrap();
    assert!(matches!(created.change, Change::Created { roles: 3, .. }));
    let staked: Staked = events[1].decode().unwrap();
    assert_eq!(staked.amount, 2_000_000_000_000);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stalled_stream_is_abandoned_and_new_checkpoints_still_arrive() {
    let double = NodeDouble::new("localnet");
    for i in 0..5 {
        double.add_checkpoint(&[&format!("tx{i}")]);
    }
    // The stream goes silent after two checkpoints; four more appear a moment later.
    double.stall_streams_after(2);
    let later = double.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        for i in 5..9 {
            later.add_checkpoint(&[&format!("tx{i}")]);
        }
    });
    let retry = RetryPolicy {
        timeout: Duration::from_millis(300),
        attempts: 3,
        first_backoff: Duration::from_millis(10),
    };
    let mut client = client_for(&double).await.with_retry(retry);
    let mut seen = vec![];
    client
        .follow_checkpoints(0, |checkpoint| {
            seen.push(checkpoint.sequence_number.unwrap());
            checkpoint.sequence_number != Some(8)
        })
        .await
        .unwrap();
    assert_eq!(seen, (0..9).collect::<Vec<u64>>());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_stream_delivers_checkpoints_as_they_come() {
    let double = NodeDouble::new("localnet");
    double.add_checkpoint(&["first"]);
    let later = double.clone();
    tokio::spawn(async move {
        for i in 1..4 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            later.add_checkpoint(&[&format!("tx{i}")]);
        }
    });
    let mut client = client_for(&double).await;
    let mut seen = vec![];
    client
        .follow_checkpoints(0, |checkpoint| {
            seen.push(checkpoint.transactions[0].digest.clone().unwrap());
            seen.len() < 4
        })
        .await
        .unwrap();
    assert_eq!(seen, ["first", "tx1", "tx2", "tx3"]);
}

/// A `Fill` as the Move package lays it out: keeper, provider, hashrate, D (32.32), no pending
/// change of D, attached, reported until, released.
fn fill_bytes(keeper: u8, hashrate: u64, difficulty: u128) -> Vec<u8> {
    let fields = (
        Address::new([keeper; 32]),
        Address::new([0xf0; 32]),
        hashrate,
        difficulty,
        Option::<(u128, u64)>::None,
        1_000u64,
        2_000u64,
        0u64,
    );
    bcs::to_bytes(&fields).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tables_entries_are_listed_across_pages_and_decode() {
    use aihash_sdk::bindings::order::{Fill, Order};
    use moverox_sui::sui::sui::SUI;
    let double = NodeDouble::new("localnet");
    let order: Order<SUI> = bcs::from_bytes(aihash_sdk::golden::bytes("order_object").unwrap()).unwrap();
    let table = Address::new(order.fills.id.id.bytes.into_inner());
    for index in 0..5u64 {
        double.add_dynamic_field(
            table,
            Address::new([0x50 + index as u8; 32]),
            bcs::to_bytes(&index).unwrap(),
            "0xa1::order::Fill",
            fill_bytes(index as u8, 1_000 * (index + 1), (index as u128 + 1) << 32),
        );
    }
    // Another object's fields are not this table's.
    double.add_dynamic_field(Address::new([9; 32]), Address::new([8; 32]), vec![0; 8], "u64", vec![0; 8]);
    double.limit_page_size(2);
    let mut client = client_for(&double).await;
    let fields = client.dynamic_fields(table).await.unwrap();
    assert_eq!(fields.len(), 5, "all three pages are read");
    for (index, field) in fields.iter().enumerate() {
        assert_eq!(field.decode_name::<u64>().unwrap(), index as u64);
        let fill: Fill = field.decode_value().unwrap();
        assert_eq!(fill.keeper_id.bytes.into_inner(), [index as u8; 32]);
        assert_eq!((fill.hashrate, fill.difficulty), (1_000 * (index as u64 + 1), (index as u128 + 1) << 32));
        assert_eq!((fill.attached_ms, fill.reported_until_ms, fill.released_ms), (1_000, 2_000, 0));
    }
    // A value of another layout is named, not misread.
    let error = fields[0].decode_value::<(u64, u64, u64, u64, u64, u64, u64, u64, u64, u64)>().unwrap_err();
    assert!(error.to_string().contains("the value of field 0x5050"), "{error}");
    assert!(client.dynamic_fields(Address::new([7; 32])).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn coins_are_listed_across_pages_largest_first() {
    let double = NodeDouble::new("localnet");
    let owner = address("0xb0b");
    for (n, balance) in [5u64, 50, 1, 500, 20].into_iter().enumerate() {
        double.add_coin(owner, Address::new([n as u8 + 1; 32]), "0x2::sui::SUI", balance);
    }
    double.add_coin(owner, Address::new([0xee; 32]), "0xa1::hash::HASH", 7);
    double.limit_page_size(2);
    let mut client = client_for(&double).await;
    let balances: Vec<u64> =
        client.coins(owner, "0x2::sui::SUI").await.unwrap().iter().map(|c| c.balance).collect();
    assert_eq!(balances, [500, 50, 20, 5, 1]);
}

#[tokio::test(flavor = "multi_thread")]
async fn package_events_are_collected_over_a_range_of_checkpoints() {
    let double = NodeDouble::new("localnet");
    let package = address("0xa1");
    let golden = |name: &str| aihash_sdk::golden::bytes(name).unwrap().to_vec();
    double.add_checkpoint_with_events("tx-0", package, &[("order", "OrderCreated", golden("order_created"))]);
    double.add_checkpoint(&["empty"]);
    double.add_checkpoint_with_events("tx-2", package, &[("order", "OrderEnded", golden("order_ended"))]);
    double.add_checkpoint_with_events("tx-3", package, &[("order", "OrderCreated", golden("order_created"))]);
    let mut client = client_for(&double).await;
    let mut seen = vec![];
    let events = client.package_events_between(package, 1, 2, |sequence| seen.push(sequence)).await.unwrap();
    assert_eq!(seen, [1, 2]);
    assert_eq!(events.iter().map(|e| (e.checkpoint, e.name())).collect::<Vec<_>>(), [(2, "OrderEnded")]);
    let error = client.package_events_between(package, 3, 4, |_| {}).await.unwrap_err();
    assert!(matches!(error, ChainError::NotFound { .. }), "{error}");
    assert!(error.to_string().contains("checkpoint 4"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_owners_objects_are_listed_by_type_across_pages() {
    let double = NodeDouble::new("localnet");
    let owner = address("0xb0b");
    let lock_type = "0xa1::vote_lock::Lock";
    for n in 0..3u8 {
        double.add_owned_object(owner, Address::new([0x10 + n; 32]), lock_type, 4 + n as u64, vec![n]);
    }
    double.add_coin(owner, Address::new([0xee; 32]), "0x2::sui::SUI", 7);
    double.add_owned_object(address("0xa11ce"), Address::new([0x20; 32]), lock_type, 1, vec![]);
    double.limit_page_size(2);
    let mut client = client_for(&double).await;
    let locks = client.owned_objects(owner, Some(lock_type)).await.unwrap();
    let found: Vec<_> = locks.iter().map(|o| (o.reference.id, o.reference.version)).collect();
    assert_eq!(
        found,
        [(Address::new([0x10; 32]), 4), (Address::new([0x11; 32]), 5), (Address::new([0x12; 32]), 6)]
    );
    assert!(locks.iter().all(|o| o.object_type == lock_type));
    assert_eq!(client.owned_objects(owner, None).await.unwrap().len(), 4);
    assert!(client.owned_objects(address("0xdead"), None).await.unwrap().is_empty());
}
