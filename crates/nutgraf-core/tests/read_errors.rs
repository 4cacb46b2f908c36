//! Error paths of the readers: every malformed input is a typed error, never a panic.

use std::path::{Path, PathBuf};

use nutgraf_core::read::{Format, ReadOptions, Reader};
use nutgraf_core::Error;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn scratch(name: &str, file: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("read_errors_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(file);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn malformed_records_carry_line_numbers_and_the_stream_goes_on() {
    let items: Vec<_> = Reader::open(&data("broken.jsonl"), &ReadOptions::default())
        .unwrap()
        .collect();
    assert_eq!(items.len(), 6);
    let lines: Vec<Result<String, (usize, String)>> = items
        .into_iter()
        .map(|r| match r {
            Ok(doc) => Ok(doc.id().unwrap().to_string()),
            Err(Error::Record { line, message, .. }) => Err((line, message)),
            Err(e) => panic!("unexpected {e}"),
        })
        .collect();
    assert_eq!(lines[0], Ok("ok1".to_string()));
    let errors: Vec<_> = lines[1..5].iter().map(|l| l.clone().unwrap_err()).collect();
    assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [2, 3, 4, 5]);
    assert!(errors[0].1.contains("invalid JSON"), "{}", errors[0].1);
    assert!(errors[1].1.contains("JSON object"), "{}", errors[1].1);
    assert!(
        errors[2].1.contains("missing text field \"article\""),
        "{}",
        errors[2].1
    );
    assert!(
        errors[3].1.contains("\"article\" must be"),
        "{}",
        errors[3].1
    );
    assert_eq!(lines[5], Ok("ok2".to_string()));
}

#[test]
fn invalid_utf8_in_a_record_is_a_record_error() {
    let path = scratch(
        "utf8_record",
        "c.jsonl",
        b"{\"article\": \"a\xff\"}\n{\"article\": \"ok\"}\n",
    );
    let items: Vec<_> = Reader::open(&path, &ReadOptions::default())
        .unwrap()
        .collect();
    assert!(
        matches!(&items[0], Err(Error::Record { line: 1, message, .. }) if message.contains("UTF-8"))
    );
    assert!(items[1].is_ok());
    let lossy = ReadOptions {
        lossy: true,
        ..ReadOptions::default()
    };
    let items: Vec<_> = Reader::open(&path, &lossy).unwrap().collect();
    assert_eq!(items[0].as_ref().unwrap().text(), "a\u{fffd}");
}

#[test]
fn invalid_utf8_in_a_document_reports_the_offset() {
    let path = scratch("utf8_doc", "d.txt", b"Hello there.\nBad \xc3\x28 byte.\n");
    let err = Reader::open(&path, &ReadOptions::default())
        .unwrap()
        .next()
        .unwrap()
        .unwrap_err();
    match err {
        Error::InvalidUtf8 { offset, path: p } => {
            assert_eq!(offset, 17);
            assert_eq!(p, path);
        }
        other => panic!("unexpected {other}"),
    }
    let lossy = ReadOptions {
        lossy: true,
        ..ReadOptions::default()
    };
    let doc = Reader::open(&path, &lossy)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(doc.text().contains('\u{fffd}'));
}

#[test]
fn binary_files_are_rejected() {
    let path = scratch("binary", "b.bin", b"\x7fELF\x02\x01\x01\0\0\0\0\0");
    let first = |path: &Path| {
        Reader::open(path, &ReadOptions::default())
            .unwrap()
            .next()
            .unwrap()
    };
    let err = first(&path).unwrap_err();
    assert!(matches!(err, Error::Binary { .. }), "{err}");
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8 | 0x80)
        .collect();
    let path = scratch("noise", "n.txt", &noise);
    assert!(matches!(first(&path), Err(Error::Binary { .. })));
}

#[test]
fn empty_files() {
    let path = scratch("empty_txt", "e.txt", b"");
    let docs: Vec<_> = Reader::open(&path, &ReadOptions::default())
        .unwrap()
        .collect();
    assert_eq!(docs.len(), 1);
    assert!(docs[0].as_ref().unwrap().is_empty());
    let path = scratch("empty_jsonl", "e.jsonl", b"");
    assert_eq!(
        Reader::open(&path, &ReadOptions::default())
            .unwrap()
            .count(),
        0
    );
    let path = scratch("blank_jsonl", "e.jsonl", b"\n  \n");
    assert_eq!(
        Reader::open(&path, &ReadOptions::default())
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn missing_file_is_an_io_error() {
    let err = Reader::open(
        Path::new("/nonexistent/nutgraf/x.txt"),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
}

#[test]
fn corrupt_gzip_is_an_io_error() {
    let path = scratch(
        "corrupt_gz",
        "c.jsonl.gz",
        b"\x1f\x8b\x08\x00garbage that is not deflate",
    );
    let result: Vec<_> = match Reader::open(&path, &ReadOptions::default()) {
        Ok(reader) => reader.collect(),
        Err(e) => vec![Err(e)],
    };
    assert!(
        matches!(result.last(), Some(Err(Error::Io { .. }))),
        "{result:?}"
    );
}

#[test]
fn summarunner_label_count_mismatch_names_the_field() {
    let path = scratch(
        "labels",
        "s.jsonl",
        b"{\"doc\": \"a\\nb\", \"labels\": \"1\\n0\\n1\"}\n",
    );
    let forced = ReadOptions {
        format: Some(Format::Summarunner),
        ..ReadOptions::default()
    };
    let err = Reader::open(&path, &forced)
        .unwrap()
        .next()
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Record { line: 1, message, .. } if message.contains("labels")),
        "{err}"
    );
}

#[test]
fn unknown_format_name() {
    assert!(matches!(
        "xml".parse::<Format>(),
        Err(Error::InvalidConfig { .. })
    ));
    assert_eq!(
        "summarunner".parse::<Format>().unwrap(),
        Format::Summarunner
    );
}
