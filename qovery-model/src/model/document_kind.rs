//! [`DocumentKind`]: which of the two payloads a document, a schema or a check is about.

use std::fmt;

/// Which payload: the request or the response. The one name for this choice in the crate:
/// the schema export (`schema::schema(DocumentKind::Request, ..)`) and the document checker
/// (`CheckOptions::kind`) take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum DocumentKind {
    /// The body of `POST /environment/{environmentId}/container` and
    /// `PUT /container/{containerId}`: [`ContainerRequest`](crate::model::ContainerRequest).
    #[default]
    Request,
    /// What both return: [`ContainerResponse`](crate::model::ContainerResponse).
    Response,
}

impl DocumentKind {
    /// Both payloads, request first.
    pub const ALL: [DocumentKind; 2] = [DocumentKind::Request, DocumentKind::Response];

    /// `request` or `response`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Request => "request",
            DocumentKind::Response => "response",
        }
    }

    /// The Rust type, which is also the schema's `title` and its OpenAPI component name:
    /// `ContainerRequest`, `ContainerResponse`.
    pub const fn type_name(self) -> &'static str {
        match self {
            DocumentKind::Request => "ContainerRequest",
            DocumentKind::Response => "ContainerResponse",
        }
    }

    /// The stem of the exported file names: `container-request`, `container-response`.
    pub const fn slug(self) -> &'static str {
        match self {
            DocumentKind::Request => "container-request",
            DocumentKind::Response => "container-response",
        }
    }
}

/// The [`slug`](DocumentKind::slug).
impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
