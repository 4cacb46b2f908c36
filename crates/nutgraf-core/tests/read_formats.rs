//! Every reader format, compression, directories and format detection.

use std::io::Write;
use std::path::{Path, PathBuf};

use nutgraf_core::read::{detect_format, parse_text, Format, ReadOptions, Reader};
use nutgraf_core::Document;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("read_formats_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read_all(path: &Path, options: &ReadOptions) -> Vec<Document> {
    Reader::open(path, options)
        .unwrap()
        .map(|d| d.unwrap())
        .collect()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.sentence_texts().collect()
}

#[test]
fn bundled_example_is_read_as_lines_verbatim() {
    let path = shared("data/examples/000_4fe1697fc82e48a7.txt");
    let raw = std::fs::read_to_string(&path).unwrap();
    let mut reader = Reader::open(&path, &ReadOptions::default()).unwrap();
    let doc = reader.next().unwrap().unwrap();
    assert_eq!(reader.format(), Some(Format::Lines));
    assert!(reader.next().is_none());
    let expected: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!((20..=30).contains(&expected.len()), "{}", expected.len());
    assert_eq!(texts(&doc), expected);
    assert_eq!(doc.id(), Some("000_4fe1697fc82e48a7"));
}

#[test]
fn story_file() {
    let docs = read_all(&data("sample.story"), &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(
        texts(doc),
        [
            "LONDON, England (CNN) -- Police in London said on Monday that they had arrested a man.",
            "He is 35.",
            "Mr. Smith, a spokesman, said the U.S. embassy was informed.",
            "\"We are working with them,\" he said.",
        ]
    );
    assert_eq!(
        doc.reference().unwrap(),
        [
            "Police arrested a man in London",
            "The U.S. embassy was informed"
        ]
    );
    let paragraphs: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1, 1]);
    // Spans are offsets into the original file.
    let raw = std::fs::read_to_string(data("sample.story")).unwrap();
    for s in doc.sentences() {
        assert_eq!(&raw[s.span.clone()], &doc.text()[s.span.clone()]);
    }
}

#[test]
fn jsonl_string_and_list_fields() {
    let mut reader = Reader::open(&data("corpus.jsonl"), &ReadOptions::default()).unwrap();
    let first = reader.next_record().unwrap().unwrap();
    assert_eq!(reader.format(), Some(Format::Jsonl));
    assert_eq!(first.line, 1);
    assert_eq!(first.document.id(), Some("a1"));
    assert_eq!(
        texts(&first.document),
        [
            "the storm hit the coast on monday .",
            "thousands were left without power ."
        ]
    );
    assert_eq!(first.document.reference().as_ref().unwrap().len(), 2);
    // Line 2 is blank: the next record is on line 3.
    let second = reader.next_record().unwrap().unwrap();
    assert_eq!(second.line, 3);
    assert_eq!(second.document.id(), Some("2"));
    assert_eq!(
        texts(&second.document),
        ["first sentence", "second sentence"]
    );
    assert_eq!(
        second.document.reference().unwrap(),
        ["one reference .", "and another ."]
    );
    let third = reader.next_record().unwrap().unwrap();
    assert_eq!(
        (third.document.id(), third.document.reference()),
        (None, None)
    );
    assert!(reader.next_record().is_none());
}

#[test]
fn custom_fields() {
    let options = ReadOptions {
        text_field: "body".into(),
        reference_field: "summary".into(),
        ..ReadOptions::default()
    };
    let text = r#"{"body": "a b . c d .", "summary": ["s"]}"#;
    let docs = parse_text(text, Format::Jsonl, &options).unwrap();
    assert_eq!(docs[0].len(), 2);
    assert_eq!(docs[0].reference().unwrap(), ["s"]);
}

