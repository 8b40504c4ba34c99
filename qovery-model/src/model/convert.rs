//! The edit flow: a [`ContainerResponse`] turned back into the [`ContainerRequest`] that
//! `PUT /container/{containerId}` takes. The public documentation (what is kept, what is
//! dropped) is on [`ContainerResponse::to_request`].

use super::autoscaling::{
    KedaAutoscalingRequest, KedaAutoscalingResponse, KedaScalerRequest, KedaScalerResponse,
    KedaTriggerAuthenticationRequest, KedaTriggerAuthenticationResponse,
};
use super::container::{ContainerRequest, ContainerResponse};
use super::groups::{
    AnnotationsGroupRequest, AnnotationsGroupResponse, LabelsGroupRequest, LabelsGroupResponse,
};
use super::nullable::Nullable;
use super::port::{PortRequest, PortResponse};
use super::registry_context::RegistryContext;
use super::storage::{StorageRequest, StorageResponse};

impl ContainerResponse {
    /// The request that `PUT /container/{containerId}` takes to keep this container as it is:
    /// change its fields, then send it. Same as `ContainerRequest::from(&response)`.
    ///
    /// ```
    /// use qovery_model::model::{ContainerRequest, ContainerResponse};
    /// use qovery_model::validate::Validate;
    ///
    /// # fn fetch() -> Result<ContainerResponse, serde_json::Error> {
    /// #     serde_json::from_value(serde_json::json!({
    /// #         "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "created_at": "2023-11-07T05:31:56Z",
    /// #         "image_name": "acme/api", "tag": "1.4.2",
    /// #         "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
    /// #         "registry": {"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "name": "GitHub",
    /// #                      "url": "https://ghcr.io", "kind": "GITHUB_CR"},
    /// #         "environment": {"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a"},
    /// #         "maximum_cpu": 16000, "maximum_memory": 16384, "maximum_gpu": 0,
    /// #         "name": "api", "cpu": 500, "memory": 512, "gpu": 0,
    /// #         "min_running_instances": 1, "max_running_instances": 1, "healthchecks": {},
    /// #         "auto_preview": false, "icon_uri": "app://qovery-console/container",
    /// #         "service_type": "CONTAINER"
    /// #     }))
    /// # }
    /// let response: ContainerResponse = fetch()?; // GET /container/{containerId}
    ///
    /// // Change what you need, keep everything else as it is on the server.
    /// let request = ContainerRequest::from(&response).with_cpu(1000).with_memory(1024);
    ///
    /// // The response knows its registry's kind: validate with it.
    /// assert!(request.validate_with(&response.registry_context()).is_empty());
    /// // ... then PUT /container/{containerId} with `request` as the body.
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// # What the conversion keeps
    ///
    /// Everything a request can carry: `name`, `description`, `registry_id` (the response's
    /// `registry_id`, or else `registry.id`), `image_name`, `tag`, `arguments`, `entrypoint`, `cpu`,
    /// `memory`, `gpu`, `ephemeral_storage_in_gib`, `cpu_architecture` (all three states),
    /// `min_running_instances`, `max_running_instances`, `healthchecks` (unchanged), `auto_preview`,
    /// `auto_deploy`, `icon_uri`; the `storage` and `ports` *with their ids*, so the `PUT` edits them
    /// instead of replacing them; the annotations and labels groups *by id*; and the KEDA
    /// `autoscaling` policy (mode, polling interval, cooldown, and each scaler's type, role,
    /// `enabled`, `config_json`, `config_yaml` and trigger authentication `name` and `config_yaml`).
    ///
    /// The response's required values become present optional values (`cpu: 500` is sent as
    /// `"cpu": 500`, not omitted), so the request states exactly what the server holds.
    ///
    /// # What it drops
    ///
    /// What a request cannot carry, all of it read-only or server-computed:
    ///
    /// - the container's `id`, `created_at` and `updated_at`;
    /// - `environment` (the environment is in the URL of a create, and fixed for an edit);
    /// - `maximum_cpu`, `maximum_memory` and `maximum_gpu` (limits of the cluster);
    /// - `service_type` (always `CONTAINER`);
    /// - `registry`'s `name`, `url` and `kind` (the request names the registry by id only; the kind is
    ///   still available to validation through [`ContainerResponse::registry_context`]);
    /// - the contents of the annotations and labels groups (`name`, `annotations`, `scopes`, `labels`,
    ///   timestamps): a request attaches existing groups by id;
    /// - in `autoscaling`: the policy's `id`, `created_at`, `updated_at` and `service_id`; each
    ///   scaler's `id`, `created_at` and `updated_at`; each trigger authentication's `id`,
    ///   `created_at`, `updated_at` and `organization_id`;
    /// - a scaler's `config_json: null` or `config_yaml: null` becomes an omitted key: those request
    ///   fields are not nullable.
    ///
    /// A response's `auto_deploy` is not nullable: when the response omits it, the request omits it
    /// too ([`Nullable::Absent`], the server keeps its value).
    #[must_use]
    pub fn to_request(&self) -> ContainerRequest {
        ContainerRequest::from(self.clone())
    }

