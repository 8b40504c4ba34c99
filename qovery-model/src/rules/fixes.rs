//! Which codes have a fix and how safe it is: one declaration, rendered in `RULES.md`, shown by
//! `qovery-lint explain` and `qovery-lint rules`, and checked against the fixes the rules make
//! (`tests/fixes.rs`: each code's example gets a fix of the declared applicability).

use crate::validate::Applicability;

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
        "duplicate_key",
        "removes the earlier occurrence, keeping the value most parsers keep (which one was meant is a guess)",
    ),
    safe(
        "type",
        "removes the quotes around an integer, writes an integral number without its fraction, quotes a number or boolean where a string belongs, omits an optional member set to null",
    ),
    unsafe_(
        "unknown_member",
        "renames the member to the one spec name close to it, when the object has no member of that name yet",
    ),
    safe(
        "enum",
        "writes the spec's value when the value differs from exactly one of them only in case (`http` -> `HTTP`)",
    ),
    safe(
        "mount_point",
        "makes a relative mount point absolute (`data` -> `/data`)",
    ),
    safe(
        "external_port_not_public",
        "removes `external_port`, which the API drops on a port that is not publicly accessible",
    ),
    safe(
        "public_port_without_external_port",
        "adds `external_port` as the console does: 443 for HTTP and gRPC, the internal port for TCP and UDP (not when the protocol is unknown)",
    ),
    safe(
        "image_name",
        "drops a registry host with a port (`localhost:5000/`), which is never part of a repository path",
    ),
    safe_unless(
        "image_name_tag",
        "moves the tag to `tag` and drops a registry host that the host rules flag",
        "the host dropped has a dot (it may be a repository name), or `tag` held another value",
    ),
    unsafe_(
        "image_name_digest",
        "removes the `@digest` (Qovery then pulls `image_name:tag`, which may be another image)",
    ),
    safe(
        "image_name_uppercase",
        "writes the repository path in lower case (once no tag or digest is left in it)",
    ),
    unsafe_(
        "image_name_registry_host",
        "drops the first component, which looks like a registry host (it may be a repository name)",
    ),
    safe_unless(
        "docker_tag",
        "trims the spaces around a tag, or keeps the tag of a full reference (`nginx:1.27` -> `1.27`)",
        "a full reference is cut (its image part may not be `image_name`)",
    ),
    safe_unless(
        "http_probe_path",
        "adds the leading `/` (`healthz` -> `/healthz`)",
        "the path is empty (`/` is a guess)",
    ),
    safe(
        "http_probe_scheme",
        "writes `HTTP` or `HTTPS` in upper case",
    ),
    safe(
        "liveness_success_threshold",
        "sets the liveness probe's `success_threshold` to 1",
    ),
    unsafe_(
        "registry_url_https",
        "writes `https://` for `http://` (the registry may not serve https there)",
    ),
];

/// The fix of `code`, if it has one.
pub fn fix_info(code: &str) -> Option<&'static FixInfo> {
    FIXES.iter().find(|fix| fix.code == code)
}