#[test]
fn summarunner_records_are_detected() {
    let docs = read_all(&data("summarunner.jsonl"), &ReadOptions::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(
        texts(&docs[0]),
        [
            "the storm hit the coast",
            "thousands were left without power",
            "repairs will take a week"
        ]
    );
    assert_eq!(docs[0].labels().unwrap(), [1, 1, 0]);
    assert_eq!(
        docs[0].reference().unwrap(),
        ["a storm hit", "thousands lost power"]
    );
    assert_eq!(docs[1].labels().unwrap(), [0]);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(bytes, ruzstd::encoding::CompressionLevel::Fastest)
}

#[test]
fn compressed_inputs_by_extension_and_by_magic() {
    let dir = scratch("compressed");
    let plain = std::fs::read(data("corpus.jsonl")).unwrap();
    let expected = read_all(&data("corpus.jsonl"), &ReadOptions::default());
    let cases = [
        ("c.jsonl.gz", gzip(&plain)),
        ("c.jsonl.zst", zstd(&plain)),
        // No telling extension: the magic bytes and the `{` decide.
        ("gz_no_ext", gzip(&plain)),
        ("zst_no_ext", zstd(&plain)),
    ];
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(read_all(&path, &ReadOptions::default()), expected, "{name}");
    }
    let story = std::fs::read(data("sample.story")).unwrap();
    let path = dir.join("s.story.gz");
    std::fs::write(&path, gzip(&story)).unwrap();
    let doc = &read_all(&path, &ReadOptions::default())[0];
    assert_eq!(doc.len(), 4);
    assert_eq!(doc.id(), Some("s"));
}

#[test]
fn every_frame_of_a_zstd_stream_is_read() {
    // `cat a.zst b.zst` is one valid stream of two frames; only the first used to be read.
    let dir = scratch("frames");
    let plain = std::fs::read(data("corpus.jsonl")).unwrap();
    let cut = plain.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut both = zstd(&plain[..cut]);
    both.extend(zstd(&plain[cut..]));
    let path = dir.join("frames.jsonl.zst");
    std::fs::write(&path, both).unwrap();
    let expected = read_all(&data("corpus.jsonl"), &ReadOptions::default());
    assert_eq!(read_all(&path, &ReadOptions::default()), expected);
}

#[test]
fn truncated_zstd_is_an_io_error_in_words() {
    let dir = scratch("truncated");
    let plain = std::fs::read(data("corpus.jsonl")).unwrap().repeat(50);
    let packed = zstd(&plain);
    let path = dir.join("cut.jsonl.zst");
    std::fs::write(&path, &packed[..packed.len() - 10]).unwrap();
    let err = match Reader::open(&path, &ReadOptions::default()) {
        Err(e) => e,
        Ok(reader) => reader
            .filter_map(Result::err)
            .next()
            .expect("an error for the cut"),
    };
    assert!(matches!(err, nutgraf_core::Error::Io { .. }), "{err:?}");
    assert!(err.to_string().ends_with("truncated zstd data"), "{err}");
}

#[test]
fn directory_reads_files_recursively_in_path_order_skipping_hidden() {
    let dir = scratch("dir");
    std::fs::write(dir.join("b.txt"), "second file\nhas lines\n").unwrap();
    std::fs::write(dir.join("a.txt"), "The first file. It is text.\n").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "never read\n").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/c.txt"), "in a subdirectory\n").unwrap();
    std::fs::create_dir(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/d.txt"), "in a hidden directory\n").unwrap();
    let docs = read_all(&dir, &ReadOptions::default());
    let ids: Vec<_> = docs.iter().map(|d| d.id().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(texts(&docs[0]), ["The first file.", "It is text."]);
    assert_eq!(texts(&docs[1]), ["second file", "has lines"]);
}

#[test]
fn a_dangling_link_is_reported_in_its_place_and_the_walk_goes_on() {
    let dir = scratch("dangling");
    std::fs::write(dir.join("a.txt"), "first file\n").unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("b.txt")).unwrap();
    std::fs::write(dir.join("c.txt"), "last file\n").unwrap();
    let items: Vec<_> = Reader::open(&dir, &ReadOptions::default())
        .unwrap()
        .collect();
    assert_eq!(items.len(), 3, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().id(), Some("a"));
    match &items[1] {
        Err(e @ nutgraf_core::Error::Walk { path, .. }) => {
            assert!(path.ends_with("b.txt"), "{e}");
            assert!(e.is_bad_record());
        }
        other => panic!("expected a walk error, got {other:?}"),
    }
    assert_eq!(items[2].as_ref().unwrap().id(), Some("c"));
}

