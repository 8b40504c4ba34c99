use qovery_model::validate::{Path, Report, Rule, RuleInfo, Validate};

/// A rule for strings, attached to an integer field.
struct NoLatest;

impl Rule<str> for NoLatest {
    const RULES: &'static [RuleInfo] = &[];
    fn check(_: &str, _: &(), _: &Path<'_>, _: &mut Report) {}
}

#[derive(Validate)]
struct Service {
    #[qovery(custom = NoLatest)]
    replicas: i32,
}

fn main() {}
