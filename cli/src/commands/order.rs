//! `aihash order`: hashpower orders escrowing SUI.

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
    /// localnet, devnet, testnet, mainnet, or a node's http(s):// URL.
    #[arg(long, default_value = "localnet")]
    network: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
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
    "0x2::sui::SUI".parse().expect("the SUI type")
}

pub(crate) fn object_id(flag: &str, text: &str) -> anyhow::Result<sui_sdk_types::Address> {
    text.parse().map_err(|e| anyhow::anyhow!("{flag} `{text}` is not an object id: {e}"))
}

fn show(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    use aihash_sdk::amount::CoinDisplay;
    use aihash_sdk::bindings::order::{EndReason, Order, State};
    let id: sui_sdk_types::Address =
        args.order.parse().map_err(|e| anyhow::anyhow!("`{}` is not an object id: {e}", args.order))?;
    let network = aihash_sdk::network::Network::parse(&args.network)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let order: Order<moverox_sui::sui::sui::SUI> = runtime.block_on(async {
        let mut client = aihash_sdk::chain::ChainClient::new(network.rpc_url())?;
        client.object(id).await
    })?;
    let sui = |base: u64| CoinDisplay { base, coin: amount::SUI }.to_string();
    let text = |s: &moverox_sui::move_stdlib::string::String| String::from_utf8_lossy(&s.bytes).into_owned();
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
    let view = OrderView {
        order: id.to_string(),
        buyer: order.buyer.to_string(),
        pool_url: text(&order.pool.url),
        worker: text(&order.pool.worker),
        state,
        price: format!("{} per PH·day", sui(order.price)),
        hashrate_cap: amount::format_hashrate(order.hashrate_cap),
        escrow: sui(order.escrow.value),
        reserved: sui(order.reserved.value),
        deposited: sui(order.deposited),
        paid_to_providers: sui(order.paid_to_providers),
        fees: sui(order.keeper_rewards + order.treasury_fees),
        refunded: sui(order.refunded),
        fills: order.fill_count,
    };
    if args.json {
        crate::output::print_json(&view)?;
    } else {
        println!("order {} ({}) for {}", view.order, view.state, view.buyer);
        println!("  pool      {} as {}", view.pool_url, view.worker);
        println!("  price     {}", view.price);
        println!("  cap       {}  ({} fills)", view.hashrate_cap, view.fills);
        println!("  escrow    {}  reserved {}", view.escrow, view.reserved);
        println!("  paid      {}  fees {}  refunded {}", view.paid_to_providers, view.fees, view.refunded);
    }
    Ok(ExitCode::SUCCESS)
}

fn create(args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let price = amount::parse_price(&args.price, amount::SUI)?;
    let hashrate_cap = amount::parse_hashrate(&args.hashrate_cap)?;
    let escrow = amount::parse_coin(&args.escrow, amount::SUI)?;
    let payout = hex::decode(args.payout.trim_start_matches("0x"))
        .with_context(|| format!("--payout `{}` is not hex", args.payout))?;
    let now_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis() as u64;
    let expiry_ms = now_ms + args.expires_in_hours.saturating_mul(3_600_000);
    let sui: StructTag = "0x2::sui::SUI".parse().expect("the SUI type");
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
