use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = 1, max = 10))]
    name: String,
}

fn main() {}
