use qovery_model::model::RegistryContext;
use qovery_model::validate::Validate;

#[derive(Validate)]
#[qovery(context = RegistryContext, context = ())]
struct Sidecar {
    name: String,
}

fn main() {}