#[test]
fn text_that_starts_with_a_brace_is_text() {
    let opts = ReadOptions::default();
    let doc = Document::from_text("{Breaking} A storm hit. Power was cut.", &opts).unwrap();
    assert_eq!(doc.len(), 2);
    assert_eq!(
        detect_format(r#"{"article": "a b", "#, &opts),
        Format::Jsonl,
        "a broken record is still a record"
    );
    assert_eq!(
        detect_format(r#"{"doc": "a\nb"}"#, &opts),
        Format::Summarunner
    );
}

#[test]
fn directory_symlink_loop_reads_every_file_once() {
    let dir = scratch("loop");
    std::fs::write(dir.join("a.txt"), "only file\n").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/b.txt"), "second file\n").unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("sub/back")).unwrap();
    let docs = read_all(&dir, &ReadOptions::default());
    let ids: Vec<_> = docs.iter().map(|d| d.id().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn plain_text_detection() {
    let opts = ReadOptions::default();
    let raw = "WASHINGTON (CNN) -- The Senate voted on Tuesday. Mr. Obama signed the bill.\n\n\
               The vote was 60-40. Sen. John McCain voted against it.\n";
    assert_eq!(detect_format(raw, &opts), Format::Text);
    let lines = "the senate voted on tuesday\nobama signed the bill\nthe vote was 60 - 40\n";
    assert_eq!(detect_format(lines, &opts), Format::Lines);
    let story = std::fs::read_to_string(data("sample.story")).unwrap();
    assert_eq!(detect_format(&story, &opts), Format::Story);
    let sr = std::fs::read_to_string(data("summarunner.jsonl")).unwrap();
    assert_eq!(detect_format(&sr, &opts), Format::Summarunner);
    let forced = ReadOptions {
        format: Some(Format::Text),
        ..ReadOptions::default()
    };
    assert_eq!(detect_format(lines, &forced), Format::Text);
}

#[test]
fn text_format_paragraphs() {
    let text = "One. Two.\n\nThree.\n";
    let doc = &parse_text(text, Format::Text, &ReadOptions::default()).unwrap()[0];
    assert_eq!(texts(doc), ["One.", "Two.", "Three."]);
    let paragraphs: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1]);
    // Without blank lines, each (long, unwrapped) line is a paragraph.
    let text = "First paragraph here. It has two sentences.\nSecond one\n";
    let doc = &parse_text(text, Format::Text, &ReadOptions::default()).unwrap()[0];
    assert_eq!(
        texts(doc),
        [
            "First paragraph here.",
            "It has two sentences.",
            "Second one"
        ]
    );
}

#[test]
fn lines_format_blank_lines_start_paragraphs() {
    let doc = &parse_text(
        "a b\nc d\n\n\ne f\n",
        Format::Lines,
        &ReadOptions::default(),
    )
    .unwrap()[0];
    assert_eq!(texts(doc), ["a b", "c d", "e f"]);
    let paragraphs: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1]);
}

#[test]
fn cnndm_validation_first_records() {
    let path = shared("data/cnndm/validation.jsonl.gz");
    let mut reader = Reader::open(&path, &ReadOptions::default()).unwrap();
    let first = reader.next_record().unwrap().unwrap();
    assert_eq!(reader.format(), Some(Format::Jsonl));
    let doc = first.document;
    assert_eq!(doc.id(), Some("716be9ee976f78e77483e74c8998fe8b1659b806"));
    assert!(doc
        .sentence(0)
        .starts_with("new delhi ( cnn ) in an unusual public raid"));
    assert!(doc.sentence(0).ends_with("authorities said friday ."));
    assert!(doc.len() > 20, "{}", doc.len());
    assert_eq!(doc.reference().as_ref().unwrap().len(), 2);
    // The next records stream without reading the whole file.
    assert_eq!(reader.take(10).filter(|d| d.is_ok()).count(), 10);
}

