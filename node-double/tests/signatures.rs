//! The double reads the package's function signatures from its Move sources and refuses calls
//! that do not fit them, as a node would.

use aihash_node_double::Signatures;
use sui_sdk_types::{
    Address, Argument, Command, Identifier, Input, MoveCall, ProgrammableTransaction, SharedInput, TypeTag,
};

fn signatures() -> Signatures {
    let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources");
    Signatures::from_sources(&sources).unwrap()
}

fn pure<T: serde::Serialize>(value: &T) -> Input {
    Input::Pure(bcs::to_bytes(value).unwrap())
}

fn shared(n: u8, mutable: bool) -> Input {
    Input::Shared(SharedInput::new(Address::new([n; 32]), 1, mutable))
}

/// `order::new<SUI>(market, url, worker, payout, price, cap, escrow, expiry, clock)` with
/// `inputs` (the escrow is the gas coin).
fn order_new(inputs: Vec<Input>, type_arguments: usize) -> (ProgrammableTransaction, MoveCall) {
    let arguments = (0..inputs.len() as u16).map(Argument::Input).collect::<Vec<_>>();
    let mut arguments = arguments;
    arguments.insert(6, Argument::Gas);
    let call = MoveCall {
        package: Address::new([0xa1; 32]),
        module: Identifier::new("order").unwrap(),
        function: Identifier::new("new").unwrap(),
        type_arguments: vec![TypeTag::U64; type_arguments],
        arguments,
    };
    (ProgrammableTransaction { inputs, commands: vec![Command::MoveCall(call.clone())] }, call)
}

fn good_inputs() -> Vec<Input> {
    vec![
        shared(2, false),
        pure(&"stratum+tcp://pool.example:3333".to_owned()),
        pure(&"buyer.rig".to_owned()),
        pure(&vec![0u8, 0x14, 0xaa]),
        pure(&45_000_000u64),
        pure(&3_000_000_000_000_000u64),
        pure(&1_800_000_000_000u64),
        shared(6, false),
    ]
}

#[test]
fn the_packages_callable_functions_are_read_from_its_sources() {
    let signatures = signatures();
    assert!(signatures.len() > 100, "{}", signatures.len());
    let (ptb, call) = order_new(good_inputs(), 1);
    signatures.check(&ptb, &call).unwrap();
}

#[test]
fn calls_that_do_not_fit_the_signature_are_named() {
    let signatures = signatures();
    let refused = |inputs: Vec<Input>, type_arguments: usize| {
        let (ptb, call) = order_new(inputs, type_arguments);
        signatures.check(&ptb, &call).unwrap_err()
    };
    assert_eq!(refused(good_inputs(), 0), "order::new: takes 1 type arguments, got 0");
    let mut short = good_inputs();
    short.pop();
    assert_eq!(refused(short, 1), "order::new: takes 9 arguments, got 8");
    let mut narrow = good_inputs();
    narrow[4] = pure(&45u8);
    assert!(refused(narrow, 1).starts_with("order::new: argument 4: not a U64"));
    let mut long = good_inputs();
    long[4] = pure(&45u128);
    assert_eq!(refused(long, 1), "order::new: argument 4: 8 bytes too many for a U64");
    let mut not_text = good_inputs();
    not_text[1] = pure(&vec![0xffu8, 0xfe]);
    assert!(refused(not_text, 1).contains("argument 1: not a String: not UTF-8"));
    let mut object_for_pure = good_inputs();
    object_for_pure[5] = shared(9, true);
    assert_eq!(refused(object_for_pure, 1), "order::new: argument 5: an object where a U64 goes");
    let mut pure_for_object = good_inputs();
    pure_for_object[0] = pure(&Address::new([2; 32]));
    assert_eq!(refused(pure_for_object, 1), "order::new: argument 0: a pure value where an object goes");
}

#[test]
fn a_shared_object_passed_immutably_to_a_mut_parameter_is_refused() {
    let signatures = signatures();
    // `order::top_up<C>(order: &mut Order<C>, coins: Coin<C>)`.
    let call = |mutable: bool| {
        let ptb = ProgrammableTransaction { inputs: vec![shared(5, mutable)], commands: vec![] };
        let call = MoveCall {
            package: Address::new([0xa1; 32]),
            module: Identifier::new("order").unwrap(),
            function: Identifier::new("top_up").unwrap(),
            type_arguments: vec![TypeTag::U64],
            arguments: vec![Argument::Input(0), Argument::Gas],
        };
        signatures.check(&ptb, &call)
    };
    call(true).unwrap();
    assert_eq!(
        call(false).unwrap_err(),
        "order::top_up: argument 0: a shared object passed immutably to a `&mut` parameter"
    );
    let unknown = MoveCall {
        package: Address::new([0xa1; 32]),
        module: Identifier::new("order").unwrap(),
        function: Identifier::new("steal").unwrap(),
        type_arguments: vec![],
        arguments: vec![],
    };
    let empty = ProgrammableTransaction { inputs: vec![], commands: vec![] };
    assert_eq!(
        signatures.check(&empty, &unknown).unwrap_err(),
        "order::steal: no public or entry function of that name"
    );
}
