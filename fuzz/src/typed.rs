//! The `validate_typed` input: an `arbitrary`-derived description of a request or a response,
//! built from a dictionary of interesting strings (valid and invalid image names, tags, UUIDs,
//! dates, URIs, mount points, enum values known and unknown), arbitrary strings, small and
//! arbitrary `i32`s, `Option`s, the three `Nullable` states and vectors of ports, storages,
//! probes, groups and KEDA scalers.

use arbitrary::Arbitrary;
use qovery_model::document::{CheckOptions, DocumentKind, check};
use qovery_model::model::{
    Annotation, AnnotationsGroupRequest, AnnotationsGroupResponse, AnnotationsGroupScope,
    AutoscalingMode, ContainerRegistryDetails, ContainerRequest, ContainerResponse,
    CpuArchitecture, EnvironmentReference, ExecProbe, GrpcProbe, Healthchecks, HttpProbe,
    KedaAutoscalingRequest, KedaAutoscalingResponse, KedaScalerRequest, KedaScalerResponse,
    KedaScalerRole, KedaTriggerAuthenticationRequest, KedaTriggerAuthenticationResponse, Label,
    LabelsGroupRequest, LabelsGroupResponse, Nullable, PortProtocol, PortRequest, PortResponse,
    Probe, ProbeType, RegistryKind, ServiceType, StorageRequest, StorageResponse, StorageType,
    TcpProbe, RegistryContext};
use qovery_model::validate::Validate;
use serde_json::{Map, Value as Json};
use uuid::Uuid;

/// Strings worth trying, valid and invalid, for every string member.
pub const WORDS: &[&str] = &[
    "",
    " ",
    "\t",
    "api",
    "nginx",
    "library/nginx",
    "acme/api",
    "acme/invoice-worker",
    "Nginx",
    "MyOrg/API",
    "nginx:1.27",
    "nginx@sha256:0123456789abcdef",
    "docker.io/library/nginx",
    "ghcr.io/acme/api:1.4.2",
    "localhost:5000/x",
    "localhost/x",
    "a__b",
    "a..b",
    "a-",
    "-a",
    "a/",
    "/a",
    "a//b",
    "1.27",
    "latest",
    "v1.0.0-rc.1",
    ".hidden",
    "-dash",
    "/",
    "/mnt/data",
    "/mnt/images",
    "mnt/data",
    "/mnt/data/",
    "/mnt/../etc",
    "/proc",
    "HTTP",
    "HTTPS",
    "http",
    "sh",
    "-c",
    "test -f /tmp/healthy",
    "2024-01-01T00:00:00Z",
    "2023-12-31T23:59:59+01:00",
    "2024-02-30T00:00:00Z",
    "2024-01-01",
    "not a date",
    "https://example.com/icon.png",
    "http://example.com",
    "relative/uri",
    "https://",
    "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
    "00000000-0000-0000-0000-000000000000",
    "3C90C3CC-0D44-4B50-8888-8DD25736052A",
    "3c90c3cc0d444b5088888dd25736052a",
    "not-a-uuid",
    "é",
    "😀",
    "~",
    "a/b~c",
    "~0~1",
    "\u{0}",
    "\n",
    "\"",
    "\\",
    "queueName: invoices",
    "a: [",
    "key: value\nother: 1",
    "- x\n- y",
    "cpu",
    "memory",
    "prometheus",
    "cron",
    "rabbitmq",
    "ECR",
    "PUBLIC_ECR",
    "SCALEWAY_CR",
    "DOCKER_HUB",
    "GITHUB_CR",
    "GENERIC_CR",
    "AMD64",
    "ARM64",
    "CONTAINER",
    "JOB",
    "FAST_SSD",
    "TCP",
    "UDP",
    "GRPC",
    "KEDA",
    "PRIMARY",
    "SAFETY",
    "DEPLOYMENTS",
    "PODS",
    "ecr",
    "MAIN",
];

