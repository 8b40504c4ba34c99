use qovery_model::validate::Validate;

#[derive(Validate)]
#[qovery(schema, schema)]
struct Service {
    #[qovery(range(min = 1, min = 2), severity = warning, severity = error)]
    replicas: i32,
    #[qovery(not_blank, default = "a".to_owned())]
    #[qovery(length(max = 9), default = "b".to_owned())]
    name: Option<String>,
}

fn main() {}
