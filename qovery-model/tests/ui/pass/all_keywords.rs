//! Every keyword, on a type it applies to.

use qovery_model::model::{Nullable, PortProtocol};
use qovery_model::validate::{
    Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, Validate,
};
use serde::{Deserialize, Serialize};

const MIN_PORT: i64 = 1;
const MAX_PORT: i64 = 65535;

const NO_LATEST: RuleInfo = RuleInfo {
    code: "no_latest",
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "",
    pointer: "",
    description: "the tag is not `latest`",
    schema: SchemaSupport::ValidatorOnly,
};

/// A field rule on strings, for any context.
struct NoLatest;

impl<C: ?Sized> Rule<String, C> for NoLatest {
    const RULES: &'static [RuleInfo] = &[NO_LATEST];
    fn check(value: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if value == "latest" {
            report.push(&NO_LATEST, path, "`latest` is not reproducible".to_owned());
        }
    }
}

/// A type-level rule.
struct PortsDistinct;

impl Rule<Service> for PortsDistinct {
    const RULES: &'static [RuleInfo] = &[];
    fn check(_: &Service, _: &(), _: &Path<'_>, _: &mut Report) {}
}

#[derive(Serialize, Deserialize, Validate)]
struct Port {
    #[qovery(range(min = MIN_PORT, max = MAX_PORT))]
    internal_port: i32,
}

#[derive(Serialize, Deserialize, Validate)]
#[qovery(rule = PortsDistinct)]
struct Service {
    #[qovery(not_blank, length(min = 1, max = 128), description = "a display name")]
    name: String,
    #[qovery(range(min = -10, max = 10))]
    offset: i64,
    #[qovery(range(min = MIN_PORT, max = MAX_PORT), default = 8080)]
    port: Option<u16>,
    #[qovery(pattern = "^[a-z0-9-]+$", severity = warning, source = kubernetes, code = "dns_label")]
    slug: String,
    #[qovery(format = "uuid")]
    id: String,
    #[qovery(format = "uri")]
    homepage: Option<String>,
    #[qovery(format = "date-time")]
    created_at: Nullable<String>,
    #[qovery(non_empty, length(max = 8))]
    #[qovery(each(not_blank, length(max = 32), pattern = "^[^ ]+$"))]
    arguments: Vec<String>,
    #[qovery(each(range(min = 0, max = 100)))]
    weights: Vec<u8>,
    #[qovery(known, severity = warning)]
    protocol: PortProtocol,
    #[qovery(custom = NoLatest, source = console)]
    tag: String,
    #[qovery(nested)]
    ports: Vec<Port>,
    #[qovery(nested)]
    main_port: Option<Port>,
    #[qovery(nested)]
    #[serde(default)]
    healthcheck_port: Nullable<Port>,
    #[qovery(length(max = 3), example = "[\"a\"]")]
    #[serde(default)]
    aliases: Vec<String>,
}

fn main() {
    let service = Service {
        name: "api".into(),
        offset: 0,
        port: Some(8080),
        slug: "api".into(),
        id: "00000000-0000-0000-0000-000000000000".into(),
        homepage: None,
        created_at: Nullable::Null,
        arguments: vec!["run".into()],
        weights: vec![50],
        protocol: PortProtocol::Http,
        tag: "1.0".into(),
        ports: vec![Port { internal_port: 80 }],
        main_port: None,
        healthcheck_port: Nullable::Null,
        aliases: Vec::new(),
    };
    assert!(service.validate().is_empty());
    let mut catalogue = Vec::new();
    Service::describe_rules("", &mut catalogue);
    assert!(!catalogue.is_empty());
}
