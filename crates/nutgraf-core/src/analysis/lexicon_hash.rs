/// The lexicon table's hash of a token, shared by `build.rs` (which lays the table out) and
/// the analyzer (which probes it), so that both place a token in the same slot. Multiplicative,
/// eight bytes at a time: the table is indexed by the top bits.
fn lexicon_hash(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(26) ^ u64::from_le_bytes(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    h
}
