/// Identities of providers and keepers, each a shared object named by a DID,
/// `did:sui:<network>:<object id>`. An identity holds what its DID document shows (controller,
/// verification methods, services), its roles and status, its stake, its track record and the
/// trust level derived from them.
///
/// Status follows the node state diagram:
/// - `Pending` on creation; `Verified` once the roles' checks pass (a provider has passed a
///   capacity challenge; a keeper has a keeper-signing key);
/// - `Active` when its controller activates it with at least the level-1 minimum stake;
///   `Inactive` when the controller pauses it or its active stake falls below that minimum;
/// - `Slashed` when its stake is slashed: it cannot act until the probation is over and it is
///   activated again;
/// - `Deactivated` by its controller, for good: keys and services freeze, stake starts cooling
///   down for withdrawal.
///
/// Every change emits `IdentityChanged` with a revision number one higher than the last, carrying
/// what changed, so the DID document and its history can be rebuilt off chain.
module aihash::identity;

use aihash::registry::{Registry, Policy};
use aihash::reputation::{Self, Reputation};
use aihash::stake::{Self, Stake};
use aihash::text;
use aihash::trust;
use aihash::version;
use std::string::String;
use sui::clock::Clock;
use sui::event;
use sui::hex;

// === Errors ===

#[error]
const ENotController: vector<u8> = b"only the identity's controller may do this";
#[error]
const EDeactivated: vector<u8> = b"the identity is deactivated; deactivation cannot be undone";
#[error]
const EBadRoles: vector<u8> = b"roles must be provider (1), keeper (2) or both (3)";
#[error]
const ETooManyMethods: vector<u8> = b"an identity holds at most 8 verification methods";
#[error]
const ETooManyServices: vector<u8> = b"an identity holds at most 8 services";
#[error]
const EBadFragment: vector<u8> =
    b"method and service ids are 1 to 64 characters of letters, digits, '-' and '_'";
#[error]
const EDuplicateMethod: vector<u8> = b"the identity already has a verification method with this id";
#[error]
const EDuplicateService: vector<u8> = b"the identity already has a service with this id";
#[error]
const EUnknownMethod: vector<u8> = b"the identity has no verification method with this id";
#[error]
const EUnknownService: vector<u8> = b"the identity has no service with this id";
#[error]
const EUnknownKeyType: vector<u8> = b"key types are Ed25519 (0), Secp256k1 (1) and Secp256r1 (2)";
#[error]
const EBadKeyLength: vector<u8> =
    b"public keys are 32 bytes (Ed25519) or 33 bytes, compressed (Secp256k1, Secp256r1)";
#[error]
const EBadPurposes: vector<u8> =
    b"purposes are a non-empty mix of authentication (1), assertion (2) and keeper signing (4)";
#[error]
const ESameKey: vector<u8> = b"a rotation must install a different key";
#[error]
const EBadServiceType: vector<u8> = b"a service type is 1 to 64 printable ASCII characters";
#[error]
const EBadEndpoint: vector<u8> = b"a service endpoint is 1 to 256 printable ASCII characters";
#[error]
const ESameController: vector<u8> = b"the new controller is already the controller";
#[error]
const ENotVerified: vector<u8> =
    b"the identity is not verified yet: providers pass a capacity challenge, keepers add a keeper-signing key";
#[error]
const EBelowMinimumStake: vector<u8> = b"activation needs at least the level-1 minimum stake";
#[error]
const EOnProbation: vector<u8> =
    b"a slashed identity may not be activated before its probation ends";
#[error]
const ENotActive: vector<u8> = b"only an active identity can be paused";
#[error]
const EAlreadyActive: vector<u8> = b"the identity is already active";

// === Constants ===

/// Roles, as bits.
const ROLE_PROVIDER: u8 = 1;
const ROLE_KEEPER: u8 = 2;

/// Key types, numbered like Sui's signature scheme flags.
const KEY_ED25519: u8 = 0;
const KEY_SECP256K1: u8 = 1;
const KEY_SECP256R1: u8 = 2;

/// Verification purposes, as bits.
const PURPOSE_AUTHENTICATION: u8 = 1;
const PURPOSE_ASSERTION: u8 = 2;
const PURPOSE_KEEPER_SIGNING: u8 = 4;
const ALL_PURPOSES: u8 = 7;