/// A string: a dictionary word, an arbitrary string, or a word repeated (long values).
#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    Word(u8),
    Raw(String),
    Repeat(u8, u16),
    Join(u8, u8),
}

impl Text {
    pub fn get(&self) -> String {
        let word = |i: &u8| WORDS[usize::from(*i) % WORDS.len()];
        match self {
            Text::Word(i) => word(i).to_owned(),
            Text::Raw(s) => s.clone(),
            Text::Repeat(i, n) => word(i).repeat(usize::from(*n % 600)),
            Text::Join(a, b) => format!("{}/{}", word(a), word(b)),
        }
    }
}

/// An `i32`: small ones (around the rules' bounds) or any.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Int {
    Small(i8),
    Port(u16),
    Any(i32),
    Min,
    Max,
}

impl Int {
    pub fn get(self) -> i32 {
        match self {
            Int::Small(v) => i32::from(v),
            Int::Port(v) => i32::from(v) + 1,
            Int::Any(v) => v,
            Int::Min => i32::MIN,
            Int::Max => i32::MAX,
        }
    }
}

/// The three states of a nullable member.
#[derive(Arbitrary, Debug, Clone)]
pub enum Tri<T> {
    Absent,
    Null,
    Value(T),
}

impl<T> Tri<T> {
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Nullable<U> {
        match self {
            Tri::Absent => Nullable::Absent,
            Tri::Null => Nullable::Null,
            Tri::Value(v) => Nullable::Value(f(v)),
        }
    }
}

/// A UUID: one of a few (so that duplicates happen) or any.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Id {
    Few(u8),
    Any(u128),
}

