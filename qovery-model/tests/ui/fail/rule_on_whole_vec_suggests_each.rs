use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank)]
    arguments: Vec<String>,
}

fn main() {}
