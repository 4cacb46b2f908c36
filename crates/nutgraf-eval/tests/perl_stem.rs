//! ROUGE-1.5.5's `-m` stemmer against `shared/golden/rouge/stem_table.tsv` (75,826 tokens):
//! the full `-m` result, the Porter step alone, and the WordNet exception entry.

mod perl_util;

use nutgraf_eval::perl::stem::{exception, porter, stem_token};

#[test]
fn stem_table() {
    let table = perl_util::read("rouge/stem_table.tsv");
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (tok, full, porter_only, db) = (
        col("token"),
        col("rouge155_m"),
        col("rouge155_porter_only"),
        col("rouge155_exception_db"),
    );
    let (mut rows, mut diffs) = (0, Vec::new());
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let t = f[tok].as_bytes();
        rows += 1;
        let got_full = String::from_utf8_lossy(&stem_token(t)).into_owned();
        let got_porter = String::from_utf8_lossy(&porter(t)).into_owned();
        let got_db =
            exception(t).map_or("-".to_string(), |v| String::from_utf8_lossy(v).into_owned());
        for (what, want, got) in [
            ("-m", f[full], got_full),
            ("porter", f[porter_only], got_porter),
            ("db", f[db], got_db),
        ] {
            if want != got && diffs.len() < 10 {
                diffs.push(format!(
                    "line {}: {} {what}: golden {want} ours {got}",
                    n + 2,
                    f[tok]
                ));
            }
        }
    }
    println!("stem table: {rows} rows");
    assert_eq!(rows, 75_826);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
