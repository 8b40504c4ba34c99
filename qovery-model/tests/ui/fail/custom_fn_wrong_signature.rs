use qovery_model::validate::Validate;

/// Takes the value only: a custom function also takes the context (`&()` here).
fn not_latest(tag: &str) -> Result<(), String> {
    if tag == "latest" { Err("latest".to_owned()) } else { Ok(()) }
}

#[derive(Validate)]
struct Service {
    #[qovery(custom = not_latest)]
    tag: String,
}

fn main() {}
