//! Which codes have a fix and how safe it is: one declaration, rendered in `RULES.md`, shown by
//! `qovery-lint explain` and `qovery-lint rules`, and checked against the fixes the rules make
//! (`tests/fixes.rs`: each code's example gets a fix of the declared applicability).

use crate::validate::{Applicability, codes};

/// The fix of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixInfo {
    /// The code.
    pub code: &'static str,
    /// How safe its fix is in the usual case.
    pub applicability: Applicability,
    /// What the fix does.
    pub what: &'static str,
    /// When the fix is unsafe although `applicability` is safe, if ever.
    pub unsafe_when: Option<&'static str>,
}

impl FixInfo {
    /// `safe`, `unsafe`, or `safe or unsafe` when some cases are unsafe.
    pub fn safety(&self) -> &'static str {
        match (self.applicability, self.unsafe_when) {
            (Applicability::Safe, Some(_)) => "safe or unsafe",
            (applicability, _) => applicability.as_str(),
        }
    }
}

const fn safe(code: &'static str, what: &'static str) -> FixInfo {
    FixInfo {
        code,
        applicability: Applicability::Safe,
        what,
        unsafe_when: None,
    }
}

const fn unsafe_(code: &'static str, what: &'static str) -> FixInfo {
    FixInfo {
        code,
        applicability: Applicability::Unsafe,
        what,
        unsafe_when: None,
    }
}

const fn safe_unless(code: &'static str, what: &'static str, when: &'static str) -> FixInfo {
    FixInfo {
        code,
        applicability: Applicability::Safe,
        what,
        unsafe_when: Some(when),
    }
}

/// Every code with a fix, structural codes first, then in catalogue order.
pub const FIXES: &[FixInfo] = &[
    unsafe_(
        codes::DUPLICATE_KEY,
        "removes the earlier occurrence, keeping the value most parsers keep (which one was meant is a guess)",
    ),
    safe(
        codes::TYPE,
        "removes the quotes around an integer, writes an integral number without its fraction, quotes a number or boolean where a string belongs, omits an optional member set to null",
    ),
    unsafe_(
        codes::UNKNOWN_MEMBER,
        "renames the member to the one spec name close to it, when the object has no member of that name yet",
    ),
    safe(
        codes::ENUM,
        "writes the spec's value when the value differs from exactly one of them only in case (`http` -> `HTTP`)",
    ),
    safe(
        codes::MOUNT_POINT,
        "makes a relative mount point absolute (`data` -> `/data`)",
    ),
    safe(
        codes::EXTERNAL_PORT_NOT_PUBLIC,
        "removes `external_port`, which the API drops on a port that is not publicly accessible",
    ),
    safe(
        codes::PUBLIC_PORT_WITHOUT_EXTERNAL_PORT,
        "adds `external_port` as the console does: 443 for HTTP and gRPC, the internal port for TCP and UDP (not when the protocol is unknown)",
    ),
    safe(
        codes::IMAGE_NAME,
        "drops a registry host with a port (`localhost:5000/`), which is never part of a repository path",
    ),
    safe_unless(
        codes::IMAGE_NAME_TAG,
        "moves the tag to `tag` and drops a registry host that the host rules flag",
        "the host dropped has a dot (it may be a repository name), or `tag` held another value",
    ),
    unsafe_(
        codes::IMAGE_NAME_DIGEST,
        "removes the `@digest` (Qovery then pulls `image_name:tag`, which may be another image)",
    ),
    safe(
        codes::IMAGE_NAME_UPPERCASE,
        "writes the repository path in lower case (once no tag or digest is left in it)",
    ),
    unsafe_(
        codes::IMAGE_NAME_REGISTRY_HOST,
        "drops the first component, which looks like a registry host (it may be a repository name)",
    ),
    safe_unless(
        codes::DOCKER_TAG,
        "trims the spaces around a tag, or keeps the tag of a full reference (`nginx:1.27` -> `1.27`)",
        "a full reference is cut (its image part may not be `image_name`)",
    ),
    unsafe_(
        codes::HTTP_PROBE_PATH,
        "sets an empty path to `/` (which endpoint was meant is a guess)",
    ),
    safe(
        codes::HTTP_PROBE_PATH_RELATIVE,
        "adds the leading `/` (`healthz` -> `/healthz`)",
    ),
    safe(
        codes::HTTP_PROBE_SCHEME,
        "writes `HTTP` or `HTTPS` in upper case",
    ),
    safe(
        codes::LIVENESS_SUCCESS_THRESHOLD,
        "sets the liveness probe's `success_threshold` to 1",
    ),
    unsafe_(
        codes::REGISTRY_URL_HTTPS,
        "writes `https://` for `http://` (the registry may not serve https there)",
    ),
];

/// The fix of `code`, if it has one.
pub fn fix_info(code: &str) -> Option<&'static FixInfo> {
    FIXES.iter().find(|fix| fix.code == code)
}
