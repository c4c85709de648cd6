//! Types of the Move module `aihash::pow`.

use serde::{Deserialize, Serialize};

/// `aihash::pow::Header`: a Bitcoin block header as Move stores it (hashes as `vector<u8>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub version: u32,
    /// Hash of the previous block, internal byte order.
    pub prev_block: Vec<u8>,
    /// Merkle root, internal byte order.
    pub merkle_root: Vec<u8>,
    pub time: u32,
    pub bits: u32,
    pub nonce: u32,
}

impl From<&bitcoin::block::Header> for Header {
    fn from(header: &bitcoin::block::Header) -> Self {
        use bitcoin::hashes::Hash;
        Self {
            version: header.version.to_consensus() as u32,
            prev_block: header.prev_blockhash.to_byte_array().to_vec(),
            merkle_root: header.merkle_root.to_byte_array().to_vec(),
            time: header.time,
            bits: header.bits.to_consensus(),
            nonce: header.nonce,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golden;
    use bitcoin::consensus::deserialize;

    #[test]
    fn genesis_header_decodes_from_the_golden_bcs_bytes() {
        let decoded: Header = bcs::from_bytes(golden::bytes("pow_header_genesis").unwrap()).unwrap();
        let genesis = bitcoin::blockdata::constants::genesis_block(bitcoin::Network::Bitcoin).header;
        assert_eq!(decoded, Header::from(&genesis));
        assert_eq!(decoded.nonce, 2_083_236_893);
        // And back: the Rust encoding is byte-for-byte what Move's `bcs::to_bytes` produced.
        assert_eq!(bcs::to_bytes(&decoded).unwrap(), golden::bytes("pow_header_genesis").unwrap());
    }

    #[test]
    fn genesis_target_decodes_from_the_golden_u256_bytes() {
        let le: [u8; 32] = bcs::from_bytes(golden::bytes("pow_target_genesis").unwrap()).unwrap();
        let genesis = bitcoin::blockdata::constants::genesis_block(bitcoin::Network::Bitcoin).header;
        assert_eq!(bitcoin::Target::from_le_bytes(le), genesis.target());
    }

    #[test]
    fn mainnet_header_vectors_convert_like_the_bitcoin_crate() {
        for name in ["genesis", "jan_2009", "dec_2010"] {
            let raw = golden::bytes(&format!("mainnet_header_{name}")).unwrap();
            let header: bitcoin::block::Header = deserialize(raw).unwrap();
            let binding = Header::from(&header);
            assert_eq!(binding.bits, header.bits.to_consensus(), "{name}");
            assert_eq!(binding.prev_block, raw[4..36], "{name}");
            assert_eq!(binding.merkle_root, raw[36..68], "{name}");
        }
    }
}
