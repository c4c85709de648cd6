//! The chain client: `sui.rpc.v2` over gRPC (`sui-rpc`), with a timeout on every call, retries
//! with backoff on transient failures, and errors that name the RPC and the object or digest.
//! The same code talks to a real node and, in tests, to the node double.

use serde::de::DeserializeOwned;
use std::time::Duration;
use sui_rpc::proto::sui::rpc::v2 as proto;
use sui_sdk_types::{Address, Transaction, UserSignature};

/// What went wrong talking to the node.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
    #[error(
        "`{url}` is not a node URL: {reason}; pass --network localnet, devnet, testnet, mainnet or an http(s):// URL"
    )]
    BadUrl { url: String, reason: String },
    #[error("cannot reach the node at {url} ({rpc}: {reason}); check the URL and that the node is running")]
    Unreachable { url: String, rpc: &'static str, reason: String },
    #[error("{rpc} {target}: not found on this node; check the id and --network")]
    NotFound { rpc: &'static str, target: String },
    #[error("{rpc} {target} was refused: {message}")]
    Refused { rpc: &'static str, target: String, message: String },
    #[error("{target} is {actual}, but {expected} is needed; check the id (and --sender)")]
    WrongOwnership { target: String, actual: String, expected: &'static str },
    #[error("object {id} is a `{actual}` and does not decode as a {expected} ({reason}); check the id")]
    WrongType { id: Address, actual: String, expected: String, reason: String },
    #[error("{rpc} {target}: the answer does not decode: {reason}")]
    Malformed { rpc: &'static str, target: String, reason: String },
}

/// The node's identity and height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceInfo {
    pub chain: String,
    pub chain_id: String,
    pub epoch: u64,
    pub checkpoint_height: u64,
}

/// An object's type, version and Move contents (BCS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectContents {
    pub object_type: String,
    pub version: u64,
    pub bcs: Vec<u8>,
}

/// An owned coin: enough to spend it or pay gas with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedCoin {
    pub id: Address,
    pub version: u64,
    pub digest: sui_sdk_types::Digest,
    pub balance: u64,
}

/// An object an address owns: what a transaction needs to use it, and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedObject {
    pub reference: ObjectRef,
    pub object_type: String,
}

/// Who owns an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ownership {
    Address(Address),
    Shared { initial_shared_version: u64 },
    Immutable,
    Other,
}

/// What a transaction needs to use an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectRef {
    pub id: Address,
    pub version: u64,
    pub digest: sui_sdk_types::Digest,
    pub ownership: Ownership,
}

/// What a dry run says a transaction would cost, in MIST.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GasEstimate {
    pub computation: u64,
    pub storage: u64,
    pub rebate: u64,
}

impl GasEstimate {
    /// What the sender pays: computation plus storage less the rebate.
    pub fn net(&self) -> u64 {
        (self.computation + self.storage).saturating_sub(self.rebate)
    }
}

/// How a transaction changes an owner's balance of a coin type (negative: spent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceChange {
    pub owner: Address,
    pub coin_type: String,
    pub amount: i128,
}

/// What a transaction does to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectOperation {
    Created,
    Mutated,
    Deleted,
    /// Wrapped into another object (it no longer exists on its own).
    Wrapped,
    /// A package published or upgraded.
    Published,
}

impl ObjectOperation {
    /// Its name, as JSON output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Mutated => "mutated",
            Self::Deleted => "deleted",
            Self::Wrapped => "wrapped",
            Self::Published => "published",
        }
    }
}

/// An object a transaction creates, mutates or deletes, as its effects report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectChange {
    pub id: Address,
    /// The object's Move type (empty when the node does not say, e.g. for a deleted object).
    pub object_type: String,
    pub operation: ObjectOperation,
}

/// What a dry run says a transaction would do: its cost, the balances and the objects it would
/// change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Simulation {
    pub gas: GasEstimate,
    pub balance_changes: Vec<BalanceChange>,
    pub object_changes: Vec<ObjectChange>,
}

