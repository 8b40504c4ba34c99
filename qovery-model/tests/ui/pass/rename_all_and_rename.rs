//! Wire names follow serde's `rename_all` and `rename`.

use qovery_model::validate::Validate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Service {
    #[qovery(not_blank)]
    display_name: String,
    #[serde(rename = "cpuMillicores")]
    #[qovery(range(min = 10, max = 64000))]
    cpu: i32,
}

fn main() {
    let service = Service {
        display_name: " ".into(),
        cpu: 1,
    };
    let pointers: Vec<String> = service.validate().into_iter().map(|d| d.pointer).collect();
    assert_eq!(pointers, ["/displayName", "/cpuMillicores"]);
}
