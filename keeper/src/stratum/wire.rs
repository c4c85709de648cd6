//! Conversions between `sv1_api` messages and the keeper's [`Job`] and [`Submission`], and the
//! JSON lines they travel as.

use crate::job::{Job, Submission};
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use sv1_api::client_to_server as c2s;
use sv1_api::json_rpc::{Message, StandardRequest};
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

/// The JSON line (with its `\n`) of a message. Notifications carry `"id": null`, as the
/// original Stratum examples do and some older miners insist on.
pub fn encode(message: impl Into<Message>) -> String {
    let message = message.into();
    let mut line = match &message {
        Message::Notification(_) => {
            let mut value = serde_json::to_value(&message).expect("Stratum messages serialise");
            value["id"] = serde_json::Value::Null;
            value.to_string()
        }
        _ => serde_json::to_string(&message).expect("Stratum messages serialise"),
    };
    line.push('\n');
    line
}

/// The `mining.set_version_mask` line (BIP 310) for `mask`. `sv1_api` names the method
/// `mining.set_version` when it encodes one (while it decodes `mining.set_version_mask`), so the
/// name is put right here.
pub fn set_version_mask(mask: u32) -> String {
    let message = Message::from(s2c::SetVersionMask { version_mask: HexU32Be(mask) });
    let mut value = serde_json::to_value(&message).expect("Stratum messages serialise");
    value["method"] = "mining.set_version_mask".into();
    value["id"] = serde_json::Value::Null;
    format!("{value}\n")
}

/// The id `sv1_api` sees in place of one it cannot hold (it takes only unsigned integers;
/// JSON-RPC also allows strings, and some miners send `"mining.subscribe"` as the id).
const SURROGATE_ID: u64 = u64::MAX - 1;

/// A request from a rig, and the id to answer it with.
pub struct Request {
    pub method: Method,
    pub reply: ReplyId,
}

/// The id a rig gave its request, when `sv1_api` could not hold it.
pub struct ReplyId(Option<serde_json::Value>);

impl ReplyId {
    /// Puts the rig's own id back into an answer built for its request.
    pub fn answer(&self, line: String) -> String {
        let Some(original) = &self.0 else { return line };
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&line) else { return line };
        if value.get("id").and_then(|id| id.as_u64()) != Some(SURROGATE_ID) {
            return line;
        }
        value["id"] = original.clone();
        format!("{value}\n")
    }
}

/// Parses a request from a rig; a string or otherwise non-integer id is kept to answer with, and
/// replaced by a number while `sv1_api` handles the request.
pub fn decode_request(line: &str) -> Result<Request, WireError> {
    // Nearly every line is a `mining.submit`: read it with serde into a struct that borrows its
    // strings from the line and build `sv1_api`'s `Submit` from those, without the
    // `serde_json::Value` that `StandardRequest` holds its params as (an allocated string per
    // param) and the copies `Submit::try_from` then makes of them. A line this cannot take
    // whole (another method, a non-integer id, escaped strings, numeric params, a bad field) goes
    // the general path, which decides exactly as before, errors included: the fast path only
    // ever answers with what the general one would (a property test below checks it).
    match decode_submit(line) {
        Some(request) => Ok(request),
        None => decode_request_generic(line),
    }
}

/// `decode_request` through `sv1_api`'s own request parsing.
fn decode_request_generic(line: &str) -> Result<Request, WireError> {
    // Nearly every line is a request with an id: read it in one pass straight into `sv1_api`'s
    // request type. `Message`'s own (untagged) decoding buffers the line and tries each kind of
    // message in turn, which made decoding cost more than verifying (docs/BENCHMARKS.md).
    let (message, original_id) = match serde_json::from_str::<RequestLine>(line) {
        Ok(RequestLine { id: Some(id), method, params }) => {
            let (number, original) = match id.as_u64() {
                Some(number) => (number, None),
                None => (SURROGATE_ID, Some(id)),
            };
            let request = StandardRequest { id: number, method, params };
            if request.method == "mining.submit" {
                // The hot path: `sv1_api`'s own parser of a submit, without the deep copy of the
                // request `Method::try_from` makes first.
                let submit =
                    c2s::Submit::try_from(request).map_err(|e| WireError::Method(format!("{e:?}")))?;
                let method = Method::Client2Server(sv1_api::methods::Client2Server::Submit(submit));
                return Ok(Request { method, reply: ReplyId(original) });
            }
            (Message::StandardRequest(request), original)
        }
        // Anything else (a null or missing id, not a request): the general path.
        _ => decode_any_request(line)?,
    };
    let method = Method::try_from(message).map_err(|e| WireError::Method(format!("{e:?}")))?;
    Ok(Request { method, reply: ReplyId(original_id) })
}

