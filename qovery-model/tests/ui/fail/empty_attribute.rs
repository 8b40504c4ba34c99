use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery()]
    name: String,
}

fn main() {}
