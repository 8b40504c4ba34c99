use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(rnage(min = 1))]
    replicas: i32,
}

fn main() {}
