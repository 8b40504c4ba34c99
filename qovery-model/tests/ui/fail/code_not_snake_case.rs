use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(not_blank, code = "NameBlank")]
    name: String,
}

fn main() {}