    /// The `registry_id` a request converted from this response carries: `registry_id`, or else
    /// the id of the embedded `registry`.
    pub fn effective_registry_id(&self) -> String {
        self.registry_id
            .clone()
            .unwrap_or_else(|| self.registry.id.to_string())
    }

    /// A validation [`RegistryContext`] that maps this container's registry id (both `registry_id` and
    /// `registry.id`) to the embedded registry's kind, so the `image_name` rules of the registry
    /// apply to a request converted from this response.
    pub fn registry_context(&self) -> RegistryContext {
        let kind = self.registry.kind.clone();
        let mut ctx =
            RegistryContext::new().with_registry(self.registry.id.to_string(), kind.clone());
        if let Some(id) = &self.registry_id {
            ctx = ctx.with_registry(id.clone(), kind);
        }
        ctx
    }
}

impl From<&ContainerResponse> for ContainerRequest {
    /// Clones what a request can carry; see [`ContainerResponse::to_request`] for what is kept
    /// and dropped.
    fn from(response: &ContainerResponse) -> Self {
        response.to_request()
    }
}

impl From<ContainerResponse> for ContainerRequest {
    /// Keeps everything a request can carry and drops the rest (ids, timestamps, the maximums,
    /// `service_type`, `environment`, registry details, group contents), without cloning; see
    /// [`ContainerResponse::to_request`] for the full list.
    fn from(response: ContainerResponse) -> Self {
        let registry_id = response
            .registry_id
            .unwrap_or_else(|| response.registry.id.to_string());
        ContainerRequest {
            storage: response
                .storage
                .map(|storage| storage.into_iter().map(StorageRequest::from).collect()),
            ports: response
                .ports
                .map(|ports| ports.into_iter().map(PortRequest::from).collect()),
            name: response.name,
            description: response.description,
            registry_id,
            image_name: response.image_name,
            tag: response.tag,
            arguments: response.arguments,
            entrypoint: response.entrypoint,
            cpu: Some(response.cpu),
            memory: Some(response.memory),
            gpu: Some(response.gpu),
            ephemeral_storage_in_gib: response.ephemeral_storage_in_gib,
            cpu_architecture: response.cpu_architecture,
            min_running_instances: Some(response.min_running_instances),
            max_running_instances: Some(response.max_running_instances),
            healthchecks: response.healthchecks,
            auto_preview: Some(response.auto_preview),
            auto_deploy: match response.auto_deploy {
                Some(value) => Nullable::Value(value),
                None => Nullable::Absent,
            },
            annotations_groups: response
                .annotations_groups
                .map(|groups| groups.iter().map(AnnotationsGroupRequest::from).collect()),
            labels_groups: response
                .labels_groups
                .map(|groups| groups.iter().map(LabelsGroupRequest::from).collect()),
            icon_uri: Some(response.icon_uri),
            autoscaling: response.autoscaling.map(KedaAutoscalingRequest::from),
        }
    }
}

impl From<StorageResponse> for StorageRequest {
    /// Keeps the id, so an edit changes this storage instead of creating one.
    fn from(storage: StorageResponse) -> Self {
        StorageRequest {
            id: Some(storage.id),
            storage_type: storage.storage_type,
            size: storage.size,
            mount_point: storage.mount_point,
        }
    }
}

impl From<PortResponse> for PortRequest {
    /// Keeps the id, so an edit changes this port instead of creating one; the protocol becomes
    /// an explicit value.
    fn from(port: PortResponse) -> Self {
        PortRequest {
            id: Some(port.id),
            name: port.name,
            internal_port: port.internal_port,
            external_port: port.external_port,
            publicly_accessible: port.publicly_accessible,
            is_default: port.is_default,
            protocol: Some(port.protocol),
            public_path: port.public_path,
            public_path_rewrite: port.public_path_rewrite,
        }
    }
}

