//! Documents as read from input files: id, text and metadata.
//!
//! Inputs are `.txt` files (one document each, id = file stem), `.jsonl` files
//! (one document a line), directories (their `.txt` and `.jsonl` files, sorted
//! by name, not recursive) and `-` (standard input, one document, id `stdin`).
//!
//! [`read_inputs`] yields one result per document *or* per failure, in input
//! order, instead of stopping at the first error, and reads as it goes (a
//! JSONL file a line at a time) so that memory does not grow with the
//! corpus. `parley extract` and `parley build` report a bad document on
//! standard error, go on with the others, and exit non-zero at the end.
//!
//! Text is kept exactly as given (only a leading UTF-8 byte order mark is
//! dropped): CRLF is not normalized, because mention and evidence offsets must
//! index the text the user has.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::NaiveDate;
use thiserror::Error;

use line::{Field, Line};

mod line;

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
    /// A whole file (or another named source, such as `<text>`).
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
        }
    }

    /// One line of a file (or one item of a sequence).
    pub fn line(file: &str, line: usize) -> Location {
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
    /// A line of an N-Quads shard that does not parse; its graph is skipped.
    #[error("{location}: invalid N-Quads: {message}")]
    InvalidRdf { location: Location, message: String },
    /// A quad of an N-Quads shard outside any named graph (every document
    /// is a named graph).
    #[error("{location}: quad in the default graph (expected one named graph per document)")]
    NotInNamedGraph { location: Location },
    /// A document graph of an N-Quads shard met a second time, in the same
    /// shard after other graphs or in another shard.
    #[error("{location}: graph <{graph}> appears again (first at {first})")]
    RepeatedGraph {
        location: Location,
        graph: String,
        first: Location,
    },
    /// A document longer than [`MAX_DOCUMENT_BYTES`].
    #[error("{location}: document of {} MiB is over the limit of {} MiB; split it into smaller documents", mib(*.bytes), mib(MAX_DOCUMENT_BYTES as u64))]
    TooLarge { location: Location, bytes: u64 },
    /// A second document with an id already used in this run.
    #[error("{location}: duplicate document id {id:?} (first seen at {first})")]
    DuplicateId {
        location: Location,
        id: String,
        first: Location,
    },
}

/// The longest document Parley reads, in bytes of UTF-8 text: a thousand
/// times a long news article. Extraction takes time in proportion to length
/// (about half a second per megabyte on one core), and the graph of one
/// document is held in memory until it is written, so a longer text is
/// refused with [`InputError::TooLarge`] rather than left to run for minutes.
pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// Bytes as MiB with one decimal, for messages.
fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1u64 << 20) as f64)
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
    // the digits read in place: chrono's parser of a format string cost
    // some 1,200 instructions a document, and gives the same date for this shape
    let number = |from: usize, to: usize| bytes[from..to].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    NaiveDate::from_ymd_opt(number(0, 4) as i32, number(5, 7), number(8, 10))
}

/// Reads every document of `paths`, in input order, one at a time.
///
/// Yields one `Ok` per document and one `Err` per input that could not be
/// read (a whole file, or one JSONL line). `default_date` (from `--date`) is
/// every document's date unless a JSONL line gives its own. A document whose
/// id was already read is an error ([`InputError::DuplicateId`]); the first
/// one wins.
///
/// Memory does not grow with the corpus: a JSONL file is read a line at a
/// time, a `.txt` file when its turn comes. What is kept is the id and
/// place of every document read, for the duplicate check.
pub fn read_inputs(paths: &[PathBuf], default_date: Option<NaiveDate>) -> Inputs {
    Inputs {
        pending: paths.iter().rev().cloned().collect(),
        current: None,
        default_date,
        seen: HashMap::new(),
        bytes_read: 0,
    }
}

/// Every document of a list of inputs, for callers that want them all at
/// once (tests, small jobs); see [`read_inputs`].
pub fn load_inputs(paths: &[PathBuf], default_date: Option<NaiveDate>) -> Vec<Result<Document, InputError>> {
    read_inputs(paths, default_date).collect()
}

