use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(length(min = -1))]
    name: String,
}

fn main() {}
