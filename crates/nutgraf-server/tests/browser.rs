//! The page in headless Chromium (Debian's `chromium`; `.ci/server.sh` installs it): load it,
//! summarize the bundled example, and read the rendered sentences' `data-index` and
//! `data-selected` attributes from the DOM.
//!
//! Chromium runs with `--dump-dom` after `--virtual-time-budget`: it loads the page, lets its
//! script run (the page's `?example&run` loads the example and presses Summarize, the same
//! handler as the button), waits for the page's fetches, and prints the DOM. No driver crate
//! and no CDP session: one process, one output to read, nothing to time out on our side.
//!
//! Without Chromium the tests say so and pass, unless `NUTGRAF_BROWSER_TEST=1` asks for them
//! (as `.ci/server.sh` does), where a missing browser fails.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::TestServer;
use nutgraf_server::Options;

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("NUTGRAF_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// The browser, or `None` (with a note) when it is missing and not required.
fn browser() -> Option<PathBuf> {
    let found = chromium();
    let required = std::env::var_os("NUTGRAF_BROWSER_TEST").is_some_and(|v| v == "1");
    match found {
        None if required => panic!("NUTGRAF_BROWSER_TEST=1 but no chromium on PATH"),
        None => {
            eprintln!("browser test skipped: no chromium on PATH (.ci/server.sh installs it)");
            None
        }
        some => some,
    }
}

/// Chromium's flags that work on this machine (no sandbox as root, no network beyond the page).
fn headless(chromium: &PathBuf, profile: &std::path::Path) -> Command {
    let mut c = Command::new(chromium);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--virtual-time-budget=20000",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The DOM of `url` once the page's script has run.
fn dump_dom(chromium: &PathBuf, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = headless(chromium, profile.path())
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The start tags of the elements whose start tag contains `marker`, within `html`.
fn tags<'a>(html: &'a str, marker: &str) -> Vec<&'a str> {
    html.match_indices(marker)
        .filter_map(|(i, _)| {
            let start = html[..i].rfind('<')?;
            let end = i + html[i..].find('>')?;
            Some(&html[start..=end])
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    Some(&tag[from..from + tag[from..].find('"')?])
}

/// The `<article id="article">` element's HTML.
fn article(dom: &str) -> &str {
    let start = dom
        .find("<article id=\"article\"")
        .expect("the article is rendered");
    let end = start + dom[start..].find("</article>").unwrap();
    &dom[start..end]
}

#[test]
fn the_example_summarized_in_chromium_has_exactly_three_selected_sentences() {
    let Some(chromium) = browser() else { return };
    let server = TestServer::start(Options {
        workers: 2,
        timeout: Duration::from_secs(30),
        ..Options::default()
    });
    let dom = dump_dom(&chromium, &server.url("/?example&run"));
    assert!(
        dom.contains("data-state=\"done\""),
        "the page's script did not finish:\n{dom}"
    );
    let sentences = tags(article(&dom), "class=\"sent\"");
    // Every sentence of the example is rendered, in order, each with both attributes.
    let expected = nutgraf::Document::from_text(&common::example(), &Default::default())
        .unwrap()
        .len();
    assert_eq!(sentences.len(), expected);
    for (i, tag) in sentences.iter().enumerate() {
        assert_eq!(
            attr(tag, "data-index"),
            Some(i.to_string().as_str()),
            "{tag}"
        );
        assert!(
            matches!(attr(tag, "data-selected"), Some("true" | "false")),
            "{tag}"
        );
        assert_eq!(
            attr(tag, "tabindex"),
            Some("0"),
            "{tag}: reachable by keyboard"
        );
    }
    let selected: Vec<&str> = sentences
        .iter()
        .filter(|t| attr(t, "data-selected") == Some("true"))
        .filter_map(|t| attr(t, "data-index"))
        .collect();
    // Lead-3, the page's default method and budget.
    assert_eq!(selected, ["0", "1", "2"]);
    assert_eq!(tags(&dom, "data-selected=\"true\"").len(), 3);
}

#[test]
fn the_compare_view_shows_what_every_method_picks() {
    let Some(chromium) = browser() else { return };
    let server = TestServer::start(Options {
        workers: 2,
        timeout: Duration::from_secs(30),
        ..Options::default()
    });
    let dom = dump_dom(&chromium, &server.url("/?example&compare"));
    let cells = tags(&dom, "data-method=\"");
    let methods: Vec<&str> = nutgraf::MethodConfig::NAMES
        .iter()
        .copied()
        .filter(|m| *m != "oracle")
        .collect();
    let sentences = nutgraf::Document::from_text(&common::example(), &Default::default())
        .unwrap()
        .len();
    assert_eq!(cells.len(), methods.len() * sentences, "{dom}");
    for m in &methods {
        let picked = cells
            .iter()
            .filter(|c| {
                attr(c, "data-method") == Some(m) && attr(c, "data-selected") == Some("true")
            })
            .count();
        assert_eq!(picked, 3, "{m} picks three sentences");
    }
    let lead: Vec<&str> = cells
        .iter()
        .filter(|c| {
            attr(c, "data-method") == Some("lead") && attr(c, "data-selected") == Some("true")
        })
        .filter_map(|c| attr(c, "data-index"))
        .collect();
    assert_eq!(lead, ["0", "1", "2"]);
}

#[test]
fn a_reference_gives_rouge_on_the_page_as_the_api_computes_it() {
    let Some(chromium) = browser() else { return };
    let server = TestServer::start(Options {
        workers: 2,
        timeout: Duration::from_secs(30),
        ..Options::default()
    });
    let reference = "militants pose with american tow missiles in a warehouse in atarib";
    let dom = dump_dom(
        &chromium,
        &server.url(&format!(
            "/?example&run&reference={}",
            reference.replace(' ', "+")
        )),
    );
    assert!(dom.contains("data-state=\"done\""), "{dom}");
    let start = dom
        .find("<section id=\"rouge-box\"")
        .expect("the ROUGE box");
    let end = start + dom[start..].find("</section>").unwrap();
    let rouge = &dom[start..end];
    assert!(!dom[start..start + 80].contains("hidden"), "{rouge}");
    // The page's numbers are the API's, in percent with two decimals.
    let example = common::example();
    let lead3: Vec<&str> = example.lines().take(3).collect();
    let answer = common::runtime().block_on(common::post(
        &server.url("/v1/rouge"),
        &serde_json::json!({"candidates": [lead3], "references": [[[reference]]], "options": {"max_n": 2, "stem": true}}),
    ));
    for metric in ["ROUGE-1", "ROUGE-2", "ROUGE-L"] {
        let f = answer.body["corpus"][metric]["f"].as_f64().unwrap();
        let row_start = rouge.find(&format!("{metric}</th>")).expect(metric);
        let row = &rouge[row_start..row_start + rouge[row_start..].find("</tr>").unwrap()];
        assert!(
            row.contains(&format!("{:.2}", 100.0 * f)),
            "{metric} {f} in {row}"
        );
    }
}
