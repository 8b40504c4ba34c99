//! Building payloads in code: constructors that take every required member, chainable setters
//! for the optional ones, and typed helpers for the common parts (ports, probes, storage).
//!
//! The model structs keep their public fields (struct literals and pattern matching still work);
//! these methods only make the common cases short and impossible to get half right:
//! [`ContainerRequest::new`] cannot forget `name`, `registry_id`, `image_name`, `tag` or
//! `healthchecks`, and [`PortRequest::http`] writes the exposure the web console writes.
//!
//! One naming convention across the types: `with_<member>` sets one member (`with_tag`,
//! `with_external_port`, `with_failure_threshold`...; on a list, `with_port`, `with_storage` and
//! `with_scaler` append one element); constructors are named for what they build
//! (`PortRequest::http`, `Probe::tcp`, `StorageRequest::fast_ssd`), and `PortRequest::public` /
//! `PortRequest::private` set an exposure (several members kept consistent).
//!
//! A struct literal with the rest taken from a constructor works too, since the fields are
//! public:
//!
//! ```
//! use qovery_model::model::ContainerRequest;
//!
//! let request = ContainerRequest {
//!     cpu: Some(250),
//!     memory: Some(512),
//!     ..ContainerRequest::new("api", "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "acme/api", "1.4.2")
//! };
//! assert_eq!(request.cpu, Some(250));
//! ```
//!
//! The public documentation, with examples, is on [`ContainerRequest::new`].

use uuid::Uuid;

use super::autoscaling::{
    AutoscalingMode, KedaAutoscalingRequest, KedaScalerRequest, KedaScalerRole,
    KedaTriggerAuthenticationRequest,
};
use super::container::{ContainerRequest, CpuArchitecture};
use super::groups::{AnnotationsGroupRequest, LabelsGroupRequest};
use super::healthcheck::{
    ExecProbe, GrpcProbe, Healthchecks, HttpProbe, Probe, ProbeType, TcpProbe,
};
use super::nullable::Nullable;
use super::port::{PortProtocol, PortRequest};
use super::storage::{StorageRequest, StorageType};

/// The external port the web console gives a public HTTP or gRPC port: 443 (HTTPS on the
/// environment's domain).
pub const CONSOLE_PUBLIC_HTTP_PORT: i32 = 443;

