//! Whether the keeper can work on chain at all, checked at start. Its identity must be a keeper's,
//! controlled by the key it signs with, active, with a keeper-signing key and the market's minimum
//! stake; each provider in its configuration an active provider identity. Otherwise the market
//! refuses every fill and report with one abort that does not say what is missing: here each
//! problem is named, with what fixes it.

use crate::config::Provider;
use aihash_sdk::bindings::identity::{Identity, Status};
use aihash_sdk::tx::{KEEPER_SIGNING, ROLE_KEEPER, ROLE_PROVIDER};
use sui_sdk_types::Address;

/// What keeps keeper identity `id` from filling orders and reporting, when `sender` signs for it
/// and the market asks for `min_stake` (HASH base units). Empty: nothing.
pub fn keeper_problems(id: Address, identity: &Identity, sender: Address, min_stake: u64) -> Vec<String> {
    let mut problems = vec![];
    let controller = Address::new(identity.controller.into_inner());
    if controller != sender {
        problems.push(format!(
            "it is controlled by {controller}, not by the key the keeper signs with ({sender}): set chain.sender to the controller's address in the keystore"
        ));
    }
    if identity.roles & ROLE_KEEPER == 0 {
        problems
            .push("it does not have the keeper role: register a keeper with `aihash keeper register`".into());
    }
    if !identity.methods.iter().any(|m| m.purposes & KEEPER_SIGNING != 0) {
        problems.push("it has no keeper-signing key: add one with `aihash identity add-key`".into());
    }
    if identity.status != Status::Active {
        problems.push(format!("its status is {:?}, not Active", identity.status));
    }
    let stake = identity.stake.active.value;
    if stake < min_stake {
        problems.push(format!(
            "its active stake is {stake} HASH base units, below the market's minimum of {min_stake}: add stake with `aihash stake add`"
        ));
    }
    problems.into_iter().map(|p| format!("keeper identity {id}: {p}")).collect()
}

/// What keeps `provider` (as configured) from being attached to orders. Empty: nothing.
pub fn provider_problems(provider: &Provider, identity: &Identity) -> Vec<String> {
    let mut problems = vec![];
    if identity.roles & ROLE_PROVIDER == 0 {
        problems.push("it does not have the provider role".to_owned());
    }
    if identity.status != Status::Active {
        problems.push(format!("its status is {:?}, not Active", identity.status));
    }
    problems
        .into_iter()
        .map(|p| format!("provider `{}` (identity {}): {p}", provider.name, provider.identity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn golden() -> Identity {
        bcs::from_bytes(aihash_sdk::golden::bytes("identity_object").unwrap()).unwrap()
    }

    const ID: Address = Address::new([0x41; 32]);

    #[test]
    fn an_eligible_keeper_has_no_problems_and_each_gap_is_named() {
        let identity = golden();
        let controller = Address::new(identity.controller.into_inner());
        let stake = identity.stake.active.value;
        assert_eq!(keeper_problems(ID, &identity, controller, stake), Vec::<String>::new());

        let stranger = Address::new([9; 32]);
        let problems = keeper_problems(ID, &identity, stranger, stake + 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains(&controller.to_string()) && problems[0].contains("chain.sender"));
        assert!(problems[1].contains("aihash stake add") && problems[1].contains(&(stake + 1).to_string()));

        let mut bare = golden();
        bare.roles = ROLE_PROVIDER;
        bare.methods.clear();
        bare.status = Status::Pending;
        let problems = keeper_problems(ID, &bare, controller, 0);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|p| p.starts_with(&format!("keeper identity {ID}"))));
    }

    #[test]
    fn a_provider_must_be_an_active_provider() {
        let provider = Provider { name: "acme".into(), identity: ID, hashrate: 1 };
        assert!(provider_problems(&provider, &golden()).is_empty());
        let mut keeper_only = golden();
        keeper_only.roles = ROLE_KEEPER;
        keeper_only.status = Status::Deactivated;
        let problems = provider_problems(&provider, &keeper_only);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("provider `acme`"));
    }
}
