use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank, severity = fatal)]
    name: String,
}

fn main() {}
