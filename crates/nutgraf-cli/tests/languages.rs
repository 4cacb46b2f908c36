//! `--language`: detection by default, reported in `--output json`; a forced language; the
//! splitter's rules for text written without spaces.

mod util;

use util::{nutgraf, write};

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap()
}

#[test]
fn the_language_is_detected_reported_and_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let german = write(
        &dir,
        "de.txt",
        "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August. Die Frankfurter Rundschau \
         berichtete darüber ausführlich. Das Museum öffnet im Herbst."
            .as_bytes(),
    );
    let run = nutgraf(&["summarize", &german, "-o", "json", "-k", "1"]).expect_code(0);
    let v = json(&run.stdout);
    assert_eq!(v["language"], "de");
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
    let run = nutgraf(&["summarize", &german, "-o", "json", "--language", "en"]).expect_code(0);
    let v = json(&run.stdout);
    assert_eq!(v["language"], "en");
    assert_eq!(
        v["sentences"].as_array().unwrap().len(),
        5,
        "English rules split at `2.`"
    );
    let run = nutgraf(&["summarize", &german, "--language", "xx"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--language"), "{}", run.stderr);
}

#[test]
fn chinese_text_is_split_and_summarized() {
    let dir = tempfile::tempdir().unwrap();
    let text = "周一风暴袭击了海岸。数千户家庭停电！官员说，修复工作需要一周。风暴还造成了洪水。";
    let path = write(&dir, "zh.txt", text.as_bytes());
    let run = nutgraf(&[
        "summarize",
        &path,
        "--method",
        "textrank",
        "-k",
        "2",
        "-o",
        "json",
    ])
    .expect_code(0);
    let v = json(&run.stdout);
    assert_eq!(v["language"], "zh");
    let sentences = v["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 4);
    assert_eq!(sentences[0]["text"], "周一风暴袭击了海岸。");
    assert_eq!(sentences[0]["char_span"], serde_json::json!([0, 10]));
    assert_eq!(v["summary"].as_array().unwrap().len(), 2);
}
