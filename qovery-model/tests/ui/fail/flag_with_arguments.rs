use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank(trim = true))]
    name: String,
}

fn main() {}