/// A DailyMail byline block is not part of the story in any format, unless asked for.
#[test]
fn bylines_are_dropped_in_every_format_unless_kept() {
    let story = "By . Deni Kirkova for MailOnline . PUBLISHED: . 05:15 EST, 9 June 2014 . | . \
                 UPDATED: . 04:22 EST, 10 June 2014 . Lego will launch a series of female \
                 scientists. The set goes on sale in August. It has an astronomer. It has a \
                 chemist. It has a palaeontologist. Each has her tools. The idea won a vote. \
                 Fans are pleased.";
    let lines = "by .\ndeni kirkova .\nfollow @@deni .\nlego will launch a series .\nthe set goes on sale .\n";
    let jsonl = r#"{"article": "by . deni kirkova . lego will launch a series . the set goes on sale .", "highlights": "h"}"#;
    let summarunner =
        r#"{"doc": "by .\ndeni kirkova .\nlego will launch a series .", "labels": "0\n1\n1"}"#;
    let keep = ReadOptions {
        keep_bylines: true,
        ..ReadOptions::default()
    };
    let first = |text: &str, format: Format, options: &ReadOptions| {
        let doc = parse_text(text, format, options).unwrap().remove(0);
        (
            doc.sentence(0).to_string(),
            doc.len(),
            doc.labels().map(<[u8]>::to_vec),
        )
    };
    let (s, n, _) = first(story, Format::Text, &ReadOptions::default());
    assert_eq!(
        (s.as_str(), n),
        ("Lego will launch a series of female scientists.", 8)
    );
    assert_eq!(first(story, Format::Text, &keep).0, "By .");
    let (s, n, _) = first(lines, Format::Lines, &ReadOptions::default());
    assert_eq!((s.as_str(), n), ("lego will launch a series .", 2));
    assert_eq!(first(lines, Format::Lines, &keep).1, 5);
    let (s, _, _) = first(jsonl, Format::Jsonl, &ReadOptions::default());
    assert_eq!(s, "lego will launch a series .");
    let (s, n, labels) = first(summarunner, Format::Summarunner, &ReadOptions::default());
    assert_eq!(
        (s.as_str(), n, labels),
        ("lego will launch a series .", 1, Some(vec![1]))
    );
    assert_eq!(
        first(summarunner, Format::Summarunner, &keep).2,
        Some(vec![0, 1, 1])
    );

    // The story's spans still point into the whole text.
    let doc = Document::from_text(story, &ReadOptions::default()).unwrap();
    assert!(doc.text().starts_with("By . Deni"));
    assert_eq!(
        &doc.text()[doc.sentences()[0].span.clone()],
        doc.sentence(0)
    );

    // An article that starts with "By" is a story.
    let by = "By the time police came, he had gone. Nobody saw him.";
    assert_eq!(first(by, Format::Text, &ReadOptions::default()).1, 2);
    // The option round-trips as JSON.
    let json = serde_json::to_string(&keep).unwrap();
    assert!(json.contains(r#""keep_bylines":true"#), "{json}");
    assert_eq!(serde_json::from_str::<ReadOptions>(&json).unwrap(), keep);
}

/// 6,869 of the 6,870 training articles that open with `by .` lose their byline (the one left
/// runs its author into the story's first sentence); validation has one.
#[test]
fn bylines_in_the_cnndm_files() {
    for (file, expected) in [("train.jsonl.gz", 1), ("validation.jsonl.gz", 0)] {
        let path = shared(&format!("data/cnndm/{file}"));
        if !path.exists() {
            eprintln!("skipping: {} not found", path.display());
            return;
        }
        let left = Reader::open(&path, &ReadOptions::default())
            .unwrap()
            .map(|d| d.unwrap())
            .filter(|d| d.get(0) == Some("by ."))
            .count();
        assert_eq!(left, expected, "{file}");
    }
}
