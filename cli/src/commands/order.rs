//! `aihash order`: hashpower orders escrowing SUI.

use super::write::{submit, WriteArgs};
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
    Create(CreateArgs),
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
    }
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
