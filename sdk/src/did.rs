//! W3C DID documents for aihash identities (the `did:sui` method, docs/IDENTITY.md): what a
//! resolver serves for an `aihash::identity::Identity` object. Keys are `Multikey` entries with a
//! multibase (base58btc) public key prefixed by its multicodec.

use crate::bindings::identity::{Identity, Status};
use serde_json::{json, Value};

/// Multicodec prefixes of the public key types (Sui's scheme flags 0, 1, 2).
fn multicodec(key_type: u8) -> Option<&'static [u8]> {
    match key_type {
        0 => Some(&[0xed, 0x01]), // ed25519-pub
        1 => Some(&[0xe7, 0x01]), // secp256k1-pub
        2 => Some(&[0x80, 0x24]), // p256-pub
        _ => None,
    }
}

/// `z` + base58btc(multicodec || key): the `publicKeyMultibase` of a key.
pub fn public_key_multibase(key_type: u8, public_key: &[u8]) -> Option<String> {
    let prefix = multicodec(key_type)?;
    Some(format!("z{}", bs58::encode([prefix, public_key].concat()).into_string()))
}

fn text(value: &moverox_sui::move_stdlib::string::String) -> String {
    String::from_utf8_lossy(&value.bytes).into_owned()
}

/// RFC 3339 (UTC, seconds) of a Unix time in milliseconds.
fn rfc3339(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3_600, rem % 3_600 / 60, rem % 60)
}

fn status_name(status: &Status) -> &'static str {
    match status {
        Status::Pending => "pending",
        Status::Verified => "verified",
        Status::Active => "active",
        Status::Inactive => "inactive",
        Status::Slashed => "slashed",
        Status::Deactivated => "deactivated",
    }
}

/// The DID resolution result (document and metadata) of an identity object. The controller is
/// written as the `did:sui` of its address on the identity's own network.
pub fn resolve(identity: &Identity) -> Value {
    let did = text(&identity.did);
    let network =
        did.strip_prefix("did:sui:").and_then(|rest| rest.split(':').next()).unwrap_or("mainnet").to_owned();
    let reference = |fragment: &str| format!("{did}#{fragment}");
    let with_purpose = |bit: u8| -> Vec<String> {
        identity.methods.iter().filter(|m| m.purposes & bit != 0).map(|m| reference(&text(&m.id))).collect()
    };
    let methods: Vec<Value> = identity
        .methods
        .iter()
        .map(|m| {
            json!({
                "id": reference(&text(&m.id)),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public_key_multibase(m.key_type, &m.public_key),
            })
        })
        .collect();
    let services: Vec<Value> = identity
        .services
        .iter()
        .map(|s| json!({ "id": reference(&text(&s.id)), "type": text(&s.service_type), "serviceEndpoint": text(&s.endpoint) }))
        .collect();
    let mut roles = vec![];
    if identity.roles & crate::tx::ROLE_PROVIDER != 0 {
        roles.push("provider");
    }
    if identity.roles & crate::tx::ROLE_KEEPER != 0 {
        roles.push("keeper");
    }
    let rep = &identity.reputation;
    json!({
        "didDocument": {
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": did,
            "controller": format!("did:sui:{network}:{}", identity.controller),
            "verificationMethod": methods,
            "authentication": with_purpose(1),
            "assertionMethod": with_purpose(2),
            "keeperSigning": with_purpose(4),
            "service": services,
        },
        "didDocumentMetadata": {
            "created": rfc3339(identity.created_ms),
            "updated": rfc3339(identity.updated_ms),
            "versionId": identity.revision.to_string(),
            "deactivated": matches!(identity.status, Status::Deactivated),
            "aihash": {
                "roles": roles,
                "status": status_name(&identity.status),
                "trustLevel": identity.trust_level,
                "activeStake": identity.stake.active.value.to_string(),
                "verifiedHashrate": identity.verified_hashrate.to_string(),
                "reputation": {
                    "reportsSettled": rep.reports_settled,
                    "challengesPassed": rep.challenges_passed,
                    "challengesFailed": rep.challenges_failed,
                    "capacityPassed": rep.capacity_passed,
                    "capacityFailed": rep.capacity_failed,
                    "tasksTimedOut": rep.tasks_timed_out,
                },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_golden_identity_resolves_to_the_documented_sample() {
        let identity: Identity = bcs::from_bytes(crate::golden::bytes("identity_object").unwrap()).unwrap();
        let resolved = resolve(&identity);
        let document = &resolved["didDocument"];
        let did = "did:sui:mainnet:0x9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56";
        assert_eq!(document["id"], did);
        assert_eq!(
            document["controller"],
            "did:sui:mainnet:0x0000000000000000000000000000000000000000000000000000000000000b0b"
        );
        assert_eq!(
            document["verificationMethod"][0]["publicKeyMultibase"],
            "zQ3shMx97z8hke85EVzFKKpqzY39b72AEAUgHNHzhVDtTE3vw"
        );
        assert_eq!(document["authentication"][0], format!("{did}#keeper-1"));
        assert_eq!(document["keeperSigning"][0], format!("{did}#keeper-1"));
        assert_eq!(document["assertionMethod"], json!([]));
        assert_eq!(document["service"][0]["serviceEndpoint"], "stratum+tcp://keeper.example:3333");
        let metadata = &resolved["didDocumentMetadata"];
        assert_eq!(metadata["created"], "2025-06-15T15:06:40Z");
        assert_eq!(metadata["versionId"], "22");
        assert_eq!(metadata["aihash"]["status"], "active");
        assert_eq!(metadata["aihash"]["trustLevel"], 2);
        assert_eq!(metadata["aihash"]["activeStake"], "2000000000000");
    }

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_750_000_000_000), "2025-06-15T15:06:40Z");
    }

    #[test]
    fn ed25519_keys_use_the_ed25519_multicodec() {
        // The did:key test vector of RFC 8032's first key.
        let key = hex::decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").unwrap();
        assert_eq!(
            public_key_multibase(0, &key).unwrap(),
            "z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw"
        );
        assert_eq!(public_key_multibase(9, &key), None);
    }
}
