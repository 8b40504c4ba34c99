use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(each(not_blank))]
    name: String,
}

fn main() {}
