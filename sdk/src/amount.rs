//! Amounts in the units people type: coin amounts (`12.5 SUI`, `3 HASH`, `1500 base`), hashrates
//! (`3 PH/s`, `250 TH/s`) and prices (`0.045 SUI/PH/day`), parsed exactly (decimal, never through
//! floating point) into base units, and printed back in both human and base units.

use std::fmt;

/// A coin's symbol and decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coin {
    pub symbol: &'static str,
    pub decimals: u32,
}

pub const SUI: Coin = Coin { symbol: "SUI", decimals: 9 };
pub const HASH: Coin = Coin { symbol: "HASH", decimals: 9 };

/// Why a typed amount was refused; each names the text it refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("`{input}` has no unit: write e.g. `{example}`")]
    MissingUnit { input: String, example: String },
    #[error("`{input}`: unknown unit `{unit}`, expected {expected}")]
    UnknownUnit { input: String, unit: String, expected: String },
    #[error("`{input}` is not a number: write digits with at most one decimal point, e.g. `{example}`")]
    BadNumber { input: String, example: String },
    #[error("`{input}` has more decimal places than {unit} allows ({decimals})")]
    TooPrecise { input: String, unit: String, decimals: u32 },
    #[error("`{input}` is too large: the most is {max}")]
    TooLarge { input: String, max: String },
}

/// Hashrate units and their size in H/s.
const HASHRATE_UNITS: [(&str, u32); 7] =
    [("H/s", 0), ("kH/s", 3), ("MH/s", 6), ("GH/s", 9), ("TH/s", 12), ("PH/s", 15), ("EH/s", 18)];

/// Splits `12.5 SUI` / `12.5SUI` into the number and the unit.
fn split(input: &str) -> (&str, &str) {
    let text = input.trim();
    let at = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_')).unwrap_or(text.len());
    (&text[..at], text[at..].trim())
}

/// `number × 10^scale` exactly, for a decimal number with at most `scale` fraction digits, as a
/// `u64`.
fn scaled(input: &str, number: &str, scale: u32, unit: &str) -> Result<u64, AmountError> {
    let number = number.replace('_', "");
    let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
    let valid = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !valid(whole) || !valid(fraction) {
        let example = if scale == 0 { format!("1500 {unit}") } else { format!("12.5 {unit}") };
        return Err(AmountError::BadNumber { input: input.to_owned(), example });
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() as u32 > scale {
        return Err(AmountError::TooPrecise {
            input: input.to_owned(),
            unit: unit.to_owned(),
            decimals: scale,
        });
    }
    let too_large = || AmountError::TooLarge {
        input: input.to_owned(),
        max: format!("{} {unit}", decimal(u64::MAX, scale)),
    };
    let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
    let fraction_value: u128 =
        if fraction.is_empty() { 0 } else { fraction.parse().map_err(|_| too_large())? };
    let pow = |e: u32| 10u128.checked_pow(e).ok_or_else(too_large);
    let value = whole
        .checked_mul(pow(scale)?)
        .and_then(|w| w.checked_add(fraction_value * 10u128.pow(scale - fraction.len() as u32)))
        .ok_or_else(too_large)?;
    u64::try_from(value).map_err(|_| too_large())
}

/// `base / 10^scale` written out exactly, without trailing fraction zeros: `12.5`.
fn decimal(base: u64, scale: u32) -> String {
    let one = 10u128.pow(scale);
    let (whole, fraction) = (u128::from(base) / one, u128::from(base) % one);
    if fraction == 0 {
        whole.to_string()
    } else {
        let digits = format!("{fraction:0width$}", width = scale as usize);
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Parses a coin amount into base units: `12.5 SUI`, or `12500000000 base` for base units.
pub fn parse_coin(input: &str, coin: Coin) -> Result<u64, AmountError> {
    let (number, unit) = split(input);
    if unit.is_empty() {
        return Err(AmountError::MissingUnit {
            input: input.to_owned(),
            example: format!("12.5 {}", coin.symbol),
        });
    }
    let scale = if unit.eq_ignore_ascii_case(coin.symbol) {
        coin.decimals
    } else if unit.eq_ignore_ascii_case("base") {
        0
    } else {
        return Err(AmountError::UnknownUnit {
            input: input.to_owned(),
            unit: unit.to_owned(),
            expected: format!("`{}` or `base`", coin.symbol),
        });
    };
    scaled(input, number, scale, unit)
}

/// Parses a hashrate into H/s: `3 PH/s`, `250 TH/s`, `1.5 EH/s`.
pub fn parse_hashrate(input: &str) -> Result<u64, AmountError> {
    let (number, unit) = split(input);
    if unit.is_empty() {
        return Err(AmountError::MissingUnit { input: input.to_owned(), example: "3 PH/s".into() });
    }
    let Some((name, exponent)) = HASHRATE_UNITS.iter().find(|(name, _)| name.eq_ignore_ascii_case(unit))
    else {
        let expected = HASHRATE_UNITS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ");
        return Err(AmountError::UnknownUnit { input: input.to_owned(), unit: unit.to_owned(), expected });
    };
    scaled(input, number, *exponent, name)
}

/// Parses a price per PH·day into base units of `coin`: `0.045 SUI/PH/day`.
pub fn parse_price(input: &str, coin: Coin) -> Result<u64, AmountError> {
    let (number, unit) = split(input);
    let expected = format!("{}/PH/day", coin.symbol);
    if unit.is_empty() {
        return Err(AmountError::MissingUnit {
            input: input.to_owned(),
            example: format!("0.045 {expected}"),
        });
    }
    let canonical = unit.replace('·', "/").replace(' ', "");
    if !canonical.eq_ignore_ascii_case(&expected) {
        return Err(AmountError::UnknownUnit {
            input: input.to_owned(),
            unit: unit.to_owned(),
            expected: format!("`{expected}`"),
        });
    }
    scaled(input, number, coin.decimals, &expected)
}

/// A coin amount printed in both units: `12.5 SUI (12500000000 base units)`.
pub struct CoinDisplay {
    pub base: u64,
    pub coin: Coin,
}

impl fmt::Display for CoinDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({} base units)",
            decimal(self.base, self.coin.decimals),
            self.coin.symbol,
            self.base
        )
    }
}

