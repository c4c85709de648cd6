//! Proof-of-work helpers on the `bitcoin` crate: the Rust twin of the Move module `aihash::pow`,
//! used by the CLI and the keeper. Input parsing reports what is wrong and where.

use bitcoin::block::Header;
use bitcoin::consensus::deserialize;
use bitcoin::{BlockHash, CompactTarget, Target};

/// Length of a serialized block header.
pub const HEADER_LEN: usize = 80;

/// Bitcoin Core's mainnet `powLimit` (`2^224 - 1`): no valid block header has an easier target.
/// (rust-bitcoin's `MAX_ATTAINABLE_MAINNET` is the smaller `0xffff << 208`; Core's value decides.)
pub fn mainnet_pow_limit() -> Target {
    let mut be = [0xff; 32];
    be[..4].fill(0);
    Target::from_be_bytes(be)
}

/// The sign bit of a compact target's mantissa.
const COMPACT_SIGN_BIT: u32 = 0x0080_0000;
/// The mantissa bits of a compact target.
const COMPACT_MANTISSA_MASK: u32 = 0x007f_ffff;

/// Why a header or compact target was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PowError {
    #[error("the header hex is empty; expected 160 hex digits (80 bytes)")]
    EmptyHeader,
    #[error("the header hex has an odd number of digits ({digits}); every byte takes two")]
    OddLength { digits: usize },
    #[error("the header hex has a non-hex character {character:?} at position {position}")]
    NotHex { character: char, position: usize },
    #[error("a block header is 80 bytes (160 hex digits); this one is {bytes} bytes")]
    WrongLength { bytes: usize },
    #[error("bits {input:?} is not a 32-bit hex number like 1d00ffff")]
    BitsNotHex { input: String },
    #[error("compact bits {bits:#010x} have the sign bit set, so the target would be negative")]
    NegativeTarget { bits: u32 },
    #[error("compact bits {bits:#010x} encode a target that does not fit in 256 bits")]
    TargetOverflow { bits: u32 },
    #[error("compact bits {bits:#010x} encode a zero target, which no hash meets")]
    ZeroTarget { bits: u32 },
    #[error("compact bits {bits:#010x} encode a target above Bitcoin's proof-of-work limit")]
    AboveProofOfWorkLimit { bits: u32 },
}

/// Strips an optional `0x` and surrounding whitespace.
fn unprefixed(input: &str) -> &str {
    let trimmed = input.trim();
    trimmed.strip_prefix("0x").or_else(|| trimmed.strip_prefix("0X")).unwrap_or(trimmed)
}

/// Decodes an 80-byte header given as hex (optionally `0x`-prefixed).
pub fn parse_header_hex(input: &str) -> Result<Header, PowError> {
    let digits = unprefixed(input);
    if digits.is_empty() {
        return Err(PowError::EmptyHeader);
    }
    let bytes = hex::decode(digits).map_err(|err| match err {
        hex::FromHexError::InvalidHexCharacter { c, index } => {
            PowError::NotHex { character: c, position: index }
        }
        hex::FromHexError::OddLength | hex::FromHexError::InvalidStringLength => {
            PowError::OddLength { digits: digits.len() }
        }
    })?;
    if bytes.len() != HEADER_LEN {
        return Err(PowError::WrongLength { bytes: bytes.len() });
    }
    Ok(deserialize(&bytes).expect("80 bytes always decode as a header"))
}

/// Parses compact bits written as hex (`1d00ffff` or `0x1d00ffff`), the way explorers print them.
pub fn parse_bits(input: &str) -> Result<CompactTarget, PowError> {
    let digits = unprefixed(input);
    let not_hex = || PowError::BitsNotHex { input: input.to_owned() };
    if digits.is_empty() || digits.len() > 8 {
        return Err(not_hex());
    }
    u32::from_str_radix(digits, 16).map(CompactTarget::from_consensus).map_err(|_| not_hex())
}

/// Expands compact bits into a target. Unlike `Target::from_compact`, which maps such values to
/// zero or wraps, it refuses the values Bitcoin Core flags as negative or overflowing, exactly as
/// the Move module aborts on them.
pub fn target_from_bits(bits: CompactTarget) -> Result<Target, PowError> {
    let raw = bits.to_consensus();
    let exponent = raw >> 24;
    let mantissa = raw & COMPACT_MANTISSA_MASK;
    if mantissa != 0 && raw & COMPACT_SIGN_BIT != 0 {
        return Err(PowError::NegativeTarget { bits: raw });
    }
    let overflows = mantissa != 0
        && (exponent > 34 || (mantissa > 0xff && exponent > 33) || (mantissa > 0xffff && exponent > 32));
    if overflows {
        return Err(PowError::TargetOverflow { bits: raw });
    }
    if mantissa == 0 {
        return Ok(Target::ZERO);
    }
    Ok(Target::from_compact(bits))
}