impl From<&AnnotationsGroupResponse> for AnnotationsGroupRequest {
    /// The group's id; its contents stay with the organization.
    fn from(group: &AnnotationsGroupResponse) -> Self {
        AnnotationsGroupRequest { id: group.id }
    }
}

impl From<&LabelsGroupResponse> for LabelsGroupRequest {
    /// The group's id; its contents stay with the organization.
    fn from(group: &LabelsGroupResponse) -> Self {
        LabelsGroupRequest { id: group.id }
    }
}

impl From<KedaAutoscalingResponse> for KedaAutoscalingRequest {
    /// Keeps the mode, the intervals (as explicit values) and the scalers; drops `id`,
    /// `created_at`, `updated_at` and `service_id`.
    fn from(policy: KedaAutoscalingResponse) -> Self {
        KedaAutoscalingRequest {
            mode: policy.mode,
            polling_interval_seconds: Some(policy.polling_interval_seconds),
            cooldown_period_seconds: Some(policy.cooldown_period_seconds),
            scalers: policy
                .scalers
                .into_iter()
                .map(KedaScalerRequest::from)
                .collect(),
        }
    }
}

impl From<KedaScalerResponse> for KedaScalerRequest {
    /// Keeps the type, role, `enabled`, configurations and trigger authentication; drops `id`,
    /// `created_at` and `updated_at`. A `null` configuration becomes an omitted one.
    fn from(scaler: KedaScalerResponse) -> Self {
        KedaScalerRequest {
            scaler_type: scaler.scaler_type,
            enabled: Some(scaler.enabled),
            role: scaler.role,
            config_json: scaler.config_json.into_option(),
            config_yaml: scaler.config_yaml.into_option(),
            trigger_authentication: scaler
                .trigger_authentication
                .map(KedaTriggerAuthenticationRequest::from),
        }
    }
}

