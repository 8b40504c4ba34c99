use qovery_model::validate::{Path, Report, Rule, RuleInfo, Validate};

struct PortsDistinct;

impl Rule<Service> for PortsDistinct {
    const RULES: &'static [RuleInfo] = &[];
    fn check(_: &Service, _: &(), _: &Path<'_>, _: &mut Report) {}
}

#[derive(Validate)]
#[qovery(rule = PortsDistinct, rule = PortsDistinct)]
struct Service {
    ports: Vec<i32>,
}

fn main() {}
