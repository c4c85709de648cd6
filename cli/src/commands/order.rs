//! `aihash order`: hashpower orders escrowing SUI.

use super::read::{hex_arg, ms_from_now, object_id, ReadArgs, Reader, HOUR_MS};
use super::write::{submit, Session, WriteArgs};
use aihash_sdk::amount;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::process::ExitCode;
use sui_sdk_types::StructTag;

#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Create an order: escrow SUI for hashrate delivered to your pool at a price per PH·day.
    ///
    /// The escrow is split from your gas coin. Amounts take units:
    ///   aihash order create --pool-url stratum+tcp://pool.example:3333 --worker me.rig \
    ///     --payout 0014aabb... --price "0.045 SUI/PH/day" --hashrate-cap "3 PH/s" \
    ///     --escrow "10 SUI" --expires-in-hours 24 --network testnet
    #[command(verbatim_doc_comment)]
    Create(Box<CreateArgs>),
    /// Show an order: buyer, pool, price, cap, escrow, reserve, state and its accounting.
    ///
    /// Example: aihash order show 0x51...ab --network testnet --json
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// Add SUI to an order's escrow (an exhausted order resumes). Split from your gas coin.
    ///
    /// Example: aihash order top-up --order 0x51...ab --amount "5 SUI"
    #[command(verbatim_doc_comment)]
    TopUp(TopUpArgs),
    /// Change an order's price: up any time, down by at most the market's limit per interval.
    ///
    /// Example: aihash order reprice --order 0x51...ab --price "0.05 SUI/PH/day"
    #[command(verbatim_doc_comment)]
    Reprice(RepriceArgs),
    /// Cancel an order (after its grace period); the unspent escrow comes back to you.
    ///
    /// Example: aihash order cancel --order 0x51...ab
    #[command(verbatim_doc_comment)]
    Cancel(CancelArgs),
    /// List orders, open ones by default, from the package's `OrderCreated` events and the orders'
    /// current state. Reads every checkpoint since publication (progress on stderr).
    ///
    /// Example: aihash order list --buyer 0xb0b... --network testnet --json
    #[command(verbatim_doc_comment)]
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct TopUpArgs {
    /// The order's object id.
    #[arg(long)]
    order: String,
    /// SUI to add, e.g. `5 SUI`.
    #[arg(long)]
    amount: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct RepriceArgs {
    /// The order's object id.
    #[arg(long)]
    order: String,
    /// The new price per PH·day, e.g. `0.05 SUI/PH/day`.
    #[arg(long)]
    price: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// The order's object id.
    #[arg(long)]
    order: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The order's object id.
    order: String,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the orders of this buyer.
    #[arg(long)]
    buyer: Option<String>,
    /// Also the orders that have ended (cancelled, expired, pool dead).
    #[arg(long)]
    all: bool,
    /// Where to start reading the package's events [default: the checkpoint recorded at publication].
    #[arg(long)]
    from_checkpoint: Option<u64>,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(serde::Serialize)]
struct OrderView {
    order: String,
    buyer: String,
    pool_url: String,
    worker: String,
    state: String,
    price: String,
    hashrate_cap: String,
    escrow: String,
    reserved: String,
    deposited: String,
    paid_to_providers: String,
    fees: String,
    refunded: String,
    fills: u64,
    /// The fills attached so far (released ones included), by number.
    fill_list: Vec<FillView>,
}

#[derive(serde::Serialize)]
struct FillView {
    number: u64,
    keeper: String,
    provider: String,
    hashrate: String,
    /// Share difficulty D (shares count D × 2^32 hashes).
    difficulty: f64,
    reported_until_ms: u64,
    released: bool,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Your pool's Stratum URL.
    #[arg(long)]
    pool_url: String,
    /// Your worker (user) at the pool.
    #[arg(long)]
    worker: String,
    /// Hex of bytes every coinbase of your pool contains (its payout script).
    #[arg(long)]
    payout: String,
    /// Price per PH·day, e.g. `0.045 SUI/PH/day`.
    #[arg(long)]
    price: String,
    /// Most hashrate to buy at once, e.g. `3 PH/s`.
    #[arg(long)]
    hashrate_cap: String,
    /// SUI to escrow, e.g. `10 SUI`.
    #[arg(long)]
    escrow: String,
    /// When the order expires, in hours from now.
    #[arg(long, default_value_t = 24)]
    expires_in_hours: u64,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: OrderCommand) -> anyhow::Result<ExitCode> {
    match command {
        OrderCommand::Create(args) => create(&args),
        OrderCommand::Show(args) => show(&args),
        OrderCommand::List(args) => list(&args),
        OrderCommand::TopUp(args) => {
            let amount = amount::parse_coin(&args.amount, amount::SUI)?;
            let mut session = Session::open(&args.write)?;
            let order = session.shared(object_id("--order", &args.order)?)?;
            session.send(&args.write, |calls, tx| {
                let gas = tx.gas();
                let amount = tx.pure(&amount);
                let coins = tx.split_coins(gas, vec![amount]).remove(0);
                calls.order_top_up(tx, &sui(), order, coins);
            })
        }
        OrderCommand::Reprice(args) => {
            let price = amount::parse_price(&args.price, amount::SUI)?;
            let mut session = Session::open(&args.write)?;
            let order = session.shared(object_id("--order", &args.order)?)?;
            session.send(&args.write, |calls, tx| calls.order_set_price(tx, &sui(), order, price))
        }
        OrderCommand::Cancel(args) => {
            let mut session = Session::open(&args.write)?;
            let order = session.shared(object_id("--order", &args.order)?)?;
            let me = session.sender();
            session.send(&args.write, |calls, tx| calls.order_cancel(tx, &sui(), order, me))
        }
    }
}

fn sui() -> StructTag {
    StructTag::sui()
}

fn show(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let id = object_id("order", &args.order)?;
    let mut reader = Reader::open(&args.read)?;
    let view = order_view(&mut reader, id, true)?;
    if args.read.json {
        crate::output::print_json(&view)?;
    } else {
        println!("order {} ({}) for {}", view.order, view.state, view.buyer);
        println!("  pool      {} as {}", view.pool_url, view.worker);
        println!("  price     {}", view.price);
        println!("  cap       {}  ({} fills)", view.hashrate_cap, view.fills);
        println!("  escrow    {}  reserved {}", view.escrow, view.reserved);
        println!("  paid      {}  fees {}  refunded {}", view.paid_to_providers, view.fees, view.refunded);
        for fill in &view.fill_list {
            println!(
                "  fill #{} {}: keeper {} provider {} at D {}{}",
                fill.number,
                fill.hashrate,
                fill.keeper,
                fill.provider,
                fill.difficulty,
                if fill.released { " (released)" } else { "" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    use aihash_sdk::bindings::order::OrderCreated;
    let buyer = args.buyer.as_deref().map(|b| super::read::address("--buyer", b)).transpose()?;
    let mut reader = Reader::open(&args.read)?;
    let mut ids = vec![];
    for event in reader.package_events(args.from_checkpoint)? {
        if event.name() == "OrderCreated" {
            let created: OrderCreated = event.decode()?;
            if buyer.is_none_or(|buyer| created.buyer.into_inner() == buyer.into_inner()) {
                ids.push(sui_sdk_types::Address::new(created.order_id.bytes.into_inner()));
            }
        }
    }
    let mut views = vec![];
    for id in ids {
        let view = order_view(&mut reader, id, false)?;
        if args.all || !view.state.starts_with("ended") {
            views.push(view);
        }
    }
    if args.read.json {
        crate::output::print_json(&views)?;
    } else if views.is_empty() {
        println!("no {}orders", if args.all { "" } else { "open " });
    } else {
        for view in &views {
            println!(
                "{}  {}  {}  cap {}  escrow {}  {}",
                view.order, view.state, view.price, view.hashrate_cap, view.escrow, view.pool_url
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An order as the CLI shows it, with its fills (read from the fills table) when `with_fills`.
fn order_view(
    reader: &mut Reader,
    id: sui_sdk_types::Address,
    with_fills: bool,
) -> anyhow::Result<OrderView> {
    use aihash_sdk::amount::CoinDisplay;
    use aihash_sdk::bindings::order::{EndReason, Fill, Order, State};
    let contents = reader.run(|client| client.object_contents(id))?;
    if !contents.object_type.contains("::order::Order<") {
        return Err(aihash_sdk::chain::ChainError::WrongType {
            id,
            actual: contents.object_type,
            expected: "order::Order".into(),
            reason: "not an order".into(),
        }
        .into());
    }
    // `C` is phantom: the layout is the same for every escrow coin, which the type names.
    let order: Order<moverox_sui::sui::sui::SUI> = bcs::from_bytes(&contents.bcs)
        .with_context(|| format!("order {id} ({}) does not decode", contents.object_type))?;
    let escrows_sui = contents.object_type.ends_with("::sui::SUI>");
    let coin_type = contents.object_type.clone();
    let sui = |base: u64| match escrows_sui {
        true => CoinDisplay { base, coin: amount::SUI }.to_string(),
        false => format!("{base} base units of {coin_type}"),
    };
    let text = |s: &moverox_sui::move_stdlib::string::String| String::from_utf8_lossy(&s.bytes).into_owned();
    let hex_id =
        |id: &moverox_sui::sui::object::ID| sui_sdk_types::Address::new(id.bytes.into_inner()).to_string();
    let state = match &order.state {
        State::Active => "active".to_owned(),
        State::Exhausted => "exhausted (top up to resume)".to_owned(),
        State::Ended { reason } => format!(
            "ended: {}",
            match reason {
                EndReason::Cancelled => "cancelled",
                EndReason::Expired => "expired",
                EndReason::PoolDead => "pool dead",
            }
        ),
    };
    let mut fill_list = vec![];
    if with_fills {
        let table = sui_sdk_types::Address::new(order.fills.id.id.bytes.into_inner());
        for field in reader.run(|client| client.dynamic_fields(table))? {
            let number: u64 = field.decode_name()?;
            let fill: Fill = field.decode_value()?;
            fill_list.push(FillView {
                number,
                keeper: hex_id(&fill.keeper_id),
                provider: hex_id(&fill.provider_id),
                hashrate: amount::format_hashrate_in_both_units(fill.hashrate),
                difficulty: fill.difficulty as f64 / 4_294_967_296.0,
                reported_until_ms: fill.reported_until_ms,
                released: fill.released_ms != 0,
            });
        }
        fill_list.sort_by_key(|fill| fill.number);
    }
    Ok(OrderView {
        order: id.to_string(),
        buyer: order.buyer.to_string(),
        pool_url: text(&order.pool.url),
        worker: text(&order.pool.worker),
        state,
        price: format!("{} per PH·day", sui(order.price)),
        hashrate_cap: amount::format_hashrate_in_both_units(order.hashrate_cap),
        escrow: sui(order.escrow.value),
        reserved: sui(order.reserved.value),
        deposited: sui(order.deposited),
        paid_to_providers: sui(order.paid_to_providers),
        fees: sui(order.keeper_rewards.saturating_add(order.treasury_fees)),
        refunded: sui(order.refunded),
        fills: order.fill_count,
        fill_list,
    })
}

fn create(args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let price = amount::parse_price(&args.price, amount::SUI)?;
    let hashrate_cap = amount::parse_hashrate(&args.hashrate_cap)?;
    let escrow = amount::parse_coin(&args.escrow, amount::SUI)?;
    let payout = hex_arg(
        "--payout",
        &args.payout,
        "the payout output script in hex, e.g. 0014 and a 20-byte key hash",
    )?;
    let expiry_ms = ms_from_now("--expires-in-hours", args.expires_in_hours, HOUR_MS)?;
    let sui = StructTag::sui();
    submit(&args.write, |calls, tx| {
        let gas = tx.gas();
        let amount = tx.pure(&escrow);
        let coin = tx.split_coins(gas, vec![amount]).remove(0);
        calls.order_create(
            tx,
            &sui,
            &args.pool_url,
            &args.worker,
            &payout,
            price,
            hashrate_cap,
            coin,
            expiry_ms,
        );
    })
}