/// Limits that keep an identity, and every event that carries its parts, small.
const MAX_METHODS: u64 = 8;
const MAX_SERVICES: u64 = 8;
const MAX_FRAGMENT_LENGTH: u64 = 64;
const MAX_SERVICE_TYPE_LENGTH: u64 = 64;
const MAX_ENDPOINT_LENGTH: u64 = 256;

// === Types ===

public enum Status has copy, drop, store {
    Pending,
    Verified,
    Active,
    Inactive,
    Slashed,
    Deactivated,
}

/// A public key the controller vouches for, and what it may be used for.
public struct VerificationMethod has copy, drop, store {
    /// The DID URL fragment: `<did>#<id>`.
    id: String,
    key_type: u8,
    public_key: vector<u8>,
    purposes: u8,
}

/// An endpoint the identity offers, e.g. a keeper's `StratumEndpoint`.
public struct Service has copy, drop, store {
    /// The DID URL fragment: `<did>#<id>`.
    id: String,
    service_type: String,
    endpoint: String,
}

public struct Identity has key {
    id: UID,
    version: u64,
    did: String,
    controller: address,
    roles: u8,
    methods: vector<VerificationMethod>,
    services: vector<Service>,
    status: Status,
    trust_level: u8,
    reputation: Reputation,
    stake: Stake,
    /// Hashrate (H/s) shown by the last passed capacity challenge.
    verified_hashrate: u64,
    /// The capacity challenge being answered, if any.
    open_challenge: Option<ID>,
    /// When the identity was last slashed (0: never).
    slashed_at_ms: u64,
    /// Number of `IdentityChanged` events emitted so far; the DID document's version.
    revision: u64,
    created_ms: u64,
    updated_ms: u64,
}

/// What an `IdentityChanged` event changed.
public enum Change has copy, drop, store {
    Created { did: String, controller: address, roles: u8 },
    MethodAdded { method: VerificationMethod },
    MethodRotated { method: VerificationMethod },
    MethodRevoked { method_id: String },
    ServiceAdded { service: Service },
    ServiceRemoved { service_id: String },
    ControllerChanged { from: address, to: address },
    StatusChanged { from: Status, to: Status },
    TrustLevelChanged { from: u8, to: u8 },
    RecordChanged { reputation: Reputation, verified_hashrate: u64 },
}

// === Events ===

public struct IdentityChanged has copy, drop {
    identity_id: ID,
    /// 1 for the creation, then one more per change.
    revision: u64,
    timestamp_ms: u64,
    change: Change,
}

// === Public-Mutative Functions ===

/// Creates an identity controlled by the sender with `roles` (provider 1, keeper 2, both 3). Share
/// it with `share` in the same transaction, after adding keys and services if wished.
public fun new(registry: &mut Registry, roles: u8, clock: &Clock, ctx: &mut TxContext): Identity {
    assert!(roles >= 1 && roles <= ROLE_PROVIDER | ROLE_KEEPER, EBadRoles);
    registry.record_identity();
    let id = object::new(ctx);
    let did = did_for(registry.network(), id.to_inner());
    let now = clock.timestamp_ms();
    let mut identity = Identity {
        id,
        version: version::current(),
        did,
        controller: ctx.sender(),
        roles,
        methods: vector[],
        services: vector[],
        status: Status::Pending,
        trust_level: 1,
        reputation: reputation::new(),
        stake: stake::empty(),
        verified_hashrate: 0,
        open_challenge: option::none(),
        slashed_at_ms: 0,
        revision: 0,
        created_ms: now,
        updated_ms: now,
    };
    identity.emit(Change::Created { did, controller: ctx.sender(), roles }, now);
    identity
}

/// Makes the identity a shared object.
public fun share(identity: Identity) {
    transfer::share_object(identity);
}

/// Adds a verification method: `key_type` 0 Ed25519 (32-byte key), 1 Secp256k1 or 2 Secp256r1
/// (33-byte compressed key); `purposes` a mix of authentication 1, assertion 2, keeper signing 4.
public fun add_method(
    identity: &mut Identity,
    registry: &Registry,
    method_id: String,
    key_type: u8,
    public_key: vector<u8>,
    purposes: u8,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    assert!(identity.methods.length() < MAX_METHODS, ETooManyMethods);
    assert!(is_fragment(&method_id), EBadFragment);
    assert!(identity.method_index(&method_id).is_none(), EDuplicateMethod);
    assert_key(key_type, &public_key);
    assert!(purposes >= 1 && purposes <= ALL_PURPOSES, EBadPurposes);
    let method = VerificationMethod { id: method_id, key_type, public_key, purposes };
    identity.methods.push_back(method);
    let now = clock.timestamp_ms();
    identity.emit(Change::MethodAdded { method }, now);
    identity.refresh(registry.policy(), now);
}

