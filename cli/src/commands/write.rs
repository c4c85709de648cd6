//! What every command that writes to the chain shares: where to send it (network, deployments),
//! who signs (keystore, sender), gas, `--dry-run` (show the calls, send nothing) and confirmation
//! (`--yes`). The submission path is the same for a real node and the node double.

use crate::output::print_json;
use aihash_sdk::amount::{self, CoinDisplay};
use aihash_sdk::chain::ChainClient;
use aihash_sdk::coin_selection;
use aihash_sdk::keystore::{Key, Keystore};
use aihash_sdk::network::{Deployments, Network};
use aihash_sdk::tx::{Calls, Deployment};
use anyhow::Context;
use clap::Args;
use serde::Serialize;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use sui_crypto::SuiSigner;
use sui_sdk_types::{Address, Command, Input, TransactionKind};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// localnet, devnet, testnet, mainnet, or a node's http(s):// URL.
    #[arg(long, default_value = "localnet")]
    network: String,
    /// The deployments file `aihash publish` writes [default: ~/.aihash/deployments.json].
    #[arg(long)]
    deployments: Option<PathBuf>,
    /// The Sui CLI keystore [default: ~/.sui/sui_config/sui.keystore].
    #[arg(long)]
    keystore: Option<PathBuf>,
    /// The signing address [default: the keystore's first key].
    #[arg(long)]
    sender: Option<String>,
    /// Most gas the transaction may use, e.g. `0.05 SUI`.
    #[arg(long, default_value = "0.05 SUI")]
    gas_budget: String,
    /// Gas price in MIST per unit.
    #[arg(long, default_value_t = 1_000)]
    gas_price: u64,
    /// Show the Move calls that would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Send without asking.
    #[arg(long)]
    yes: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A Move call as shown to the user.
#[derive(Serialize)]
struct CallView {
    function: String,
    type_arguments: Vec<String>,
    arguments: Vec<String>,
}

/// What a write command did (or, in a dry run, would do).
#[derive(Serialize)]
pub struct Outcome {
    network: String,
    sender: String,
    digest: Option<String>,
    dry_run: bool,
    gas_budget: String,
    /// What the node's dry run says the transaction would cost.
    gas_estimate: Option<String>,
    /// What the node's dry run says the transaction would do to balances (gas included).
    balance_changes: Vec<BalanceChangeView>,
    /// What the node's dry run says the transaction would create, mutate or delete.
    object_changes: Vec<ObjectChangeView>,
    calls: Vec<CallView>,
}

/// An object a dry run would change.
#[derive(Serialize)]
struct ObjectChangeView {
    object: String,
    object_type: String,
    operation: aihash_sdk::chain::ObjectOperation,
}

/// A balance change as shown to the user: signed, in the coin's units when it is SUI or HASH.
#[derive(Serialize)]
struct BalanceChangeView {
    owner: String,
    coin_type: String,
    amount: String,
}

impl BalanceChangeView {
    fn new(change: &aihash_sdk::chain::BalanceChange) -> Self {
        let coin = if change.coin_type.ends_with("::sui::SUI") {
            Some(amount::SUI)
        } else if change.coin_type.ends_with("::hash::HASH") {
            Some(amount::HASH)
        } else {
            None
        };
        let sign = if change.amount < 0 { "-" } else { "+" };
        let magnitude = change.amount.unsigned_abs();
        let amount = match (coin, u64::try_from(magnitude)) {
            (Some(coin), Ok(base)) => format!("{sign}{}", CoinDisplay { base, coin }),
            _ => format!("{sign}{magnitude} base units"),
        };
        Self { owner: change.owner.to_string(), coin_type: change.coin_type.clone(), amount }
    }
}

/// A connection to the network a write command targets, with the signer and the deployment.
pub struct Session {
    runtime: tokio::runtime::Runtime,
    client: ChainClient,
    key: Key,
    network: Network,
    deployments_path: PathBuf,
    deployments: Deployments,
    /// The package's deployment on this network (absent only before `publish`).
    deployment: Option<Deployment>,
}

