#[test]
fn dump() {
    let s = schemars::SchemaGenerator::default().into_root_schema_for::<qovery_model::model::ContainerRequest>();
    std::fs::write("/tmp/scratch/req.json", serde_json::to_string_pretty(&s).unwrap()).unwrap();
    let s = schemars::SchemaGenerator::default().into_root_schema_for::<qovery_model::model::ContainerResponse>();
    std::fs::write("/tmp/scratch/resp.json", serde_json::to_string_pretty(&s).unwrap()).unwrap();
}
