/// Checks on user-supplied text that ends up in events and documents (endpoints, pool URLs,
/// worker names), shared by the modules that take such text.
module aihash::text;

use std::string::String;

/// Whether `text` is 1 to `max` bytes of printable ASCII without spaces (0x21-0x7e), so it can
/// be shown and parsed without escaping.
public(package) fun is_printable_word(text: &String, max: u64): bool {
    let bytes = text.as_bytes();
    bytes.length() >= 1 && bytes.length() <= max && bytes.all!(|b| *b > 0x20 && *b < 0x7f)
}
