//! Calls into `identity`, `staking` and `capacity`: identities, their keys and services, stake.

use super::{Calls, Shared, AUTHENTICATION, KEEPER_SIGNING, ROLE_KEEPER};
use sui_sdk_types::Address;
use sui_transaction_builder::{Argument, TransactionBuilder};

impl Calls<'_> {
    /// `identity::new` + `identity::share`: an identity with `roles` (1 provider, 2 keeper).
    pub fn identity_create(&self, tx: &mut TransactionBuilder, roles: u8) {
        let registry = tx.object(self.deployment.registry.input(true));
        let roles = tx.pure(&roles);
        let clock = Self::clock(tx);
        let identity = tx.move_call(self.function("identity", "new"), vec![registry, roles, clock]);
        tx.move_call(self.function("identity", "share"), vec![identity]);
    }

    /// A keeper's identity in one transaction: `identity::new` (keeper role), its keeper-signing
    /// key (also for authentication), its Stratum endpoint, then `identity::share`.
    pub fn keeper_register(
        &self,
        tx: &mut TransactionBuilder,
        key_type: u8,
        public_key: &[u8],
        stratum_url: &str,
    ) {
        let registry = tx.object(self.deployment.registry.input(true));
        let roles = tx.pure(&ROLE_KEEPER);
        let clock = Self::clock(tx);
        let identity = tx.move_call(self.function("identity", "new"), vec![registry, roles, clock]);
        let args = vec![
            identity,
            registry,
            tx.pure(&"keeper-1".to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            tx.pure(&(KEEPER_SIGNING | AUTHENTICATION)),
            clock,
        ];
        tx.move_call(self.function("identity", "add_method"), args);
        let args = vec![
            identity,
            tx.pure(&"stratum".to_owned()),
            tx.pure(&"StratumEndpoint".to_owned()),
            tx.pure(&stratum_url.to_owned()),
            clock,
        ];
        tx.move_call(self.function("identity", "add_service"), args);
        tx.move_call(self.function("identity", "share"), vec![identity]);
    }

    /// `identity::add_method`.
    pub fn identity_add_key(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        method_id: &str,
        key_type: u8,
        public_key: &[u8],
        purposes: u8,
    ) {
        let identity = tx.object(identity.input(true));
        let registry = tx.object(self.deployment.registry.input(false));
        let args = vec![
            identity,
            registry,
            tx.pure(&method_id.to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            tx.pure(&purposes),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "add_method"), args);
    }

    /// `staking::stake` of `coin`, a `Coin<HASH>` argument.
    pub fn stake(&self, tx: &mut TransactionBuilder, identity: Shared, coin: Argument) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            coin,
            Self::clock(tx),
        ];
        tx.move_call(self.function("staking", "stake"), args);
    }

    /// `identity::rotate_method`: a new key for method `method_id`, keeping its purposes.
    pub fn identity_rotate_key(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        method_id: &str,
        key_type: u8,
        public_key: &[u8],
    ) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&method_id.to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "rotate_method"), args);
    }

    /// `identity::add_service`.
    pub fn identity_add_service(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        service_id: &str,
        service_type: &str,
        endpoint: &str,
    ) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.pure(&service_id.to_owned()),
            tx.pure(&service_type.to_owned()),
            tx.pure(&endpoint.to_owned()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "add_service"), args);
    }

    /// `identity::deactivate`: irreversible.
    pub fn identity_deactivate(&self, tx: &mut TransactionBuilder, identity: Shared) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "deactivate"), args);
    }

    /// `staking::request_unstake`.
    pub fn request_unstake(&self, tx: &mut TransactionBuilder, identity: Shared, amount: u64) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&amount),
            Self::clock(tx),
        ];
        tx.move_call(self.function("staking", "request_unstake"), args);
    }

    /// `staking::withdraw`, the HASH transferred to `recipient`.
    pub fn withdraw_stake(&self, tx: &mut TransactionBuilder, identity: Shared, recipient: Address) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        let coins = tx.move_call(self.function("staking", "withdraw"), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![coins], recipient);
    }

    /// `identity::revoke_method`.
    pub fn identity_revoke_key(&self, tx: &mut TransactionBuilder, identity: Shared, method_id: &str) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&method_id.to_owned()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "revoke_method"), args);
    }

    /// `identity::remove_service`.
    pub fn identity_remove_service(&self, tx: &mut TransactionBuilder, identity: Shared, service_id: &str) {
        let args = vec![tx.object(identity.input(true)), tx.pure(&service_id.to_owned()), Self::clock(tx)];
        tx.move_call(self.function("identity", "remove_service"), args);
    }

    /// `identity::set_controller`: hand the identity to `new_controller`.
    pub fn identity_set_controller(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        new_controller: Address,
    ) {
        let args = vec![tx.object(identity.input(true)), tx.pure(&new_controller), Self::clock(tx)];
        tx.move_call(self.function("identity", "set_controller"), args);
    }

    /// `identity::activate`: a verified (or paused) identity with enough stake starts operating.
    pub fn identity_activate(&self, tx: &mut TransactionBuilder, identity: Shared) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "activate"), args);
    }

    /// `identity::pause`.
    pub fn identity_pause(&self, tx: &mut TransactionBuilder, identity: Shared) {
        let args = vec![tx.object(identity.input(true)), Self::clock(tx)];
        tx.move_call(self.function("identity", "pause"), args);
    }

    /// `staking::withdraw_early`: withdraw stake before the cooldown ends, burning the penalty
    /// through the HASH `currency` (the coin registry's shared `Currency<HASH>`); the rest is
    /// transferred to `recipient`.
    pub fn withdraw_stake_early(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        currency: Shared,
        recipient: Address,
    ) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.object(currency.input(true)),
            Self::clock(tx),
        ];
        let coins = tx.move_call(self.function("staking", "withdraw_early"), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![coins], recipient);
    }

    /// `capacity::request`: a provider asks to prove `claimed_hashrate` (H/s); `random` is the
    /// system `Random` object (0x8).
    pub fn capacity_request(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        claimed_hashrate: u64,
        random: Shared,
    ) {
        let args = vec![
            tx.object(self.deployment.registry.input(false)),
            tx.object(identity.input(true)),
            tx.pure(&claimed_hashrate),
            tx.object(random.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("capacity", "request"), args);
    }

    /// `capacity::submit`: one solved 80-byte header for an open capacity challenge.
    pub fn capacity_submit(
        &self,
        tx: &mut TransactionBuilder,
        challenge: Shared,
        identity: Shared,
        header: &[u8],
    ) {
        let args = vec![
            tx.object(challenge.input(true)),
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&header.to_vec()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("capacity", "submit"), args);
    }

    /// `capacity::finalize`: anyone may close a capacity challenge whose deadline passed.
    pub fn capacity_finalize(&self, tx: &mut TransactionBuilder, challenge: Shared, identity: Shared) {
        let args = vec![
            tx.object(challenge.input(true)),
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("capacity", "finalize"), args);
    }
}
