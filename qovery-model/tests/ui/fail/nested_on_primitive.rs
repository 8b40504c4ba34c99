use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(nested)]
    replicas: Option<i32>,
}

fn main() {}
