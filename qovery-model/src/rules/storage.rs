//! Persistent storage: the mount point, the console's size limit, unique mount points.
//!
//! The size minimum (4 GB, spec prose) and the known `type` are keywords on
//! [`StorageRequest`] and [`StorageResponse`].

use super::unique::for_each_duplicate;
use crate::model::{StorageRequest, StorageResponse};
use crate::validate::quote::show;
use crate::validate::{
    Path, Repair, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes,
};
use regex::Regex;
use std::sync::LazyLock;

/// One path segment that is not `.` or `..`.
macro_rules! segment {
    () => {
        r"(?:[^/.][^/]*|\.[^/.][^/]*|\.\.[^/]+)"
    };
}

/// An absolute path with at least one segment and no `.` or `..` segment, anchored
/// (ECMA-262 compatible: it is also the schema's `pattern`).
pub const MOUNT_POINT_PATTERN: &str = concat!("^/+(?:", segment!(), "/+)*", segment!(), "/*$");

pub(super) static MOUNT_POINT_REGEX: LazyLock<Regex> =
    LazyLock::new(|| super::image_name::compile(MOUNT_POINT_PATTERN));

/// [`MOUNT_POINT_PATTERN`] without the regex engine, for the hot path (every storage of a valid
/// payload): starts with `/`, and the non-empty `/`-separated segments, at least one, are neither
/// `.` nor `..`. The tests check it against the regex, which stays the authority.
fn is_mount_point(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.first() != Some(&b'/') {
        return false;
    }
    // Without any `.`, no segment is `.` or `..`: the value is a mount point when some byte is not
    // `/`. One branch-free pass, for the usual `/var/lib/data`.
    let (chunks, tail) = bytes.as_chunks::<8>();
    let (mut dot, mut not_slash) = (false, false);
    for chunk in chunks {
        // Eight bytes at once.
        let word = u64::from_le_bytes(*chunk);
        dot |= crate::word::equal(word, b'.') != 0;
        not_slash |= word != crate::word::splat(b'/');
    }
    for &b in tail {
        dot |= b == b'.';
        not_slash |= b != b'/';
    }
    if !dot {
        return not_slash;
    }
    // `/` never occurs inside a multi-byte UTF-8 sequence: splitting the bytes is splitting the
    // characters.
    let mut segments = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| b != b'/') {
            i += 1;
        }
        let segment = &bytes[start..i];
        if segment == b"." || segment == b".." {
            return false;
        }
        segments += 1;
    }
    segments > 0
}

/// The mount point is an absolute directory other than `/`.
pub const MOUNT_POINT: RuleInfo = RuleInfo {
    code: codes::MOUNT_POINT,
    severity: Severity::Warning,
    source: Source::Console,
    citation: "Qovery/console@720181b libs/domains/service-settings/feature/src/lib/application-container-storage-settings/application-container-storage-modal/application-container-storage-modal.tsx:114-124 (`^\\/.?\\w+.*`, \"/ alone is not allowed\"); Kubernetes ValidateVolumeMounts only requires a non-empty, unique path",
    pointer: "",
    description: "an absolute path (`/data`), not `/` alone, with no `.` or `..` segment (the console's form asks for `/data`; Kubernetes' API validation does not check the shape)",
    schema: SchemaSupport::ValidatorOnly,
};

/// The mount point is absolute, not `/`, without `.`/`..` segments.
pub struct MountPoint;

impl<C: ?Sized> Rule<String, C> for MountPoint {
    const RULES: &'static [RuleInfo] = &[MOUNT_POINT];