impl ContainerRequest {
    /// A request with its required members; every optional member is omitted and `healthchecks`
    /// is `{}` (no probe).
    ///
    /// `registry_id` is the id of an existing container registry of the organization (a UUID,
    /// written as a string on the wire); `image_name` is the repository path inside it, without
    /// registry host or tag (`acme/api`, not `ghcr.io/acme/api:1.4.2`).
    ///
    /// Build the rest with the `with_*` setters and the helpers of [`PortRequest`], [`Probe`],
    /// [`StorageRequest`] and [`KedaAutoscalingRequest`]:
    ///
    /// ```
    /// use qovery_model::model::{
    ///     ContainerRequest, PortRequest, Probe, RegistryContext, RegistryKind, StorageRequest,
    /// };
    /// use qovery_model::validate::Validate;
    ///
    /// let registry_id = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";
    /// let request = ContainerRequest::new("api", registry_id, "acme/api", "1.4.2")
    ///     .with_cpu(1000)
    ///     .with_memory(1024)
    ///     .with_port(PortRequest::http(8080).with_name("web").with_is_default(true))
    ///     .with_port(PortRequest::tcp(9090).with_name("metrics"))
    ///     .with_storage(StorageRequest::fast_ssd(10, "/data"))
    ///     .with_readiness_probe(Probe::http(8080, "/ready").with_initial_delay_seconds(5))
    ///     .with_liveness_probe(Probe::tcp(8080).with_period_seconds(20))
    ///     .with_running_instances(2, 4)
    ///     .with_auto_deploy(Some(true));
    ///
    /// let ctx = RegistryContext::new().with_registry(registry_id, RegistryKind::GithubCr);
    /// let report = request.validate_with(&ctx);
    /// assert!(report.is_empty(), "{:#?}", report.diagnostics());
    ///
    /// let json = serde_json::to_value(&request)?;
    /// assert_eq!(json["ports"][0]["external_port"], 443);
    /// assert_eq!(json["healthchecks"]["readiness_probe"]["type"]["http"]["path"], "/ready");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// The smallest request, `new` alone, serializes to its five required members:
    ///
    /// ```
    /// use qovery_model::model::ContainerRequest;
    /// use qovery_model::validate::Validate;
    ///
    /// let request = ContainerRequest::new("api", "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "nginx", "1.27");
    /// assert!(request.validate().is_empty());
    /// assert_eq!(
    ///     serde_json::to_string(&request)?,
    ///     r#"{"name":"api","registry_id":"7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21","image_name":"nginx","tag":"1.27","healthchecks":{}}"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        registry_id: impl Into<String>,
        image_name: impl Into<String>,
        tag: impl Into<String>,
    ) -> Self {
        ContainerRequest {
            storage: None,
            ports: None,
            name: name.into(),
            description: None,
            registry_id: registry_id.into(),
            image_name: image_name.into(),
            tag: tag.into(),
            arguments: None,
            entrypoint: None,
            cpu: None,
            memory: None,
            gpu: None,
            ephemeral_storage_in_gib: None,
            cpu_architecture: Nullable::Absent,
            min_running_instances: None,
            max_running_instances: None,
            healthchecks: Healthchecks::default(),
            auto_preview: None,
            auto_deploy: Nullable::Absent,
            annotations_groups: None,
            labels_groups: None,
            icon_uri: None,
            autoscaling: None,
        }
    }

    /// Sets `name`.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Sets `registry_id`, the id of the container registry (a UUID).
    #[must_use]
    pub fn with_registry_id(mut self, registry_id: impl Into<String>) -> Self {
        self.registry_id = registry_id.into();
        self
    }

    /// Sets `image_name`, the repository path inside the registry (no host, no tag).
    #[must_use]
    pub fn with_image_name(mut self, image_name: impl Into<String>) -> Self {
        self.image_name = image_name.into();
        self
    }

    /// Sets `tag`: the usual edit on a redeploy.
    ///
    /// ```
    /// use qovery_model::model::ContainerRequest;
    ///
    /// let request = ContainerRequest::new("api", "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "acme/api", "1.4.2");
    /// assert_eq!(request.with_tag("1.4.3").tag, "1.4.3");
    /// ```
    #[must_use]
    pub fn with_tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = tag.into();
        self
    }

    /// Sets `description`.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets `arguments`, the arguments passed to the container when it starts.
    #[must_use]
    pub fn with_arguments<I, S>(mut self, arguments: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.arguments = Some(arguments.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `entrypoint`.
    #[must_use]
    pub fn with_entrypoint(mut self, entrypoint: impl Into<String>) -> Self {
        self.entrypoint = Some(entrypoint.into());
        self
    }

    /// Sets `cpu`, in millicores (1000 = 1 CPU).
    #[must_use]
    pub fn with_cpu(mut self, millicores: i32) -> Self {
        self.cpu = Some(millicores);
        self
    }

    /// Sets `memory`, in MB (1024 = 1 GB).
    #[must_use]
    pub fn with_memory(mut self, megabytes: i32) -> Self {
        self.memory = Some(megabytes);
        self
    }

    /// Sets `gpu`, the number of GPUs.
    #[must_use]
    pub fn with_gpu(mut self, gpus: i32) -> Self {
        self.gpu = Some(gpus);
        self
    }

    /// Sets `ephemeral_storage_in_gib`, in GiB.
    #[must_use]
    pub fn with_ephemeral_storage_in_gib(mut self, gibibytes: i32) -> Self {
        self.ephemeral_storage_in_gib = Some(gibibytes);
        self
    }

    /// Sets the tri-state `cpu_architecture`: `Some(arch)` sends the architecture, `None` sends
    /// an explicit `null` (the cluster's default architecture). Not calling this omits the key.
    #[must_use]
    pub fn with_cpu_architecture(mut self, architecture: Option<CpuArchitecture>) -> Self {
        self.cpu_architecture = Nullable::from(architecture);
        self
    }

    /// Sets `min_running_instances` (0 means no container runs).
    #[must_use]
    pub fn with_min_running_instances(mut self, instances: i32) -> Self {
        self.min_running_instances = Some(instances);
        self
    }

    /// Sets `max_running_instances` (-1 means no limit).
    #[must_use]
    pub fn with_max_running_instances(mut self, instances: i32) -> Self {
        self.max_running_instances = Some(instances);
        self
    }

    /// Sets both `min_running_instances` and `max_running_instances`.
    #[must_use]
    pub fn with_running_instances(self, min: i32, max: i32) -> Self {
        self.with_min_running_instances(min)
            .with_max_running_instances(max)
    }

    /// Replaces `healthchecks` (both probes).
    #[must_use]
    pub fn with_healthchecks(mut self, healthchecks: Healthchecks) -> Self {
        self.healthchecks = healthchecks;
        self
    }

    /// Sets the readiness probe (`healthchecks.readiness_probe`).
    #[must_use]
    pub fn with_readiness_probe(mut self, probe: Probe) -> Self {
        self.healthchecks.readiness_probe = Nullable::Value(probe);
        self
    }

    /// Sets the liveness probe (`healthchecks.liveness_probe`).
    #[must_use]
    pub fn with_liveness_probe(mut self, probe: Probe) -> Self {
        self.healthchecks.liveness_probe = Nullable::Value(probe);
        self
    }

    /// Appends a port to `ports`.
    #[must_use]
    pub fn with_port(mut self, port: PortRequest) -> Self {
        self.ports.get_or_insert_with(Vec::new).push(port);
        self
    }

    /// Appends ports to `ports`.
    #[must_use]
    pub fn with_ports(mut self, ports: impl IntoIterator<Item = PortRequest>) -> Self {
        self.ports.get_or_insert_with(Vec::new).extend(ports);
        self
    }

    /// Appends a storage to `storage`.
    #[must_use]
    pub fn with_storage(mut self, storage: StorageRequest) -> Self {
        self.storage.get_or_insert_with(Vec::new).push(storage);
        self
    }

    /// Sets `auto_preview` (when omitted, the environment's setting applies).
    #[must_use]
    pub fn with_auto_preview(mut self, auto_preview: bool) -> Self {
        self.auto_preview = Some(auto_preview);
        self
    }

    /// Sets the tri-state `auto_deploy`: `Some(b)` sends the value, `None` sends an explicit
    /// `null`. Not calling this omits the key (on `PUT`, the server keeps its current value).
    #[must_use]
    pub fn with_auto_deploy(mut self, auto_deploy: Option<bool>) -> Self {
        self.auto_deploy = Nullable::from(auto_deploy);
        self
    }

    /// Attaches an organization annotations group, by id.
    #[must_use]
    pub fn with_annotations_group(mut self, id: Uuid) -> Self {
        self.annotations_groups
            .get_or_insert_with(Vec::new)
            .push(AnnotationsGroupRequest { id });
        self
    }

    /// Attaches an organization labels group, by id.
    #[must_use]
    pub fn with_labels_group(mut self, id: Uuid) -> Self {
        self.labels_groups
            .get_or_insert_with(Vec::new)
            .push(LabelsGroupRequest { id });
        self
    }

    /// Sets `icon_uri` (an absolute URI).
    #[must_use]
    pub fn with_icon_uri(mut self, icon_uri: impl Into<String>) -> Self {
        self.icon_uri = Some(icon_uri.into());
        self
    }

    /// Sets the KEDA autoscaling policy.
    #[must_use]
    pub fn with_autoscaling(mut self, autoscaling: KedaAutoscalingRequest) -> Self {
        self.autoscaling = Some(autoscaling);
        self
    }
}

impl PortRequest {
    /// A port with only its required members: not public, protocol omitted (HTTP by default).
    #[must_use]
    pub fn new(internal_port: i32, publicly_accessible: bool) -> Self {
        PortRequest {
            id: None,
            name: None,
            internal_port,
            external_port: None,
            publicly_accessible,
            is_default: None,
            protocol: None,
            public_path: None,
            public_path_rewrite: None,
        }
    }

    /// A public HTTP port, exposed on 443 as the web console does:
    /// `{"internal_port": p, "external_port": 443, "publicly_accessible": true, "protocol": "HTTP"}`.
    ///
    /// Chain [`private`](Self::private) for an HTTP port reachable only inside the environment.
    #[must_use]
    pub fn http(internal_port: i32) -> Self {
        Self::public_on_443(internal_port, PortProtocol::Http)
    }

    /// A public gRPC port, exposed on 443 as the web console does.
    #[must_use]
    pub fn grpc(internal_port: i32) -> Self {
        Self::public_on_443(internal_port, PortProtocol::Grpc)
    }

    /// A private TCP port: `{"internal_port": p, "publicly_accessible": false, "protocol": "TCP"}`.
    ///
    /// Chain [`public`](Self::public) to expose it.
    #[must_use]
    pub fn tcp(port: i32) -> Self {
        Self::new(port, false).with_protocol(PortProtocol::Tcp)
    }

    /// A private UDP port.
    #[must_use]
    pub fn udp(port: i32) -> Self {
        Self::new(port, false).with_protocol(PortProtocol::Udp)
    }

    fn public_on_443(internal_port: i32, protocol: PortProtocol) -> Self {
        Self::new(internal_port, false)
            .with_protocol(protocol)
            .public(CONSOLE_PUBLIC_HTTP_PORT)
    }

    /// Makes the port publicly accessible on `external_port`.
    ///
    /// ```
    /// use qovery_model::model::PortRequest;
    ///
    /// let port = PortRequest::tcp(5432).public(5432);
    /// assert!(port.publicly_accessible);
    /// assert_eq!(port.external_port, Some(5432));
    /// ```
    #[must_use]
    pub fn public(mut self, external_port: i32) -> Self {
        self.publicly_accessible = true;
        self.external_port = Some(external_port);
        self
    }

    /// Makes the port private; clears `external_port`, `public_path` and `public_path_rewrite`,
    /// which only apply to a public port.
    #[must_use]
    pub fn private(mut self) -> Self {
        self.publicly_accessible = false;
        self.external_port = None;
        self.public_path = None;
        self.public_path_rewrite = None;
        self
    }

    /// Sets the port's `name`.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets `is_default`: `true` makes the port the default port of the domain.
    #[must_use]
    pub fn with_is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }

    /// Sets `protocol`.
    #[must_use]
    pub fn with_protocol(mut self, protocol: PortProtocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Sets `public_path` (public HTTP or gRPC ports only), e.g. `/api/`.
    #[must_use]
    pub fn with_public_path(mut self, path: impl Into<String>) -> Self {
        self.public_path = Some(path.into());
        self
    }

    /// Sets `public_path_rewrite` (public HTTP or gRPC ports only), e.g. `/$1`.
    #[must_use]
    pub fn with_public_path_rewrite(mut self, rewrite: impl Into<String>) -> Self {
        self.public_path_rewrite = Some(rewrite.into());
        self
    }

    /// Sets `id`, to edit an existing port instead of creating one.
    #[must_use]
    pub fn with_id(mut self, id: Uuid) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets `internal_port`, the port the container listens on.
    #[must_use]
    pub fn with_internal_port(mut self, internal_port: i32) -> Self {
        self.internal_port = internal_port;
        self
    }

    /// Sets `external_port` alone (see [`public`](Self::public) to also make the port public).
    #[must_use]
    pub fn with_external_port(mut self, external_port: i32) -> Self {
        self.external_port = Some(external_port);
        self
    }

    /// Sets `publicly_accessible` alone (see [`public`](Self::public) and
    /// [`private`](Self::private), which keep the public-only members consistent).
    #[must_use]
    pub fn with_publicly_accessible(mut self, publicly_accessible: bool) -> Self {
        self.publicly_accessible = publicly_accessible;
        self
    }
}

impl Probe {
    /// A probe of the given kind, with every timing omitted (the server's defaults apply).
    #[must_use]
    pub fn of_kind(kind: ProbeType) -> Self {
        Probe {
            kind: Some(kind),
            ..Probe::default()
        }
    }

    /// An HTTP `GET` probe on `port` and `path` (scheme omitted: `HTTP`).
    ///
    /// ```
    /// use qovery_model::model::Probe;
    ///
    /// let probe = Probe::http(8080, "/healthz").with_initial_delay_seconds(10).with_failure_threshold(3);
    /// assert_eq!(
    ///     serde_json::to_string(&probe)?,
    ///     r#"{"type":{"http":{"path":"/healthz","port":8080}},"initial_delay_seconds":10,"failure_threshold":3}"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn http(port: i32, path: impl Into<String>) -> Self {
        Self::of_kind(ProbeType {
            http: Nullable::Value(HttpProbe {
                path: Some(path.into()),
                scheme: None,
                port: Some(port),
            }),
            ..ProbeType::default()
        })
    }

    /// A TCP probe: a connection to `port` can be opened (host omitted: the pod's IP).
    #[must_use]
    pub fn tcp(port: i32) -> Self {
        Self::of_kind(ProbeType {
            tcp: Nullable::Value(TcpProbe {
                port: Some(port),
                host: Nullable::Absent,
            }),
            ..ProbeType::default()
        })
    }

    /// A command probe: succeeds when `command` (the executable, then its arguments) exits with
    /// status 0.
    ///
    /// ```
    /// use qovery_model::model::Probe;
    ///
    /// let probe = Probe::exec(["sh", "-c", "test -f /tmp/healthy"]);
    /// assert_eq!(
    ///     serde_json::to_string(&probe)?,
    ///     r#"{"type":{"exec":{"command":["sh","-c","test -f /tmp/healthy"]}}}"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn exec<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::of_kind(ProbeType {
            exec: Nullable::Value(ExecProbe {
                command: Some(command.into_iter().map(Into::into).collect()),
            }),
            ..ProbeType::default()
        })
    }

    /// A gRPC health-checking probe on `port` (service omitted: the server's overall health).
    #[must_use]
    pub fn grpc(port: i32) -> Self {
        Self::of_kind(ProbeType {
            grpc: Nullable::Value(GrpcProbe {
                service: Nullable::Absent,
                port: Some(port),
            }),
            ..ProbeType::default()
        })
    }

    /// Sets `initial_delay_seconds`, the delay before the first probe.
    #[must_use]
    pub fn with_initial_delay_seconds(mut self, seconds: i32) -> Self {
        self.initial_delay_seconds = Some(seconds);
        self
    }

    /// Sets `period_seconds`, the interval between two probes.
    #[must_use]
    pub fn with_period_seconds(mut self, seconds: i32) -> Self {
        self.period_seconds = Some(seconds);
        self
    }

    /// Sets `timeout_seconds`, the timeout of one probe.
    #[must_use]
    pub fn with_timeout_seconds(mut self, seconds: i32) -> Self {
        self.timeout_seconds = Some(seconds);
        self
    }

    /// Sets `success_threshold` (must stay 1 on a liveness probe: Kubernetes requires it).
    #[must_use]
    pub fn with_success_threshold(mut self, successes: i32) -> Self {
        self.success_threshold = Some(successes);
        self
    }

    /// Sets `failure_threshold`.
    #[must_use]
    pub fn with_failure_threshold(mut self, failures: i32) -> Self {
        self.failure_threshold = Some(failures);
        self
    }

    /// Sets `type`, the kind of probe (see [`http`](Self::http), [`tcp`](Self::tcp),
    /// [`exec`](Self::exec) and [`grpc`](Self::grpc) to build one).
    #[must_use]
    pub fn with_kind(mut self, kind: ProbeType) -> Self {
        self.kind = Some(kind);
        self
    }
}

