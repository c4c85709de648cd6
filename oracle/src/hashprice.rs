//! Hashprice: the revenue one PH/s earns in a day, `10^15 * 86_400 / (difficulty * 2^32)` blocks'
//! worth of subsidy plus fees.

use aihash_sdk::units::{HASHES_PER_DIFFICULTY_1_SHARE, HASHES_PER_PH_DAY};
use anyhow::bail;
use bitcoin::blockdata::constants::SUBSIDY_HALVING_INTERVAL;
use bitcoin::Amount;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct HashpriceArgs {
    /// Network difficulty (e.g. 1.26e14).
    #[arg(long)]
    pub difficulty: f64,
    /// Height of the next block, which sets the subsidy (halving every 210,000 blocks).
    #[arg(long)]
    pub height: u32,
    /// Average transaction fees per block, in satoshis.
    #[arg(long = "fees-sats", default_value_t = 0)]
    pub fees_sats: u64,
    /// BTC price in USD; adds a USD figure.
    #[arg(long = "btc-usd")]
    pub btc_usd: Option<f64>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The block subsidy at `height`.
pub fn block_subsidy(height: u32) -> Amount {
    let halvings = height / SUBSIDY_HALVING_INTERVAL;
    // After 64 halvings the shift would exceed the width; the subsidy is long zero by then.
    Amount::from_sat(if halvings >= 64 { 0 } else { Amount::from_int_btc(50).to_sat() >> halvings })
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Hashprice {
    pub subsidy_sats: u64,
    pub sats_per_ph_day: f64,
    pub usd_per_ph_day: Option<f64>,
}

pub fn hashprice(args: &HashpriceArgs) -> anyhow::Result<Hashprice> {
    if !(args.difficulty.is_finite() && args.difficulty >= 1.0) {
        bail!("--difficulty must be a number of at least 1 (got {})", args.difficulty);
    }
    if let Some(price) = args.btc_usd.filter(|p| !(p.is_finite() && *p > 0.0)) {
        bail!("--btc-usd must be a positive price (got {price})");
    }
    let subsidy = block_subsidy(args.height);
    let blocks_per_ph_day =
        HASHES_PER_PH_DAY as f64 / (args.difficulty * HASHES_PER_DIFFICULTY_1_SHARE as f64);
    let sats_per_ph_day = blocks_per_ph_day * (subsidy.to_sat() + args.fees_sats) as f64;
    Ok(Hashprice {
        subsidy_sats: subsidy.to_sat(),
        sats_per_ph_day,
        usd_per_ph_day: args.btc_usd.map(|usd| sats_per_ph_day / 1e8 * usd),
    })
}

pub fn run(args: &HashpriceArgs) -> anyhow::Result<()> {
    let price = hashprice(args)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&price)?);
        return Ok(());
    }
    println!("subsidy    {} sats", price.subsidy_sats);
    println!("hashprice  {:.0} sats per PH·day", price.sats_per_ph_day);
    if let Some(usd) = price.usd_per_ph_day {
        println!("hashprice  {usd:.2} USD per PH·day");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(difficulty: f64, height: u32, fees_sats: u64, btc_usd: Option<f64>) -> HashpriceArgs {
        HashpriceArgs { difficulty, height, fees_sats, btc_usd, json: false }
    }

    #[test]
    fn subsidy_halves_at_each_interval() {
        assert_eq!(block_subsidy(0).to_sat(), 5_000_000_000);
        assert_eq!(block_subsidy(839_999).to_sat(), 625_000_000);
        assert_eq!(block_subsidy(840_000).to_sat(), 312_500_000);
        assert_eq!(block_subsidy(64 * SUBSIDY_HALVING_INTERVAL).to_sat(), 0);
        assert_eq!(block_subsidy(u32::MAX).to_sat(), 0);
    }

    #[test]
    fn hashprice_after_the_2024_halving() {
        // Difficulty 1e14, 3.125 BTC subsidy plus 0.125 BTC fees: 1e15 * 86,400 / (1e14 * 2^32)
        // = 2.0117e-4 blocks per PH·day, times 325,000,000 sats = 65,378.84 sats.
        let price = hashprice(&args(1e14, 850_000, 12_500_000, Some(100_000.0))).unwrap();
        assert_eq!(price.subsidy_sats, 312_500_000);
        assert!((price.sats_per_ph_day - 65_378.84).abs() < 0.01, "{}", price.sats_per_ph_day);
        assert!((price.usd_per_ph_day.unwrap() - 65.3788).abs() < 0.0001);
    }

    #[test]
    fn doubling_difficulty_halves_hashprice() {
        let base = hashprice(&args(5e13, 900_000, 0, None)).unwrap().sats_per_ph_day;
        let doubled = hashprice(&args(1e14, 900_000, 0, None)).unwrap().sats_per_ph_day;
        assert!((base / doubled - 2.0).abs() < 1e-12);
    }

    #[test]
    fn bad_inputs_are_named() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let err = hashprice(&args(bad, 1, 0, None)).unwrap_err().to_string();
            assert!(err.contains("--difficulty"), "{err}");
        }
        let err = hashprice(&args(1e14, 1, 0, Some(-5.0))).unwrap_err().to_string();
        assert!(err.contains("--btc-usd"), "{err}");
    }
}
