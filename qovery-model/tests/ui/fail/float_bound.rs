use qovery_model::validate::Validate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Validate)]
struct Resources {
    #[qovery(range(min = 1.5))]
    cpu: i32,
}

fn main() {}
