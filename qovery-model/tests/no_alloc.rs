//! Validating a valid value allocates nothing: pointers are built lazily, only when a violation
//! is recorded, and regexes are compiled once. Measured with a counting global allocator.

use qovery_model::model::{ContainerRequest, RegistryContext, RegistryKind};
use qovery_model::validate::Validate;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const PAYLOAD: &str = include_str!("../src/document/testdata/request.json");

fn request() -> ContainerRequest {
    match serde_json::from_str(PAYLOAD) {
        Ok(request) => request,
        Err(error) => panic!("src/document/testdata/request.json must parse: {error}"),
    }
}

/// Allocations made while running `f`, after a warm-up run (lazily compiled regexes and other
/// one-time statics are built there).
///
/// The allocator is global and counts every thread, so this file holds a single `#[test]`:
/// no other test of the binary can run concurrently and be counted.
fn allocations_during(f: impl Fn()) -> usize {
    f();
    let region = Region::new(GLOBAL);
    f();
    region.change().allocations
}

#[test]
fn validation_allocates_only_for_violations() {
    let request = request();
    assert!(request.validate().is_empty(), "the payload must be valid");
    assert_eq!(
        allocations_during(|| drop(request.validate())),
        0,
        "validating a valid request must not allocate"
    );

    let ctx = RegistryContext::new()
        .with_registry_kind(RegistryKind::DockerHub)
        .with_registry(request.registry_id.clone(), RegistryKind::GithubCr);
    assert!(
        request.validate_with(&ctx).is_empty(),
        "the payload must be valid"
    );
    assert_eq!(
        allocations_during(|| drop(request.validate_with(&ctx))),
        0,
        "validating with a registry context must not allocate"
    );

    // The counter is live: a violation renders a pointer and a message.
    let mut invalid = request.clone();
    invalid.cpu = Some(1);
    assert!(allocations_during(|| drop(invalid.validate())) > 0);
}
