//! Build a container request in code and validate it before sending it to Qovery.
//!
//! ```text
//! cargo run --example validate_typed
//! ```
//!
//! The request names its registry only by `registry_id`; the registry's kind (which decides what
//! `image_name` must look like) comes from the caller, in a `RegistryContext`.

use qovery_model::model::{
    ContainerRequest, PortRequest, Probe, RegistryContext, RegistryKind, StorageRequest,
};
use qovery_model::validate::{Report, Validate};

fn main() -> Result<(), serde_json::Error> {
    // The id of a registry of your organization, and what kind of registry it is.
    let registry_id = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";
    let ctx = RegistryContext::new().with_registry(registry_id, RegistryKind::GithubCr);

    // `new` takes every required member; the `with_*` setters and the helpers add the rest.
    let request = ContainerRequest::new("api", registry_id, "acme/api", "1.4.2")
        .with_cpu(1000) // millicores
        .with_memory(1024) // MB
        .with_port(
            PortRequest::http(8080)
                .with_name("web")
                .with_is_default(true),
        ) // public, on 443
        .with_port(PortRequest::tcp(9090).with_name("metrics")) // private
        .with_storage(StorageRequest::fast_ssd(10, "/data")) // 10 GB
        .with_readiness_probe(Probe::http(8080, "/ready").with_initial_delay_seconds(5))
        .with_liveness_probe(Probe::tcp(8080))
        .with_running_instances(2, 4);

    let report = request.validate_with(&ctx);
    print_report("the built request", &report);
    println!("{}", serde_json::to_string_pretty(&request)?);

    // The same checks apply to a request read from JSON. This one has four mistakes: a tag in
    // `image_name`, a probe on a port the container does not declare, a storage smaller than
    // 4 GB, and a maximum of instances below the minimum.
    let mistaken: ContainerRequest = serde_json::from_str(
        r#"{
            "name": "api",
            "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
            "image_name": "acme/api:1.4.2",
            "tag": "1.4.2",
            "ports": [{"internal_port": 8080, "publicly_accessible": true, "external_port": 443}],
            "storage": [{"type": "FAST_SSD", "size": 2, "mount_point": "/data"}],
            "min_running_instances": 3,
            "max_running_instances": 2,
            "healthchecks": {"liveness_probe": {"type": {"tcp": {"port": 9999}}}}
        }"#,
    )?;
    print_report("the JSON request", &mistaken.validate_with(&ctx));
    Ok(())
}

/// Prints every diagnostic: `error[code] /pointer: message`, then the suggested fix if any.
fn print_report(what: &str, report: &Report) {
    if report.is_empty() {
        println!("{what}: no problem found");
        return;
    }
    println!(
        "{what}: {} error(s), {} warning(s)",
        report.errors().count(),
        report.warnings().count()
    );
    for diagnostic in report {
        println!("  {diagnostic}");
        if let Some(help) = &diagnostic.help {
            println!("    help: {help}");
        }
    }
}
