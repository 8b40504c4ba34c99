//! Raw bytes -> `document::check` (YAML), as a request and as a response.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    qovery_model_fuzz::fuzz_yaml(data);
});
