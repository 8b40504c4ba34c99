//! The container registry a container image is pulled from.

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::open_enum::open_enum;
use super::registry_context::RegistryContext;

open_enum! {
    /// The type of your container registry (spec `ContainerRegistryKindEnum`, 11 values).
    pub enum RegistryKind {
        /// `ECR`: Amazon Elastic Container Registry (private). Image name pattern: `repository`.
        Ecr = "ECR",
        /// `SCALEWAY_CR`: Scaleway Container Registry. Image name pattern: `namespace/image`.
        ScalewayCr = "SCALEWAY_CR",
        /// `DOCKER_HUB`: Docker Hub. Image name pattern: `image` or `repository/image`.
        DockerHub = "DOCKER_HUB",
        /// `GITHUB_CR`: GitHub Container Registry (`ghcr.io`).
        GithubCr = "GITHUB_CR",
        /// `GITHUB_ENTERPRISE_CR`: GitHub Enterprise Container Registry.
        GithubEnterpriseCr = "GITHUB_ENTERPRISE_CR",
        /// `GITLAB_CR`: GitLab Container Registry.
        GitlabCr = "GITLAB_CR",
        /// `PUBLIC_ECR`: Amazon ECR Public Gallery. Image name pattern: `registry_alias/repository`.
        PublicEcr = "PUBLIC_ECR",
        /// `DOCR`: DigitalOcean Container Registry (the spec says it is not supported anymore).
        Docr = "DOCR",
        /// `GENERIC_CR`: any other registry, reached by URL.
        GenericCr = "GENERIC_CR",
        /// `GCP_ARTIFACT_REGISTRY`: Google Cloud Artifact Registry.
        GcpArtifactRegistry = "GCP_ARTIFACT_REGISTRY",
        /// `AZURE_CR`: Azure Container Registry.
        AzureCr = "AZURE_CR",
    }
}

/// The registry of a container, as embedded in a response (spec `ContainerRegistryProviderDetailsResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct ContainerRegistryDetails {
    /// Id of the registry (format uuid).
    pub id: Uuid,

    /// Name of the registry.
    pub name: String,

    /// URL of the container registry (a plain string in the spec, no `uri` format).
    #[qovery(custom = crate::rules::response::RegistryUrlHttps)]
    pub url: String,

    /// The type of the container registry.
    #[qovery(
        known,
        severity = warning,
        description = "the registry `kind` is one of the spec's 11 kinds; a newer value is only a warning in a response",
        cite = "spec ContainerRegistryKindEnum"
    )]
    pub kind: RegistryKind,
}
