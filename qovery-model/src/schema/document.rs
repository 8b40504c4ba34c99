//! The schema files of each [`DocumentKind`].

use super::draft::Draft;
use crate::model::DocumentKind;

impl DocumentKind {
    /// The file the export writes this document's schema to, in `draft`:
    /// `container-request.schema.json` (2020-12), `container-request.draft-07.schema.json`.
    /// `None` for [`Draft::OpenApi3`]: both documents share `openapi-components.json`.
    pub const fn file_name(self, draft: Draft) -> Option<&'static str> {
        match (self, draft) {
            (DocumentKind::Request, Draft::Draft2020_12) => Some("container-request.schema.json"),
            (DocumentKind::Response, Draft::Draft2020_12) => Some("container-response.schema.json"),
            (DocumentKind::Request, Draft::Draft07) => {
                Some("container-request.draft-07.schema.json")
            }
            (DocumentKind::Response, Draft::Draft07) => {
                Some("container-response.draft-07.schema.json")
            }
            (_, Draft::OpenApi3) => None,
        }
    }
}
