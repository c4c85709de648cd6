//! Rust mirrors of the package's Move types, decoded from BCS. Field order and types follow the
//! Move declarations exactly; the golden-vector tests prove it.

pub mod pow;
