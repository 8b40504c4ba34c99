use qovery_model::validate::Validate;
#[test]
fn dump() {
    let s = schemars::SchemaGenerator::default().into_root_schema_for::<qovery_model::model::ContainerRequest>();
    std::fs::write("/tmp/scratch/req.json", serde_json::to_string_pretty(&s).unwrap()).unwrap();
    let s = schemars::SchemaGenerator::default().into_root_schema_for::<qovery_model::model::ContainerResponse>();
    std::fs::write("/tmp/scratch/resp.json", serde_json::to_string_pretty(&s).unwrap()).unwrap();
    let mut out = Vec::new();
    qovery_model::model::ContainerRequest::describe_rules("", &mut out);
    let mut text = String::new();
    for e in &out { text.push_str(&format!("{:?} {:?} {} {} [{}] {}\n", e.rule.schema, e.rule.severity, e.rule.code, e.pointer, e.declared_on, e.rule.description)); }
    std::fs::write("/tmp/scratch/req_rules.txt", text).unwrap();
    let mut out = Vec::new();
    qovery_model::model::ContainerResponse::describe_rules("", &mut out);
    let mut text = String::new();
    for e in &out { text.push_str(&format!("{:?} {:?} {} {} [{}] {}\n", e.rule.schema, e.rule.severity, e.rule.code, e.pointer, e.declared_on, e.rule.description)); }
    std::fs::write("/tmp/scratch/resp_rules.txt", text).unwrap();
}