/// A hashrate in both units, as amounts print: `1.00 TH/s (1000000000000 H/s)`.
pub fn format_hashrate_in_both_units(hashes_per_second: u64) -> String {
    format!("{} ({hashes_per_second} H/s)", format_hashrate(hashes_per_second))
}

/// A hashrate in the largest unit that keeps at least one whole: `3.25 PH/s`.
pub fn format_hashrate(hashes_per_second: u64) -> String {
    let (name, exponent) = HASHRATE_UNITS
        .iter()
        .rev()
        .find(|(_, e)| hashes_per_second >= 10u64.pow(*e))
        .copied()
        .unwrap_or(HASHRATE_UNITS[0]);
    let value = hashes_per_second as f64 / 10f64.powi(exponent as i32);
    format!("{value:.2} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn coins_parse_exactly_in_either_unit() {
        assert_eq!(parse_coin("12.5 SUI", SUI), Ok(12_500_000_000));
        assert_eq!(parse_coin("12.5sui", SUI), Ok(12_500_000_000));
        assert_eq!(parse_coin("0.000000001 SUI", SUI), Ok(1));
        assert_eq!(parse_coin("1_000 HASH", HASH), Ok(1_000_000_000_000));
        assert_eq!(parse_coin("1500 base", SUI), Ok(1_500));
        assert_eq!(parse_coin(".5 SUI", SUI), Ok(500_000_000));
    }

    #[test]
    fn bad_coin_amounts_name_the_input() {
        let missing = parse_coin("12.5", SUI).unwrap_err();
        assert_eq!(missing.to_string(), "`12.5` has no unit: write e.g. `12.5 SUI`");
        assert!(matches!(parse_coin("3 ETH", SUI), Err(AmountError::UnknownUnit { .. })));
        assert!(matches!(parse_coin("1.2.3 SUI", SUI), Err(AmountError::BadNumber { .. })));
        assert!(matches!(parse_coin("- SUI", SUI), Err(AmountError::UnknownUnit { .. })));
        assert_eq!(
            parse_coin("0.0000000001 SUI", SUI).unwrap_err().to_string(),
            "`0.0000000001 SUI` has more decimal places than SUI allows (9)"
        );
        assert!(matches!(parse_coin("20000000000 SUI", SUI), Err(AmountError::TooLarge { .. })));
        assert!(matches!(parse_coin("1.5 base", SUI), Err(AmountError::TooPrecise { .. })));
    }

    #[test]
    fn hashrates_parse_in_every_unit() {
        assert_eq!(parse_hashrate("3 PH/s"), Ok(3_000_000_000_000_000));
        assert_eq!(parse_hashrate("250 th/s"), Ok(250_000_000_000_000));
        assert_eq!(parse_hashrate("1.5 EH/s"), Ok(1_500_000_000_000_000_000));
        assert_eq!(parse_hashrate("100 H/s"), Ok(100));
        assert!(matches!(parse_hashrate("3 PH"), Err(AmountError::UnknownUnit { .. })));
        assert!(matches!(parse_hashrate("19 EH/s"), Err(AmountError::TooLarge { .. })));
        assert!(matches!(parse_hashrate("0.5 H/s"), Err(AmountError::TooPrecise { .. })));
    }

    #[test]
    fn prices_parse_per_ph_day() {
        assert_eq!(parse_price("0.045 SUI/PH/day", SUI), Ok(45_000_000));
        assert_eq!(parse_price("2 SUI/PH·day", SUI), Ok(2_000_000_000));
        assert!(matches!(parse_price("0.045 SUI/TH/day", SUI), Err(AmountError::UnknownUnit { .. })));
        assert!(matches!(parse_price("0.045", SUI), Err(AmountError::MissingUnit { .. })));
    }

    #[test]
    fn amounts_print_in_both_units() {
        assert_eq!(
            CoinDisplay { base: 12_500_000_000, coin: SUI }.to_string(),
            "12.5 SUI (12500000000 base units)"
        );
        assert_eq!(
            CoinDisplay { base: 3_000_000_000, coin: HASH }.to_string(),
            "3 HASH (3000000000 base units)"
        );
        assert_eq!(CoinDisplay { base: 1, coin: SUI }.to_string(), "0.000000001 SUI (1 base units)");
        assert_eq!(format_hashrate(3_250_000_000_000_000), "3.25 PH/s");
        assert_eq!(format_hashrate(999), "999.00 H/s");
        assert_eq!(format_hashrate_in_both_units(1_000_000_000_000), "1.00 TH/s (1000000000000 H/s)");
        assert_eq!(format_hashrate_in_both_units(999), "999.00 H/s (999 H/s)");
    }

    #[test]
    fn refused_numbers_come_with_an_example_and_the_limit() {
        assert_eq!(
            parse_coin("1.2.3 SUI", SUI).unwrap_err().to_string(),
            "`1.2.3 SUI` is not a number: write digits with at most one decimal point, e.g. `12.5 SUI`"
        );
        assert_eq!(
            parse_coin("20000000000 SUI", SUI).unwrap_err().to_string(),
            "`20000000000 SUI` is too large: the most is 18446744073.709551615 SUI"
        );
        assert!(parse_hashrate("1.2.3 TH/s").unwrap_err().to_string().contains("e.g. `12.5 TH/s`"));
        assert!(parse_coin("99999999999999999999999999999999999999999 base", SUI)
            .unwrap_err()
            .to_string()
            .contains("the most is 18446744073709551615 base"));
    }

    proptest! {
        /// Whatever base amount is printed, parsing the human part gives it back.
        #[test]
        fn printed_amounts_parse_back(base in any::<u64>()) {
            let shown = CoinDisplay { base, coin: SUI }.to_string();
            let human = shown.split(" (").next().unwrap();
            prop_assert_eq!(parse_coin(human, SUI), Ok(base));
        }

        /// Arbitrary text never panics the parsers.
        #[test]
        fn any_text_is_parsed_or_refused_without_panic(text in ".{0,40}") {
            let _ = parse_coin(&text, SUI);
            let _ = parse_hashrate(&text);
            let _ = parse_price(&text, HASH);
        }
    }
}
