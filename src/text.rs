//! Documents as read from input files: id, text and metadata.
//!
//! Inputs are `.txt` files (one document each, id = file stem), `.jsonl` files
//! (one document a line), directories (their `.txt` and `.jsonl` files, sorted
//! by name, not recursive) and `-` (standard input, one document, id `stdin`).
//!
//! [`load_inputs`] returns one result per document *or* per failure, in input
//! order, instead of stopping at the first error: `parley build` skips bad
//! documents and goes on, while `parley extract` refuses to write anything
//! when any input is bad. Both policies are then a few lines in the binary.
//!
//! Text is kept exactly as given (only a leading UTF-8 byte order mark is
//! dropped): CRLF is not normalized, because mention and evidence offsets must
//! index the text the user has.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;
use thiserror::Error;

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file stem of a `.txt` file, or the JSONL `id`.
    pub id: String,
    pub text: String,
    /// Publication date, used to resolve relative dates.
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Where an input error is: a file, or a file and a 1-based line (JSONL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (`<stdin>` for standard input).
    pub file: String,
    /// The line, for one document of a JSONL file.
    pub line: Option<usize>,
}

impl Location {
    fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
        }
    }

    fn line(file: &str, line: usize) -> Location {
        Location {
            file: file.to_owned(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// Why an input (a file, or one line of a JSONL file) was not read as a document.
///
/// Every message is one line and starts with the file (and line), except
/// [`InputError::NotFound`] which reads `no such file: PATH`.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path does not exist.
    #[error("no such file: {}", path.display())]
    NotFound { path: PathBuf },
    /// The file or directory exists but could not be read.
    #[error("{location}: cannot read: {cause}")]
    Read { location: Location, cause: io::Error },
    /// A directory without any `.txt` or `.jsonl` file.
    #[error("{location}: directory has no .txt or .jsonl files")]
    EmptyDirectory { location: Location },
    /// A file whose extension is neither `.txt` nor `.jsonl`.
    #[error("{location}: unsupported input (expected a .txt or .jsonl file, a directory, or -)")]
    Unsupported { location: Location },
    /// The bytes are not UTF-8; `byte` is the offset of the first bad byte in the file.
    #[error("{location}: not valid UTF-8 at byte {byte}")]
    InvalidUtf8 { location: Location, byte: usize },
    /// The file contains NUL bytes, so it is not text.
    #[error("{location}: binary file (contains NUL bytes)")]
    Binary { location: Location },
    /// The file, or the JSONL `text`, is empty or only whitespace.
    #[error("{location}: empty document")]
    Empty { location: Location },
    /// A JSONL line that is not JSON.
    #[error("{location}: invalid JSON: {message}")]
    InvalidJson { location: Location, message: String },
    /// A JSONL line that is JSON but not an object.
    #[error("{location}: expected a JSON object")]
    NotAnObject { location: Location },
    /// A required JSONL field is absent (or null).
    #[error("{location}: missing \"{field}\"")]
    MissingField { location: Location, field: &'static str },
    /// A JSONL field has the wrong type or an unusable value.
    #[error("{location}: \"{field}\" must be {expected}")]
    BadField {
        location: Location,
        field: &'static str,
        expected: &'static str,
    },
    /// A JSONL `date` that is not an existing YYYY-MM-DD date.
    #[error("{location}: bad date {value:?}, expected YYYY-MM-DD")]
    BadDate { location: Location, value: String },
    /// A second document with an id already used in this run.
    #[error("{location}: duplicate document id {id:?} (first seen at {first})")]
    DuplicateId {
        location: Location,
        id: String,
        first: Location,
    },
}

/// Parses a strict `YYYY-MM-DD` date (four-digit year, two-digit month and day).
///
/// Stricter than chrono's `%Y-%m-%d`, which also takes `2025-1-5` or `+2025-01-05`:
/// a date in another shape is more likely a mistake than an intent.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let bytes = value.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// Reads every input named in `paths`, in order.
///
/// Returns one `Ok` per document and one `Err` per input that could not be
/// read (a whole file, or one JSONL line), in input order. `default_date`
/// (from `--date`) is every document's date unless a JSONL line gives its own.
/// A document whose id was already read in this call is an error
/// ([`InputError::DuplicateId`]); the first one wins.
pub fn load_inputs(paths: &[PathBuf], default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    let mut results = Vec::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    for path in paths {
        for result in load_path(path, default_date) {
            results.push(result.and_then(|(doc, location)| {
                if let Some(first) = seen.get(&doc.id) {
                    return Err(InputError::DuplicateId {
                        location,
                        id: doc.id,
                        first: first.clone(),
                    });
                }
                seen.insert(doc.id.clone(), location);
                Ok(doc)
            }));
        }
    }
    results
}

type Loaded = Result<(Document, Location), InputError>;

/// One path: standard input, a directory, or a file.
fn load_path(path: &Path, default_date: Option<NaiveDate>) -> Vec<Loaded> {
    if path.as_os_str() == "-" {
        let location = Location::file("<stdin>");
        let mut bytes = Vec::new();
        if let Err(cause) = io::stdin().lock().read_to_end(&mut bytes) {
            return vec![Err(InputError::Read { location, cause })];
        }
        return vec![text_document("stdin".to_owned(), &bytes, location, default_date)];
    }
    let location = Location::file(path.display().to_string());
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(cause) if cause.kind() == io::ErrorKind::NotFound => {
            return vec![Err(InputError::NotFound { path: path.to_owned() })]
        }
        Err(cause) => return vec![Err(InputError::Read { location, cause })],
    };
    if metadata.is_dir() {
        return match directory_files(path) {
            Ok(files) if files.is_empty() => vec![Err(InputError::EmptyDirectory { location })],
            Ok(files) => files.iter().flat_map(|file| load_file(file, default_date)).collect(),
            Err(cause) => vec![Err(InputError::Read { location, cause })],
        };
    }
    load_file(path, default_date)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Txt,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let extension = path.extension()?.to_str()?;
    if extension.eq_ignore_ascii_case("txt") {
        Some(Kind::Txt)
    } else if extension.eq_ignore_ascii_case("jsonl") {
        Some(Kind::Jsonl)
    } else {
        None
    }
}

/// The `.txt` and `.jsonl` files directly in `dir`, sorted by name. Other
/// files are ignored: a corpus directory often holds a README or a licence.
fn directory_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && kind_of(&path).is_some() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn load_file(path: &Path, default_date: Option<NaiveDate>) -> Vec<Loaded> {
    let location = Location::file(path.display().to_string());
    let Some(kind) = kind_of(path) else {
        return vec![Err(InputError::Unsupported { location })];
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(cause) => return vec![Err(InputError::Read { location, cause })],
    };
    match kind {
        Kind::Txt => {
            let id = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            vec![text_document(id, &bytes, location, default_date)]
        }
        Kind::Jsonl => jsonl_documents(&bytes, &location.file, default_date),
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A whole file (or standard input) as one document.
fn text_document(id: String, bytes: &[u8], location: Location, date: Option<NaiveDate>) -> Loaded {
    if bytes.contains(&0) {
        return Err(InputError::Binary { location });
    }
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let text = match std::str::from_utf8(&bytes[skip..]) {
        Ok(text) => text,
        Err(error) => {
            return Err(InputError::InvalidUtf8 {
                location,
                byte: skip + error.valid_up_to(),
            })
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty { location });
    }
    let doc = Document {
        id,
        text: text.to_owned(),
        date,
        title: None,
        url: None,
    };
    Ok((doc, location))
}

/// Every non-blank line of a JSONL file as one document (or one error).
///
/// Lines are checked one by one so that a bad line costs only its document.
fn jsonl_documents(bytes: &[u8], file: &str, default_date: Option<NaiveDate>) -> Vec<Loaded> {
    if bytes.contains(&0) {
        return vec![Err(InputError::Binary {
            location: Location::file(file),
        })];
    }
    let mut results = Vec::new();
    let mut offset = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut number = 0;
    while offset < bytes.len() {
        number += 1;
        let end = bytes[offset..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |i| offset + i);
        let raw = &bytes[offset..end];
        let start = offset;
        offset = end + 1;
        let location = Location::line(file, number);
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line,
            Err(error) => {
                results.push(Err(InputError::InvalidUtf8 {
                    location,
                    byte: start + error.valid_up_to(),
                }));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        results.push(jsonl_document(line, location, default_date));
    }
    if results.is_empty() {
        results.push(Err(InputError::Empty {
            location: Location::file(file),
        }));
    }
    results
}

fn jsonl_document(line: &str, location: Location, default_date: Option<NaiveDate>) -> Loaded {
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(error) => {
            return Err(InputError::InvalidJson {
                location,
                message: error.to_string(),
            })
        }
    };
    let Value::Object(object) = value else {
        return Err(InputError::NotAnObject { location });
    };
    // A field that is absent or null is missing; any other non-string is a type error.
    let string = |field: &'static str| -> Result<Option<String>, InputError> {
        match object.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(value)) => Ok(Some(value.clone())),
            Some(_) => Err(InputError::BadField {
                location: location.clone(),
                field,
                expected: "a string",
            }),
        }
    };
    let Some(id) = string("id")? else {
        return Err(InputError::MissingField { location, field: "id" });
    };
    if id.trim().is_empty() {
        return Err(InputError::BadField {
            location,
            field: "id",
            expected: "a non-empty string",
        });
    }
    let Some(text) = string("text")? else {
        return Err(InputError::MissingField {
            location,
            field: "text",
        });
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty { location });
    }
    let date = match string("date")? {
        None => default_date,
        Some(value) => match parse_date(&value) {
            Some(date) => Some(date),
            None => return Err(InputError::BadDate { location, value }),
        },
    };
    let title = string("title")?;
    let url = string("url")?;
    Ok((
        Document {
            id,
            text,
            date,
            title,
            url,
        },
        location,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_dates() {
        assert!(parse_date("2025-05-16").is_some());
        assert!(parse_date("2025-13-01").is_none());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("2025-1-05").is_none());
        assert!(parse_date("+2025-01-05").is_none());
    }

    #[test]
    fn jsonl_lines_fail_alone() {
        let input = b"{\"id\":\"a\",\"text\":\"A.\"}\n\n{\"id\":1,\"text\":\"B.\"}\r\n{bad\n\xFF\n{\"id\":\"c\",\"text\":\"C.\",\"date\":\"2025-13-01\"}\n";
        let results = jsonl_documents(input, "f.jsonl", None);
        assert_eq!(results.len(), 5);
        assert!(results[0].is_ok());
        let messages: Vec<String> = results[1..]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert_eq!(messages[0], "f.jsonl:3: \"id\" must be a string");
        assert!(messages[1].starts_with("f.jsonl:4: invalid JSON: "));
        assert_eq!(messages[2], "f.jsonl:5: not valid UTF-8 at byte 51");
        assert_eq!(messages[3], "f.jsonl:6: bad date \"2025-13-01\", expected YYYY-MM-DD");
    }

    #[test]
    fn text_is_kept_as_given_without_bom() {
        let (doc, _) = text_document("x".into(), b"\xEF\xBB\xBFa\r\nb", Location::file("x.txt"), None).unwrap();
        assert_eq!(doc.text, "a\r\nb");
    }
}
