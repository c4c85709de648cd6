//! The `keeper_answers` golden section (which a Move test answers a challenge with) is exactly what
//! the keeper's verifier and journal build from the golden honest shares today.

#[test]
fn the_committed_keeper_answers_are_what_the_keeper_builds() {
    let generated = aihash_keeper::answer_vectors::generate();
    assert_eq!(generated.len(), 16 * 5, "five parts for each of the 16 leaves");
    for (name, hex) in &generated {
        let committed = aihash_sdk::golden::bytes(name)
            .unwrap_or_else(|e| panic!("{name}: {e}; run `make answer-vectors`"));
        assert_eq!(committed, hex::decode(hex).unwrap(), "{name} is stale: run `make answer-vectors`");
    }
    let committed = aihash_sdk::golden::names().filter(|name| name.starts_with("keeper_answer_")).count();
    assert_eq!(committed, generated.len(), "golden/vectors.json holds answers the keeper no longer builds");
}
