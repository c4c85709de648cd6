//! An in-process node double for aihash tests: a real `sui.rpc.v2` gRPC server on loopback, built
//! on `sui-rpc`'s own server traits (as that crate's tests are), serving what a test puts in it.
//!
//! - Ledger: service info, objects (with their BCS contents, e.g. golden vectors of the package's
//!   objects) and checkpoints.
//! - Subscription: the checkpoint stream, which a test can make drop after a number of
//!   checkpoints to exercise resumption.
//! - Execution: every submitted transaction is decoded from BCS and its signatures are verified
//!   against its sender; the Move calls it makes are recorded so a test can assert which
//!   function was called with which arguments. Bad signatures, and signatures of anyone but the
//!   sender, are refused as a node would refuse them. Dry runs report gas, balance changes and the
//!   objects the inputs certainly change (gas coin and shared objects taken mutably: mutated;
//!   coins merged away: deleted), plus the created objects a test names.
//!
//! - Faults: the answers to executions can be held back (a node that took a transaction and went
//!   quiet before saying so), and the double can be served on an address, stopped and served
//!   there again (a node that goes away and comes back).
//!
//! - Signatures: calls into a package whose sources a test names are checked against its public
//!   functions' signatures (see [`Signatures`]), so a wrong builder fails as on a real node.
//!
//! It is a test library: nothing is executed, no state changes but what the test sets.

mod signatures;

pub use signatures::Signatures;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use sui_crypto::simple::SimpleVerifier;
use sui_crypto::SuiVerifier;
use sui_rpc::proto::sui::rpc::v2 as proto;
use sui_sdk_types::{Argument, Command, Input, ProgrammableTransaction, TransactionKind};

use proto::ledger_service_server::{LedgerService, LedgerServiceServer};
use proto::state_service_server::{StateService, StateServiceServer};
use proto::subscription_service_server::{SubscriptionService, SubscriptionServiceServer};
use proto::transaction_execution_service_server::{
    TransactionExecutionService, TransactionExecutionServiceServer,
};

/// An argument of a recorded Move call, resolved from the transaction's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallArg {
    /// BCS bytes of a pure value.
    Pure(Vec<u8>),
    /// An object input, by id.
    Object(sui_sdk_types::Address),
    /// The gas coin, or a result of an earlier command.
    Other(String),
}

/// A Move call a submitted transaction made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedCall {
    pub package: sui_sdk_types::Address,
    pub module: String,
    pub function: String,
    pub type_arguments: Vec<String>,
    pub arguments: Vec<CallArg>,
}

/// A transaction the double accepted.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub digest: String,
    pub sender: sui_sdk_types::Address,
    pub calls: Vec<RecordedCall>,
    /// Every command's kind in order (`MoveCall`, `SplitCoins`, `MergeCoins`, ...).
    pub commands: Vec<&'static str>,
    /// The coins paying for gas.
    pub gas: Vec<sui_sdk_types::Address>,
    /// Modules published by a `Publish` command, if any.
    pub published_modules: usize,
}

#[derive(Default)]
struct State {
    chain: String,
    chain_id: String,
    epoch: u64,
    objects: BTreeMap<String, proto::Object>,
    /// Owner -> the ids of the objects it owns.
    owned: BTreeMap<String, Vec<String>>,
    checkpoints: Vec<proto::Checkpoint>,
    /// The checkpoint stream ends after this many checkpoints (a dropped connection).
    drop_stream_after: Option<usize>,
    /// The checkpoint stream stays open but silent after this many checkpoints (a stalled node).
    stall_stream_after: Option<usize>,
    submitted: Vec<Submitted>,
    /// Digests of the transactions simulated (dry runs).
    simulated: Vec<String>,
    /// Effects the next executed transaction reports (set by a test, e.g. for a publication).
    next_changed_objects: Vec<proto::ChangedObject>,
    /// Parent id -> its dynamic fields, in the order they were added.
    dynamic_fields: BTreeMap<String, Vec<proto::DynamicField>>,
    /// Balance changes dry runs report besides the sender's gas (set by a test).
    simulated_balance_changes: Vec<(sui_sdk_types::Address, String, i128)>,
    /// Objects dry runs report as created (id, type), set by a test: the double runs no Move.
    simulated_created_objects: Vec<(sui_sdk_types::Address, String)>,
    /// Packages whose calls are checked against their functions' signatures.
    signatures: Vec<(sui_sdk_types::Address, Arc<Signatures>)>,
    /// Listings answer at most this many entries per page (a real node pages its answers too).
    max_page_size: Option<u32>,
    /// Executions are recorded but not answered while set.
    hold_execution_answers: bool,
}

