//! Output conformance: every Turtle graph `parley extract` writes for the dev
//! texts and the examples parses with rdflib, conforms to ontology/shapes.ttl,
//! and uses only terms ontology/parley.ttl declares. Needs python3 with rdflib
//! and pyshacl (`pip install rdflib pyshacl`; `.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract_to(dir: &Path, input: &Path, date: Option<&str>) -> PathBuf {
    let name = input.file_stem().unwrap().to_string_lossy().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parley"));
    cmd.arg("extract").arg(input).args(["--format", "turtle"]);
    if let Some(d) = date {
        cmd.args(["--date", d]);
    }
    let out = cmd.output().expect("parley runs");
    assert!(
        out.status.success(),
        "extract {} failed: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join(format!("{name}.ttl"));
    std::fs::write(&path, out.stdout).unwrap();
    path
}

#[test]
fn extract_output_parses_conforms_to_shapes_and_uses_declared_terms() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let dev = root().join("../shared/eval/texts/dev");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dev)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the shared eval folder must sit beside the repo)",
                dev.display()
            )
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 8, "expected the dev texts in {}", dev.display());
    for t in &texts {
        files.push(extract_to(dir.path(), t, Some("2025-05-16")));
    }
    // shapes describe one document's graph (a merged graph may give an entity
    // several labels), so each example article is extracted on its own
    let examples = std::fs::read_to_string(root().join("examples/articles.jsonl")).unwrap();
    for (n, line) in examples.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let one = dir.path().join(format!("example-{n}.jsonl"));
        std::fs::write(&one, line).unwrap();
        files.push(extract_to(dir.path(), &one, None));
    }
    let out = Command::new("python3")
        .arg(root().join("tests/support/validate.py"))
        .arg(root().join("ontology/parley.ttl"))
        .arg(root().join("ontology/shapes.ttl"))
        .args(&files)
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "validation failed:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        report.contains(&format!("{} files checked, 0 problems", files.len())),
        "{report}"
    );
}
