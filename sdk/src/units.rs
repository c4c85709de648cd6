//! The market's units (PROTOCOL.md, "Units"): work in hashes, price per PH·day, and the payment
//! for work at a price, rounded down in the buyer's favour. The Move market computes the same.

use primitive_types::U256;

/// Hashes behind one share at difficulty 1: `2^32`.
pub const HASHES_PER_DIFFICULTY_1_SHARE: u128 = 1 << 32;
/// Hashes in one PH·day: `10^15` hashes per second for 86,400 seconds.
pub const HASHES_PER_PH_DAY: u128 = 1_000_000_000_000_000 * 86_400;

/// Work, in hashes, of `shares` counted at share difficulty `difficulty`: `n * D * 2^32`.
/// `None` if it does not fit in a `u128` (about 10^38 hashes, far beyond any window).
pub fn work_hashes(shares: u64, difficulty: u64) -> Option<u128> {
    u128::from(shares).checked_mul(u128::from(difficulty))?.checked_mul(HASHES_PER_DIFFICULTY_1_SHARE)
}

/// Payment for `work` hashes at `price_per_ph_day` base units of the escrow coin:
/// `work * price / (10^15 * 86_400)`, rounded down. The product needs 192 bits (as `u256` in
/// Move); the quotient always fits in a `u128`.
pub fn payment(work: u128, price_per_ph_day: u64) -> u128 {
    let owed = U256::from(work) * U256::from(price_per_ph_day) / U256::from(HASHES_PER_PH_DAY);
    owed.as_u128()
}

/// Average hashrate, in hashes per second, of `work` hashes delivered over `seconds`.
pub fn hashrate(work: u128, seconds: u64) -> Option<f64> {
    (seconds > 0).then(|| work as f64 / seconds as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_ph_day_of_work_costs_exactly_the_price() {
        assert_eq!(payment(HASHES_PER_PH_DAY, 123_456_789), 123_456_789);
        assert_eq!(payment(HASHES_PER_PH_DAY - 1, 1_000), 999);
        assert_eq!(payment(0, u64::MAX), 0);
    }

    #[test]
    fn share_work_is_difficulty_times_two_to_the_32() {
        assert_eq!(work_hashes(1, 1), Some(4_294_967_296));
        assert_eq!(work_hashes(3, 65_536), Some(3 * 65_536 * 4_294_967_296));
        assert_eq!(work_hashes(u64::MAX, u64::MAX), None);
    }

    #[test]
    fn hashrate_of_a_window() {
        // 600 shares at difficulty 2^20 in 10 minutes: 2^52 hashes/s, about 4.5 PH/s.
        let work = work_hashes(600, 1 << 20).unwrap();
        assert_eq!(hashrate(work, 600), Some((1u64 << 52) as f64));
        assert_eq!(hashrate(work, 0), None);
    }

    proptest! {
        /// The payment is the exact quotient rounded down: paid * H <= work * price < (paid + 1) * H.
        #[test]
        fn payment_is_the_exact_quotient_rounded_down(work in any::<u128>(), price in any::<u64>()) {
            let paid = U256::from(payment(work, price));
            let owed_exactly = U256::from(work) * U256::from(price);
            let per_ph_day = U256::from(HASHES_PER_PH_DAY);
            prop_assert!(paid * per_ph_day <= owed_exactly);
            prop_assert!((paid + 1) * per_ph_day > owed_exactly);
        }

        #[test]
        fn more_work_never_pays_less(a in any::<u64>(), b in any::<u64>(), price in any::<u64>()) {
            let (small, large) = (u128::from(a.min(b)) << 32, u128::from(a.max(b)) << 32);
            prop_assert!(payment(small, price) <= payment(large, price));
        }
    }
}