/// The node double. Clone it freely: clones share state.
#[derive(Clone, Default)]
pub struct NodeDouble {
    state: Arc<Mutex<State>>,
    /// Wakes the executions waiting for their answers to be released.
    answers_released: Arc<tokio::sync::Notify>,
}

/// The double served on one address until [`Serving::stop`] (or until dropped): every connection
/// to it is cut then, as when a node goes away, and [`NodeDouble::serve_at`] serves it on the same
/// address again.
pub struct Serving {
    addr: SocketAddr,
    /// Tells the accepting task to stop and cut its forwarders.
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// Accepts connections and forwards each to the server.
    accept: tokio::task::JoinHandle<()>,
    server: tokio::task::JoinHandle<()>,
}

impl Serving {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops serving: when this returns the address is free again and every connection to it
    /// is cut.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.accept).await;
        self.server.abort();
        let _ = (&mut self.server).await;
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.accept.abort();
        self.server.abort();
    }
}

impl NodeDouble {
    /// A node of chain `chain` (e.g. "localnet") at epoch 0 with nothing in it.
    pub fn new(chain: &str) -> Self {
        let double = Self::default();
        {
            let mut state = double.state.lock().unwrap();
            state.chain = chain.to_owned();
            state.chain_id = format!("{chain}-genesis");
        }
        double
    }

    /// The chain id the double reports (`<chain>-genesis`), as a deployment on it records it.
    pub fn chain_id(&self) -> String {
        self.state.lock().unwrap().chain_id.clone()
    }

    /// Serves an object of `object_type` whose Move contents are `contents` (BCS).
    pub fn add_object(
        &self,
        object_id: sui_sdk_types::Address,
        object_type: &str,
        version: u64,
        contents: Vec<u8>,
    ) {
        self.insert(object_id, object_type, version, contents, None);
    }

    /// Serves a shared object, shared at `initial_shared_version`.
    pub fn add_shared_object(
        &self,
        object_id: sui_sdk_types::Address,
        object_type: &str,
        initial_shared_version: u64,
        contents: Vec<u8>,
    ) {
        let mut owner = proto::Owner::default();
        owner.kind = Some(proto::owner::OwnerKind::Shared as i32);
        owner.version = Some(initial_shared_version);
        self.insert(object_id, object_type, initial_shared_version, contents, Some(owner));
    }

    /// Serves an object owned by `owner` (it also appears in `owner`'s owned objects).
    pub fn add_owned_object(
        &self,
        owner: sui_sdk_types::Address,
        object_id: sui_sdk_types::Address,
        object_type: &str,
        version: u64,
        contents: Vec<u8>,
    ) {
        let mut proto_owner = proto::Owner::default();
        proto_owner.kind = Some(proto::owner::OwnerKind::Address as i32);
        proto_owner.address = Some(owner.to_string());
        self.insert(object_id, object_type, version, contents, Some(proto_owner));
        self.state.lock().unwrap().owned.entry(owner.to_string()).or_default().push(object_id.to_string());
    }

    fn insert(
        &self,
        object_id: sui_sdk_types::Address,
        object_type: &str,
        version: u64,
        contents: Vec<u8>,
        owner: Option<proto::Owner>,
    ) {
        let mut object = proto::Object::default();
        object.object_id = Some(object_id.to_string());
        object.object_type = Some(object_type.to_owned());
        object.version = Some(version);
        object.digest = Some(sui_sdk_types::Digest::ZERO.to_string());
        object.owner = owner;
        let mut bcs = proto::Bcs::default();
        bcs.name = Some(object_type.to_owned());
        bcs.value = Some(contents.into());
        object.contents = Some(bcs);
        self.state.lock().unwrap().objects.insert(object_id.to_string(), object);
    }

    /// Gives `owner` a coin of `coin_type` (e.g. `0x2::sui::SUI`) holding `balance`; it can pay gas.
    pub fn add_coin(
        &self,
        owner: sui_sdk_types::Address,
        coin_id: sui_sdk_types::Address,
        coin_type: &str,
        balance: u64,
    ) {
        let mut contents = coin_id.into_inner().to_vec();
        contents.extend(balance.to_le_bytes());
        self.add_owned_object(owner, coin_id, &format!("0x2::coin::Coin<{coin_type}>"), 1, contents);
        if let Some(object) = self.state.lock().unwrap().objects.get_mut(&coin_id.to_string()) {
            object.balance = Some(balance);
        }
    }

