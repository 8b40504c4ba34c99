use qovery_model::validate::Validate;
use serde::Serialize;

#[derive(Serialize, Validate)]
struct Service {
    #[serde(skip)]
    #[qovery(not_blank)]
    cache_key: String,
}

fn main() {}
