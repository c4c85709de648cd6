//! Sending transactions from a daemon: pick gas coins, build, dry-run (a failing transaction is
//! reported with the node's reason instead of being sent), sign with the daemon's key, execute.
//! The same path serves a real node and the node double.

use crate::chain::{ChainClient, ChainError, Executed, Simulation};
use crate::coin_selection::{self, MAX_GAS_COINS};
use crate::keystore::Key;
use sui_crypto::SuiSigner;
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

/// Why a transaction was not sent or did not go through.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error("{sender} cannot pay the gas budget of {budget} MIST: {reason}")]
    Gas { sender: sui_sdk_types::Address, budget: u64, reason: String },
    #[error("building the transaction: {0}")]
    Build(String),
    #[error("signing the transaction: {0}")]
    Sign(String),
}

/// Signs and sends transactions as one key.
pub struct Sender {
    pub client: ChainClient,
    key: Key,
    pub gas_budget: u64,
    pub gas_price: u64,
}

impl Sender {
    pub fn new(client: ChainClient, key: Key) -> Self {
        Self { client, key, gas_budget: 50_000_000, gas_price: 1_000 }
    }

    pub fn address(&self) -> sui_sdk_types::Address {
        self.key.address()
    }

    /// Builds the transaction `build` describes, dry-runs it, then signs and executes it.
    pub async fn send(
        &mut self,
        build: impl FnOnce(&mut TransactionBuilder),
    ) -> Result<(Executed, Simulation), SendError> {
        let sender = self.address();
        let coins = self.client.coins(sender, "0x2::sui::SUI").await?;
        let gas = coin_selection::select(&coins, self.gas_budget, MAX_GAS_COINS)
            .map_err(|e| SendError::Gas { sender, budget: self.gas_budget, reason: e.to_string() })?;
        let mut tx = TransactionBuilder::new();
        build(&mut tx);
        tx.set_sender(sender);
        tx.set_gas_budget(self.gas_budget);
        tx.set_gas_price(self.gas_price);
        tx.add_gas_objects(gas.iter().map(|coin| ObjectInput::owned(coin.id, coin.version, coin.digest)));
        let transaction = tx.try_build().map_err(|e| SendError::Build(e.to_string()))?;
        let simulation = self.client.simulate(&transaction).await?;
        let signature =
            self.key.keypair().sign_transaction(&transaction).map_err(|e| SendError::Sign(e.to_string()))?;
        let executed = self.client.execute_with_effects(&transaction, &[signature]).await?;
        Ok((executed, simulation))
    }
}
