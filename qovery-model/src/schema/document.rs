//! [`Document`]: the payloads the schemas describe.

use super::draft::Draft;
use std::fmt;

/// A payload of the container API that has an exported schema.
///
/// (This is the schema export's own list, so that the `schema` feature does not need the
/// `document` feature; the raw-document checker keeps its own kind.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Document {
    /// The body of `POST /environment/{environmentId}/container` and
    /// `PUT /container/{containerId}`: [`ContainerRequest`](crate::model::ContainerRequest).
    Request,
    /// What both return: [`ContainerResponse`](crate::model::ContainerResponse).
    Response,
}

impl Document {
    /// Both documents, request first.
    pub const ALL: [Document; 2] = [Document::Request, Document::Response];

    /// The Rust type, which is also the schema's `title` and its OpenAPI component name:
    /// `ContainerRequest`, `ContainerResponse`.
    pub const fn type_name(self) -> &'static str {
        match self {
            Document::Request => "ContainerRequest",
            Document::Response => "ContainerResponse",
        }
    }

    /// The stem of the exported file names: `container-request`, `container-response`.
    pub const fn slug(self) -> &'static str {
        match self {
            Document::Request => "container-request",
            Document::Response => "container-response",
        }
    }

    /// The file the export writes this document's schema to, in `draft`:
    /// `container-request.schema.json` (2020-12), `container-request.draft-07.schema.json`.
    /// `None` for [`Draft::OpenApi3`]: both documents share `openapi-components.json`.
    pub const fn file_name(self, draft: Draft) -> Option<&'static str> {
        match (self, draft) {
            (Document::Request, Draft::Draft2020_12) => Some("container-request.schema.json"),
            (Document::Response, Draft::Draft2020_12) => Some("container-response.schema.json"),
            (Document::Request, Draft::Draft07) => Some("container-request.draft-07.schema.json"),
            (Document::Response, Draft::Draft07) => Some("container-response.draft-07.schema.json"),
            (_, Draft::OpenApi3) => None,
        }
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
