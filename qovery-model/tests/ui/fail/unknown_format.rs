use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(format = "email")]
    contact: String,
}

fn main() {}