impl From<KedaTriggerAuthenticationResponse> for KedaTriggerAuthenticationRequest {
    /// Keeps `name` and `config_yaml`; drops `id`, `created_at`, `updated_at` and
    /// `organization_id`.
    fn from(auth: KedaTriggerAuthenticationResponse) -> Self {
        KedaTriggerAuthenticationRequest {
            name: Some(auth.name),
            config_yaml: auth.config_yaml,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        AnnotationsGroupScope, AutoscalingMode, ContainerRegistryDetails, CpuArchitecture,
        EnvironmentReference, Healthchecks, KedaScalerRole, PortProtocol, Probe, RegistryKind,
        ServiceType, defaults,
    };
    use serde_json::{Value, json};
    use uuid::Uuid;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// The spec's seed response (`spec/` is part of the crate, so the packaged crate's tests have it).
    fn seed_response() -> Result<ContainerResponse, serde_json::Error> {
        serde_json::from_str(include_str!("../../spec/seed-container-response.json"))
    }

    const ID: &str = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    fn seed_probe() -> Value {
        json!({
            "type": {
                "tcp": {"port": 123, "host": null},
                "http": {"path": "/", "scheme": "HTTP", "port": 123},
                "exec": {"command": ["sh", "-c", "test -f /tmp/healthy"]},
                "grpc": {"service": null, "port": 123}
            },
            "initial_delay_seconds": 30,
            "period_seconds": 10,
            "timeout_seconds": 5,
            "success_threshold": 1,
            "failure_threshold": 9
        })
    }

    #[test]
    fn seed_response_converts_to_the_expected_request() -> TestResult {
        let response = seed_response()?;
        let request = ContainerRequest::from(&response);
        assert_eq!(request, response.to_request());
        assert_eq!(request, ContainerRequest::from(response.clone()));

        // Field by field.
        let storage = request.storage.as_deref().unwrap_or_default();
        assert_eq!(storage.len(), 1);
        assert_eq!(storage[0].id, Some(Uuid::parse_str(ID)?));
        assert_eq!(storage[0].size, 16);
        assert_eq!(storage[0].mount_point, "/mnt/images");
        let ports = request.ports.as_deref().unwrap_or_default();
        assert_eq!(ports.len(), 1);
        assert_eq!(ports[0].id, Some(Uuid::parse_str(ID)?));
        assert_eq!(ports[0].protocol, Some(PortProtocol::Http));
        assert_eq!(ports[0].external_port, Some(8080));
        assert_eq!(request.name, "<string>");
        assert_eq!(request.registry_id, "<string>");
        assert_eq!(request.cpu, Some(1250));
        assert_eq!(request.memory, Some(1024));
        assert_eq!(request.gpu, Some(1));
        assert_eq!(request.min_running_instances, Some(1));
        assert_eq!(request.max_running_instances, Some(1));
        assert_eq!(request.healthchecks, response.healthchecks);
        assert_eq!(request.auto_preview, Some(true));
        assert_eq!(request.auto_deploy, Nullable::Value(true));
        assert!(request.cpu_architecture.is_absent());
        assert_eq!(request.icon_uri.as_deref(), Some("<string>"));
        let autoscaling = request.autoscaling.as_ref().ok_or("autoscaling")?;
        assert_eq!(autoscaling.mode, AutoscalingMode::Keda);
        assert_eq!(autoscaling.polling_interval_seconds, Some(123));
        assert_eq!(autoscaling.scalers[0].role, KedaScalerRole::Primary);
        assert_eq!(
            autoscaling.scalers[0].config_json,
            Some(serde_json::Map::new())
        );

        // The whole request, as JSON.
        let expected = json!({
            "storage": [{"id": ID, "type": "FAST_SSD", "size": 16, "mount_point": "/mnt/images"}],
            "ports": [{
                "id": ID,
                "name": "<string>",
                "internal_port": 8080,
                "external_port": 8080,
                "publicly_accessible": true,
                "is_default": true,
                "protocol": "HTTP",
                "public_path": "<string>",
                "public_path_rewrite": "<string>"
            }],
            "name": "<string>",
            "description": "<string>",
            "registry_id": "<string>",
            "image_name": "<string>",
            "tag": "<string>",
            "arguments": ["<string>"],
            "entrypoint": "<string>",
            "cpu": 1250,
            "memory": 1024,
            "gpu": 1,
            "min_running_instances": 1,
            "max_running_instances": 1,
            "healthchecks": {"readiness_probe": seed_probe(), "liveness_probe": seed_probe()},
            "auto_preview": true,
            "auto_deploy": true,
            "annotations_groups": [{"id": ID}],
            "labels_groups": [{"id": ID}],
            "icon_uri": "<string>",
            "autoscaling": {
                "mode": "KEDA",
                "polling_interval_seconds": 123,
                "cooldown_period_seconds": 123,
                "scalers": [{
                    "scaler_type": "<string>",
                    "enabled": true,
                    "role": "PRIMARY",
                    "config_json": {},
                    "config_yaml": "<string>",
                    "trigger_authentication": {"name": "<string>", "config_yaml": "<string>"}
                }]
            }
        });
        assert_eq!(serde_json::to_value(&request)?, expected);

        // It is the spec's seed request, plus the autoscaling policy the seed request lacks.
        let mut seed_request: Value =
            serde_json::from_str(include_str!("../../spec/seed-container-request.json"))?;
        if let Some(object) = seed_request.as_object_mut() {
            object.insert("autoscaling".to_owned(), expected["autoscaling"].clone());
        }
        assert_eq!(seed_request, expected);
        Ok(())
    }

    #[test]
    fn registry_id_falls_back_to_the_registry() -> TestResult {
        let mut response = seed_response()?;
        response.registry_id = None;
        assert_eq!(response.to_request().registry_id, ID);
        assert_eq!(response.effective_registry_id(), ID);
        Ok(())
    }

    #[test]
    fn registry_context_knows_both_ids() -> TestResult {
        let response = seed_response()?;
        let ctx = response.registry_context();
        assert_eq!(
            ctx.registry_kind_for(Some("<string>")),
            Some(&RegistryKind::Ecr)
        );
        assert_eq!(ctx.registry_kind_for(Some(ID)), Some(&RegistryKind::Ecr));
        assert_eq!(ctx.registry_kind_for(Some("other")), None);
        Ok(())
    }

    #[test]
    fn null_configs_and_missing_auto_deploy_become_absent() -> TestResult {
        let mut response = seed_response()?;
        response.auto_deploy = None;
        if let Some(policy) = response.autoscaling.as_mut() {
            policy.scalers[0].config_json = Nullable::Null;
            policy.scalers[0].config_yaml = Nullable::Absent;
        }
        let json = serde_json::to_value(response.to_request())?;
        assert_eq!(json.get("auto_deploy"), None);
        let scaler = &json["autoscaling"]["scalers"][0];
        assert_eq!(scaler.get("config_json"), None);
        assert_eq!(scaler.get("config_yaml"), None);
        Ok(())
    }

    /// Every member of a request set, in a form a response can echo: ids on ports and storage,
    /// explicit values where the response has required fields.
    fn full_request() -> ContainerRequest {
        let mut config = serde_json::Map::new();
        config.insert(
            "query".to_owned(),
            json!("sum(rate(http_requests_total[1m]))"),
        );
        config.insert("threshold".to_owned(), json!("100"));
        ContainerRequest::new(
            "api",
            "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
            "acme/api",
            "1.4.2",
        )
        .with_description("The public API")
        .with_arguments(["serve", "--port=8080"])
        .with_entrypoint("/usr/local/bin/api")
        .with_cpu(1500)
        .with_memory(2048)
        .with_gpu(1)
        .with_ephemeral_storage_in_gib(8)
        .with_cpu_architecture(Some(CpuArchitecture::Arm64))
        .with_running_instances(2, 6)
        .with_readiness_probe(Probe::http(8080, "/ready").with_initial_delay_seconds(5))
        .with_liveness_probe(
            Probe::tcp(8080)
                .with_timeout_seconds(2)
                .with_failure_threshold(4),
        )
        .with_port(
            PortRequest::http(8080)
                .with_name("web")
                .with_is_default(true)
                .with_public_path("/api/(.*)")
                .with_public_path_rewrite("/$1")
                .with_id(Uuid::from_u128(11)),
        )
        .with_port(
            PortRequest::tcp(9090)
                .with_name("metrics")
                .with_id(Uuid::from_u128(12)),
        )
        .with_storage(StorageRequest::fast_ssd(20, "/data").with_id(Uuid::from_u128(21)))
        .with_auto_preview(true)
        .with_auto_deploy(Some(false))
        .with_annotations_group(Uuid::from_u128(31))
        .with_labels_group(Uuid::from_u128(41))
        .with_icon_uri("app://qovery-console/container")
        .with_autoscaling(
            KedaAutoscalingRequest::keda([
                KedaScalerRequest::new("prometheus", KedaScalerRole::Primary)
                    .with_enabled(true)
                    .with_config_json(config)
                    .with_trigger_authentication(
                        "prometheus-auth",
                        Some("secretTargetRef: []\n".into()),
                    ),
                KedaScalerRequest::new("cpu", KedaScalerRole::Safety)
                    .with_enabled(false)
                    .with_config_yaml("metricType: Utilization\nvalue: \"80\"\n"),
            ])
            .with_polling_interval_seconds(15)
            .with_cooldown_period_seconds(120),
        )
    }

    /// What the server would answer to `request`: everything echoed, plus the read-only members.
    fn fake_response(request: &ContainerRequest) -> ContainerResponse {
        let stamp = "2026-01-02T03:04:05Z".to_owned();
        let registry_uuid = Uuid::parse_str(&request.registry_id).unwrap_or_default();
        ContainerResponse {
            id: Uuid::from_u128(1),
            created_at: stamp.clone(),
            updated_at: Some(stamp.clone()),
            storage: request.storage.as_ref().map(|storage| {
                storage
                    .iter()
                    .map(|s| StorageResponse {
                        id: s.id.unwrap_or_default(),
                        storage_type: s.storage_type.clone(),
                        size: s.size,
                        mount_point: s.mount_point.clone(),
                    })
                    .collect()
            }),
            image_name: request.image_name.clone(),
            tag: request.tag.clone(),
            registry_id: Some(request.registry_id.clone()),
            registry: ContainerRegistryDetails {
                id: registry_uuid,
                name: "GitHub".to_owned(),
                url: "https://ghcr.io".to_owned(),
                kind: RegistryKind::GithubCr,
            },
            environment: EnvironmentReference {
                id: Uuid::from_u128(2),
            },
            maximum_cpu: 16000,
            maximum_memory: 16384,
            maximum_gpu: 2,
            name: request.name.clone(),
            description: request.description.clone(),
            arguments: request.arguments.clone(),
            entrypoint: request.entrypoint.clone(),
            cpu: request.cpu_or_default(),
            memory: request.memory_or_default(),
            gpu: request.gpu_or_default(),
            ephemeral_storage_in_gib: request.ephemeral_storage_in_gib,
            cpu_architecture: request.cpu_architecture.clone(),
            min_running_instances: request.min_running_instances_or_default(),
            max_running_instances: request.max_running_instances_or_default(),
            healthchecks: request.healthchecks.clone(),
            auto_preview: request.auto_preview.unwrap_or_default(),
            ports: request.ports.as_ref().map(|ports| {
                ports
                    .iter()
                    .map(|p| PortResponse {
                        id: p.id.unwrap_or_default(),
                        name: p.name.clone(),
                        internal_port: p.internal_port,
                        external_port: p.external_port,
                        publicly_accessible: p.publicly_accessible,
                        is_default: p.is_default,
                        protocol: p.protocol_or_default(),
                        public_path: p.public_path.clone(),
                        public_path_rewrite: p.public_path_rewrite.clone(),
                    })
                    .collect()
            }),
            auto_deploy: request.auto_deploy.as_value().copied(),
            annotations_groups: request.annotations_groups.as_ref().map(|groups| {
                groups
                    .iter()
                    .map(|g| AnnotationsGroupResponse {
                        id: g.id,
                        created_at: stamp.clone(),
                        updated_at: None,
                        name: "team".to_owned(),
                        annotations: Vec::new(),
                        scopes: vec![AnnotationsGroupScope::Deployments],
                    })
                    .collect()
            }),
            labels_groups: request.labels_groups.as_ref().map(|groups| {
                groups
                    .iter()
                    .map(|g| LabelsGroupResponse {
                        id: g.id,
                        created_at: stamp.clone(),
                        updated_at: None,
                        name: "cost".to_owned(),
                        labels: Vec::new(),
                    })
                    .collect()
            }),
            icon_uri: request.icon_uri.clone().unwrap_or_default(),
            service_type: ServiceType::Container,
            autoscaling: request
                .autoscaling
                .as_ref()
                .map(|policy| KedaAutoscalingResponse {
                    id: Uuid::from_u128(3),
                    created_at: stamp.clone(),
                    updated_at: None,
                    service_id: Uuid::from_u128(1),
                    mode: policy.mode.clone(),
                    polling_interval_seconds: policy.polling_interval_seconds_or_default(),
                    cooldown_period_seconds: policy.cooldown_period_seconds_or_default(),
                    scalers: policy
                        .scalers
                        .iter()
                        .map(|s| KedaScalerResponse {
                            id: Uuid::from_u128(4),
                            created_at: stamp.clone(),
                            updated_at: Some(stamp.clone()),
                            scaler_type: s.scaler_type.clone(),
                            enabled: s.enabled_or_default(),
                            role: s.role.clone(),
                            config_json: s.config_json.clone().into(),
                            config_yaml: s.config_yaml.clone().into(),
                            trigger_authentication: s.trigger_authentication.as_ref().map(|t| {
                                KedaTriggerAuthenticationResponse {
                                    id: Uuid::from_u128(5),
                                    created_at: stamp.clone(),
                                    updated_at: None,
                                    organization_id: "org".to_owned(),
                                    name: t.name.clone().unwrap_or_default(),
                                    config_yaml: t.config_yaml.clone(),
                                }
                            }),
                        })
                        .collect(),
                }),
        }
    }

    #[test]
    fn request_to_response_to_request_keeps_every_field() -> TestResult {
        let request = full_request();
        let json = serde_json::to_value(&request)?;
        // Every member of the request is set, so nothing can be lost unnoticed.
        let members = json.as_object().map(serde_json::Map::len);
        assert_eq!(members, Some(23));

        let back = ContainerRequest::from(fake_response(&request));
        assert_eq!(back, request);
        assert_eq!(serde_json::to_value(&back)?, json);
        Ok(())
    }

    #[test]
    fn omitted_members_come_back_as_the_server_defaults() {
        let request = ContainerRequest::new(
            "api",
            "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
            "acme/api",
            "1",
        )
        .with_healthchecks(Healthchecks::default());
        let back = fake_response(&request).to_request();
        assert_eq!(back.cpu, Some(defaults::CPU));
        assert_eq!(back.memory, Some(defaults::MEMORY));
        assert_eq!(
            back.max_running_instances,
            Some(defaults::MAX_RUNNING_INSTANCES)
        );
        assert!(back.auto_deploy.is_absent());
    }
}