impl Session {
    /// A session on a network the package is deployed on.
    pub fn open(args: &WriteArgs) -> anyhow::Result<Self> {
        let mut session = Self::open_for_publication(args)?;
        let deployment = session.deployments.on(&session.network, &session.deployments_path)?.clone();
        let node = session.service_info()?;
        aihash_sdk::network::check_chain(&deployment, &session.network, &node.chain_id)?;
        Ok(session)
    }

    /// A session on a network the package may not be deployed on yet.
    pub fn open_for_publication(args: &WriteArgs) -> anyhow::Result<Self> {
        let network = Network::parse(&args.network)?;
        let deployments_path = args
            .deployments
            .clone()
            .or_else(Deployments::default_path)
            .context("no deployments file: pass --deployments")?;
        let deployments = Deployments::load(&deployments_path)?;
        let deployment = deployments.on(&network, &deployments_path).ok().cloned();
        let key = signer(args)?;
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
        // The client's connection is made on this runtime.
        let client = {
            let _entered = runtime.enter();
            ChainClient::new(network.rpc_url())?
        };
        Ok(Self { runtime, client, key, network, deployments_path, deployments, deployment })
    }

    /// The package's deployment on this network.
    pub fn deployment(&self) -> &Deployment {
        self.deployment.as_ref().expect("sessions opened with `open` have a deployment")
    }

    /// Records the package's deployment on this network in the deployments file.
    pub fn record_deployment(&mut self, deployment: Deployment) -> anyhow::Result<PathBuf> {
        self.deployments.networks.insert(self.network.name().to_owned(), deployment);
        self.deployments.save(&self.deployments_path)?;
        Ok(self.deployments_path.clone())
    }

    pub fn sender(&self) -> Address {
        self.key.address()
    }

    pub fn key(&self) -> &Key {
        &self.key
    }

    /// The node's chain and latest checkpoint.
    pub fn service_info(&mut self) -> anyhow::Result<aihash_sdk::chain::ServiceInfo> {
        Ok(self.runtime.block_on(self.client.service_info())?)
    }

    /// A shared object's input reference.
    pub fn shared(&mut self, id: Address) -> anyhow::Result<aihash_sdk::tx::Shared> {
        Ok(self.runtime.block_on(self.client.shared(id))?)
    }

    /// An object decoded into its binding type.
    pub fn object<T: serde::de::DeserializeOwned>(&mut self, id: Address) -> anyhow::Result<T> {
        Ok(self.runtime.block_on(self.client.object::<T>(id))?)
    }

    /// An object the sender owns, as a transaction input.
    pub fn owned(&mut self, id: Address) -> anyhow::Result<ObjectInput> {
        let sender = self.sender();
        Ok(self.runtime.block_on(self.client.owned(id, sender))?)
    }

    /// Coins of `coin_type` the sender holds that together cover `amount`, largest first; spend
    /// them with [`spend`], which merges them into one.
    pub fn coins_covering(
        &mut self,
        coin_type: &str,
        amount: u64,
        coin: amount::Coin,
    ) -> anyhow::Result<Vec<ObjectInput>> {
        let sender = self.sender();
        let coins = self.runtime.block_on(self.client.coins(sender, coin_type))?;
        let chosen = coin_selection::select(&coins, amount, coin_selection::MAX_GAS_COINS).map_err(|_| {
            let held = coins.iter().map(|c| c.balance).sum::<u64>();
            anyhow::anyhow!(
                "{sender} holds {} in {} {} coins, less than the {} needed",
                CoinDisplay { base: held, coin },
                coins.len(),
                coin.symbol,
                CoinDisplay { base: amount, coin }
            )
        })?;
        Ok(chosen.iter().map(|c| ObjectInput::owned(c.id, c.version, c.digest)).collect())
    }