impl StorageRequest {
    /// A new `FAST_SSD` storage of `size_gb` GB mounted at `mount_point` (an absolute path).
    ///
    /// ```
    /// use qovery_model::model::StorageRequest;
    ///
    /// let storage = StorageRequest::fast_ssd(20, "/var/lib/data");
    /// assert_eq!(
    ///     serde_json::to_string(&storage)?,
    ///     r#"{"type":"FAST_SSD","size":20,"mount_point":"/var/lib/data"}"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn fast_ssd(size_gb: i32, mount_point: impl Into<String>) -> Self {
        StorageRequest {
            id: None,
            storage_type: StorageType::FastSsd,
            size: size_gb,
            mount_point: mount_point.into(),
        }
    }

    /// Sets `id`, to edit an existing storage instead of creating one.
    #[must_use]
    pub fn with_id(mut self, id: Uuid) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets `type`, the storage class.
    #[must_use]
    pub fn with_storage_type(mut self, storage_type: StorageType) -> Self {
        self.storage_type = storage_type;
        self
    }

    /// Sets `size`, in GB.
    #[must_use]
    pub fn with_size(mut self, size_gb: i32) -> Self {
        self.size = size_gb;
        self
    }

    /// Sets `mount_point`, an absolute directory.
    #[must_use]
    pub fn with_mount_point(mut self, mount_point: impl Into<String>) -> Self {
        self.mount_point = mount_point.into();
        self
    }
}