    /// Appends a checkpoint carrying `transactions` (digests); returns its sequence number.
    pub fn add_checkpoint(&self, transactions: &[&str]) -> u64 {
        let mut state = self.state.lock().unwrap();
        let sequence = state.checkpoints.len() as u64;
        let mut checkpoint = proto::Checkpoint::default();
        checkpoint.sequence_number = Some(sequence);
        checkpoint.transactions = transactions
            .iter()
            .map(|digest| {
                let mut transaction = proto::ExecutedTransaction::default();
                transaction.digest = Some((*digest).to_owned());
                transaction.checkpoint = Some(sequence);
                transaction
            })
            .collect();
        state.checkpoints.push(checkpoint);
        sequence
    }

    /// Appends a checkpoint with one transaction emitting `events` of package `package`: each a
    /// (module, event type, BCS contents) such as a golden vector of the package's events.
    pub fn add_checkpoint_with_events(
        &self,
        transaction: &str,
        package: sui_sdk_types::Address,
        events: &[(&str, &str, Vec<u8>)],
    ) -> u64 {
        let sequence = self.add_checkpoint(&[transaction]);
        let mut state = self.state.lock().unwrap();
        let mut transaction_events = proto::TransactionEvents::default();
        transaction_events.events = events
            .iter()
            .map(|(module, event_type, contents)| {
                let mut event = proto::Event::default();
                event.package_id = Some(package.to_string());
                event.module = Some((*module).to_owned());
                event.event_type = Some(format!("{package}::{module}::{event_type}"));
                let mut bcs = proto::Bcs::default();
                bcs.name = event.event_type.clone();
                bcs.value = Some(contents.clone().into());
                event.contents = Some(bcs);
                event
            })
            .collect();
        state.checkpoints[sequence as usize].transactions[0].events = Some(transaction_events);
        sequence
    }

    /// Gives object `parent` (e.g. a `Table`'s id) a dynamic field `field_id` whose name and value
    /// are BCS bytes (e.g. a table's key and entry), with the value's Move type; replaces the
    /// field of that id if there is one.
    pub fn add_dynamic_field(
        &self,
        parent: sui_sdk_types::Address,
        field_id: sui_sdk_types::Address,
        name: Vec<u8>,
        value_type: &str,
        value: Vec<u8>,
    ) {
        let bcs = |bytes: Vec<u8>| {
            let mut bcs = proto::Bcs::default();
            bcs.value = Some(bytes.into());
            bcs
        };
        let mut field = proto::DynamicField::default();
        field.kind = Some(proto::dynamic_field::DynamicFieldKind::Field as i32);
        field.parent = Some(parent.to_string());
        field.field_id = Some(field_id.to_string());
        field.name = Some(bcs(name));
        field.value_type = Some(value_type.to_owned());
        field.value = Some(bcs(value));
        // A field with the same id is replaced, as an update on chain would.
        let mut state = self.state.lock().unwrap();
        let fields = state.dynamic_fields.entry(parent.to_string()).or_default();
        fields.retain(|known| known.field_id != field.field_id);
        fields.push(field);
    }

    /// Makes dry runs report these balance changes (owner, coin type, amount), added to the
    /// sender's gas charge the double always reports, as a node sums them per owner and coin.
    pub fn simulate_balance_changes(&self, changes: &[(sui_sdk_types::Address, &str, i128)]) {
        self.state.lock().unwrap().simulated_balance_changes =
            changes.iter().map(|(owner, coin, amount)| (*owner, (*coin).to_owned(), *amount)).collect();
    }

    /// Makes dry runs report these objects (id, type) as created. The double runs no Move code, so
    /// it cannot know what a call creates; the objects a transaction's inputs change it reports
    /// itself (see `simulate_transaction`).
    pub fn simulate_created_objects(&self, objects: &[(sui_sdk_types::Address, &str)]) {
        self.state.lock().unwrap().simulated_created_objects =
            objects.iter().map(|(id, object_type)| (*id, (*object_type).to_owned())).collect();
    }

    /// Checks every call into `package` that a dry run or an execution makes against
    /// `signatures` (see [`Signatures`]), refusing the transaction as a node would when a call
    /// does not fit.
    pub fn check_calls_against(&self, package: sui_sdk_types::Address, signatures: Signatures) {
        self.state.lock().unwrap().signatures.push((package, Arc::new(signatures)));
    }

