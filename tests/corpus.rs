//! The model crate's test corpus (`qovery-model/src/document/testdata/`, inside the crate so that
//! its packaged tests build) holds byte copies of the workspace's example payloads and benchmark
//! data: editing one without the other fails here.

use std::path::Path;

const COPIES: &[(&str, &str)] = &[
    ("request.json", "benches/data/request.json"),
    ("request-invalid.json", "benches/data/request-invalid.json"),
    ("broken-web.json", "examples/payloads/broken-web.json"),
    ("minimal.json", "examples/payloads/minimal.json"),
    ("web-service.json", "examples/payloads/web-service.json"),
    ("keda-worker.yaml", "examples/payloads/keda-worker.yaml"),
    (
        "response.json",
        "examples/payloads/web-service.response.json",
    ),
];

#[test]
fn the_model_crates_test_corpus_is_a_copy_of_the_examples_and_benchmark_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("qovery-model/src/document/testdata");
    for (copy, original) in COPIES {
        let read =
            |path: &Path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            read(&corpus.join(copy)) == read(&root.join(original)),
            "qovery-model/src/document/testdata/{copy} differs from {original}: copy it again"
        );
    }
}
