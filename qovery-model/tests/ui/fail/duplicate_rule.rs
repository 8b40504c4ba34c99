use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = 1))]
    #[qovery(range(max = 10))]
    replicas: i32,
}

fn main() {}