    /// Refuses `ptb` if a call into a checked package does not fit its signature.
    fn check_calls(&self, ptb: &ProgrammableTransaction) -> Result<(), tonic::Status> {
        let checked = self.state.lock().unwrap().signatures.clone();
        for command in &ptb.commands {
            let Command::MoveCall(call) = command else { continue };
            if let Some((_, signatures)) = checked.iter().find(|(package, _)| *package == call.package) {
                signatures
                    .check(ptb, call)
                    .map_err(|e| tonic::Status::invalid_argument(format!("invalid Move call {e}")))?;
            }
        }
        Ok(())
    }

    /// Makes listings (owned objects, dynamic fields) answer at most `size` entries per page.
    pub fn limit_page_size(&self, size: u32) {
        self.state.lock().unwrap().max_page_size = Some(size);
    }

    /// Makes every checkpoint stream end after `count` checkpoints, as a dropped connection would.
    pub fn drop_streams_after(&self, count: usize) {
        self.state.lock().unwrap().drop_stream_after = Some(count);
    }

    /// Makes the next executed transaction report that it published `package` and created
    /// `objects` (id, type, initial shared version or `None` for an object owned by the sender), as
    /// a node reports a publication whose module initialisers ran.
    pub fn respond_with_publication(
        &self,
        package: sui_sdk_types::Address,
        objects: &[(sui_sdk_types::Address, &str, Option<u64>)],
    ) {
        use proto::changed_object::{IdOperation, OutputObjectState};
        let mut changed = vec![];
        let mut published = proto::ChangedObject::default();
        published.object_id = Some(package.to_string());
        published.output_state = Some(OutputObjectState::PackageWrite as i32);
        published.id_operation = Some(IdOperation::Created as i32);
        changed.push(published);
        for (id, object_type, shared_version) in objects {
            let mut object = proto::ChangedObject::default();
            object.object_id = Some(id.to_string());
            object.object_type = Some((*object_type).to_owned());
            object.output_state = Some(OutputObjectState::ObjectWrite as i32);
            object.id_operation = Some(IdOperation::Created as i32);
            object.output_version = Some(shared_version.unwrap_or(1));
            let mut owner = proto::Owner::default();
            match shared_version {
                Some(version) => {
                    owner.kind = Some(proto::owner::OwnerKind::Shared as i32);
                    owner.version = Some(*version);
                }
                None => owner.kind = Some(proto::owner::OwnerKind::Address as i32),
            }
            object.output_owner = Some(owner);
            changed.push(object);
        }
        self.state.lock().unwrap().next_changed_objects = changed;
    }

    /// Makes every checkpoint stream go silent, without closing, after `count` checkpoints.
    pub fn stall_streams_after(&self, count: usize) {
        self.state.lock().unwrap().stall_stream_after = Some(count);
    }

    /// Digests of the transactions simulated so far (dry runs), in order.
    pub fn simulated(&self) -> Vec<String> {
        self.state.lock().unwrap().simulated.clone()
    }

    /// The transactions accepted so far, in order.
    pub fn submitted(&self) -> Vec<Submitted> {
        self.state.lock().unwrap().submitted.clone()
    }

    /// Makes the double hold back its answer to every execution from now on: the transaction is
    /// checked and recorded (in [`NodeDouble::submitted`]: it went through), but the caller hears
    /// nothing until [`NodeDouble::release_execution_answers`], or ever, as when a node takes a
    /// transaction and the connection or the caller dies before the answer arrives.
    pub fn hold_execution_answers(&self) {
        self.state.lock().unwrap().hold_execution_answers = true;
    }

    /// Answers the held executions and every later one at once again.
    pub fn release_execution_answers(&self) {
        self.state.lock().unwrap().hold_execution_answers = false;
        self.answers_released.notify_waiters();
    }

    /// Returns once executions are answered (at once unless they are held).
    async fn answers_released(&self) {
        loop {
            let released = self.answers_released.notified();
            tokio::pin!(released);
            released.as_mut().enable();
            if !self.state.lock().unwrap().hold_execution_answers {
                return;
            }
            released.await;
        }
    }

    /// Serves the double on a free loopback port; returns its address. The server runs until the
    /// runtime shuts down.
    pub async fn spawn(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
        let addr = listener.local_addr().expect("loopback address");
        tokio::spawn(self.serve(listener));
        addr
    }