/// Difficulty of a target relative to difficulty 1 (`0xffff << 208`); `None` for the zero target.
pub fn difficulty(target: Target) -> Option<f64> {
    (target != Target::ZERO).then(|| target.difficulty_float())
}

/// The outcome of checking a header's proof of work against its own bits.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderCheck {
    pub hash: BlockHash,
    pub bits: CompactTarget,
    /// The target the bits expand to; `Err` when they are invalid compact values.
    pub target: Result<Target, PowError>,
}

impl HeaderCheck {
    /// Why the bits rule out any proof of work, as Bitcoin Core's `CheckProofOfWork` decides:
    /// negative, overflowing, zero, or easier than the mainnet limit.
    pub fn bits_problem(&self) -> Option<PowError> {
        let bits = self.bits.to_consensus();
        match self.target {
            Err(ref err) => Some(err.clone()),
            Ok(target) if target == Target::ZERO => Some(PowError::ZeroTarget { bits }),
            Ok(target) if target > mainnet_pow_limit() => Some(PowError::AboveProofOfWorkLimit { bits }),
            Ok(_) => None,
        }
    }

    /// Whether the proof of work holds: valid bits and a hash at or below their target.
    pub fn holds(&self) -> bool {
        self.bits_problem().is_none() && self.target.as_ref().is_ok_and(|target| target.is_met_by(self.hash))
    }
}