impl KedaAutoscalingRequest {
    /// A `KEDA` policy with the given scalers; the polling interval and cooldown are omitted
    /// (30 s and 300 s).
    ///
    /// ```
    /// use qovery_model::model::{ContainerRequest, KedaAutoscalingRequest, KedaScalerRequest, KedaScalerRole};
    /// use qovery_model::validate::Validate;
    ///
    /// let cpu = KedaScalerRequest::new("cpu", KedaScalerRole::Primary)
    ///     .with_config_yaml("metricType: Utilization\nvalue: \"60\"\n");
    /// let request = ContainerRequest::new("worker", "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "acme/worker", "2.0.1")
    ///     .with_running_instances(1, 10)
    ///     .with_autoscaling(KedaAutoscalingRequest::keda([cpu]).with_cooldown_period_seconds(120));
    /// assert!(request.validate().is_empty(), "{:#?}", request.validate().diagnostics());
    /// ```
    #[must_use]
    pub fn keda(scalers: impl IntoIterator<Item = KedaScalerRequest>) -> Self {
        KedaAutoscalingRequest {
            mode: AutoscalingMode::Keda,
            polling_interval_seconds: None,
            cooldown_period_seconds: None,
            scalers: scalers.into_iter().collect(),
        }
    }

    /// Sets `polling_interval_seconds`.
    #[must_use]
    pub fn with_polling_interval_seconds(mut self, seconds: i32) -> Self {
        self.polling_interval_seconds = Some(seconds);
        self
    }

