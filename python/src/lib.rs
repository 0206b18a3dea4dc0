//! `parley._parley`: the compiled half of the Python package.
//!
//! It hands strings across: the extraction and the event rows as JSON text
//! (the shapes of `parley extract --format mentions` and `parley events
//! --format jsonl`, made by the library's own serializers), RDF as N-Quads or
//! Turtle text. `parley/__init__.py` parses the JSON into dicts and lists;
//! keeping the conversion there keeps this file small and the shapes defined
//! once, in the library.
//!
//! Every call releases the GIL while it extracts (`Python::detach`), so
//! threads of the caller run meanwhile and `extract_many` uses `jobs` cores.

use parley::{
    checked_document, event_rows, extraction_json, ordered_map, write_quads, Document, DocumentFields, DocumentGraph,
    GraphFormat, InputError, Location, ParleyError,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// What one document can be turned into.
#[derive(Clone, Copy)]
enum Output {
    /// The extraction as JSON (entities, mentions, events).
    Json,
    NQuads,
    Turtle,
    /// The event rows as a JSON array.
    Events,
}

impl Output {
    fn parse(name: &str) -> PyResult<Output> {
        match name {
            "dict" | "json" => Ok(Output::Json),
            "nquads" => Ok(Output::NQuads),
            "turtle" => Ok(Output::Turtle),
            "events" => Ok(Output::Events),
            other => Err(PyValueError::new_err(format!(
                "unknown format {other:?}, expected dict, nquads, turtle or events"
            ))),
        }
    }
}

/// A library error as a Python exception: bad input is a `ValueError` with
/// the message the command line prints, a bug a `RuntimeError`.
fn to_py(error: ParleyError) -> PyErr {
    match error {
        ParleyError::Input(input) => PyValueError::new_err(input.to_string()),
        other => PyRuntimeError::new_err(other.to_string()),
    }
}

fn input_error(error: InputError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// Parley's rules and gazetteers, compiled once; extract with it as often as
/// you like, from any thread.
#[pyclass(frozen, module = "parley._parley")]
struct Extractor {
    inner: parley::Extractor,
}

impl Extractor {
    fn render(&self, doc: &Document, outputs: &[Output]) -> Result<Vec<String>, ParleyError> {
        let extraction = self.inner.try_extract(doc)?;
        let graph = DocumentGraph::new(doc, &extraction);
        outputs
            .iter()
            .map(|output| {
                Ok(match output {
                    Output::Json => extraction_json(doc, &extraction)?,
                    Output::NQuads => {
                        let mut bytes = Vec::new();
                        graph.append_nquads(&mut bytes);
                        String::from_utf8(bytes).expect("N-Quads are written from strings")
                    }
                    Output::Turtle => {
                        let bytes = write_quads(GraphFormat::Turtle, graph.to_quads().into_iter().map(Ok), Vec::new())?;
                        String::from_utf8(bytes).expect("Turtle is written from strings")
                    }
                    Output::Events => serde_json::to_string(&event_rows(&graph.to_quads())).map_err(|error| {
                        ParleyError::Serialization {
                            what: "events".into(),
                            source: Box::new(error),
                        }
                    })?,
                })
            })
            .collect()
    }

    fn one(&self, py: Python<'_>, fields: DocumentFields, output: Output) -> PyResult<String> {
        let doc = checked_document(fields, None, &Location::file("<text>")).map_err(input_error)?;
        let mut rendered = py.detach(|| self.render(&doc, &[output])).map_err(to_py)?;
        Ok(rendered.remove(0))
    }
}

/// The fields of one item of `extract_many`: a string (the text; its id is
/// its 1-based position) or a mapping with the keys of a JSONL line.
fn item_fields(
    item: &Bound<'_, PyAny>,
    number: usize,
    location: &Location,
) -> PyResult<Result<DocumentFields, InputError>> {
    if let Ok(text) = item.cast::<PyString>() {
        return Ok(Ok(DocumentFields {
            id: number.to_string(),
            text: text.to_cow()?.into_owned(),
            ..DocumentFields::default()
        }));
    }
    let Ok(dict) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "{location}: expected a str or a dict with \"id\" and \"text\", got {}",
            item.get_type().name()?
        )));
    };
    let field = |name: &'static str| -> PyResult<Result<Option<String>, InputError>> {
        match dict.get_item(name)? {
            None => Ok(Ok(None)),
            Some(value) if value.is_none() => Ok(Ok(None)),
            Some(value) => match value.cast::<PyString>() {
                Ok(text) => Ok(Ok(Some(text.to_cow()?.into_owned()))),
                Err(_) => Ok(Err(InputError::BadField {
                    location: location.clone(),
                    field: name,
                    expected: "a string",
                })),
            },
        }
    };
    macro_rules! get {
        ($name:literal) => {
            match field($name)? {
                Ok(value) => value,
                Err(error) => return Ok(Err(error)),
            }
        };
    }
    let Some(id) = get!("id") else {
        return Ok(Err(InputError::MissingField {
            location: location.clone(),
            field: "id",
        }));
    };
    let Some(text) = get!("text") else {
        return Ok(Err(InputError::MissingField {
            location: location.clone(),
            field: "text",
        }));
    };
    Ok(Ok(DocumentFields {
        id,
        text,
        date: get!("date"),
        title: get!("title"),
        url: get!("url"),
    }))
}

