use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(pattern = "^[a-z+$")]
    name: String,
}

fn main() {}
