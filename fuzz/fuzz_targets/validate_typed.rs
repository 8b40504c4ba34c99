//! Arbitrary typed requests and responses -> `validate_with`, serde round trip, and the
//! typed/document differential.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qovery_model_fuzz::typed::{Input, fuzz_typed};

fuzz_target!(|input: Input| {
    fuzz_typed(&input);
});
