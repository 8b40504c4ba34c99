use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = 1), default = 1)]
    replicas: i32,
}

fn main() {}