/// The operation a changed object of the effects underwent (`None` for an object only read).
fn object_operation(object: &proto::ChangedObject) -> Option<ObjectOperation> {
    use proto::changed_object::{IdOperation, InputObjectState, OutputObjectState};
    let id_operation = object.id_operation.and_then(|o| IdOperation::try_from(o).ok());
    let input = object.input_state.and_then(|o| InputObjectState::try_from(o).ok());
    let output = object.output_state.and_then(|o| OutputObjectState::try_from(o).ok());
    match (id_operation, output) {
        (_, Some(OutputObjectState::PackageWrite)) => Some(ObjectOperation::Published),
        (Some(IdOperation::Created), _) => Some(ObjectOperation::Created),
        (Some(IdOperation::Deleted), _) => Some(ObjectOperation::Deleted),
        (_, Some(OutputObjectState::ObjectWrite)) => Some(ObjectOperation::Mutated),
        (_, Some(OutputObjectState::DoesNotExist)) if input == Some(InputObjectState::Exists) => {
            Some(ObjectOperation::Wrapped)
        }
        _ => None,
    }
}

/// An event of the package found in a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageEvent {
    pub checkpoint: u64,
    pub transaction: String,
    /// `<package>::<module>::<Name>`.
    pub event_type: String,
    /// BCS contents, to decode with the bindings.
    pub bcs: Vec<u8>,
}

impl PackageEvent {
    /// The event's name without its package and module, e.g. `IdentityChanged`.
    pub fn name(&self) -> &str {
        self.event_type.rsplit("::").next().unwrap_or_default()
    }

    /// Decodes the event into its binding type.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, ChainError> {
        bcs::from_bytes(&self.bcs).map_err(|e| ChainError::Malformed {
            rpc: "SubscribeCheckpoints",
            target: format!("event {} in {}", self.event_type, self.transaction),
            reason: e.to_string(),
        })
    }
}

/// A dynamic field: its own object id, its name and its value (BCS, to decode with the bindings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamicField {
    pub field_id: Address,
    pub name: Vec<u8>,
    pub value_type: String,
    pub value: Vec<u8>,
}

impl DynamicField {
    /// Decodes the field's name (e.g. a `Table`'s key).
    pub fn decode_name<T: DeserializeOwned>(&self) -> Result<T, ChainError> {
        self.decode(&self.name, "name")
    }

    /// Decodes the field's value (e.g. a `Table`'s entry).
    pub fn decode_value<T: DeserializeOwned>(&self) -> Result<T, ChainError> {
        self.decode(&self.value, "value")
    }

    fn decode<T: DeserializeOwned>(&self, bytes: &[u8], what: &str) -> Result<T, ChainError> {
        bcs::from_bytes(bytes).map_err(|e| ChainError::Malformed {
            rpc: "ListDynamicFields",
            target: format!("the {what} of field {} ({})", self.field_id, self.value_type),
            reason: e.to_string(),
        })
    }
}

/// The events of `package` in a checkpoint, in order.
pub fn package_events(checkpoint: &proto::Checkpoint, package: Address) -> Vec<PackageEvent> {
    let package = package.to_string();
    let sequence = checkpoint.sequence_number.unwrap_or_default();
    checkpoint
        .transactions
        .iter()
        .flat_map(|transaction| {
            let package = package.clone();
            let digest = transaction.digest.clone().unwrap_or_default();
            transaction
                .events
                .iter()
                .flat_map(|events| events.events.iter())
                .filter(move |event| event.package_id.as_deref() == Some(package.as_str()))
                .map(move |event| PackageEvent {
                    checkpoint: sequence,
                    transaction: digest.clone(),
                    event_type: event.event_type.clone().unwrap_or_default(),
                    bcs: event
                        .contents
                        .as_ref()
                        .and_then(|c| c.value.clone())
                        .map(|b| b.to_vec())
                        .unwrap_or_default(),
                })
        })
        .collect()
}

/// An object a transaction created, as its effects report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedObject {
    pub id: Address,
    pub object_type: String,
    pub version: u64,
    pub ownership: Ownership,
}

/// What executing a transaction did: its digest, the package it published (if any) and the
/// objects it created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Executed {
    pub digest: String,
    pub published_package: Option<Address>,
    pub created: Vec<CreatedObject>,
}

fn ownership(owner: Option<&proto::Owner>) -> Ownership {
    use proto::owner::OwnerKind;
    let Some(owner) = owner else { return Ownership::Other };
    match OwnerKind::try_from(owner.kind.unwrap_or_default()).unwrap_or(OwnerKind::Unknown) {
        OwnerKind::Address => {
            owner.address.as_deref().and_then(|a| a.parse().ok()).map_or(Ownership::Other, Ownership::Address)
        }
        OwnerKind::Shared => Ownership::Shared { initial_shared_version: owner.version.unwrap_or_default() },
        OwnerKind::Immutable => Ownership::Immutable,
        _ => Ownership::Other,
    }
}