/// A `mining.submit` request with an integer id, its params borrowed from the line.
#[derive(serde::Deserialize)]
struct SubmitLine<'a> {
    id: Option<u64>,
    method: &'a str,
    #[serde(borrow)]
    params: SubmitParams<'a>,
}

/// The five or six string params of a `mining.submit`: worker, job id, extranonce2, ntime,
/// nonce and (with version rolling) version bits.
struct SubmitParams<'a> {
    fields: [&'a str; 6],
    count: usize,
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for SubmitParams<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = SubmitParams<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("five or six strings")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut params = SubmitParams { fields: [""; 6], count: 0 };
                while let Some(field) = seq.next_element::<&'de str>()? {
                    let Some(slot) = params.fields.get_mut(params.count) else {
                        return Err(serde::de::Error::invalid_length(params.count + 1, &self));
                    };
                    *slot = field;
                    params.count += 1;
                }
                if params.count < 5 {
                    return Err(serde::de::Error::invalid_length(params.count, &self));
                }
                Ok(params)
            }
        }
        deserializer.deserialize_seq(Fields)
    }
}

/// A well-formed `mining.submit` with an integer id as `sv1_api`'s `Submit`; `None` for any
/// other line, which [`decode_request_generic`] then decides.
fn decode_submit(line: &str) -> Option<Request> {
    use bitcoin::hashes::hex::FromHex;
    let SubmitLine { id: Some(id), method: "mining.submit", params } = serde_json::from_str(line).ok()?
    else {
        return None;
    };
    let [user_name, job_id, extra_nonce2, time, nonce, version_bits] = params.fields;
    let submit = c2s::Submit {
        user_name: user_name.to_owned(),
        job_id: job_id.to_owned(),
        // What `Submit::try_from` does: strict hex (even length), at most 32 bytes.
        extra_nonce2: Extranonce::try_from(Vec::<u8>::from_hex(extra_nonce2).ok()?).ok()?,
        time: hex_u32(time)?,
        nonce: hex_u32(nonce)?,
        version_bits: if params.count == 6 { Some(hex_u32(version_bits)?) } else { None },
        id,
    };
    let method = Method::Client2Server(sv1_api::methods::Client2Server::Submit(submit));
    Some(Request { method, reply: ReplyId(None) })
}

/// A big-endian u32 as `sv1_api`'s `HexU32Be::try_from` reads it (up to eight hex digits, fewer
/// read as left-padded with zeros, none as 0), without its two allocations.
fn hex_u32(hex: &str) -> Option<HexU32Be> {
    match hex {
        "" => Some(HexU32Be(0)),
        // `from_str_radix` would also take a leading `+`, which is not a hex digit.
        _ if hex.len() > 8 || hex.starts_with('+') => None,
        _ => u32::from_str_radix(hex, 16).ok().map(HexU32Be),
    }
}

/// A JSON-RPC request as a rig sends it; its id as it came (a `null` id reads as `None`).
#[derive(serde::Deserialize)]
struct RequestLine {
    id: Option<serde_json::Value>,
    method: String,
    params: serde_json::Value,
}

/// Any message from a rig, a null id replaced by the surrogate and kept to answer with.
fn decode_any_request(line: &str) -> Result<(Message, Option<serde_json::Value>), WireError> {
    let mut value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| WireError::NotJsonRpc(e.to_string()))?;
    let mut original_id = None;
    if let Some(id) = value.get("id") {
        if value.get("method").is_some() && id.as_u64().is_none() {
            original_id = Some(id.clone());
            value["id"] = SURROGATE_ID.into();
        }
    }
    let message = serde_json::from_value(value).map_err(|e| WireError::NotJsonRpc(e.to_string()))?;
    Ok((message, original_id))
}

