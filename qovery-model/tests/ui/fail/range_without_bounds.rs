use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range())]
    replicas: i32,
}

fn main() {}
