use qovery_model::validate::Validate;

#[derive(Validate)]
enum Protocol {
    Http,
    Grpc,
}

fn main() {}
