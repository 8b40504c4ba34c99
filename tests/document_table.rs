use qovery_model::document::{CheckOptions, DocumentKind, Syntax, check};
use qovery_model::model::RegistryKind;
use qovery_model::validate::Context;

#[test]
#[ignore]
fn dump() {
    let dir = std::env::var("DUMP_DIR").unwrap_or_else(|_| "/tmp/dt5".to_owned());
    let mut entries: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(r) => r.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => panic!("{e}"),
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        let bytes = match std::fs::read(&path) { Ok(b) => b, Err(e) => panic!("{e}") };
        let mut opts = CheckOptions::new().syntax(Syntax::from_path(&path));
        if name.contains("resp") { opts = opts.kind(DocumentKind::Response); }
        if name.contains("strict") { opts = opts.strict(true); }
        if name.contains("dockerhub") { opts = opts.context(Context::new().with_registry_kind(RegistryKind::DockerHub)); }
        if name.contains("ecr") { opts = opts.context(Context::new().with_registry_kind(RegistryKind::Ecr)); }
        println!("== {name}");
        for d in &check(&bytes, &opts) {
            let p = d.position.map(|p| (p.line, p.column));
            let e = d.end.map(|p| (p.line, p.column));
            println!("  {:?} {} {} {:?}-{:?}\n     msg: {}\n     help: {:?}", d.pointer, d.code, d.severity, p, e, d.message, d.help);
        }
    }
}
