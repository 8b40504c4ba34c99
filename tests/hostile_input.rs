use qovery_model::document::{CheckOptions, Syntax, check, DocumentKind};
use std::time::Instant;
fn show(name: &str, bytes: &[u8], o: &CheckOptions) {
    let t = Instant::now();
    let r = check(bytes, o);
    let el = t.elapsed();
    eprintln!("== {name} ({} bytes, {el:?}) {} diagnostics", bytes.len(), r.len());
    for d in r.diagnostics().iter().take(3) { eprintln!("  {:?} {:?} {:?} {:?}..{:?} {}", d.pointer.chars().take(80).collect::<String>(), d.code, d.severity, d.position.map(|p|(p.line,p.column)), d.end.map(|p|(p.line,p.column)), d.message.chars().take(200).collect::<String>()); if let Some(h)=&d.help { eprintln!("      help {} chars: {}", h.chars().count(), h.chars().take(100).collect::<String>()); } }
}
const MIN: &str = r#""name":"api","registry_id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","image_name":"acme/api","tag":"1.0","healthchecks":{}"#;
#[test]
fn scratch() {
    let j = CheckOptions::new();
    let y = CheckOptions::new().syntax(Syntax::Yaml);
    for (name, v) in [("long int", "1".repeat(1_000_000)), ("long frac", format!("0.{}1", "0".repeat(999_990))), ("huge exp", "1e99999999999999999999999999".to_owned()), ("neg huge exp", "1e-99999999999999999999999999".to_owned()), ("long neg", format!("-{}", "9".repeat(999_990)))] {
        let doc = format!("{{{MIN},\"cpu\":{v}}}"); show(name, doc.as_bytes(), &j);
        let doc = format!("cpu: {v}\nname: api"); show(name, doc.as_bytes(), &y);
    }
    let doc = format!("{{{MIN},\"description\":\"{}\"}}", "\\u00e9\\ud83d\\ude00".repeat(50_000)); show("escapes", doc.as_bytes(), &j);
    let doc = format!("{{{MIN},\"{}\":1}}", "\\u00e9".repeat(150_000)); show("escaped key", doc.as_bytes(), &j);
    let doc = format!("{{{MIN},\"{}\":1}}", "é".repeat(500_000)); show("utf8 key", doc.as_bytes(), &j);
    let doc = format!("name: api\n{}: 1\n", "é".repeat(500_000)); show("utf8 key y", doc.as_bytes(), &y);
    let doc = format!("name: '{}'\n", "é".repeat(500_000)); show("utf8 val y", doc.as_bytes(), &y);
    let doc = format!("name: |\n{}", "  x\n".repeat(250_000)); show("block scalar y", doc.as_bytes(), &y);
    let doc = format!("{}name: x\n", "# comment\n".repeat(100_000)); show("comments y", doc.as_bytes(), &y);
    let doc = format!("{}", "&a ".repeat(300_000)); show("anchors y", doc.as_bytes(), &y);
    let doc = format!("a: {}", "!t ".repeat(300_000)); show("tags y", doc.as_bytes(), &y);
    let doc = "---\n".repeat(250_000); show("docs y", doc.as_bytes(), &y);
    let doc = format!("[{}]", "{},".repeat(300_000)); show("root array", doc.as_bytes(), &j);
    let doc = format!("{{{MIN},\"healthchecks\":{{\"readiness_probe\":{{\"type\":{{\"exec\":{{\"command\":[{}\"\"]}}}}}}}}}}", "\" \",".repeat(200_000)); show("blank commands", doc.as_bytes(), &j);
    let _ = DocumentKind::Response;
}