    /// Builds the transaction with `build`, shows it, and (unless a dry run) signs and submits it.
    pub fn send(
        mut self,
        args: &WriteArgs,
        build: impl FnOnce(&Calls<'_>, &mut TransactionBuilder),
    ) -> anyhow::Result<ExitCode> {
        let deployment = self.deployment().clone();
        let (outcome, _) = self.send_raw(args, |tx| build(&Calls { deployment: &deployment }, tx))?;
        report(args, &outcome)?;
        Ok(ExitCode::SUCCESS)
    }

    /// Like `send`, for transactions that do not call the package (publication), without printing:
    /// returns what was sent and what the execution did (`None` for a dry run).
    pub fn send_raw(
        &mut self,
        args: &WriteArgs,
        build: impl FnOnce(&mut TransactionBuilder),
    ) -> anyhow::Result<(Outcome, Option<aihash_sdk::chain::Executed>)> {
        let gas_budget = amount::parse_coin(&args.gas_budget, amount::SUI)?;
        let sender = self.sender();
        let coins = self.runtime.block_on(self.client.coins(sender, "0x2::sui::SUI"))?;
        // Gas coins are merged by the node: as many as needed to cover the budget.
        let gas = coin_selection::select(&coins, gas_budget, coin_selection::MAX_GAS_COINS).map_err(
            |shortfall| {
                anyhow::anyhow!(
                    "{sender}'s SUI cannot cover the gas budget of {}: {shortfall} MIST",
                    CoinDisplay { base: gas_budget, coin: amount::SUI }
                )
            },
        )?;
        let mut tx = TransactionBuilder::new();
        build(&mut tx);
        tx.set_sender(sender);
        tx.set_gas_budget(gas_budget);
        tx.set_gas_price(args.gas_price);
        tx.add_gas_objects(gas.iter().map(|coin| ObjectInput::owned(coin.id, coin.version, coin.digest)));
        let transaction = tx.try_build().context("building the transaction")?;
        let mut outcome = Outcome {
            network: self.network.name().to_owned(),
            sender: sender.to_string(),
            digest: None,
            dry_run: args.dry_run,
            gas_budget: CoinDisplay { base: gas_budget, coin: amount::SUI }.to_string(),
            gas_estimate: None,
            balance_changes: vec![],
            object_changes: vec![],
            calls: calls(&transaction),
        };
        let mut executed = None;
        if args.dry_run {
            let simulation = self.runtime.block_on(self.client.simulate(&transaction))?;
            outcome.gas_estimate =
                Some(CoinDisplay { base: simulation.gas.net(), coin: amount::SUI }.to_string());
            outcome.balance_changes = simulation.balance_changes.iter().map(BalanceChangeView::new).collect();
            outcome.object_changes = simulation
                .object_changes
                .iter()
                .map(|change| ObjectChangeView {
                    object: change.id.to_string(),
                    object_type: change.object_type.clone(),
                    operation: change.operation,
                })
                .collect();
        } else {
            confirm(args, &outcome)?;
            let signature =
                self.key.keypair().sign_transaction(&transaction).context("signing the transaction")?;
            let result =
                self.runtime.block_on(self.client.execute_with_effects(&transaction, &[signature]))?;
            outcome.digest = Some(result.digest.clone());
            executed = Some(result);
        }
        Ok((outcome, executed))
    }
}

/// One coin holding all of `coins` (from [`Session::coins_covering`]): the first, with the rest
/// merged into it.
pub fn spend(tx: &mut TransactionBuilder, coins: Vec<ObjectInput>) -> sui_transaction_builder::Argument {
    let mut arguments = coins.into_iter().map(|coin| tx.object(coin));
    let first = arguments.next().expect("a covering selection has at least one coin");
    let rest: Vec<_> = arguments.collect();
    if !rest.is_empty() {
        tx.merge_coins(first, rest);
    }
    first
}

/// Builds, shows and (unless a dry run) sends a transaction that needs no lookups first.
pub fn submit(
    args: &WriteArgs,
    build: impl FnOnce(&Calls<'_>, &mut TransactionBuilder),
) -> anyhow::Result<ExitCode> {
    Session::open(args)?.send(args, build)
}

fn signer(args: &WriteArgs) -> anyhow::Result<Key> {
    let sender = args.sender.as_deref().map(|text| super::read::address("--sender", text)).transpose()?;
    Ok(Keystore::signer(args.keystore.as_deref(), sender.as_ref())?)
}

fn calls(transaction: &sui_sdk_types::Transaction) -> Vec<CallView> {
    let TransactionKind::ProgrammableTransaction(ptb) = &transaction.kind else { return vec![] };
    let argument = |argument: &sui_sdk_types::Argument| match argument {
        sui_sdk_types::Argument::Input(i) => match &ptb.inputs[*i as usize] {
            Input::Pure(bytes) => format!("pure 0x{}", hex::encode(bytes)),
            Input::Shared(shared) => format!("shared {}", shared.object_id()),
            Input::ImmutableOrOwned(reference) => format!("object {}", reference.object_id()),
            other => format!("{other:?}"),
        },
        other => format!("{other:?}"),
    };
    ptb.commands
        .iter()
        .filter_map(|command| match command {
            Command::MoveCall(call) => Some(CallView {
                function: format!("{}::{}::{}", call.package, call.module, call.function),
                type_arguments: call.type_arguments.iter().map(|t| t.to_string()).collect(),
                arguments: call.arguments.iter().map(argument).collect(),
            }),
            Command::SplitCoins(_) => {
                Some(CallView { function: "split coins".into(), type_arguments: vec![], arguments: vec![] })
            }
            Command::Publish(publish) => Some(CallView {
                function: format!("publish {} modules", publish.modules.len()),
                type_arguments: vec![],
                arguments: vec![],
            }),
            Command::Upgrade(upgrade) => Some(CallView {
                function: format!(
                    "upgrade package {} with {} modules",
                    upgrade.package,
                    upgrade.modules.len()
                ),
                type_arguments: vec![],
                arguments: vec![format!("{:?}", upgrade.ticket)],
            }),
            _ => None,
        })
        .collect()
}

/// Asks before sending unless `--yes`; refuses without a terminal to ask on.
fn confirm(args: &WriteArgs, outcome: &Outcome) -> anyhow::Result<()> {
    if args.yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("not sending without confirmation: pass --yes (or --dry-run to only look)");
    }
    eprintln!("about to send as {} on {}:", outcome.sender, outcome.network);
    for call in &outcome.calls {
        eprintln!("  {}", call.function);
    }
    eprint!("send? [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if answer.trim().eq_ignore_ascii_case("y") {
        Ok(())
    } else {
        anyhow::bail!("not sent")
    }
}

pub fn report(args: &WriteArgs, outcome: &Outcome) -> anyhow::Result<()> {
    if args.json {
        return print_json(outcome);
    }
    match &outcome.digest {
        Some(digest) => println!("sent {digest} as {} on {}", outcome.sender, outcome.network),
        None => println!(
            "dry run as {} on {} (nothing sent), gas budget {}:",
            outcome.sender, outcome.network, outcome.gas_budget
        ),
    }
    for call in &outcome.calls {
        println!("  {}({})", call.function, call.arguments.join(", "));
    }
    if let Some(gas) = &outcome.gas_estimate {
        println!("estimated gas {gas}; balance changes:");
        for change in &outcome.balance_changes {
            println!("  {} {} ({})", change.owner, change.amount, change.coin_type);
        }
        if !outcome.object_changes.is_empty() {
            println!("object changes:");
            for change in &outcome.object_changes {
                println!("  {} {} ({})", change.operation.as_str(), change.object, change.object_type);
            }
        }
    }
    Ok(())
}