/// Checks a header's proof of work against the target in its own bits.
pub fn check_header(header: &Header) -> HeaderCheck {
    HeaderCheck { hash: header.block_hash(), bits: header.bits, target: target_from_bits(header.bits) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golden;
    use bitcoin::hashes::Hash;
    use proptest::prelude::*;

    #[test]
    fn golden_mainnet_headers_hold_and_hash_to_their_golden_hashes() {
        for name in ["genesis", "jan_2009", "dec_2010"] {
            let raw = golden::bytes(&format!("mainnet_header_{name}")).unwrap();
            let header = parse_header_hex(&hex::encode(raw)).unwrap();
            let check = check_header(&header);
            assert!(check.holds(), "{name}");
            assert_eq!(
                check.hash.to_byte_array(),
                golden::bytes(&format!("mainnet_hash_{name}")).unwrap(),
                "{name}"
            );
            // The bitcoin crate's own validation agrees.
            assert_eq!(header.validate_pow(header.target()).unwrap(), check.hash);
        }
    }

    #[test]
    fn tampered_header_does_not_hold() {
        let mut raw = golden::bytes("mainnet_header_jan_2009").unwrap().to_vec();
        raw[76] = raw[76].wrapping_add(1);
        assert!(!check_header(&parse_header_hex(&hex::encode(&raw)).unwrap()).holds());
    }

    #[test]
    fn malformed_header_hex_is_named() {
        assert_eq!(parse_header_hex("  ").unwrap_err(), PowError::EmptyHeader);
        assert_eq!(parse_header_hex("abc").unwrap_err(), PowError::OddLength { digits: 3 });
        assert_eq!(parse_header_hex("00zz").unwrap_err(), PowError::NotHex { character: 'z', position: 2 });
        assert_eq!(parse_header_hex(&"00".repeat(79)).unwrap_err(), PowError::WrongLength { bytes: 79 });
        assert_eq!(parse_header_hex(&"00".repeat(81)).unwrap_err(), PowError::WrongLength { bytes: 81 });
        assert!(parse_header_hex(&format!("0x{}", "00".repeat(80))).is_ok());
    }

    #[test]
    fn bits_parse_as_hex_with_or_without_prefix() {
        assert_eq!(parse_bits("1d00ffff").unwrap().to_consensus(), 0x1d00ffff);
        assert_eq!(parse_bits("0x1b04864c").unwrap().to_consensus(), 0x1b04864c);
        for bad in ["", "0x", "1d00ffff0", "xyz", "-1"] {
            assert_eq!(parse_bits(bad).unwrap_err(), PowError::BitsNotHex { input: bad.into() }, "{bad}");
        }
    }

    #[test]
    fn invalid_compact_values_are_refused_like_move() {
        let bits = |raw| CompactTarget::from_consensus(raw);
        assert_eq!(target_from_bits(bits(0x04923456)), Err(PowError::NegativeTarget { bits: 0x04923456 }));
        assert_eq!(target_from_bits(bits(0x23000001)), Err(PowError::TargetOverflow { bits: 0x23000001 }));
        assert_eq!(target_from_bits(bits(0x22000100)), Err(PowError::TargetOverflow { bits: 0x22000100 }));
        assert_eq!(target_from_bits(bits(0xff000000)), Ok(Target::ZERO));
        assert_eq!(
            target_from_bits(bits(0x01123456)).unwrap(),
            Target::from_le_bytes({
                let mut le = [0; 32];
                le[0] = 0x12;
                le
            })
        );
    }

    #[test]
    fn genesis_bits_are_difficulty_one() {
        let target = target_from_bits(parse_bits("1d00ffff").unwrap()).unwrap();
        assert_eq!(target, Target::MAX_ATTAINABLE_MAINNET);
        assert_eq!(difficulty(target), Some(1.0));
        let block_100k_era = target_from_bits(parse_bits("1b04864c").unwrap()).unwrap();
        assert_eq!(difficulty(block_100k_era).map(f64::floor), Some(14484.0));
        assert_eq!(difficulty(Target::ZERO), None);
    }

    /// The genesis header with other bits and nonce.
    fn genesis_with(bits: u32, nonce: u32) -> Header {
        let mut raw = golden::bytes("mainnet_header_genesis").unwrap().to_vec();
        raw[72..76].copy_from_slice(&bits.to_le_bytes());
        raw[76..80].copy_from_slice(&nonce.to_le_bytes());
        parse_header_hex(&hex::encode(&raw)).unwrap()
    }

    #[test]
    fn hash_meeting_bits_easier_than_the_mainnet_limit_is_no_proof_of_work() {
        // Regtest's bits 0x207fffff with nonce 0: the hash meets that target, yet proves nothing.
        let check = check_header(&genesis_with(0x207fffff, 0));
        assert!(check.target.as_ref().unwrap().is_met_by(check.hash));
        assert_eq!(check.bits_problem(), Some(PowError::AboveProofOfWorkLimit { bits: 0x207fffff }));
        assert!(!check.holds());
    }

    #[test]
    fn unacceptable_bits_are_named() {
        for (bits, problem) in [
            (0x1d010000u32, PowError::AboveProofOfWorkLimit { bits: 0x1d010000 }),
            (0x1d000000, PowError::ZeroTarget { bits: 0x1d000000 }),
            (0x1d80ffff, PowError::NegativeTarget { bits: 0x1d80ffff }),
        ] {
            assert_eq!(check_header(&genesis_with(bits, 0)).bits_problem(), Some(problem));
        }
        // Easier than difficulty 1 yet within the limit is acceptable.
        assert_eq!(check_header(&genesis_with(0x1c7fffff, 0)).bits_problem(), None);
    }

    proptest! {
        /// Compressing a target keeps its top three bytes (two when the third would be read as a
        /// sign bit), and compact values that came from a target round-trip unchanged.
        #[test]
        fn compact_round_trip(le in any::<[u8; 32]>()) {
            let target = Target::from_le_bytes(le);
            let bits = target.to_compact_lossy();
            let truncated = target_from_bits(bits).unwrap();
            prop_assert!(truncated <= target);
            prop_assert_eq!(target_from_bits(truncated.to_compact_lossy()).unwrap(), truncated);
            prop_assert_eq!(truncated.to_compact_lossy(), bits);
        }

        /// Every compact value is either refused with a named reason or expands to a target whose
        /// compact form decodes back to the same target.
        #[test]
        fn any_bits_are_refused_or_stable(raw in any::<u32>()) {
            match target_from_bits(CompactTarget::from_consensus(raw)) {
                Ok(target) => prop_assert_eq!(target_from_bits(target.to_compact_lossy()).unwrap(), target),
                Err(PowError::NegativeTarget { bits } | PowError::TargetOverflow { bits }) => prop_assert_eq!(bits, raw),
                Err(other) => prop_assert!(false, "unexpected error {other}"),
            }
        }
    }
}
