use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(each())]
    arguments: Vec<String>,
}

fn main() {}