/// Replaces the key of a verification method, keeping its id and purposes.
public fun rotate_method(
    identity: &mut Identity,
    registry: &Registry,
    method_id: String,
    key_type: u8,
    public_key: vector<u8>,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    let index = identity.method_index(&method_id);
    assert!(index.is_some(), EUnknownMethod);
    assert_key(key_type, &public_key);
    let method = &mut identity.methods[index.destroy_some()];
    assert!(method.public_key != public_key, ESameKey);
    method.key_type = key_type;
    method.public_key = public_key;
    let method = *method;
    let now = clock.timestamp_ms();
    identity.emit(Change::MethodRotated { method }, now);
    identity.refresh(registry.policy(), now);
}

/// Removes a verification method.
public fun revoke_method(
    identity: &mut Identity,
    registry: &Registry,
    method_id: String,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    let index = identity.method_index(&method_id);
    assert!(index.is_some(), EUnknownMethod);
    identity.methods.remove(index.destroy_some());
    let now = clock.timestamp_ms();
    identity.emit(Change::MethodRevoked { method_id }, now);
    identity.refresh(registry.policy(), now);
}

/// Adds a service endpoint, e.g. type `StratumEndpoint`, endpoint `stratum+tcp://host:3333`.
public fun add_service(
    identity: &mut Identity,
    service_id: String,
    service_type: String,
    endpoint: String,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    assert!(identity.services.length() < MAX_SERVICES, ETooManyServices);
    assert!(is_fragment(&service_id), EBadFragment);
    assert!(identity.service_index(&service_id).is_none(), EDuplicateService);
    assert!(text::is_printable_word(&service_type, MAX_SERVICE_TYPE_LENGTH), EBadServiceType);
    assert!(text::is_printable_word(&endpoint, MAX_ENDPOINT_LENGTH), EBadEndpoint);
    let service = Service { id: service_id, service_type, endpoint };
    identity.services.push_back(service);
    identity.emit(Change::ServiceAdded { service }, clock.timestamp_ms());
}

/// Removes a service endpoint.
public fun remove_service(
    identity: &mut Identity,
    service_id: String,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    let index = identity.service_index(&service_id);
    assert!(index.is_some(), EUnknownService);
    identity.services.remove(index.destroy_some());
    identity.emit(Change::ServiceRemoved { service_id }, clock.timestamp_ms());
}

/// Hands control (and future withdrawals of stake) to `new_controller`.
public fun set_controller(
    identity: &mut Identity,
    new_controller: address,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    assert!(new_controller != identity.controller, ESameController);
    let from = identity.controller;
    identity.controller = new_controller;
    identity.emit(Change::ControllerChanged { from, to: new_controller }, clock.timestamp_ms());
}

/// Puts a verified, inactive or (after probation) slashed identity to work. Needs at least the
/// level-1 minimum stake.
public fun activate(identity: &mut Identity, registry: &Registry, clock: &Clock, ctx: &TxContext) {
    identity.assert_controller_of_live(ctx);
    let policy = registry.policy();
    let now = clock.timestamp_ms();
    match (identity.status) {
        Status::Pending => abort ENotVerified,
        Status::Active => abort EAlreadyActive,
        Status::Slashed => assert!(
            now >= identity.slashed_at_ms + policy.slash_probation_ms(),
            EOnProbation,
        ),
        _ => (),
    };
    assert!(identity.stake.active() >= policy.min_stake(1), EBelowMinimumStake);
    identity.set_status(Status::Active, now);
    identity.refresh(policy, now);
}

/// Takes an active identity off work (maintenance); `activate` brings it back.
public fun pause(identity: &mut Identity, clock: &Clock, ctx: &TxContext) {
    identity.assert_controller_of_live(ctx);
    assert!(identity.status == Status::Active, ENotActive);
    identity.set_status(Status::Inactive, clock.timestamp_ms());
}

/// Deactivates the identity for good. Its active stake starts the unstake cooldown (and stays
/// slashable until withdrawn).
public fun deactivate(
    identity: &mut Identity,
    registry: &Registry,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    let now = clock.timestamp_ms();
    identity.stake.unstake_all(now + registry.policy().unstake_cooldown_ms());
    identity.set_status(Status::Deactivated, now);
    identity.refresh(registry.policy(), now);
}