    fn check(value: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        // A blank mount point is the `not_blank` error of the field, not a second diagnostic.
        if is_mount_point(value)
            || MOUNT_POINT_REGEX.is_match(value)
            || crate::validate::keyword::is_blank(value)
        {
            return;
        }
        let problem = if !value.starts_with('/') {
            "it is a relative path".to_owned()
        } else if value.bytes().all(|b| b == b'/') {
            "`/` alone would hide the container's whole file system".to_owned()
        } else {
            let segment = value
                .split('/')
                .find(|s| *s == "." || *s == "..")
                .unwrap_or("..");
            format!("it has a `{segment}` segment")
        };
        // Suggest the absolute form only when it would itself be accepted (`data/../x` would
        // not: its `..` segment is a problem of its own).
        let help = if value.starts_with('/') {
            None
        } else {
            let absolute = format!("/{}", value.trim_start_matches("./"));
            is_mount_point(&absolute).then_some(absolute)
        };
        let message = format!(
            "mount_point {} is not usable: {problem}; expected an absolute directory such as `/data`",
            show(value)
        );
        match help {
            Some(absolute) => report.push_with_repair(
                &MOUNT_POINT,
                path,
                message,
                format!("write `{absolute}`"),
                Repair::set_string(format!("write `{absolute}`"), &path.to_pointer(), absolute),
            ),
            None => report.push(&MOUNT_POINT, path, message),
        }
    }
}

/// The console's largest storage, in GB.
pub const CONSOLE_MAX_SIZE_GB: i32 = 512;

/// A size above the console's limit.
pub const STORAGE_SIZE_ABOVE_CONSOLE_LIMIT: RuleInfo = RuleInfo {
    code: codes::STORAGE_SIZE_ABOVE_CONSOLE_LIMIT,
    severity: Severity::Warning,
    source: Source::Console,
    citation: "Qovery/console@720181b libs/domains/service-settings/feature/src/lib/application-container-storage-settings/application-container-storage-modal/application-container-storage-modal.tsx:92-99 (max 512)",
    pointer: "",
    description: "`size` is at most 512 GB, the console's limit (the API may accept more)",
    schema: SchemaSupport::ValidatorOnly,
};

/// The smallest storage, in GB, the console offers (and the spec's prose states).
pub const CONSOLE_MIN_SIZE_GB: i32 = 4;

/// A size the API accepts but the console does not offer.
pub const STORAGE_SIZE_BELOW_CONSOLE_MINIMUM: RuleInfo = RuleInfo {
    code: codes::STORAGE_SIZE_BELOW_CONSOLE_MINIMUM,
    severity: Severity::Warning,
    source: Source::Console,
    citation: "Qovery/console@720181b libs/domains/service-settings/feature/src/lib/application-container-storage-settings/application-container-storage-modal/application-container-storage-modal.tsx:92-99 (min 4); spec/qovery-openapi-container.yaml:182 (\"Minimum size is 4 GB\"); accepted by the API: Qovery/terraform-provider-qovery@c186979 qovery/resource_container_test.go:1315-1335 (TestAcc_ContainerWithStorage, size 1)",
    pointer: "",
    description: "`size` is at least 4 GB, the console's minimum and the spec's prose (the API accepts 1)",
    schema: SchemaSupport::ValidatorOnly,
};

/// Warnings outside the console's 4 to 512 GB (the API accepts both sides).
pub struct StorageSizeLimit;

impl<C: ?Sized> Rule<i32, C> for StorageSizeLimit {
    const RULES: &'static [RuleInfo] = &[
        STORAGE_SIZE_BELOW_CONSOLE_MINIMUM,
        STORAGE_SIZE_ABOVE_CONSOLE_LIMIT,
    ];

    fn check(size: &i32, _: &C, path: &Path<'_>, report: &mut Report) {
        // Below 1 is the `range` error of the field.
        if (1..CONSOLE_MIN_SIZE_GB).contains(size) {
            report.push(
                &STORAGE_SIZE_BELOW_CONSOLE_MINIMUM,
                path,
                format!(
                    "size {size} GB is below {CONSOLE_MIN_SIZE_GB} GB, the smallest storage the console offers and the spec's stated minimum; the API accepts it"
                ),
            );
        }
        if *size > CONSOLE_MAX_SIZE_GB {
            report.push(
                &STORAGE_SIZE_ABOVE_CONSOLE_LIMIT,
                path,
                format!(
                    "size {size} GB is above {CONSOLE_MAX_SIZE_GB} GB, the largest storage the console offers; expected at most {CONSOLE_MAX_SIZE_GB}, check the unit is GB"
                ),
            );
        }
    }
}

