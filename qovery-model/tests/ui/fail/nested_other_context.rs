use qovery_model::model::Probe;
use qovery_model::validate::Validate;

/// Declares no context (so `()`), but nests a model type, whose context is `RegistryContext`.
#[derive(Validate)]
struct Sidecar {
    #[qovery(nested)]
    readiness: Probe,
}

fn main() {}
