use qovery_model::validate::Validate;

#[derive(Validate)]
struct Service {
    #[qovery(range(min = 1))]
    name: String,
    #[qovery(length(min = 5, max = 2))]
    tag: String,
    #[qovery(pattern = "(unclosed")]
    image: String,
    #[qovery(not_blnk)]
    command: String,
    #[qovery(each(not_blank))]
    replicas: i32,
}

fn main() {
    let service = Service {
        name: String::new(),
        tag: String::new(),
        image: String::new(),
        command: String::new(),
        replicas: 0,
    };
    let _ = service.validate();
}