/// The documents of a list of inputs, as an iterator: see [`read_inputs`].
pub struct Inputs {
    /// Paths still to open, last first.
    pending: Vec<PathBuf>,
    /// The JSONL file being read, if any.
    current: Option<JsonlLines>,
    default_date: Option<NaiveDate>,
    seen: HashMap<String, Location>,
    bytes_read: u64,
}

impl Inputs {
    /// Input bytes consumed so far (file sizes and JSONL lines), for progress.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The documents, and a cell that holds how many bytes of input have
    /// been read so far, for a progress bar: the iterator moves into the
    /// batching of `ordered_map`, so the count is shared rather than asked
    /// of it.
    pub fn counting_bytes(mut self) -> (impl Iterator<Item = Result<Document, InputError>>, Rc<Cell<u64>>) {
        let bytes_read = Rc::new(Cell::new(0u64));
        let counter = Rc::clone(&bytes_read);
        let source = std::iter::from_fn(move || {
            let next = self.next();
            counter.set(self.bytes_read());
            next
        });
        (source, bytes_read)
    }

    /// The size in bytes of every input file that exists (directories
    /// expanded; standard input counts 0), for a progress bar's length.
    pub fn total_bytes(paths: &[PathBuf]) -> u64 {
        let size = |path: &Path| fs::metadata(path).map_or(0, |m| if m.is_file() { m.len() } else { 0 });
        let input_size = |path: &PathBuf| {
            if path.is_dir() {
                directory_files(path).map_or(0, |files| files.iter().map(|f| size(f)).sum())
            } else {
                size(path)
            }
        };
        paths.iter().map(input_size).sum()
    }

