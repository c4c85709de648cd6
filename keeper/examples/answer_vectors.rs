//! Writes the keeper's answers for the golden honest window, its `report::answer` calls for a
//! challenge of that window, and its answers from the two tampered copies of its journal
//! (`aihash_keeper::answer_vectors`), into the `keeper_answers` section of golden/vectors.json. `--check` only compares, and fails if the committed section is stale.

fn main() -> std::process::ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let answers = aihash_keeper::answer_vectors::generate();
    aihash_sdk::golden::write_section("keeper_answers", answers, check, "make answer-vectors")
}
