//! Choosing coins to pay an amount (gas, escrow, stake): the largest first until they cover it,
//! which uses as few coins as possible, within the number a transaction may take.

use crate::chain::OwnedCoin;

/// Most coins one transaction may pay gas with (the protocol's limit on gas objects).
pub const MAX_GAS_COINS: usize = 256;

/// Why no selection covers the amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Shortfall {
    #[error("needs {needed} but holds only {held} in {coins} coins")]
    TooLittle { needed: u64, held: u128, coins: usize },
    #[error("needs {needed}, which takes more than {limit} of its coins (merge some first)")]
    TooManyCoins { needed: u64, limit: usize },
}

/// The fewest of `coins` whose balances add up to at least `amount`, largest first, at most
/// `limit` of them. An amount of zero takes the largest coin (a transaction needs one to pay with).
pub fn select(coins: &[OwnedCoin], amount: u64, limit: usize) -> Result<Vec<OwnedCoin>, Shortfall> {
    let mut sorted = coins.to_vec();
    sorted.sort_by_key(|coin| std::cmp::Reverse(coin.balance));
    let held: u128 = sorted.iter().map(|coin| coin.balance as u128).sum();
    if held < amount as u128 || sorted.is_empty() {
        return Err(Shortfall::TooLittle { needed: amount, held, coins: sorted.len() });
    }
    let mut covered = 0u128;
    let mut chosen = vec![];
    for coin in sorted {
        if chosen.len() == limit {
            return Err(Shortfall::TooManyCoins { needed: amount, limit });
        }
        covered += coin.balance as u128;
        chosen.push(coin);
        if covered >= amount as u128 {
            break;
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sui_sdk_types::{Address, Digest};

    fn coins(balances: &[u64]) -> Vec<OwnedCoin> {
        balances
            .iter()
            .enumerate()
            .map(|(n, balance)| OwnedCoin {
                id: Address::new([n as u8; 32]),
                version: 1,
                digest: Digest::ZERO,
                balance: *balance,
            })
            .collect()
    }

    fn balances(chosen: &[OwnedCoin]) -> Vec<u64> {
        chosen.iter().map(|coin| coin.balance).collect()
    }

    #[test]
    fn the_largest_coins_cover_the_amount() {
        let held = coins(&[5, 50, 1, 500, 20]);
        assert_eq!(balances(&select(&held, 400, 10).unwrap()), [500]);
        assert_eq!(balances(&select(&held, 540, 10).unwrap()), [500, 50]);
        assert_eq!(balances(&select(&held, 576, 10).unwrap()), [500, 50, 20, 5, 1]);
        assert_eq!(balances(&select(&held, 0, 10).unwrap()), [500]);
    }

    #[test]
    fn shortfalls_say_what_is_held_and_what_is_needed() {
        let held = coins(&[5, 50, 1, 500, 20]);
        let error = select(&held, 577, 10).unwrap_err();
        assert_eq!(error, Shortfall::TooLittle { needed: 577, held: 576, coins: 5 });
        assert_eq!(error.to_string(), "needs 577 but holds only 576 in 5 coins");
        assert_eq!(select(&held, 560, 2).unwrap_err(), Shortfall::TooManyCoins { needed: 560, limit: 2 });
        assert!(matches!(select(&[], 0, 10).unwrap_err(), Shortfall::TooLittle { coins: 0, .. }));
    }

    proptest! {
        /// A selection covers the amount, uses no more coins than any other selection would
        /// (every smaller set of coins holds less), and stays within the limit.
        #[test]
        fn selections_cover_with_the_fewest_coins(
            held in proptest::collection::vec(0u64..=u64::MAX / 4, 1..40),
            amount in any::<u64>(),
            limit in 1usize..50,
        ) {
            let held = coins(&held);
            match select(&held, amount, limit) {
                Ok(chosen) => {
                    let covered: u128 = chosen.iter().map(|c| c.balance as u128).sum();
                    prop_assert!(covered >= amount as u128);
                    prop_assert!(chosen.len() <= limit);
                    let mut sorted = balances(&held);
                    sorted.sort_unstable_by(|a, b| b.cmp(a));
                    let best_smaller: u128 = sorted.iter().take(chosen.len() - 1).map(|b| *b as u128).sum();
                    prop_assert!(chosen.len() == 1 || best_smaller < amount as u128);
                }
                Err(Shortfall::TooLittle { held: total, .. }) => {
                    prop_assert!(total < amount as u128);
                }
                Err(Shortfall::TooManyCoins { .. }) => {
                    let mut sorted = balances(&held);
                    sorted.sort_unstable_by(|a, b| b.cmp(a));
                    let best: u128 = sorted.iter().take(limit).map(|b| *b as u128).sum();
                    prop_assert!(best < amount as u128);
                }
            }
        }
    }
}