    /// Serves the double on `addr` (`127.0.0.1:0` for a free port) until the returned
    /// [`Serving`] is stopped or dropped; fails as binding fails (e.g. while the address is still
    /// taken).
    pub async fn serve_at(&self, addr: SocketAddr) -> std::io::Result<Serving> {
        let public = tokio::net::TcpListener::bind(addr).await?;
        let addr = public.local_addr()?;
        let private = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let server_addr = private.local_addr()?;
        let server = tokio::spawn(self.serve(private));
        // The server's own connections outlive its task, so clients connect through forwarders,
        // which can be cut.
        let (stop, mut stopped) = tokio::sync::oneshot::channel();
        let accept = tokio::spawn(async move {
            let mut forwarders = tokio::task::JoinSet::new();
            loop {
                let mut client = tokio::select! {
                    accepted = public.accept() => match accepted {
                        Ok((client, _)) => client,
                        Err(_) => continue,
                    },
                    _ = &mut stopped => break,
                };
                forwarders.spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(server_addr).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                while forwarders.try_join_next().is_some() {}
            }
            drop(public);
            forwarders.shutdown().await;
        });
        Ok(Serving { addr, stop: Some(stop), accept, server })
    }

    fn serve(&self, listener: tokio::net::TcpListener) -> impl std::future::Future<Output = ()> {
        let double = self.clone();
        async move {
            tonic::transport::Server::builder()
                .add_service(LedgerServiceServer::new(double.clone()))
                .add_service(SubscriptionServiceServer::new(double.clone()))
                .add_service(StateServiceServer::new(double.clone()))
                .add_service(TransactionExecutionServiceServer::new(double))
                .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener))
                .await
                .expect("node double serves");
        }
    }
}

#[tonic::async_trait]
impl LedgerService for NodeDouble {
    async fn get_service_info(
        &self,
        _request: tonic::Request<proto::GetServiceInfoRequest>,
    ) -> Result<tonic::Response<proto::GetServiceInfoResponse>, tonic::Status> {
        let state = self.state.lock().unwrap();
        let mut response = proto::GetServiceInfoResponse::default();
        response.chain = Some(state.chain.clone());
        response.chain_id = Some(state.chain_id.clone());
        response.epoch = Some(state.epoch);
        response.checkpoint_height = Some(state.checkpoints.len().saturating_sub(1) as u64);
        response.server = Some("aihash-node-double".into());
        Ok(tonic::Response::new(response))
    }

    async fn get_object(
        &self,
        request: tonic::Request<proto::GetObjectRequest>,
    ) -> Result<tonic::Response<proto::GetObjectResponse>, tonic::Status> {
        let id = request.into_inner().object_id.unwrap_or_default();
        let state = self.state.lock().unwrap();
        let object = state
            .objects
            .get(&id)
            .cloned()
            .ok_or_else(|| tonic::Status::not_found(format!("object {id} not found")))?;
        let mut response = proto::GetObjectResponse::default();
        response.object = Some(object);
        Ok(tonic::Response::new(response))
    }

    async fn get_checkpoint(
        &self,
        request: tonic::Request<proto::GetCheckpointRequest>,
    ) -> Result<tonic::Response<proto::GetCheckpointResponse>, tonic::Status> {
        use proto::get_checkpoint_request::CheckpointId;
        let state = self.state.lock().unwrap();
        let checkpoint = match request.into_inner().checkpoint_id {
            Some(CheckpointId::SequenceNumber(sequence)) => state.checkpoints.get(sequence as usize).cloned(),
            None => state.checkpoints.last().cloned(),
            Some(_) => return Err(tonic::Status::unimplemented("checkpoints by digest")),
        }
        .ok_or_else(|| tonic::Status::not_found("checkpoint not found"))?;
        let mut response = proto::GetCheckpointResponse::default();
        response.checkpoint = Some(checkpoint);
        Ok(tonic::Response::new(response))
    }
}

#[tonic::async_trait]
impl StateService for NodeDouble {
    async fn list_owned_objects(
        &self,
        request: tonic::Request<proto::ListOwnedObjectsRequest>,
    ) -> Result<tonic::Response<proto::ListOwnedObjectsResponse>, tonic::Status> {
        let request = request.into_inner();
        let owner = request.owner.unwrap_or_default();
        let state = self.state.lock().unwrap();
        let objects: Vec<_> = state
            .owned
            .get(&owner)
            .into_iter()
            .flatten()
            .filter_map(|id| state.objects.get(id))
            .filter(|object| match &request.object_type {
                Some(wanted) => object.object_type.as_deref() == Some(wanted.as_str()),
                None => true,
            })
            .cloned()
            .collect();
        let (page, next) = state.page(&objects, request.page_size, request.page_token.as_deref())?;
        let mut response = proto::ListOwnedObjectsResponse::default();
        response.objects = page;
        response.next_page_token = next.map(Into::into);
        Ok(tonic::Response::new(response))
    }

