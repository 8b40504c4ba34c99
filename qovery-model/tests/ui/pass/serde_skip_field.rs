//! A `#[serde(skip)]` field is not on the wire: it carries no rule and is never checked.

use qovery_model::validate::Validate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Validate)]
struct Service {
    #[qovery(length(min = 1))]
    name: String,
    #[serde(skip)]
    cache_key: String,
}

fn main() {
    let service = Service {
        name: "api".into(),
        cache_key: String::new(),
    };
    assert!(service.validate().is_empty());
}
