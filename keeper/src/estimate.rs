//! `aihash-keeper estimate`: what a delivery window is worth, as a report would state it.

use aihash_sdk::units::{hashrate, payment, work_hashes};
use anyhow::{bail, Context};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// Shares counted in the window (each met the share difficulty).
    #[arg(long)]
    pub shares: u64,
    /// The fill's share difficulty D, fixed before the window started.
    #[arg(long = "share-difficulty", value_name = "D")]
    pub share_difficulty: u64,
    /// Window length in seconds.
    #[arg(long)]
    pub seconds: u64,
    /// Order price per PH·day, in base units of the escrow coin (e.g. MIST for SUI).
    #[arg(long = "price-per-ph-day", value_name = "UNITS")]
    pub price_per_ph_day: Option<u64>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A window's delivery figures. Work and payment are strings in JSON: they exceed 2^53.
#[derive(Debug, Serialize, PartialEq)]
pub struct Estimate {
    pub work_hashes: String,
    pub hashrate_hashes_per_second: f64,
    pub payment: Option<String>,
}

pub fn estimate(args: &EstimateArgs) -> anyhow::Result<Estimate> {
    if args.share_difficulty == 0 {
        bail!("--share-difficulty must be at least 1 (got 0)");
    }
    if args.seconds == 0 {
        bail!("--seconds must be at least 1 (got 0): a window has a length");
    }
    let work = work_hashes(args.shares, args.share_difficulty).with_context(|| {
        format!("{} shares at difficulty {} exceed 2^128 hashes", args.shares, args.share_difficulty)
    })?;
    Ok(Estimate {
        work_hashes: work.to_string(),
        hashrate_hashes_per_second: hashrate(work, args.seconds).expect("seconds checked above"),
        payment: args.price_per_ph_day.map(|price| payment(work, price).to_string()),
    })
}

pub fn run(args: &EstimateArgs) -> anyhow::Result<()> {
    let estimate = estimate(args)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&estimate)?);
        return Ok(());
    }
    println!("work      {} hashes", estimate.work_hashes);
    println!("hashrate  {:.3} TH/s", estimate.hashrate_hashes_per_second / 1e12);
    if let Some(payment) = &estimate.payment {
        println!("payment   {payment} base units (rounded down)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(shares: u64, share_difficulty: u64, seconds: u64, price: Option<u64>) -> EstimateArgs {
        EstimateArgs { shares, share_difficulty, seconds, price_per_ph_day: price, json: false }
    }

    #[test]
    fn a_ten_minute_window_of_a_100_th_rig() {
        // A 100 TH/s rig at D = 2^16 finds 100e12 / (2^16 * 2^32) shares per second: ~0.355/s,
        // so ~213 shares in 600 s. 213 shares are 213 * 2^48 hashes.
        let estimate = estimate(&args(213, 1 << 16, 600, Some(50_000_000_000))).unwrap();
        assert_eq!(estimate.work_hashes, (213u128 << 48).to_string());
        assert!((estimate.hashrate_hashes_per_second / 1e12 - 99.93).abs() < 0.01);
        // 213 * 2^48 hashes are 6.939e-4 PH·day: at 50e9 units per PH·day, 34,695,700 units.
        assert_eq!(estimate.payment.as_deref(), Some("34695700"));
    }

    #[test]
    fn zero_difficulty_or_length_is_refused_by_name() {
        let err = estimate(&args(1, 0, 600, None)).unwrap_err().to_string();
        assert!(err.contains("--share-difficulty"), "{err}");
        let err = estimate(&args(1, 1, 0, None)).unwrap_err().to_string();
        assert!(err.contains("--seconds"), "{err}");
    }
}