// === Public-View Functions ===

public fun did(identity: &Identity): String { identity.did }

public fun controller(identity: &Identity): address { identity.controller }

public fun roles(identity: &Identity): u8 { identity.roles }

public fun is_provider(identity: &Identity): bool { identity.roles & ROLE_PROVIDER != 0 }

public fun is_keeper(identity: &Identity): bool { identity.roles & ROLE_KEEPER != 0 }

public fun methods(identity: &Identity): &vector<VerificationMethod> { &identity.methods }

public fun services(identity: &Identity): &vector<Service> { &identity.services }

public fun status(identity: &Identity): Status { identity.status }

/// Whether the identity may take part in the market now.
public fun is_active(identity: &Identity): bool { identity.status == Status::Active }

public fun trust_level(identity: &Identity): u8 { identity.trust_level }

public fun reputation(identity: &Identity): &Reputation { &identity.reputation }

public fun stake(identity: &Identity): &Stake { &identity.stake }

public fun verified_hashrate(identity: &Identity): u64 { identity.verified_hashrate }

public fun open_challenge(identity: &Identity): Option<ID> { identity.open_challenge }

public fun slashed_at_ms(identity: &Identity): u64 { identity.slashed_at_ms }

public fun revision(identity: &Identity): u64 { identity.revision }

public fun created_ms(identity: &Identity): u64 { identity.created_ms }

public fun updated_ms(identity: &Identity): u64 { identity.updated_ms }

/// Whether a key of the identity may sign keeper reports.
public fun has_keeper_key(identity: &Identity): bool {
    identity.methods.any!(|m| m.purposes & PURPOSE_KEEPER_SIGNING != 0)
}

public fun method_id(method: &VerificationMethod): String { method.id }

public fun key_type(method: &VerificationMethod): u8 { method.key_type }

public fun public_key(method: &VerificationMethod): vector<u8> { method.public_key }

public fun purposes(method: &VerificationMethod): u8 { method.purposes }

public fun service_id(service: &Service): String { service.id }

public fun service_type(service: &Service): String { service.service_type }

public fun endpoint(service: &Service): String { service.endpoint }

public fun role_provider(): u8 { ROLE_PROVIDER }

public fun role_keeper(): u8 { ROLE_KEEPER }

public fun key_ed25519(): u8 { KEY_ED25519 }

public fun key_secp256k1(): u8 { KEY_SECP256K1 }

public fun key_secp256r1(): u8 { KEY_SECP256R1 }

public fun purpose_authentication(): u8 { PURPOSE_AUTHENTICATION }

public fun purpose_assertion(): u8 { PURPOSE_ASSERTION }

public fun purpose_keeper_signing(): u8 { PURPOSE_KEEPER_SIGNING }

public fun status_pending(): Status { Status::Pending }

public fun status_verified(): Status { Status::Verified }

public fun status_active(): Status { Status::Active }

public fun status_inactive(): Status { Status::Inactive }

public fun status_slashed(): Status { Status::Slashed }

public fun status_deactivated(): Status { Status::Deactivated }

/// The DID of the object `id` on `network`: `did:sui:<network>:0x<64 hex digits>`.
public fun did_for(network: String, id: ID): String {
    let mut did = b"did:sui:".to_string();
    did.append(network);
    did.append_utf8(b":0x");
    did.append_utf8(hex::encode(id.to_bytes()));
    did
}

// === Package Functions ===

/// Aborts unless the sender controls this identity (and this build may use it).
public(package) fun assert_controller(identity: &Identity, ctx: &TxContext) {
    version::assert_current(identity.version);
    assert!(ctx.sender() == identity.controller, ENotController);
}

/// Aborts unless the sender controls this identity and it is not deactivated.
public(package) fun assert_controller_of_live(identity: &Identity, ctx: &TxContext) {
    identity.assert_controller(ctx);
    assert!(identity.status != Status::Deactivated, EDeactivated);
}

public(package) fun stake_mut(identity: &mut Identity): &mut Stake {
    version::assert_current(identity.version);
    &mut identity.stake
}

public(package) fun set_open_challenge(identity: &mut Identity, challenge: Option<ID>) {
    identity.open_challenge = challenge;
}