/// One document of `extract_many`: `(None, outputs)` or `(message, None)`.
type ManyResult = (Option<String>, Option<Vec<String>>);

/// Documents taken from the caller's iterable at a time, GIL held; then
/// extracted on `jobs` threads, GIL released.
const CHUNK: usize = 1024;

#[pymethods]
impl Extractor {
    /// Loads and compiles the rules and gazetteers (about a second).
    #[new]
    fn new(py: Python<'_>) -> PyResult<Self> {
        let inner = py.detach(parley::Extractor::new).map_err(to_py)?;
        Ok(Extractor { inner })
    }

    /// The extraction of one document as JSON text.
    #[pyo3(signature = (text, id=None, date=None, title=None, url=None))]
    fn extract_json(
        &self,
        py: Python<'_>,
        text: String,
        id: Option<String>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        self.one(py, fields(text, id, date, title, url), Output::Json)
    }

    /// The document's named graph as N-Quads.
    #[pyo3(signature = (text, id=None, date=None, title=None, url=None))]
    fn extract_nquads(
        &self,
        py: Python<'_>,
        text: String,
        id: Option<String>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        self.one(py, fields(text, id, date, title, url), Output::NQuads)
    }

    /// The document's triples as Turtle.
    #[pyo3(signature = (text, id=None, date=None, title=None, url=None))]
    fn extract_turtle(
        &self,
        py: Python<'_>,
        text: String,
        id: Option<String>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        self.one(py, fields(text, id, date, title, url), Output::Turtle)
    }

    /// The document's event rows as a JSON array.
    #[pyo3(signature = (text, id=None, date=None, title=None, url=None))]
    fn events_json(
        &self,
        py: Python<'_>,
        text: String,
        id: Option<String>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        self.one(py, fields(text, id, date, title, url), Output::Events)
    }

    /// Many documents: for each, `(None, [output, ...])` in the order of
    /// `formats`, or `(message, None)` when the document is bad input.
    #[pyo3(signature = (docs, jobs, formats))]
    fn extract_many(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        jobs: usize,
        formats: Vec<String>,
    ) -> PyResult<Vec<ManyResult>> {
        let outputs = formats
            .iter()
            .map(|f| Output::parse(f))
            .collect::<PyResult<Vec<Output>>>()?;
        let mut results = Vec::new();
        let mut items = docs.try_iter()?;
        let mut number = 0usize;
        loop {
            let mut chunk = Vec::with_capacity(CHUNK);
            for item in items.by_ref().take(CHUNK) {
                number += 1;
                let location = Location::line("<documents>", number);
                let doc = item_fields(&item?, number, &location)?
                    .and_then(|fields| checked_document(fields, None, &location));
                chunk.push(doc);
            }
            if chunk.is_empty() {
                break;
            }
            let done: Vec<Result<Vec<String>, String>> = py.detach(|| {
                let work = |doc: Result<Document, InputError>| match doc {
                    Ok(doc) => self.render(&doc, &outputs).map_err(|e| e.to_string()),
                    Err(error) => Err(error.to_string()),
                };
                ordered_map(chunk.into_iter(), jobs.max(1), 64, work).collect()
            });
            results.extend(done.into_iter().map(|result| match result {
                Ok(outputs) => (None, Some(outputs)),
                Err(message) => (Some(message), None),
            }));
        }
        Ok(results)
    }
}

fn fields(
    text: String,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
) -> DocumentFields {
    DocumentFields {
        id: id.unwrap_or_else(|| "text".to_owned()),
        text,
        date,
        title,
        url,
    }
}

/// The event table's columns, in order.
#[pyfunction]
fn event_columns() -> Vec<&'static str> {
    parley::EVENT_COLUMNS.to_vec()
}

#[pymodule]
fn _parley(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(event_columns, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