    async fn list_dynamic_fields(
        &self,
        request: tonic::Request<proto::ListDynamicFieldsRequest>,
    ) -> Result<tonic::Response<proto::ListDynamicFieldsResponse>, tonic::Status> {
        let request = request.into_inner();
        let parent = request.parent.unwrap_or_default();
        let state = self.state.lock().unwrap();
        let fields = state.dynamic_fields.get(&parent).cloned().unwrap_or_default();
        let (page, next) = state.page(&fields, request.page_size, request.page_token.as_deref())?;
        let mut response = proto::ListDynamicFieldsResponse::default();
        response.dynamic_fields = page;
        response.next_page_token = next.map(Into::into);
        Ok(tonic::Response::new(response))
    }
}

impl State {
    /// The object changes a dry run reports: what the transaction's inputs certainly change, as a
    /// node would report it (the gas coin and every shared object taken mutably are mutated; coins
    /// merged into another are deleted), then the objects a test said it creates. Objects a Move
    /// call may create, wrap or delete are not guessed: the double runs no Move code.
    fn simulated_changes(
        &self,
        transaction: &sui_sdk_types::Transaction,
        ptb: &ProgrammableTransaction,
    ) -> Vec<proto::ChangedObject> {
        use proto::changed_object::{IdOperation, InputObjectState, OutputObjectState};
        let type_of = |id: &sui_sdk_types::Address| {
            self.objects.get(&id.to_string()).and_then(|object| object.object_type.clone())
        };
        let change = |id: sui_sdk_types::Address, object_type: Option<String>, operation: IdOperation| {
            let mut object = proto::ChangedObject::default();
            object.object_id = Some(id.to_string());
            object.object_type = object_type;
            object.id_operation = Some(operation as i32);
            let (input, output) = match operation {
                IdOperation::Created => (InputObjectState::DoesNotExist, OutputObjectState::ObjectWrite),
                IdOperation::Deleted => (InputObjectState::Exists, OutputObjectState::DoesNotExist),
                _ => (InputObjectState::Exists, OutputObjectState::ObjectWrite),
            };
            object.input_state = Some(input as i32);
            object.output_state = Some(output as i32);
            object
        };
        let input_id = |argument: &Argument| match argument {
            Argument::Input(index) => match ptb.inputs.get(*index as usize) {
                Some(Input::ImmutableOrOwned(reference)) => Some(*reference.object_id()),
                _ => None,
            },
            _ => None,
        };
        let deleted: Vec<_> = ptb
            .commands
            .iter()
            .filter_map(|command| match command {
                Command::MergeCoins(merge) => Some(merge.coins_to_merge.iter().filter_map(input_id)),
                _ => None,
            })
            .flatten()
            .collect();
        let mut changes = vec![];
        for gas in &transaction.gas_payment.objects {
            changes.push(change(*gas.object_id(), type_of(gas.object_id()), IdOperation::None));
        }
        for input in &ptb.inputs {
            if let Input::Shared(shared) = input {
                if shared.mutability().is_mutable()
                    && changes.iter().all(|c| c.object_id != Some(shared.object_id().to_string()))
                {
                    let id = shared.object_id();
                    changes.push(change(id, type_of(&id), IdOperation::None));
                }
            }
        }
        for id in deleted {
            changes.push(change(id, type_of(&id), IdOperation::Deleted));
        }
        for (id, object_type) in &self.simulated_created_objects {
            changes.push(change(*id, Some(object_type.clone()), IdOperation::Created));
        }
        changes
    }

    /// One page of a listing and the token of the next (the offset, as a node's tokens are opaque).
    fn page<T: Clone>(
        &self,
        entries: &[T],
        page_size: Option<u32>,
        token: Option<&[u8]>,
    ) -> Result<(Vec<T>, Option<Vec<u8>>), tonic::Status> {
        let start = match token {
            None => 0,
            Some(token) => u64::from_be_bytes(
                token.try_into().map_err(|_| tonic::Status::invalid_argument("malformed page token"))?,
            ) as usize,
        };
        let size = page_size.unwrap_or(50).min(self.max_page_size.unwrap_or(u32::MAX)).max(1) as usize;
        let end = (start + size).min(entries.len());
        let page = entries.get(start..end).unwrap_or_default().to_vec();
        let next = (end < entries.len()).then(|| (end as u64).to_be_bytes().to_vec());
        Ok((page, next))
    }
}

