//! Conversions between `sv1_api` messages and the keeper's [`Job`] and [`Submission`], and the
//! JSON lines they travel as.

use crate::job::{Job, Submission};
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use sv1_api::client_to_server as c2s;
use sv1_api::json_rpc::Message;
use sv1_api::methods::Method;
use sv1_api::server_to_client as s2c;
use sv1_api::utils::{Extranonce, HexBytes, HexU32Be, MerkleNode, PrevHash};

/// Why a line is not a Stratum message the keeper understands.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("not JSON-RPC: {0}")]
    NotJsonRpc(String),
    #[error("not a Stratum method the keeper handles: {0}")]
    Method(String),
    #[error("{0}")]
    Field(String),
}

/// Parses one line into a Stratum message.
pub fn decode(line: &str) -> Result<Method, WireError> {
    let message: Message = serde_json::from_str(line).map_err(|e| WireError::NotJsonRpc(e.to_string()))?;
    Method::try_from(message).map_err(|e| WireError::Method(format!("{e:?}")))
}

/// The JSON line (with its `\n`) of a message.
pub fn encode(message: impl Into<Message>) -> String {
    let mut line = serde_json::to_string(&message.into()).expect("Stratum messages serialise");
    line.push('\n');
    line
}

/// The job a `mining.notify` describes.
pub fn job_from_notify(notify: &s2c::Notify) -> Job {
    Job {
        id: notify.job_id.clone(),
        prev_hash: BlockHash::from_byte_array(notify.prev_hash.0.to_array()),
        coinbase1: notify.coin_base1.clone().into(),
        coinbase2: notify.coin_base2.clone().into(),
        merkle_branch: notify
            .merkle_branch
            .iter()
            .map(|node| TxMerkleNode::from_byte_array(node.0.to_array()))
            .collect(),
        version: notify.version.0 as i32,
        bits: CompactTarget::from_consensus(notify.bits.0),
        time: notify.time.0,
        clean: notify.clean_jobs,
    }
}

/// The `mining.notify` that announces `job`.
pub fn notify_from_job(job: &Job) -> s2c::Notify {
    s2c::Notify {
        job_id: job.id.clone(),
        prev_hash: PrevHash(job.prev_hash.to_byte_array().into()),
        coin_base1: HexBytes::from(job.coinbase1.clone()),
        coin_base2: HexBytes::from(job.coinbase2.clone()),
        merkle_branch: job.merkle_branch.iter().map(|node| MerkleNode(node.to_byte_array().into())).collect(),
        version: HexU32Be(job.version as u32),
        bits: HexU32Be(job.bits.to_consensus()),
        time: HexU32Be(job.time),
        clean_jobs: job.clean,
    }
}

/// The submission a `mining.submit` carries.
pub fn submission_from_submit(submit: &c2s::Submit) -> Submission {
    Submission {
        job_id: submit.job_id.clone(),
        extranonce2: submit.extra_nonce2.clone().into(),
        time: submit.time.0,
        nonce: submit.nonce.0,
        version_bits: submit.version_bits.as_ref().map(|bits| bits.0),
    }
}

/// A `mining.submit` request for `submission` as worker `user`.
pub fn submit_request(id: u64, user: &str, submission: &Submission) -> Result<c2s::Submit, WireError> {
    Ok(c2s::Submit {
        user_name: user.to_owned(),
        job_id: submission.job_id.clone(),
        extra_nonce2: extranonce(submission.extranonce2.clone())?,
        time: HexU32Be(submission.time),
        nonce: HexU32Be(submission.nonce),
        version_bits: submission.version_bits.map(HexU32Be),
        id,
    })
}

/// Extranonce bytes as `sv1_api` holds them (at most 32).
pub fn extranonce(bytes: Vec<u8>) -> Result<Extranonce, WireError> {
    let length = bytes.len();
    Extranonce::try_from(bytes)
        .map_err(|_| WireError::Field(format!("an extranonce of {length} bytes (at most 32)")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sv1_api::methods::{Client2Server, Server2Client};

    #[test]
    fn a_pools_notify_becomes_the_job_and_back_to_the_same_line() {
        // A notify as pools send it: prevhash word-swapped, version/bits/time big-endian hex.
        let line = r#"{"method":"mining.notify","params":["1a2b","2c4e6a8f1a3d6f0b0b7d5e8e0e6e4c3f2a1b9c8d00000000000000000001a0a4","01000000010000","ffffffff0100f2052a01000000",["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],"20000000","1702f128","6757c0a0",true]}"#;
        let Method::Server2Client(Server2Client::Notify(notify)) = decode(line).unwrap() else { panic!() };
        let job = job_from_notify(&notify);
        assert_eq!(job.id, "1a2b");
        assert_eq!((job.version, job.bits.to_consensus(), job.time), (0x2000_0000, 0x1702_f128, 0x6757_c0a0));
        assert!(job.clean);
        // Stratum's prevhash swaps each 4-byte word: the header holds 8f6a4e2c... first.
        assert_eq!(&job.prev_hash.to_byte_array()[..4], &[0x8f, 0x6a, 0x4e, 0x2c]);
        assert_eq!(job.coinbase1, [1, 0, 0, 0, 1, 0, 0]);
        assert_eq!(
            job.merkle_branch[0].to_byte_array()[..2],
            [0x4a, 0x5e],
            "branch entries are raw hash bytes, not reversed"
        );
        assert_eq!(job_from_notify(&notify_from_job(&job)), job);
        let again: serde_json::Value = serde_json::from_str(&encode(notify_from_job(&job))).unwrap();
        assert_eq!(again, serde_json::from_str::<serde_json::Value>(line).unwrap());
    }

    #[test]
    fn a_submit_round_trips_with_its_rolled_version_bits() {
        let line = r#"{"id":4,"method":"mining.submit","params":["worker.1","1a2b","00000001","6757c0a0","41d5deb0","1fffe000"]}"#;
        let Method::Client2Server(Client2Server::Submit(submit)) = decode(line).unwrap() else { panic!() };
        let submission = submission_from_submit(&submit);
        assert_eq!(submission.extranonce2, [0, 0, 0, 1]);
        assert_eq!(
            (submission.time, submission.nonce, submission.version_bits),
            (0x6757_c0a0, 0x41d5_deb0, Some(0x1fff_e000))
        );
        let back = submit_request(4, "worker.1", &submission).unwrap();
        assert_eq!(
            serde_json::to_value(Message::from(back)).unwrap(),
            serde_json::from_str::<serde_json::Value>(line).unwrap()
        );
    }

    #[test]
    fn garbage_is_named_not_panicked_on() {
        assert!(matches!(decode("not json"), Err(WireError::NotJsonRpc(_))));
        assert!(matches!(decode(r#"{"id":1,"method":"mining.fly","params":[]}"#), Err(WireError::Method(_))));
        assert!(extranonce(vec![0; 33]).unwrap_err().to_string().contains("33 bytes"));
    }
}