impl Id {
    pub fn get(self) -> Uuid {
        match self {
            Id::Few(v) => Uuid::from_u128(u128::from(v % 4)),
            Id::Any(v) => Uuid::from_u128(v),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PortIn {
    pub id: Option<Id>,
    pub name: Option<Text>,
    pub internal_port: Int,
    pub external_port: Option<Int>,
    pub publicly_accessible: bool,
    pub is_default: Option<bool>,
    pub protocol: Option<Text>,
    pub public_path: Option<Text>,
    pub public_path_rewrite: Option<Text>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct StorageIn {
    pub id: Option<Id>,
    pub storage_type: Text,
    pub size: Int,
    pub mount_point: Text,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ProbeKindIn {
    pub tcp: Tri<(Option<Int>, Tri<Text>)>,
    pub http: Tri<(Option<Text>, Option<Text>, Option<Int>)>,
    pub exec: Tri<Option<Vec<Text>>>,
    pub grpc: Tri<(Tri<Text>, Option<Int>)>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ProbeIn {
    pub kind: Option<ProbeKindIn>,
    pub initial_delay_seconds: Option<Int>,
    pub period_seconds: Option<Int>,
    pub timeout_seconds: Option<Int>,
    pub success_threshold: Option<Int>,
    pub failure_threshold: Option<Int>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct HealthIn {
    pub readiness: Tri<ProbeIn>,
    pub liveness: Tri<ProbeIn>,
}

/// A JSON leaf for the free-form `config_json`.
#[derive(Arbitrary, Debug, Clone)]
pub enum Leaf {
    Null,
    Bool(bool),
    Int(i64),
    Str(Text),
    List(Vec<Text>),
    Object(Vec<(Text, Text)>),
}

impl Leaf {
    fn get(&self) -> Json {
        match self {
            Leaf::Null => Json::Null,
            Leaf::Bool(b) => Json::Bool(*b),
            Leaf::Int(i) => Json::from(*i),
            Leaf::Str(t) => Json::String(t.get()),
            Leaf::List(items) => Json::Array(items.iter().map(|t| Json::String(t.get())).collect()),
            Leaf::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.get(), Json::String(v.get())))
                    .collect(),
            ),
        }
    }
}

fn config(members: &[(Text, Leaf)]) -> Map<String, Json> {
    members.iter().map(|(k, v)| (k.get(), v.get())).collect()
}

/// A trigger authentication: id, created_at, updated_at, name (also the organization id),
/// config_yaml.
pub type AuthIn = (Id, Text, Option<Text>, Text, Option<Text>);

#[derive(Arbitrary, Debug, Clone)]
pub struct ScalerIn {
    pub id: Id,
    pub created_at: Text,
    pub updated_at: Option<Text>,
    pub scaler_type: Text,
    pub enabled: Option<bool>,
    pub role: Text,
    pub config_json: Tri<Vec<(Text, Leaf)>>,
    pub config_yaml: Tri<Text>,
    pub trigger_authentication: Option<AuthIn>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct AutoscalingIn {
    pub id: Id,
    pub created_at: Text,
    pub updated_at: Option<Text>,
    pub service_id: Id,
    pub mode: Text,
    pub polling_interval_seconds: Option<Int>,
    pub cooldown_period_seconds: Option<Int>,
    pub scalers: Vec<ScalerIn>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct GroupIn {
    pub id: Id,
    pub created_at: Text,
    pub updated_at: Option<Text>,
    pub name: Text,
    pub entries: Vec<(Text, Text, bool)>,
    pub scopes: Vec<Text>,
}

/// Facts outside the payload.
#[derive(Arbitrary, Debug, Clone)]
pub struct ContextIn {
    /// The default registry kind.
    pub kind: Option<Text>,
    /// A registry id mapped to a kind: the document's own `registry_id` (when `true`) or
    /// another string.
    pub map: Option<(bool, Text, Text)>,
}

/// The whole input of `validate_typed`.
#[derive(Arbitrary, Debug, Clone)]
pub struct Input {
    pub response: bool,
    pub context: ContextIn,
    pub id: Id,
    pub created_at: Text,
    pub updated_at: Option<Text>,
    pub storage: Option<Vec<StorageIn>>,
    pub ports: Option<Vec<PortIn>>,
    pub name: Text,
    pub description: Option<Text>,
    pub registry_id: Text,
    pub image_name: Text,
    pub tag: Text,
    pub registry: (Id, Text, Text, Text),
    pub environment: Id,
    pub maximums: (Int, Int, Int),
    pub arguments: Option<Vec<Text>>,
    pub entrypoint: Option<Text>,
    pub cpu: Option<Int>,
    pub memory: Option<Int>,
    pub gpu: Option<Int>,
    pub ephemeral_storage_in_gib: Option<Int>,
    pub cpu_architecture: Tri<Text>,
    pub min_running_instances: Option<Int>,
    pub max_running_instances: Option<Int>,
    pub healthchecks: HealthIn,
    pub auto_preview: Option<bool>,
    pub auto_deploy: Tri<bool>,
    pub annotations_groups: Option<Vec<GroupIn>>,
    pub labels_groups: Option<Vec<GroupIn>>,
    pub icon_uri: Option<Text>,
    pub service_type: Text,
    pub autoscaling: Option<AutoscalingIn>,
}

fn int(v: Option<Int>) -> Option<i32> {
    v.map(Int::get)
}

fn text(v: Option<&Text>) -> Option<String> {
    v.map(Text::get)
}

fn probe(p: &ProbeIn) -> Probe {
    Probe {
        kind: p.kind.as_ref().map(|k| ProbeType {
            tcp: k.tcp.map(|(port, host)| TcpProbe {
                port: int(*port),
                host: host.map(Text::get),
            }),
            http: k.http.map(|(path, scheme, port)| HttpProbe {
                path: text(path.as_ref()),
                scheme: text(scheme.as_ref()),
                port: int(*port),
            }),
            exec: k.exec.map(|command| ExecProbe {
                command: command.as_ref().map(|c| c.iter().map(Text::get).collect()),
            }),
            grpc: k.grpc.map(|(service, port)| GrpcProbe {
                service: service.map(Text::get),
                port: int(*port),
            }),
        }),
        initial_delay_seconds: int(p.initial_delay_seconds),
        period_seconds: int(p.period_seconds),
        timeout_seconds: int(p.timeout_seconds),
        success_threshold: int(p.success_threshold),
        failure_threshold: int(p.failure_threshold),
    }
}

fn healthchecks(h: &HealthIn) -> Healthchecks {
    Healthchecks {
        readiness_probe: h.readiness.map(probe),
        liveness_probe: h.liveness.map(probe),
    }
}

impl Input {
    pub fn context(&self) -> RegistryContext {
        let mut ctx = RegistryContext::new();
        if let Some(kind) = &self.context.kind {
            ctx = ctx.with_registry_kind(RegistryKind::from_wire(&kind.get()));
        }
        if let Some((own, id, kind)) = &self.context.map {
            let id = if *own {
                self.registry_id.get()
            } else {
                id.get()
            };
            ctx = ctx.with_registry(id, RegistryKind::from_wire(&kind.get()));
        }
        ctx
    }

    pub fn request(&self) -> ContainerRequest {
        ContainerRequest {
            storage: self.storage.as_ref().map(|s| {
                s.iter()
                    .map(|s| StorageRequest {
                        id: s.id.map(Id::get),
                        storage_type: StorageType::from_wire(&s.storage_type.get()),
                        size: s.size.get(),
                        mount_point: s.mount_point.get(),
                    })
                    .collect()
            }),
            ports: self.ports.as_ref().map(|p| {
                p.iter()
                    .map(|p| PortRequest {
                        id: p.id.map(Id::get),
                        name: text(p.name.as_ref()),
                        internal_port: p.internal_port.get(),
                        external_port: int(p.external_port),
                        publicly_accessible: p.publicly_accessible,
                        is_default: p.is_default,
                        protocol: p
                            .protocol
                            .as_ref()
                            .map(|t| PortProtocol::from_wire(&t.get())),
                        public_path: text(p.public_path.as_ref()),
                        public_path_rewrite: text(p.public_path_rewrite.as_ref()),
                    })
                    .collect()
            }),
            name: self.name.get(),
            description: text(self.description.as_ref()),
            registry_id: self.registry_id.get(),
            image_name: self.image_name.get(),
            tag: self.tag.get(),
            arguments: self
                .arguments
                .as_ref()
                .map(|a| a.iter().map(Text::get).collect()),
            entrypoint: text(self.entrypoint.as_ref()),
            cpu: int(self.cpu),
            memory: int(self.memory),
            gpu: int(self.gpu),
            ephemeral_storage_in_gib: int(self.ephemeral_storage_in_gib),
            cpu_architecture: self
                .cpu_architecture
                .map(|t| CpuArchitecture::from_wire(&t.get())),
            min_running_instances: int(self.min_running_instances),
            max_running_instances: int(self.max_running_instances),
            healthchecks: healthchecks(&self.healthchecks),
            auto_preview: self.auto_preview,
            auto_deploy: self.auto_deploy.map(|b| *b),
            annotations_groups: self.annotations_groups.as_ref().map(|g| {
                g.iter()
                    .map(|g| AnnotationsGroupRequest { id: g.id.get() })
                    .collect()
            }),
            labels_groups: self.labels_groups.as_ref().map(|g| {
                g.iter()
                    .map(|g| LabelsGroupRequest { id: g.id.get() })
                    .collect()
            }),
            icon_uri: text(self.icon_uri.as_ref()),
            autoscaling: self.autoscaling.as_ref().map(|a| KedaAutoscalingRequest {
                mode: AutoscalingMode::from_wire(&a.mode.get()),
                polling_interval_seconds: int(a.polling_interval_seconds),
                cooldown_period_seconds: int(a.cooldown_period_seconds),
                scalers: a
                    .scalers
                    .iter()
                    .map(|s| KedaScalerRequest {
                        scaler_type: s.scaler_type.get(),
                        enabled: s.enabled,
                        role: KedaScalerRole::from_wire(&s.role.get()),
                        config_json: s.config_json.map(|c| config(c)).into_option(),
                        config_yaml: s.config_yaml.map(Text::get).into_option(),
                        trigger_authentication: s.trigger_authentication.as_ref().map(
                            |(_, _, _, name, yaml)| KedaTriggerAuthenticationRequest {
                                name: Some(name.get()),
                                config_yaml: text(yaml.as_ref()),
                            },
                        ),
                    })
                    .collect(),
            }),
        }
    }

    pub fn response(&self) -> ContainerResponse {
        let request = self.request();
        let (registry_id, registry_name, registry_url, registry_kind) = &self.registry;
        ContainerResponse {
            id: self.id.get(),
            created_at: self.created_at.get(),
            updated_at: text(self.updated_at.as_ref()),
            storage: self.storage.as_ref().map(|s| {
                s.iter()
                    .map(|s| StorageResponse {
                        id: s.id.unwrap_or(Id::Few(0)).get(),
                        storage_type: StorageType::from_wire(&s.storage_type.get()),
                        size: s.size.get(),
                        mount_point: s.mount_point.get(),
                    })
                    .collect()
            }),
            image_name: request.image_name,
            tag: request.tag,
            registry_id: Some(request.registry_id),
            registry: ContainerRegistryDetails {
                id: registry_id.get(),
                name: registry_name.get(),
                url: registry_url.get(),
                kind: RegistryKind::from_wire(&registry_kind.get()),
            },
            environment: EnvironmentReference {
                id: self.environment.get(),
            },
            maximum_cpu: self.maximums.0.get(),
            maximum_memory: self.maximums.1.get(),
            maximum_gpu: self.maximums.2.get(),
            name: request.name,
            description: request.description,
            arguments: request.arguments,
            entrypoint: request.entrypoint,
            cpu: request.cpu.unwrap_or(500),
            memory: request.memory.unwrap_or(512),
            gpu: request.gpu.unwrap_or(0),
            ephemeral_storage_in_gib: request.ephemeral_storage_in_gib,
            cpu_architecture: request.cpu_architecture,
            min_running_instances: request.min_running_instances.unwrap_or(1),
            max_running_instances: request.max_running_instances.unwrap_or(1),
            healthchecks: request.healthchecks,
            auto_preview: request.auto_preview.unwrap_or(false),
            ports: self.ports.as_ref().map(|p| {
                p.iter()
                    .map(|p| PortResponse {
                        id: p.id.unwrap_or(Id::Few(1)).get(),
                        name: text(p.name.as_ref()),
                        internal_port: p.internal_port.get(),
                        external_port: int(p.external_port),
                        publicly_accessible: p.publicly_accessible,
                        is_default: p.is_default,
                        protocol: PortProtocol::from_wire(
                            &p.protocol
                                .as_ref()
                                .map_or_else(|| "HTTP".to_owned(), Text::get),
                        ),
                        public_path: text(p.public_path.as_ref()),
                        public_path_rewrite: text(p.public_path_rewrite.as_ref()),
                    })
                    .collect()
            }),
            auto_deploy: request.auto_deploy.into_option(),
            annotations_groups: self.annotations_groups.as_ref().map(|g| {
                g.iter()
                    .map(|g| AnnotationsGroupResponse {
                        id: g.id.get(),
                        created_at: g.created_at.get(),
                        updated_at: text(g.updated_at.as_ref()),
                        name: g.name.get(),
                        annotations: g
                            .entries
                            .iter()
                            .map(|(k, v, _)| Annotation {
                                key: k.get(),
                                value: v.get(),
                            })
                            .collect(),
                        scopes: g
                            .scopes
                            .iter()
                            .map(|s| AnnotationsGroupScope::from_wire(&s.get()))
                            .collect(),
                    })
                    .collect()
            }),
            labels_groups: self.labels_groups.as_ref().map(|g| {
                g.iter()
                    .map(|g| LabelsGroupResponse {
                        id: g.id.get(),
                        created_at: g.created_at.get(),
                        updated_at: text(g.updated_at.as_ref()),
                        name: g.name.get(),
                        labels: g
                            .entries
                            .iter()
                            .map(|(k, v, p)| Label {
                                key: k.get(),
                                value: v.get(),
                                propagate_to_cloud_provider: *p,
                            })
                            .collect(),
                    })
                    .collect()
            }),
            icon_uri: request.icon_uri.unwrap_or_default(),
            service_type: ServiceType::from_wire(&self.service_type.get()),
            autoscaling: self.autoscaling.as_ref().map(|a| KedaAutoscalingResponse {
                id: a.id.get(),
                created_at: a.created_at.get(),
                updated_at: text(a.updated_at.as_ref()),
                service_id: a.service_id.get(),
                mode: AutoscalingMode::from_wire(&a.mode.get()),
                polling_interval_seconds: int(a.polling_interval_seconds).unwrap_or(30),
                cooldown_period_seconds: int(a.cooldown_period_seconds).unwrap_or(300),
                scalers: a
                    .scalers
                    .iter()
                    .map(|s| KedaScalerResponse {
                        id: s.id.get(),
                        created_at: s.created_at.get(),
                        updated_at: text(s.updated_at.as_ref()),
                        scaler_type: s.scaler_type.get(),
                        enabled: s.enabled.unwrap_or(true),
                        role: KedaScalerRole::from_wire(&s.role.get()),
                        config_json: s.config_json.map(|c| config(c)),
                        config_yaml: s.config_yaml.map(Text::get),
                        trigger_authentication: s.trigger_authentication.as_ref().map(
                            |(id, created_at, updated_at, name, yaml)| {
                                KedaTriggerAuthenticationResponse {
                                    id: id.get(),
                                    created_at: created_at.get(),
                                    updated_at: text(updated_at.as_ref()),
                                    organization_id: name.get(),
                                    name: name.get(),
                                    config_yaml: text(yaml.as_ref()),
                                }
                            },
                        ),
                    })
                    .collect(),
            }),
        }
    }
}

/// The `validate_typed` property: validation never panics, pointers are RFC 6901, the value
/// survives a serde round trip, and the document checker reports the same (pointer, code) set
/// for the serialized value as the typed validator.
pub fn fuzz_typed(input: &Input) {
    let ctx = input.context();
    if input.response {
        differential(&input.response(), DocumentKind::Response, &ctx);
    } else {
        differential(&input.request(), DocumentKind::Request, &ctx);
    }
}

fn differential<T>(value: &T, kind: DocumentKind, ctx: &RegistryContext)
where
    T: Validate<Context = RegistryContext>
        + serde::Serialize
        + serde::de::DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let typed = value.validate_with(ctx);
    for d in typed.diagnostics() {
        crate::assert_diagnostic_shape(d);
    }
    let Ok(bytes) = serde_json::to_vec_pretty(value) else {
        panic!("a model value does not serialize: {value:?}");
    };
    let back: T = match serde_json::from_slice(&bytes) {
        Ok(back) => back,
        Err(error) => panic!("the serialized value does not deserialize: {error}"),
    };
    assert_eq!(&back, value, "serde round trip changed the value");
    let options = CheckOptions::new().kind(kind).context(ctx.clone());
    let report = check(&bytes, &options);
    crate::assert_located(&bytes, &report);
    let typed_set = crate::pointer_codes(&typed);
    let document_set = crate::pointer_codes(&report);
    assert_eq!(
        typed_set,
        document_set,
        "the typed validator and the document checker disagree\ndocument: {}\ntyped: {typed:#?}\nchecker: {report:#?}",
        String::from_utf8_lossy(&bytes)
    );
}