    /// The next document or failure, before the duplicate check.
    fn next_loaded(&mut self) -> Option<Loaded> {
        loop {
            if let Some(lines) = &mut self.current {
                match lines.next(self.default_date) {
                    Some((loaded, bytes)) => {
                        self.bytes_read += bytes;
                        return Some(loaded);
                    }
                    None => self.current = None,
                }
            }
            let path = self.pending.pop()?;
            match open_path(&path, self.default_date) {
                Opened::Done(loaded, bytes) => {
                    self.bytes_read += bytes;
                    return Some(loaded);
                }
                Opened::Files(mut files) => {
                    files.reverse();
                    self.pending.extend(files);
                }
                Opened::Lines(lines) => self.current = Some(lines),
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let loaded = self.next_loaded()?;
        Some(loaded.and_then(|(doc, location)| {
            if let Some(first) = self.seen.get(&doc.id) {
                return Err(InputError::DuplicateId {
                    location,
                    id: doc.id,
                    first: first.clone(),
                });
            }
            self.seen.insert(doc.id.clone(), location);
            Ok(doc)
        }))
    }
}

type Loaded = Result<(Document, Location), InputError>;

/// What opening one path gave.
enum Opened {
    /// One document or one failure, and the bytes it took.
    Done(Loaded, u64),
    /// A directory's input files, sorted.
    Files(Vec<PathBuf>),
    /// A JSONL file, to be read line by line.
    Lines(JsonlLines),
}

/// One path: standard input, a directory, or a file.
fn open_path(path: &Path, default_date: Option<NaiveDate>) -> Opened {
    if path.as_os_str() == "-" {
        let location = Location::file("<stdin>");
        let mut bytes = Vec::new();
        // one byte past the limit is enough to know the text is too long
        let limit = MAX_DOCUMENT_BYTES as u64 + BOM.len() as u64 + 1;
        if let Err(cause) = io::stdin().lock().take(limit).read_to_end(&mut bytes) {
            return Opened::Done(Err(InputError::Read { location, cause }), 0);
        }
        let size = bytes.len() as u64;
        return Opened::Done(text_document("stdin".to_owned(), &bytes, location, default_date), size);
    }
    let location = Location::file(path.display().to_string());
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(cause) if cause.kind() == io::ErrorKind::NotFound => {
            return Opened::Done(Err(InputError::NotFound { path: path.to_owned() }), 0)
        }
        Err(cause) => return Opened::Done(Err(InputError::Read { location, cause }), 0),
    };
    if metadata.is_dir() {
        return match directory_files(path) {
            Ok(files) if files.is_empty() => Opened::Done(Err(InputError::EmptyDirectory { location }), 0),
            Ok(files) => Opened::Files(files),
            Err(cause) => Opened::Done(Err(InputError::Read { location, cause }), 0),
        };
    }
    let Some(kind) = kind_of(path) else {
        return Opened::Done(Err(InputError::Unsupported { location }), 0);
    };
    match kind {
        Kind::Txt => {
            // refused before it is read: the size is known from the file system
            if metadata.len() > (MAX_DOCUMENT_BYTES + BOM.len()) as u64 {
                let bytes = metadata.len();
                return Opened::Done(Err(InputError::TooLarge { location, bytes }), bytes);
            }
            let bytes = match fs::read(path) {
                Ok(bytes) => bytes,
                Err(cause) => return Opened::Done(Err(InputError::Read { location, cause }), 0),
            };
            let id = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            let size = bytes.len() as u64;
            Opened::Done(text_document(id, &bytes, location, default_date), size)
        }
        Kind::Jsonl => match fs::File::open(path) {
            Ok(file) => Opened::Lines(JsonlLines::new(
                io::BufReader::with_capacity(1 << 16, file),
                location.file,
            )),
            Err(cause) => Opened::Done(Err(InputError::Read { location, cause }), 0),
        },
    }
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

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A whole file (or standard input) as one document.
fn text_document(id: String, bytes: &[u8], location: Location, date: Option<NaiveDate>) -> Loaded {
    if bytes.contains(&0) {
        return Err(InputError::Binary { location });
    }
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    // before the UTF-8 check: standard input is read only to one byte past
    // the limit, which may end inside a character
    if bytes.len() - skip > MAX_DOCUMENT_BYTES {
        let bytes = (bytes.len() - skip) as u64;
        return Err(InputError::TooLarge { location, bytes });
    }
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

/// The documents of a JSONL source, one line at a time.
///
/// Lines are checked one by one so that a bad line costs only its document.
struct JsonlLines {
    reader: Box<dyn BufRead + Send>,
    file: String,
    /// Line number of the last line read.
    number: usize,
    /// Byte offset of the next line in the file.
    offset: usize,
    /// Whether any non-blank line was seen (a file of blank lines is empty).
    any: bool,
    done: bool,
    line: Vec<u8>,
}

impl JsonlLines {
    fn new(reader: impl BufRead + Send + 'static, file: String) -> JsonlLines {
        JsonlLines {
            reader: Box::new(reader),
            file,
            number: 0,
            offset: 0,
            any: false,
            done: false,
            line: Vec::new(),
        }
    }

    /// The next document or failure, with the bytes read for it.
    fn next(&mut self, default_date: Option<NaiveDate>) -> Option<(Loaded, u64)> {
        let mut consumed = 0u64;
        while !self.done {
            self.line.clear();
            let read = match read_line(&mut *self.reader, &mut self.line) {
                Ok(read) => read,
                Err(cause) => {
                    self.done = true;
                    let location = Location::line(&self.file, self.number + 1);
                    return Some((Err(InputError::Read { location, cause }), consumed));
                }
            };
            if read == 0 {
                self.done = true;
                break;
            }
            consumed += read as u64;
            self.number += 1;
            let start = self.offset;
            self.offset += read;
            let location = Location::line(&self.file, self.number);
            let mut raw = &self.line[..];
            if start == 0 && raw.starts_with(BOM) {
                raw = &raw[BOM.len()..];
            }
            let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
            // memchr's search: the slice's `contains` looks at a byte at a time
            if memchr::memchr(0, raw).is_some() {
                self.any = true;
                return Some((Err(InputError::Binary { location }), consumed));
            }
            let line = match std::str::from_utf8(raw) {
                Ok(line) => line,
                Err(error) => {
                    self.any = true;
                    let skipped = if start == 0 && self.line.starts_with(BOM) {
                        BOM.len()
                    } else {
                        0
                    };
                    let byte = start + skipped + error.valid_up_to();
                    return Some((Err(InputError::InvalidUtf8 { location, byte }), consumed));
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            self.any = true;
            return Some((jsonl_document(line, location, default_date), consumed));
        }
        if !self.any {
            // report an empty file once
            self.any = true;
            return Some((
                Err(InputError::Empty {
                    location: Location::file(&self.file),
                }),
                consumed,
            ));
        }
        None
    }
}

/// What `reader.read_until(b'\n', line)` does, with memchr's search for
/// the newline in each buffer (the standard library's looks at a byte at a
/// time).
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let (ended, used) = {
            let available = match reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            match memchr::memchr(b'\n', available) {
                Some(at) => {
                    line.extend_from_slice(&available[..=at]);
                    (true, at + 1)
                }
                None => {
                    line.extend_from_slice(available);
                    (available.is_empty(), available.len())
                }
            }
        };
        reader.consume(used);
        read += used;
        if ended {
            return Ok(read);
        }
    }
}

/// Every document of an in-memory JSONL text (for tests).
/// The documents of JSON Lines held in memory (a request body of `parley
/// serve`), by the rules of a `.jsonl` file; errors name `name` and the line.
pub fn jsonl_from_bytes(
    bytes: &[u8],
    name: &str,
    default_date: Option<NaiveDate>,
) -> Vec<Result<Document, InputError>> {
    jsonl_documents(bytes, name, default_date)
        .into_iter()
        .map(|loaded| loaded.map(|(doc, _)| doc))
        .collect()
}

/// One plain-text document held in memory, by the rules of a `.txt` file
/// (its id given, since there is no file name); errors name `name`.
pub fn text_from_bytes(id: String, bytes: &[u8], name: &str, date: Option<NaiveDate>) -> Result<Document, InputError> {
    text_document(id, bytes, Location::file(name), date).map(|(doc, _)| doc)
}

fn jsonl_documents(bytes: &[u8], file: &str, default_date: Option<NaiveDate>) -> Vec<Loaded> {
    let mut lines = JsonlLines::new(io::Cursor::new(bytes.to_vec()), file.to_string());
    std::iter::from_fn(|| lines.next(default_date).map(|(loaded, _)| loaded)).collect()
}

fn jsonl_document(line: &str, location: Location, default_date: Option<NaiveDate>) -> Loaded {
    let fields = match serde_json::from_str(line) {
        Ok(Line::Object(fields)) => fields,
        Ok(Line::NotAnObject) => return Err(InputError::NotAnObject { location }),
        Err(error) => {
            return Err(InputError::InvalidJson {
                location,
                message: error.to_string(),
            })
        }
    };
    // A field that is absent or null is missing; any other non-string is a type error.
    let string = |field: Field, name: &'static str| -> Result<Option<String>, InputError> {
        match field {
            Field::Missing => Ok(None),
            Field::Text(value) => Ok(Some(value)),
            Field::Other => Err(InputError::BadField {
                location: location.clone(),
                field: name,
                expected: "a string",
            }),
        }
    };
    let Some(id) = string(fields.id, "id")? else {
        return Err(InputError::MissingField { location, field: "id" });
    };
    let Some(text) = string(fields.text, "text")? else {
        return Err(InputError::MissingField {
            location,
            field: "text",
        });
    };
    let fields = DocumentFields {
        id,
        text,
        date: string(fields.date, "date")?,
        title: string(fields.title, "title")?,
        url: string(fields.url, "url")?,
    };
    let doc = checked_document(fields, default_date, &location)?;
    Ok((doc, location))
}

/// The fields of a document as a caller gives them (a JSONL line, the Python
/// package), before they are checked.
#[derive(Debug, Clone, Default)]
pub struct DocumentFields {
    pub id: String,
    pub text: String,
    /// `YYYY-MM-DD`; `None` takes the default date.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// A document from its fields, checked as a JSONL line's are (a non-empty
/// id, a text that is not only whitespace, a strict date), with the same
/// errors: `location` names the document in them.
pub fn checked_document(
    fields: DocumentFields,
    default_date: Option<NaiveDate>,
    location: &Location,
) -> Result<Document, InputError> {
    let location = || location.clone();
    if fields.id.trim().is_empty() {
        return Err(InputError::BadField {
            location: location(),
            field: "id",
            expected: "a non-empty string",
        });
    }
    if fields.text.len() > MAX_DOCUMENT_BYTES {
        let bytes = fields.text.len() as u64;
        return Err(InputError::TooLarge {
            location: location(),
            bytes,
        });
    }
    if fields.text.trim().is_empty() {
        return Err(InputError::Empty { location: location() });
    }
    let date = match fields.date {
        None => default_date,
        Some(value) => match parse_date(&value) {
            Some(date) => Some(date),
            None => {
                return Err(InputError::BadDate {
                    location: location(),
                    value,
                })
            }
        },
    };
    Ok(Document {
        id: fields.id,
        text: fields.text,
        date,
        title: fields.title,
        url: fields.url,
    })
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
    fn dates_read_in_place_are_chrono_s() {
        for year in ["0000", "1987", "2024", "2025", "9999"] {
            for month in ["00", "01", "02", "09", "12", "13", "99"] {
                for day in ["00", "01", "28", "29", "30", "31", "32", "99"] {
                    let value = format!("{year}-{month}-{day}");
                    let chrono = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
                    assert_eq!(parse_date(&value), chrono, "{value}");
                }
            }
        }
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
    fn lines_are_read_as_read_until_reads_them() {
        for text in [
            &b""[..],
            b"\n",
            b"a",
            b"a\n",
            b"ab\n\ncd\r\nefghij",
            b"\n\nlong line of bytes\n",
        ] {
            for capacity in [1, 3, 64] {
                let (mut ours, mut std) = (io::BufReader::with_capacity(capacity, text), io::BufReader::new(text));
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let (read, expected) = (
                        read_line(&mut ours, &mut a).unwrap(),
                        std.read_until(b'\n', &mut b).unwrap(),
                    );
                    assert_eq!((read, &a), (expected, &b), "{text:?} {capacity}");
                    if read == 0 {
                        break;
                    }
                }
            }
        }
    }

    #[test]
    fn counting_bytes_follows_the_documents_as_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let lines = dir.path().join("b.jsonl");
        fs::write(&a, "Talks went on.").unwrap();
        let line = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"More talks.\"}}\n");
        fs::write(&lines, line("b1") + &line("b2")).unwrap();
        let (mut documents, bytes_read) = read_inputs(&[a, lines], None).counting_bytes();
        assert_eq!(bytes_read.get(), 0);
        assert_eq!(documents.next().unwrap().unwrap().id, "a");
        assert_eq!(bytes_read.get(), 14);
        assert_eq!(documents.next().unwrap().unwrap().id, "b1");
        assert_eq!(bytes_read.get(), 14 + line("b1").len() as u64);
        assert_eq!(documents.next().unwrap().unwrap().id, "b2");
        assert_eq!(bytes_read.get(), 14 + 2 * line("b1").len() as u64);
        assert!(documents.next().is_none());
    }

    #[test]
    fn text_is_kept_as_given_without_bom() {
        let (doc, _) = text_document("x".into(), b"\xEF\xBB\xBFa\r\nb", Location::file("x.txt"), None).unwrap();
        assert_eq!(doc.text, "a\r\nb");
    }
}
