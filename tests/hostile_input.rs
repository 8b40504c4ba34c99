use qovery_model::document::{CheckOptions, check};
#[test]
fn scratch() {
    let r = check(br#"{"name":"a","registry_id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","image_name":"a","tag":"1","healthchecks":{"readiness_probe":{}}}"#, &CheckOptions::new());
    for d in &r {
        eprintln!("{d}");
    }
}
