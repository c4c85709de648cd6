//! `aihash::pow::Header` from the `bitcoin` crate's header.

use super::pow::Header;

impl From<&bitcoin::block::Header> for Header {
    fn from(header: &bitcoin::block::Header) -> Self {
        use bitcoin::hashes::Hash;
        Header::new(
            header.version.to_consensus() as u32,
            header.prev_blockhash.to_byte_array().to_vec(),
            header.merkle_root.to_byte_array().to_vec(),
            header.time,
            header.bits.to_consensus(),
            header.nonce,
        )
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