#[tonic::async_trait]
impl SubscriptionService for NodeDouble {
    async fn subscribe_checkpoints(
        &self,
        _request: tonic::Request<proto::SubscribeCheckpointsRequest>,
    ) -> Result<tonic::Response<tonic::codegen::BoxStream<proto::SubscribeCheckpointsResponse>>, tonic::Status>
    {
        // A live stream: the checkpoints there are, then new ones as the test adds them; it ends
        // after `drop_stream_after` and goes silent after `stall_stream_after`.
        let double = self.clone();
        let stream = futures::stream::unfold(0usize, move |sent| {
            let double = double.clone();
            async move {
                loop {
                    let (checkpoint, drop_after, stall_after) = {
                        let state = double.state.lock().unwrap();
                        (
                            state.checkpoints.get(sent).cloned(),
                            state.drop_stream_after,
                            state.stall_stream_after,
                        )
                    };
                    if drop_after.is_some_and(|limit| sent >= limit) {
                        return None;
                    }
                    if stall_after.is_some_and(|limit| sent >= limit) {
                        futures::future::pending::<()>().await;
                    }
                    match checkpoint {
                        Some(checkpoint) => {
                            let mut response = proto::SubscribeCheckpointsResponse::default();
                            response.cursor = checkpoint.sequence_number;
                            response.checkpoint = Some(checkpoint);
                            return Some((Ok(response), sent + 1));
                        }
                        None => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
                    }
                }
            }
        });
        Ok(tonic::Response::new(Box::pin(stream)))
    }
}

/// The double's gas estimate: a fixed cost per command plus storage, so dry runs have numbers to
/// show. A real node runs the transaction and reports what it really costs.
const COMPUTATION_PER_COMMAND: u64 = 1_000_000;
const STORAGE_COST: u64 = 2_000_000;

#[tonic::async_trait]
impl TransactionExecutionService for NodeDouble {
    async fn simulate_transaction(
        &self,
        request: tonic::Request<proto::SimulateTransactionRequest>,
    ) -> Result<tonic::Response<proto::SimulateTransactionResponse>, tonic::Status> {
        let request = request.into_inner();
        let proto_transaction =
            request.transaction.as_ref().ok_or_else(|| tonic::Status::invalid_argument("no transaction"))?;
        let transaction = sui_sdk_types::Transaction::try_from(proto_transaction)
            .map_err(|e| tonic::Status::invalid_argument(format!("transaction does not decode: {e}")))?;
        let TransactionKind::ProgrammableTransaction(ptb) = &transaction.kind else {
            return Err(tonic::Status::invalid_argument("only programmable transactions are supported"));
        };
        self.check_calls(ptb)?;
        let digest = transaction.digest().to_string();
        let mut gas = proto::GasCostSummary::default();
        let computation = COMPUTATION_PER_COMMAND * ptb.commands.len() as u64;
        gas.computation_cost = Some(computation);
        gas.storage_cost = Some(STORAGE_COST);
        gas.storage_rebate = Some(0);
        // Sum per (owner, coin type), the sender's gas charge first.
        let mut changes: Vec<(sui_sdk_types::Address, String, i128)> =
            vec![(transaction.sender, "0x2::sui::SUI".into(), -((computation + STORAGE_COST) as i128))];
        let mut state = self.state.lock().unwrap();
        state.simulated.push(digest.clone());
        let changed_objects = state.simulated_changes(&transaction, ptb);
        for (owner, coin, amount) in &state.simulated_balance_changes {
            match changes.iter_mut().find(|(o, c, _)| o == owner && c == coin) {
                Some(change) => change.2 += amount,
                None => changes.push((*owner, coin.clone(), *amount)),
            }
        }
        drop(state);
        let mut status = proto::ExecutionStatus::default();
        status.success = Some(true);
        let mut effects = proto::TransactionEffects::default();
        effects.gas_used = Some(gas);
        effects.status = Some(status);
        effects.changed_objects = changed_objects;
        let mut executed = proto::ExecutedTransaction::default();
        executed.digest = Some(digest);
        executed.effects = Some(effects);
        executed.balance_changes = changes
            .into_iter()
            .map(|(owner, coin, amount)| {
                let mut change = proto::BalanceChange::default();
                change.address = Some(owner.to_string());
                change.coin_type = Some(coin);
                change.amount = Some(amount.to_string());
                change
            })
            .collect();
        let mut response = proto::SimulateTransactionResponse::default();
        response.transaction = Some(executed);
        Ok(tonic::Response::new(response))
    }

