use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(pattern = "^\\d+$")]
    tag: String,
}

fn main() {}