/// How hard to try: a timeout per attempt and retries with doubling backoff.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub timeout: Duration,
    pub attempts: u32,
    pub first_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(10), attempts: 4, first_backoff: Duration::from_millis(200) }
    }
}

pub struct ChainClient {
    client: sui_rpc::Client,
    url: String,
    retry: RetryPolicy,
}

impl ChainClient {
    pub fn new(url: &str) -> Result<Self, ChainError> {
        let client = sui_rpc::Client::new(url.to_owned())
            .map_err(|e| ChainError::BadUrl { url: url.into(), reason: e.to_string() })?;
        Ok(Self { client, url: url.to_owned(), retry: RetryPolicy::default() })
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub async fn service_info(&mut self) -> Result<ServiceInfo, ChainError> {
        let response = self
            .call("GetServiceInfo", "", |client| {
                let mut ledger = client.ledger_client();
                async move { ledger.get_service_info(proto::GetServiceInfoRequest::default()).await }
            })
            .await?;
        Ok(ServiceInfo {
            chain: response.chain.unwrap_or_default(),
            chain_id: response.chain_id.unwrap_or_default(),
            epoch: response.epoch.unwrap_or_default(),
            checkpoint_height: response.checkpoint_height.unwrap_or_default(),
        })
    }

    /// An object's type, version and contents.
    pub async fn object_contents(&mut self, id: Address) -> Result<ObjectContents, ChainError> {
        let object = self.get_object(id, &["object_type", "version", "contents"]).await?;
        let bcs = object.contents.and_then(|c| c.value).ok_or_else(|| ChainError::Malformed {
            rpc: "GetObject",
            target: id.to_string(),
            reason: "no contents (is it a Move object?)".into(),
        })?;
        Ok(ObjectContents {
            object_type: object.object_type.unwrap_or_default(),
            version: object.version.unwrap_or_default(),
            bcs: bcs.to_vec(),
        })
    }

    /// What a transaction needs to use object `id`: version, digest and ownership.
    pub async fn object_ref(&mut self, id: Address) -> Result<ObjectRef, ChainError> {
        let object = self.get_object(id, &["object_id", "version", "digest", "owner"]).await?;
        let malformed =
            |reason: String| ChainError::Malformed { rpc: "GetObject", target: id.to_string(), reason };
        let ownership = ownership(object.owner.as_ref());
        Ok(ObjectRef {
            id,
            version: object.version.unwrap_or_default(),
            digest: object
                .digest
                .unwrap_or_default()
                .parse()
                .map_err(|e| malformed(format!("digest: {e}")))?,
            ownership,
        })
    }

    /// `GetObject` with the fields in `mask`.
    async fn get_object(&mut self, id: Address, mask: &[&str]) -> Result<proto::Object, ChainError> {
        let target = id.to_string();
        let mut request = proto::GetObjectRequest::default();
        request.object_id = Some(target.clone());
        request.read_mask = Some(prost_field_mask(mask));
        let response = self
            .call("GetObject", &target, |client| {
                let mut ledger = client.ledger_client();
                let request = request.clone();
                async move { ledger.get_object(request).await }
            })
            .await?;
        response.object.ok_or_else(|| ChainError::Malformed {
            rpc: "GetObject",
            target,
            reason: "no object in the answer".into(),
        })
    }

    /// A shared object's id and initial shared version, for transaction inputs.
    pub async fn shared(&mut self, id: Address) -> Result<crate::tx::Shared, ChainError> {
        match self.object_ref(id).await?.ownership {
            Ownership::Shared { initial_shared_version } => {
                Ok(crate::tx::Shared { id, initial_shared_version })
            }
            other => Err(ChainError::WrongOwnership {
                target: format!("object {id}"),
                actual: format!("{other:?}"),
                expected: "a shared object",
            }),
        }
    }

    /// An object the sender owns, for transaction inputs.
    pub async fn owned(
        &mut self,
        id: Address,
        owner: Address,
    ) -> Result<sui_transaction_builder::ObjectInput, ChainError> {
        let reference = self.object_ref(id).await?;
        match reference.ownership {
            Ownership::Address(actual) if actual == owner => {
                Ok(sui_transaction_builder::ObjectInput::owned(id, reference.version, reference.digest))
            }
            other => Err(ChainError::WrongOwnership {
                target: format!("object {id}"),
                actual: format!("{other:?}"),
                expected: "an object the sender owns",
            }),
        }
    }

    /// An object decoded into its binding type (e.g. `bindings::identity::Identity`).
    pub async fn object<T: DeserializeOwned>(&mut self, id: Address) -> Result<T, ChainError> {
        let contents = self.object_contents(id).await?;
        bcs::from_bytes(&contents.bcs).map_err(|e| ChainError::WrongType {
            id,
            actual: contents.object_type,
            expected: binding_name::<T>(),
            reason: e.to_string(),
        })
    }

    /// The coins of `coin_type` (e.g. `0x2::sui::SUI`) that `owner` holds, largest first (every
    /// page of the node's answer).
    pub async fn coins(&mut self, owner: Address, coin_type: &str) -> Result<Vec<OwnedCoin>, ChainError> {
        let object_type = format!("0x2::coin::Coin<{coin_type}>");
        let mut coins = self
            .list_owned(owner, Some(&object_type), &["object_id", "version", "digest", "balance"])
            .await?
            .into_iter()
            .map(|(reference, object)| OwnedCoin {
                id: reference.id,
                version: reference.version,
                digest: reference.digest,
                balance: object.balance.unwrap_or_default(),
            })
            .collect::<Vec<_>>();
        coins.sort_by_key(|coin| std::cmp::Reverse(coin.balance));
        Ok(coins)
    }

    /// The objects `owner` holds, of `object_type` only if given (e.g. the package's
    /// `<package>::vote_lock::Lock`), every page of the node's answer.
    pub async fn owned_objects(
        &mut self,
        owner: Address,
        object_type: Option<&str>,
    ) -> Result<Vec<OwnedObject>, ChainError> {
        let objects =
            self.list_owned(owner, object_type, &["object_id", "version", "digest", "object_type"]).await?;
        Ok(objects
            .into_iter()
            .map(|(reference, object)| OwnedObject {
                reference,
                object_type: object.object_type.unwrap_or_default(),
            })
            .collect())
    }

    /// `ListOwnedObjects` over every page, each object with its reference.
    async fn list_owned(
        &mut self,
        owner: Address,
        object_type: Option<&str>,
        mask: &[&str],
    ) -> Result<Vec<(ObjectRef, proto::Object)>, ChainError> {
        let target = format!("{} objects of {owner}", object_type.unwrap_or("all"));
        let mut request = proto::ListOwnedObjectsRequest::default();
        request.owner = Some(owner.to_string());
        request.object_type = object_type.map(str::to_owned);
        request.page_size = Some(PAGE_SIZE);
        request.read_mask = Some(prost_field_mask(mask));
        let mut objects = vec![];
        loop {
            let response = self
                .call("ListOwnedObjects", &target, |client| {
                    let mut state = client.state_client();
                    let request = request.clone();
                    async move { state.list_owned_objects(request).await }
                })
                .await?;
            objects.extend(response.objects);
            match response.next_page_token {
                Some(token) if !token.is_empty() => request.page_token = Some(token),
                _ => break,
            }
        }
        let malformed = |reason: String| ChainError::Malformed {
            rpc: "ListOwnedObjects",
            target: target.clone(),
            reason,
        };
        objects
            .into_iter()
            .map(|object| {
                let reference = ObjectRef {
                    id: parse_id(object.object_id.as_deref()).map_err(&malformed)?,
                    version: object.version.unwrap_or_default(),
                    digest: object
                        .digest
                        .clone()
                        .unwrap_or_default()
                        .parse()
                        .map_err(|e| malformed(format!("digest: {e}")))?,
                    ownership: Ownership::Address(owner),
                };
                Ok((reference, object))
            })
            .collect()
    }

    /// The dynamic fields of object `parent` (every page), e.g. the entries of a `Table` whose id
    /// is `parent`.
    pub async fn dynamic_fields(&mut self, parent: Address) -> Result<Vec<DynamicField>, ChainError> {
        let target = format!("dynamic fields of {parent}");
        let mut request = proto::ListDynamicFieldsRequest::default();
        request.parent = Some(parent.to_string());
        request.page_size = Some(PAGE_SIZE);
        request.read_mask = Some(prost_field_mask(&["field_id", "name", "value", "value_type"]));
        let mut fields = vec![];
        loop {
            let response = self
                .call("ListDynamicFields", &target, |client| {
                    let mut state = client.state_client();
                    let request = request.clone();
                    async move { state.list_dynamic_fields(request).await }
                })
                .await?;
            for field in response.dynamic_fields {
                let malformed = |reason: String| ChainError::Malformed {
                    rpc: "ListDynamicFields",
                    target: target.clone(),
                    reason,
                };
                let bytes = |bcs: Option<proto::Bcs>, what: &str| {
                    bcs.and_then(|b| b.value)
                        .map(|v| v.to_vec())
                        .ok_or_else(|| malformed(format!("a field without its {what}")))
                };
                fields.push(DynamicField {
                    field_id: parse_id(field.field_id.as_deref()).map_err(&malformed)?,
                    name: bytes(field.name, "name")?,
                    value_type: field.value_type.unwrap_or_default(),
                    value: bytes(field.value, "value")?,
                });
            }
            match response.next_page_token {
                Some(token) if !token.is_empty() => request.page_token = Some(token),
                _ => break,
            }
        }
        Ok(fields)
    }

    /// The events of `package` in checkpoints `from..=to`, in order. `progress` hears of every
    /// checkpoint read, so long scans can show how far they are.
    pub async fn package_events_between(
        &mut self,
        package: Address,
        from: u64,
        to: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<Vec<PackageEvent>, ChainError> {
        let mut events = vec![];
        for sequence in from..=to {
            events.extend(package_events(&self.checkpoint(sequence).await?, package));
            progress(sequence);
        }
        Ok(events)
    }

    /// A checkpoint by sequence number.
    pub async fn checkpoint(&mut self, sequence: u64) -> Result<proto::Checkpoint, ChainError> {
        let target = format!("checkpoint {sequence}");
        let mut request = proto::GetCheckpointRequest::default();
        request.checkpoint_id = Some(proto::get_checkpoint_request::CheckpointId::SequenceNumber(sequence));
        request.read_mask = Some(prost_field_mask(&[
            "sequence_number",
            "digest",
            "transactions.digest",
            "transactions.events",
            "summary",
        ]));
        let response = self
            .call("GetCheckpoint", &target, |client| {
                let mut ledger = client.ledger_client();
                let request = request.clone();
                async move { ledger.get_checkpoint(request).await }
            })
            .await?;
        response.checkpoint.ok_or_else(|| ChainError::Malformed {
            rpc: "GetCheckpoint",
            target,
            reason: "no checkpoint".into(),
        })
    }

    /// Hands checkpoints `from`, `from + 1`, ... to `handle`, in order and each once, until it
    /// returns `false`. Follows the live subscription; when the stream drops, stalls (silent for
    /// longer than the call timeout) or skips ahead, the missing checkpoints are fetched one by one
    /// and the subscription is resumed, so nothing is lost across reconnections.
    pub async fn follow_checkpoints(
        &mut self,
        from: u64,
        mut handle: impl FnMut(proto::Checkpoint) -> bool,
    ) -> Result<(), ChainError> {
        let mut next = from;
        let mut idle_rounds = 0u32;
        loop {
            let before = next;
            // Catch up from the ledger first: the subscription only carries new checkpoints.
            loop {
                match self.checkpoint(next).await {
                    Ok(checkpoint) => {
                        next += 1;
                        if !handle(checkpoint) {
                            return Ok(());
                        }
                    }
                    Err(ChainError::NotFound { .. }) => break,
                    Err(other) => return Err(other),
                }
            }
            let mut request = proto::SubscribeCheckpointsRequest::default();
            request.read_mask =
                Some(prost_field_mask(&["sequence_number", "digest", "transactions", "summary"]));
            let mut stream = match self.client.subscription_client().subscribe_checkpoints(request).await {
                Ok(response) => Some(response.into_inner()),
                Err(status) if is_transient(status.code()) => None,
                Err(status) => {
                    return Err(ChainError::Refused {
                        rpc: "SubscribeCheckpoints",
                        target: format!("from checkpoint {next}"),
                        message: status.message().to_owned(),
                    });
                }
            };
            // A stream silent for longer than the call timeout counts as dropped.
            let timeout = self.retry.timeout;
            while let Some(Ok(Ok(Some(message)))) = match stream.as_mut() {
                Some(stream) => Some(tokio::time::timeout(timeout, stream.message()).await),
                None => None,
            } {
                let Some(checkpoint) = message.checkpoint else { continue };
                let sequence = checkpoint.sequence_number.unwrap_or(message.cursor.unwrap_or_default());
                if sequence < next {
                    continue;
                }
                if sequence > next {
                    // A gap: fetch what was skipped on the next round, then resume.
                    break;
                }
                next += 1;
                if !handle(checkpoint) {
                    return Ok(());
                }
            }
            // The stream ended or dropped: back off if nothing new arrived, then resume.
            idle_rounds = if next == before { idle_rounds + 1 } else { 0 };
            if idle_rounds >= self.retry.attempts.max(1) * 8 {
                return Err(ChainError::Unreachable {
                    url: self.url.clone(),
                    rpc: "SubscribeCheckpoints",
                    reason: format!("no new checkpoint after {next} in {idle_rounds} reconnections"),
                });
            }
            if idle_rounds > 0 {
                tokio::time::sleep(self.retry.first_backoff * idle_rounds.min(10)).await;
            }
        }
    }

    /// Dry-runs a transaction (no signature needed): what it would cost and which balances it
    /// would change, or why it would fail.
    pub async fn simulate(&mut self, transaction: &Transaction) -> Result<Simulation, ChainError> {
        let target = format!("transaction {}", transaction.digest());
        let mut request = proto::SimulateTransactionRequest::default();
        request.transaction = Some(transaction.clone().into());
        request.read_mask = Some(prost_field_mask(&[
            "transaction.effects.status",
            "transaction.effects.gas_used",
            "transaction.effects.changed_objects",
            "transaction.balance_changes",
        ]));
        let response = self
            .call("SimulateTransaction", &target, |client| {
                let mut execution = client.execution_client();
                let request = request.clone();
                async move { execution.simulate_transaction(request).await }
            })
            .await?;
        let malformed = |reason: String| ChainError::Malformed {
            rpc: "SimulateTransaction",
            target: target.clone(),
            reason,
        };
        let executed = response.transaction.ok_or_else(|| malformed("no transaction".into()))?;
        let effects = executed.effects.ok_or_else(|| malformed("no effects".into()))?;
        if let Some(status) = &effects.status {
            if status.success == Some(false) {
                return Err(ChainError::Refused {
                    rpc: "SimulateTransaction",
                    target,
                    message: status
                        .error
                        .as_ref()
                        .map(|e| format!("{e:?}"))
                        .unwrap_or_else(|| "the transaction would fail".into()),
                });
            }
        }
        let gas = effects.gas_used.ok_or_else(|| malformed("no gas summary".into()))?;
        let object_changes = effects
            .changed_objects
            .iter()
            .filter_map(|object| Some((object, object_operation(object)?)))
            .map(|(object, operation)| {
                Ok(ObjectChange {
                    id: parse_id(object.object_id.as_deref()).map_err(&malformed)?,
                    object_type: object.object_type.clone().unwrap_or_default(),
                    operation,
                })
            })
            .collect::<Result<_, ChainError>>()?;
        let balance_changes = executed
            .balance_changes
            .into_iter()
            .map(|change| {
                let amount = change.amount.unwrap_or_default();
                Ok(BalanceChange {
                    owner: parse_id(change.address.as_deref()).map_err(&malformed)?,
                    coin_type: change.coin_type.unwrap_or_default(),
                    amount: amount
                        .parse()
                        .map_err(|e| malformed(format!("balance change `{amount}`: {e}")))?,
                })
            })
            .collect::<Result<_, ChainError>>()?;
        Ok(Simulation {
            gas: GasEstimate {
                computation: gas.computation_cost.unwrap_or_default(),
                storage: gas.storage_cost.unwrap_or_default(),
                rebate: gas.storage_rebate.unwrap_or_default(),
            },
            balance_changes,
            object_changes,
        })
    }

    /// Submits a signed transaction; returns its digest.
    pub async fn execute(
        &mut self,
        transaction: &Transaction,
        signatures: &[UserSignature],
    ) -> Result<String, ChainError> {
        Ok(self.execute_with_effects(transaction, signatures).await?.digest)
    }

    /// Submits a signed transaction; returns what its effects report it did.
    pub async fn execute_with_effects(
        &mut self,
        transaction: &Transaction,
        signatures: &[UserSignature],
    ) -> Result<Executed, ChainError> {
        let target = format!("transaction {}", transaction.digest());
        let mut request = proto::ExecuteTransactionRequest::default();
        request.transaction = Some(transaction.clone().into());
        request.signatures = signatures.iter().cloned().map(Into::into).collect();
        request.read_mask = Some(prost_field_mask(&["digest", "effects.status", "effects.changed_objects"]));
        let response = self
            .call("ExecuteTransaction", &target, |client| {
                let mut execution = client.execution_client();
                let request = request.clone();
                async move { execution.execute_transaction(request).await }
            })
            .await?;
        let executed = response.transaction.unwrap_or_default();
        let digest = executed.digest.clone().unwrap_or_else(|| transaction.digest().to_string());
        let changed = executed.effects.map(|e| e.changed_objects).unwrap_or_default();
        let mut published_package = None;
        let mut created = vec![];
        for object in changed {
            let Some(id) = object.object_id.as_deref().and_then(|id| id.parse::<Address>().ok()) else {
                continue;
            };
            match object_operation(&object) {
                Some(ObjectOperation::Published) => published_package = Some(id),
                Some(ObjectOperation::Created) => created.push(CreatedObject {
                    id,
                    object_type: object.object_type.clone().unwrap_or_default(),
                    version: object.output_version.unwrap_or_default(),
                    ownership: ownership(object.output_owner.as_ref()),
                }),
                _ => {}
            }
        }
        Ok(Executed { digest, published_package, created })
    }

    /// Runs one RPC with the timeout, retrying transient failures with doubling backoff.
    async fn call<R, F, Fut>(
        &mut self,
        rpc: &'static str,
        target: &str,
        mut attempt: F,
    ) -> Result<R, ChainError>
    where
        F: FnMut(&mut sui_rpc::Client) -> Fut,
        Fut: std::future::Future<Output = Result<tonic::Response<R>, tonic::Status>>,
    {
        let mut backoff = self.retry.first_backoff;
        let mut last = String::new();
        for round in 0..self.retry.attempts {
            if round > 0 {
                tokio::time::sleep(backoff).await;
                backoff *= 2;
            }
            match tokio::time::timeout(self.retry.timeout, attempt(&mut self.client)).await {
                Ok(Ok(response)) => return Ok(response.into_inner()),
                Ok(Err(status)) if is_transient(status.code()) => last = status.message().to_owned(),
                Ok(Err(status)) if status.code() == tonic::Code::NotFound => {
                    return Err(ChainError::NotFound { rpc, target: target.to_owned() });
                }
                Ok(Err(status)) => {
                    return Err(ChainError::Refused {
                        rpc,
                        target: target.to_owned(),
                        message: status.message().to_owned(),
                    });
                }
                Err(_) => last = format!("no answer within {:?}", self.retry.timeout),
            }
        }
        Err(ChainError::Unreachable { url: self.url.clone(), rpc, reason: last })
    }
}

fn is_transient(code: tonic::Code) -> bool {
    matches!(
        code,
        tonic::Code::Unavailable
            | tonic::Code::DeadlineExceeded
            | tonic::Code::ResourceExhausted
            | tonic::Code::Aborted
            | tonic::Code::Unknown
    )
}

/// A binding type's Move name as users know it: `governance::Proposal` for
/// `aihash_sdk::bindings::governance::Proposal`.
fn binding_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let path = full.split('<').next().unwrap_or(full);
    let mut segments = path.rsplit("::");
    match (segments.next(), segments.next()) {
        (Some(name), Some(module)) => format!("{module}::{name}"),
        _ => full.to_owned(),
    }
}

/// How many entries to ask for per page of a listing.
const PAGE_SIZE: u32 = 200;

/// An object id from an answer, or why it is not one.
fn parse_id(id: Option<&str>) -> Result<Address, String> {
    let id = id.ok_or("an entry without an object id")?;
    id.parse().map_err(|e| format!("object id `{id}`: {e}"))
}

fn prost_field_mask(paths: &[&str]) -> prost_types::FieldMask {
    prost_types::FieldMask { paths: paths.iter().map(|p| (*p).to_owned()).collect() }
}

#[cfg(test)]
mod tests {
    use super::ObjectOperation;

    #[test]
    fn an_operations_name_is_its_json() {
        use ObjectOperation::*;
        for operation in [Created, Mutated, Deleted, Wrapped, Published] {
            assert_eq!(serde_json::to_value(operation).unwrap(), operation.as_str());
        }
    }
}
