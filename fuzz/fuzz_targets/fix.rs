//! Raw bytes -> the fixes of `document::check`, as JSON and as YAML: each fix alone edits only
//! its bytes and keeps the document parsing, the rounds converge, a second round is empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    qovery_model_fuzz::fuzz_fix(data);
});
