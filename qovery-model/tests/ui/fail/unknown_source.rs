use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank, source = openapi)]
    name: String,
}

fn main() {}
