use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = "ten"))]
    replicas: i32,
}

fn main() {}
