use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = 10, max = 1))]
    replicas: i32,
}

fn main() {}