/// The extranonce1 and extranonce2 size from the answer to our `mining.subscribe` (request
/// `id`), read straight from the JSON: pools differ in what they put in the subscription list
/// (numbers as well as strings), which `sv1_api` does not accept.
pub fn subscribe_result(line: &str, id: u64) -> Option<(Vec<u8>, usize)> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    if value.get("id")?.as_u64()? != id {
        return None;
    }
    let result = value.get("result")?.as_array()?;
    let extranonce1 = hex::decode(result.get(1)?.as_str()?).ok()?;
    let size = result.get(2)?.as_u64()? as usize;
    Some((extranonce1, size))
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
    use proptest::prelude::*;
    use sv1_api::methods::{Client2Server, Server2Client};

    #[test]
    fn a_pools_notify_becomes_the_job_and_back_to_the_same_line() {
        // A notify as pools send it: prevhash word-swapped, version/bits/time big-endian hex.
        let line = r#"{"id":null,"method":"mining.notify","params":["1a2b","2c4e6a8f1a3d6f0b0b7d5e8e0e6e4c3f2a1b9c8d00000000000000000001a0a4","01000000010000","ffffffff0100f2052a01000000",["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],"20000000","1702f128","6757c0a0",true]}"#;
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
        // A rig's request decodes to the same share (the proxy reads rigs with `decode_request`).
        let Method::Client2Server(Client2Server::Submit(from_rig)) = decode_request(line).unwrap().method
        else {
            panic!()
        };
        assert_eq!(submission_from_submit(&from_rig), submission);
        assert!(decode_request(r#"{"id":4,"method":"mining.submit","params":["worker.1"]}"#).is_err());
        assert!(decode_request(r#"{"id":4,"params":[]}"#).is_err());
        let back = submit_request(4, "worker.1", &submission).unwrap();
        assert_eq!(
            serde_json::to_value(Message::from(back)).unwrap(),
            serde_json::from_str::<serde_json::Value>(line).unwrap()
        );
    }

    #[test]
    fn string_and_null_ids_are_answered_with_themselves() {
        for id in [r#""mining.subscribe""#, "null", r#""7""#, "1.5"] {
            let line = format!(r#"{{"id":{id},"method":"mining.extranonce.subscribe","params":[]}}"#);
            let request = decode_request(&line).unwrap();
            let Method::Client2Server(Client2Server::ExtranonceSubscribe(subscribe)) = &request.method else {
                panic!("{id}")
            };
            let answer = request.reply.answer(encode((*subscribe).respond()));
            let value: serde_json::Value = serde_json::from_str(&answer).unwrap();
            assert_eq!(value["id"], serde_json::from_str::<serde_json::Value>(id).unwrap(), "{answer}");
        }
        // Integer ids pass through untouched.
        let request =
            decode_request(r#"{"id":3,"method":"mining.extranonce.subscribe","params":[]}"#).unwrap();
        let Method::Client2Server(Client2Server::ExtranonceSubscribe(subscribe)) = &request.method else {
            panic!()
        };
        assert!(request.reply.answer(encode((*subscribe).respond())).starts_with(r#"{"id":3,"#));
    }

    #[test]
    fn subscription_lists_with_numbers_still_give_the_extranonce() {
        let line = r#"{"id":2,"result":[[["mining.set_difficulty",0.00001],["mining.notify","ae6812eb4cd7735a302a8a9dd95cf71f"]],"08000002",4],"error":null}"#;
        assert_eq!(subscribe_result(line, 2), Some((vec![8, 0, 0, 2], 4)));
        assert_eq!(subscribe_result(line, 3), None);
        assert!(decode(line).is_err(), "sv1_api alone refuses it");
    }

    #[test]
    fn notifications_carry_a_null_id_and_still_parse() {
        let line = encode(s2c::SetDifficulty { value: 2.0 });
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(value["id"].is_null() && value.get("id").is_some(), "{line}");
        assert!(matches!(decode(&line), Ok(Method::Server2Client(Server2Client::SetDifficulty(_)))));
    }

    #[test]
    fn set_version_mask_carries_the_bip310_method_name() {
        let line = set_version_mask(0x00ff_e000);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["method"], "mining.set_version_mask", "{line}");
        assert_eq!(value["params"], serde_json::json!(["00ffe000"]));
        let Ok(Method::Server2Client(Server2Client::SetVersionMask(mask))) = decode(&line) else {
            panic!("{line}")
        };
        assert_eq!(mask.version_mask.0, 0x00ff_e000);
    }

    /// One JSON token for a `mining.submit` param: mostly hex strings of any length and case
    /// (what rigs send), now and then other strings, escaped strings, numbers, null.
    fn param() -> impl Strategy<Value = String> {
        let json = |s: String| serde_json::to_string(&s).unwrap();
        prop_oneof![
            6 => "[0-9a-f]{0,10}".prop_map(json),
            1 => "[0-9A-Fa-f]{0,9}".prop_map(json),
            1 => "[0-9a-zA-Z. _\"\\\\-]{0,12}".prop_map(json),
            // A hex string with its first digit written as a `\u` escape.
            1 => "[0-9a-f]{1,8}".prop_map(|s| format!(r#""\u00{:x}{}""#, s.as_bytes()[0], &s[1..])),
            1 => any::<u64>().prop_map(|n| n.to_string()),
            1 => prop_oneof![Just("-1"), Just("1.5"), Just("null"), Just("[]"), Just("{}")].prop_map(String::from),
        ]
    }

    /// A `mining.submit`-like line: its id of any JSON kind or missing, its method mostly
    /// `mining.submit`, four to seven params (five or six valid ones mostly), keys in any order,
    /// now and then an extra or a repeated key, and sometimes cut short.
    fn submit_like_line() -> impl Strategy<Value = String> {
        let id = prop_oneof![
            4 => any::<u64>().prop_map(|n| Some(n.to_string())),
            1 => prop_oneof![
                Just(r#""mining.subscribe""#), Just(r#""7""#), Just("null"), Just("1.5"), Just("-3"), Just("1e2")
            ].prop_map(|id| Some(id.to_owned())),
            1 => Just(None),
        ];
        let method = prop_oneof![
            8 => Just(r#""mining.submit""#),
            1 => Just(r#""mining.\u0073ubmit""#),
            1 => Just(r#""mining.authorize""#),
        ];
        let valid = (
            "[a-z0-9.]{1,12}",
            "[0-9a-f]{1,8}",
            "([0-9a-f]{2}){0,33}",
            "[0-9a-f]{8}",
            "[0-9a-f]{8}",
            proptest::option::of("[0-9a-f]{8}"),
        )
            .prop_map(|(user, job, extranonce2, time, nonce, bits)| {
                let mut params = vec![user, job, extranonce2, time, nonce];
                params.extend(bits);
                params.iter().map(|p| serde_json::to_string(p).unwrap()).collect::<Vec<_>>()
            });
        let params = prop_oneof![3 => valid, 2 => proptest::collection::vec(param(), 4..=7)];
        let extra = prop_oneof![
            6 => Just(None),
            1 => Just(Some((r#""jsonrpc""#, r#""2.0""#))),
            1 => Just(Some((r#""id""#, "9"))),
            1 => Just(Some((r#""method""#, r#""mining.submit""#))),
        ];
        (id, method, params, extra, any::<bool>(), 0..4usize).prop_flat_map(
            |(id, method, params, extra, spaced, cut)| {
                let mut fields = vec![(r#""method""#.to_owned(), method.to_owned())];
                fields.push((
                    r#""params""#.to_owned(),
                    format!("[{}]", params.join(if spaced { ", " } else { "," })),
                ));
                fields.extend(id.map(|id| (r#""id""#.to_owned(), id)));
                fields.extend(extra.map(|(k, v)| (k.to_owned(), v.to_owned())));
                Just(fields).prop_shuffle().prop_map(move |fields| {
                    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                    let line = format!("{{{}}}", body.join(if spaced { ", " } else { "," }));
                    // Sometimes a line cut short (one in four).
                    if cut == 0 {
                        line[..line.len() / 2].to_owned()
                    } else {
                        line
                    }
                })
            },
        )
    }

    /// What a decoded request comes to, to compare two decodings.
    fn outcome(decoded: Result<Request, WireError>) -> Result<(String, Option<serde_json::Value>), String> {
        decoded.map(|request| (format!("{:?}", request.method), request.reply.0)).map_err(|e| e.to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The fast submit path decodes every line it takes to what `sv1_api`'s own parsing gives
        /// (the same `Submit`, id and reply id); a line it does not take goes that parsing itself
        /// (`decode_request`), errors included.
        #[test]
        fn the_fast_submit_path_decodes_as_sv1_api_does(line in submit_like_line()) {
            if let Some(fast) = decode_submit(&line) {
                prop_assert_eq!(outcome(Ok(fast)), outcome(decode_request_generic(&line)), "{}", line);
            }
        }

        /// Well-formed submits with an integer id take the fast path.
        #[test]
        fn well_formed_submits_take_the_fast_path(
            id: u64,
            user in "[a-z0-9.]{1,12}",
            job in "[0-9a-f]{1,8}",
            extranonce2 in "([0-9a-fA-F]{2}){0,32}",
            time in "[0-9a-fA-F]{0,8}",
            nonce in "[0-9a-f]{0,8}",
            bits in proptest::option::of("[0-9a-f]{0,8}"),
        ) {
            let mut params = vec![user, job, extranonce2, time, nonce];
            params.extend(bits);
            let line = format!(r#"{{"id":{id},"method":"mining.submit","params":{}}}"#, serde_json::to_string(&params).unwrap());
            let fast = decode_submit(&line);
            prop_assert!(fast.is_some(), "{}", line);
            prop_assert_eq!(outcome(Ok(fast.unwrap())), outcome(decode_request_generic(&line)), "{}", line);
        }
    }

    #[test]
    fn garbage_is_named_not_panicked_on() {
        assert!(matches!(decode("not json"), Err(WireError::NotJsonRpc(_))));
        assert!(matches!(decode(r#"{"id":1,"method":"mining.fly","params":[]}"#), Err(WireError::Method(_))));
        assert!(extranonce(vec![0; 33]).unwrap_err().to_string().contains("33 bytes"));
    }
}
