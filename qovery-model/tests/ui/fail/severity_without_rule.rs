use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank)]
    #[qovery(severity = warning)]
    name: String,
}

fn main() {}