/// Two storages mounted on the same directory.
pub const DUPLICATE_MOUNT_POINT: RuleInfo = RuleInfo {
    code: codes::DUPLICATE_MOUNT_POINT,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Kubernetes ValidateVolumeMounts (`mountpoints.Has(mnt.MountPath)`: \"must be unique\"); Qovery/engine@59fa717 lib/common/charts/q-container/templates/statefulset.j2.yaml:224-231",
    pointer: "/*/mount_point",
    description: "no two storages have the same `mount_point` (trailing slashes ignored): Kubernetes rejects two volume mounts on one path",
    schema: SchemaSupport::ValidatorOnly,
};

/// No two storages on the same mount point. See [`super::unique`] for the cost.
pub struct UniqueMountPoints;

impl<C: ?Sized> Rule<Vec<StorageRequest>, C> for UniqueMountPoints {
    const RULES: &'static [RuleInfo] = &[DUPLICATE_MOUNT_POINT];

    fn check(storage: &Vec<StorageRequest>, _: &C, path: &Path<'_>, report: &mut Report) {
        check_unique(storage, |s| &s.mount_point, path, report);
    }
}

impl<C: ?Sized> Rule<Vec<StorageResponse>, C> for UniqueMountPoints {
    const RULES: &'static [RuleInfo] = &[DUPLICATE_MOUNT_POINT];

    fn check(storage: &Vec<StorageResponse>, _: &C, path: &Path<'_>, report: &mut Report) {
        check_unique(storage, |s| &s.mount_point, path, report);
    }
}

fn check_unique<S>(
    storage: &[S],
    mount_point: impl Fn(&S) -> &String,
    path: &Path<'_>,
    report: &mut Report,
) {
    for_each_duplicate(
        storage,
        |s| Some(normalized(mount_point(s))),
        |a: &str, b: &str| a.cmp(b),
        |index, first| {
            let item = path.index(index);
            report.push(
                &DUPLICATE_MOUNT_POINT,
                &item.field("mount_point"),
                format!(
                    "mount_point {} is already used by storage {first} ({}); expected each directory once",
                    show(mount_point(&storage[index])),
                    show(mount_point(&storage[first]))
                ),
            );
        },
    );
}

/// The mount point without trailing slashes (`/data/` is `/data`).
fn normalized(mount_point: &str) -> &str {
    let trimmed = mount_point.trim_end_matches('/');
    if trimmed.is_empty() { "/" } else { trimmed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_points() {
        for ok in [
            "/data",
            "/mnt/images",
            "/data/",
            "//data",
            "/.config",
            "/..data",
            "/...",
        ] {
            assert!(MOUNT_POINT_REGEX.is_match(ok), "{ok}");
        }
        for bad in [
            "", " ", "data", "./data", "/", "//", "/a/./b", "/a/../b", "/..", "/a/.",
        ] {
            assert!(!MOUNT_POINT_REGEX.is_match(bad), "{bad}");
        }
    }

    use crate::rules::random_strings;

    #[test]
    fn the_fast_matcher_is_the_regex() {
        let mut values = random_strings("/./..ab \né", 100_000, 10);
        values.extend(random_strings("/ab", 20_000, 10));
        values.extend(random_strings("/.a", 50_000, 30));
        values.extend(random_strings("/a-.é\u{2e}\u{ae}", 50_000, 30));
        for value in values {
            assert_eq!(
                is_mount_point(&value),
                MOUNT_POINT_REGEX.is_match(&value),
                "{value:?}"
            );
        }
    }

    #[test]
    fn trailing_slashes_do_not_make_a_new_directory() {
        assert_eq!(normalized("/data/"), "/data");
        assert_eq!(normalized("/"), "/");
    }
}