    async fn execute_transaction(
        &self,
        request: tonic::Request<proto::ExecuteTransactionRequest>,
    ) -> Result<tonic::Response<proto::ExecuteTransactionResponse>, tonic::Status> {
        let request = request.into_inner();
        let proto_transaction =
            request.transaction.as_ref().ok_or_else(|| tonic::Status::invalid_argument("no transaction"))?;
        let transaction = sui_sdk_types::Transaction::try_from(proto_transaction)
            .map_err(|e| tonic::Status::invalid_argument(format!("transaction does not decode: {e}")))?;
        if request.signatures.is_empty() {
            return Err(tonic::Status::invalid_argument("the transaction is not signed"));
        }
        for signature in &request.signatures {
            let signature = sui_sdk_types::UserSignature::try_from(signature)
                .map_err(|e| tonic::Status::invalid_argument(format!("signature does not decode: {e}")))?;
            SimpleVerifier
                .verify_transaction(&transaction, &signature)
                .map_err(|e| tonic::Status::invalid_argument(format!("invalid signature: {e}")))?;
            let signer = match &signature {
                sui_sdk_types::UserSignature::Simple(simple) => simple.derive_address(),
                _ => return Err(tonic::Status::invalid_argument("only simple signatures are supported")),
            };
            if signer != transaction.sender {
                return Err(tonic::Status::invalid_argument("the signature is not the sender's"));
            }
        }
        let digest = transaction.digest().to_string();
        let TransactionKind::ProgrammableTransaction(ptb) = &transaction.kind else {
            return Err(tonic::Status::invalid_argument("only programmable transactions are supported"));
        };
        self.check_calls(ptb)?;
        let published_modules = ptb
            .commands
            .iter()
            .map(|command| match command {
                Command::Publish(publish) => publish.modules.len(),
                _ => 0,
            })
            .sum();
        let changed_objects = {
            let mut state = self.state.lock().unwrap();
            state.submitted.push(Submitted {
                digest: digest.clone(),
                sender: transaction.sender,
                calls: recorded_calls(ptb),
                commands: ptb.commands.iter().map(command_kind).collect(),
                gas: transaction.gas_payment.objects.iter().map(|reference| *reference.object_id()).collect(),
                published_modules,
            });
            std::mem::take(&mut state.next_changed_objects)
        };
        self.answers_released().await;
        let mut effects = proto::TransactionEffects::default();
        effects.changed_objects = changed_objects;
        let mut executed = proto::ExecutedTransaction::default();
        executed.digest = Some(digest);
        executed.effects = Some(effects);
        let mut response = proto::ExecuteTransactionResponse::default();
        response.transaction = Some(executed);
        Ok(tonic::Response::new(response))
    }
}

fn command_kind(command: &Command) -> &'static str {
    match command {
        Command::MoveCall(_) => "MoveCall",
        Command::TransferObjects(_) => "TransferObjects",
        Command::SplitCoins(_) => "SplitCoins",
        Command::MergeCoins(_) => "MergeCoins",
        Command::Publish(_) => "Publish",
        Command::MakeMoveVector(_) => "MakeMoveVector",
        Command::Upgrade(_) => "Upgrade",
        _ => "Other",
    }
}

fn recorded_calls(ptb: &ProgrammableTransaction) -> Vec<RecordedCall> {
    let argument = |argument: &Argument| match argument {
        Argument::Input(index) => match ptb.inputs.get(*index as usize) {
            Some(Input::Pure(value)) => CallArg::Pure(value.clone()),
            Some(Input::ImmutableOrOwned(reference)) | Some(Input::Receiving(reference)) => {
                CallArg::Object(*reference.object_id())
            }
            Some(Input::Shared(shared)) => CallArg::Object(shared.object_id()),
            other => CallArg::Other(format!("{other:?}")),
        },
        other => CallArg::Other(format!("{other:?}")),
    };
    ptb.commands
        .iter()
        .filter_map(|command| match command {
            Command::MoveCall(call) => Some(RecordedCall {
                package: call.package,
                module: call.module.to_string(),
                function: call.function.to_string(),
                type_arguments: call.type_arguments.iter().map(|t| t.to_string()).collect(),
                arguments: call.arguments.iter().map(argument).collect(),
            }),
            _ => None,
        })
        .collect()
}