/// Records a finished capacity challenge; a pass also records the hashrate it showed.
public(package) fun record_capacity(
    identity: &mut Identity,
    policy: &Policy,
    passed: bool,
    hashrate: u64,
    now_ms: u64,
) {
    identity.reputation.add_capacity_result(passed);
    if (passed) identity.verified_hashrate = hashrate;
    identity.record_changed(policy, now_ms);
}

/// Records a settled delivery report (a completed task).
public(package) fun record_report_settled(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    identity.reputation.add_report_settled();
    identity.record_changed(policy, now_ms);
}

/// Records a challenge against one of its reports that it answered correctly.
public(package) fun record_challenge_passed(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    identity.reputation.add_challenge_passed();
    identity.record_changed(policy, now_ms);
}

/// Records a challenge it failed or left unanswered.
public(package) fun record_challenge_failed(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    identity.reputation.add_challenge_failed();
    identity.record_changed(policy, now_ms);
}

/// Records a task it let time out.
public(package) fun record_task_timed_out(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    identity.reputation.add_task_timed_out();
    identity.record_changed(policy, now_ms);
}

/// Marks the identity slashed (a deactivated identity stays deactivated) and starts its probation.
public(package) fun mark_slashed(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    identity.slashed_at_ms = now_ms;
    if (identity.status != Status::Deactivated) identity.set_status(Status::Slashed, now_ms);
    identity.refresh(policy, now_ms);
}

/// Re-derives what follows from the identity's state: verification, loss of activity below the
/// minimum stake, and the trust level. Called after every change that may affect them.
public(package) fun refresh(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    if (identity.status == Status::Pending && identity.meets_role_checks()) {
        identity.set_status(Status::Verified, now_ms);
    };
    if (identity.status == Status::Active && identity.stake.active() < policy.min_stake(1)) {
        identity.set_status(Status::Inactive, now_ms);
    };
    let level = match (identity.status) {
        // A slashed or retired identity earns no trust until it is back at work.
        Status::Slashed | Status::Deactivated => 1,
        _ => trust::level(policy, identity.stake.active(), &identity.reputation),
    };
    if (level != identity.trust_level) {
        let from = identity.trust_level;
        identity.trust_level = level;
        identity.emit(Change::TrustLevelChanged { from, to: level }, now_ms);
    }
}

// === Private Functions ===

fun record_changed(identity: &mut Identity, policy: &Policy, now_ms: u64) {
    let change = Change::RecordChanged {
        reputation: identity.reputation,
        verified_hashrate: identity.verified_hashrate,
    };
    identity.emit(change, now_ms);
    identity.refresh(policy, now_ms);
}

fun set_status(identity: &mut Identity, to: Status, now_ms: u64) {
    let from = identity.status;
    if (from == to) return;
    identity.status = to;
    identity.emit(Change::StatusChanged { from, to }, now_ms);
}

fun emit(identity: &mut Identity, change: Change, now_ms: u64) {
    identity.revision = identity.revision + 1;
    identity.updated_ms = now_ms;
    event::emit(IdentityChanged {
        identity_id: identity.id.to_inner(),
        revision: identity.revision,
        timestamp_ms: now_ms,
        change,
    });
}

/// Providers must have passed a capacity challenge; keepers must hold a keeper-signing key.
fun meets_role_checks(identity: &Identity): bool {
    (!identity.is_provider() || identity.reputation.capacity_passed() > 0)
        && (!identity.is_keeper() || identity.has_keeper_key())
}

fun method_index(identity: &Identity, method_id: &String): Option<u64> {
    identity.methods.find_index!(|m| &m.id == method_id)
}

fun service_index(identity: &Identity, service_id: &String): Option<u64> {
    identity.services.find_index!(|s| &s.id == service_id)
}

fun assert_key(key_type: u8, public_key: &vector<u8>) {
    let length = public_key.length();
    if (key_type == KEY_ED25519) assert!(length == 32, EBadKeyLength)
    else if (key_type == KEY_SECP256K1 || key_type == KEY_SECP256R1) {
        assert!(length == 33, EBadKeyLength);
        // A compressed point starts with 0x02 or 0x03.
        assert!(public_key[0] == 2 || public_key[0] == 3, EBadKeyLength);
    } else abort EUnknownKeyType
}

/// A DID URL fragment: letters, digits, '-' and '_'.
fun is_fragment(text: &String): bool {
    let bytes = text.as_bytes();
    bytes.length() >= 1 && bytes.length() <= MAX_FRAGMENT_LENGTH && bytes.all!(|b| {
        let b = *b;
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
            || b == 0x2d || b == 0x5f
    })
}