    /// Sets `cooldown_period_seconds`.
    #[must_use]
    pub fn with_cooldown_period_seconds(mut self, seconds: i32) -> Self {
        self.cooldown_period_seconds = Some(seconds);
        self
    }

    /// Adds a scaler to `scalers`.
    #[must_use]
    pub fn with_scaler(mut self, scaler: KedaScalerRequest) -> Self {
        self.scalers.push(scaler);
        self
    }
}

impl KedaScalerRequest {
    /// A scaler of KEDA type `scaler_type` (`cpu`, `prometheus`, `cron`...) with the given role;
    /// `enabled` is omitted (`true`). Set its configuration with
    /// [`config_json`](Self::with_config_json) or [`config_yaml`](Self::with_config_yaml).
    #[must_use]
    pub fn new(scaler_type: impl Into<String>, role: KedaScalerRole) -> Self {
        KedaScalerRequest {
            scaler_type: scaler_type.into(),
            enabled: None,
            role,
            config_json: None,
            config_yaml: None,
            trigger_authentication: None,
        }
    }

    /// Sets `enabled`.
    #[must_use]
    pub fn with_enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets `config_json`, the trigger metadata as a JSON object.
    #[must_use]
    pub fn with_config_json(mut self, config: serde_json::Map<String, serde_json::Value>) -> Self {
        self.config_json = Some(config);
        self
    }

    /// Sets `config_yaml`, the trigger configuration as raw YAML.
    #[must_use]
    pub fn with_config_yaml(mut self, config: impl Into<String>) -> Self {
        self.config_yaml = Some(config.into());
        self
    }

    /// Sets the KEDA `TriggerAuthentication` the scaler uses, by name (an existing one).
    #[must_use]
    pub fn with_trigger_authentication(
        mut self,
        name: impl Into<String>,
        config_yaml: Option<String>,
    ) -> Self {
        self.trigger_authentication = Some(KedaTriggerAuthenticationRequest {
            name: Some(name.into()),
            config_yaml,
        });
        self
    }

    /// Sets an inline KEDA `TriggerAuthentication`, without a name (the API generates one), as
    /// Qovery's console sends it.
    #[must_use]
    pub fn inline_trigger_authentication(mut self, config_yaml: impl Into<String>) -> Self {
        self.trigger_authentication = Some(KedaTriggerAuthenticationRequest {
            name: None,
            config_yaml: Some(config_yaml.into()),
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn new_omits_every_optional_member() -> TestResult {
        let request = ContainerRequest::new("api", "r", "nginx", "1.27");
        assert_eq!(
            serde_json::to_value(&request)?,
            json!({"name": "api", "registry_id": "r", "image_name": "nginx", "tag": "1.27", "healthchecks": {}})
        );
        Ok(())
    }

    #[test]
    fn setters_fill_every_optional_member() -> TestResult {
        let group = Uuid::from_u128(1);
        let request = ContainerRequest::new("api", "r", "nginx", "1.27")
            .with_description("d")
            .with_arguments(["--port", "8080"])
            .with_entrypoint("/bin/api")
            .with_cpu(250)
            .with_memory(256)
            .with_gpu(0)
            .with_ephemeral_storage_in_gib(2)
            .with_cpu_architecture(Some(CpuArchitecture::Arm64))
            .with_running_instances(1, 3)
            .with_readiness_probe(Probe::grpc(50051))
            .with_liveness_probe(Probe::exec(["true"]))
            .with_ports([PortRequest::grpc(50051)])
            .with_port(PortRequest::udp(53))
            .with_storage(StorageRequest::fast_ssd(4, "/data").with_id(group))
            .with_auto_preview(false)
            .with_auto_deploy(None)
            .with_annotations_group(group)
            .with_labels_group(group)
            .with_icon_uri("app://qovery-console/container")
            .with_autoscaling(
                KedaAutoscalingRequest::keda([KedaScalerRequest::new(
                    "prometheus",
                    KedaScalerRole::Safety,
                )
                .with_enabled(false)
                .with_config_json(serde_json::Map::new())
                .with_trigger_authentication("prom", None)])
                .with_polling_interval_seconds(15),
            );
        let id = group.to_string();
        assert_eq!(
            serde_json::to_value(&request)?,
            json!({
                "storage": [{"id": id, "type": "FAST_SSD", "size": 4, "mount_point": "/data"}],
                "ports": [
                    {"internal_port": 50051, "external_port": 443, "publicly_accessible": true, "protocol": "GRPC"},
                    {"internal_port": 53, "publicly_accessible": false, "protocol": "UDP"}
                ],
                "name": "api",
                "description": "d",
                "registry_id": "r",
                "image_name": "nginx",
                "tag": "1.27",
                "arguments": ["--port", "8080"],
                "entrypoint": "/bin/api",
                "cpu": 250,
                "memory": 256,
                "gpu": 0,
                "ephemeral_storage_in_gib": 2,
                "cpu_architecture": "ARM64",
                "min_running_instances": 1,
                "max_running_instances": 3,
                "healthchecks": {
                    "readiness_probe": {"type": {"grpc": {"port": 50051}}},
                    "liveness_probe": {"type": {"exec": {"command": ["true"]}}}
                },
                "auto_preview": false,
                "auto_deploy": null,
                "annotations_groups": [{"id": id}],
                "labels_groups": [{"id": id}],
                "icon_uri": "app://qovery-console/container",
                "autoscaling": {
                    "mode": "KEDA",
                    "polling_interval_seconds": 15,
                    "scalers": [{
                        "scaler_type": "prometheus",
                        "enabled": false,
                        "role": "SAFETY",
                        "config_json": {},
                        "trigger_authentication": {"name": "prom"}
                    }]
                }
            })
        );
        Ok(())
    }

    #[test]
    fn tri_states_have_three_outcomes() {
        let absent = ContainerRequest::new("api", "r", "nginx", "1.27");
        assert!(absent.auto_deploy.is_absent() && absent.cpu_architecture.is_absent());
        let null = absent
            .clone()
            .with_auto_deploy(None)
            .with_cpu_architecture(None);
        assert!(null.auto_deploy.is_null() && null.cpu_architecture.is_null());
        let value = absent
            .with_auto_deploy(Some(false))
            .with_cpu_architecture(Some(CpuArchitecture::Amd64));
        assert_eq!(value.auto_deploy, Nullable::Value(false));
        assert_eq!(
            value.cpu_architecture,
            Nullable::Value(CpuArchitecture::Amd64)
        );
    }

    #[test]
    fn port_helpers() {
        let http = PortRequest::http(8080);
        assert!(http.publicly_accessible);
        assert_eq!(http.external_port, Some(443));
        assert_eq!(http.protocol, Some(PortProtocol::Http));

        let private = PortRequest::http(8080).with_public_path("/api").private();
        assert!(!private.publicly_accessible);
        assert_eq!((private.external_port, private.public_path), (None, None));

        let tcp = PortRequest::tcp(5432);
        assert!(!tcp.publicly_accessible);
        assert_eq!(tcp.external_port, None);
        assert_eq!(tcp.protocol, Some(PortProtocol::Tcp));

        let named = PortRequest::tcp(5432)
            .public(15432)
            .with_name("pg")
            .with_is_default(true)
            .with_id(Uuid::nil());
        assert!(named.publicly_accessible);
        assert_eq!(named.external_port, Some(15432));
        assert_eq!(named.name.as_deref(), Some("pg"));
        assert_eq!(named.is_default, Some(true));
        assert_eq!(named.id, Some(Uuid::nil()));
    }

    #[test]
    fn probe_helpers_set_exactly_one_kind() {
        for probe in [
            Probe::http(80, "/"),
            Probe::tcp(80),
            Probe::exec(["true"]),
            Probe::grpc(80),
        ] {
            let kind = probe.kind.unwrap_or_default();
            let set = kind.set_kinds().iter().filter(|(_, set)| *set).count();
            assert_eq!(set, 1);
        }
        let timed = Probe::tcp(80)
            .with_initial_delay_seconds(1)
            .with_period_seconds(2)
            .with_timeout_seconds(3)
            .with_success_threshold(4)
            .with_failure_threshold(5);
        assert_eq!(
            [
                timed.initial_delay_seconds,
                timed.period_seconds,
                timed.timeout_seconds,
                timed.success_threshold,
                timed.failure_threshold
            ],
            [Some(1), Some(2), Some(3), Some(4), Some(5)]
        );
    }
}
