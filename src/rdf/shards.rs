//! N-Quads shards as `build` input: the output of `parley extract --format
//! nquads` or of the Spark job (`scale/spark_extract.py`), plain or gzipped.
//!
//! Extraction can then run anywhere (a cluster) and the store be built on one
//! machine: each named graph of a shard is one document, put into the store
//! as `build` puts an extracted one, so a store built from shards equals one
//! built from the texts (a test compares `parley export` of both).
//!
//! A document's graph must be contiguous in its file, as both writers make
//! it; a graph met again later, in the same shard or another, is an error
//! (like a duplicate document id) and only that second copy is skipped. A
//! syntax error costs the graph it is in, not the others: the parser goes on
//! at the next line.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser, ReaderQuadParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::extract::model::{EntityKind, EventClass};
use crate::rdf::vocab;
use crate::text::{InputError, Location};

/// True for the paths `build` reads as N-Quads: `.nq` and `.nq.gz` files.
pub fn is_shard(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase());
    name.is_some_and(|name| name.ends_with(".nq") || name.ends_with(".nq.gz"))
}

/// Splits `build`'s inputs into text inputs and N-Quads shards. A directory
/// gives its shards (sorted by name, not recursive) and stays a text input
/// only if it holds no shard or also holds `.txt` or `.jsonl` files.
pub fn split_shards(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut texts, mut shards) = (Vec::new(), Vec::new());
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(path)
                .map(|entries| {
                    entries
                        .filter_map(|entry| entry.ok().map(|e| e.path()))
                        .filter(|p| p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            let has_text = found.iter().any(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("jsonl"))
            });
            let dir_shards: Vec<PathBuf> = found.into_iter().filter(|p| is_shard(p)).collect();
            if dir_shards.is_empty() || has_text {
                texts.push(path.clone());
            }
            shards.extend(dir_shards);
        } else if is_shard(path) {
            shards.push(path.clone());
        } else {
            texts.push(path.clone());
        }
    }
    (texts, shards)
}

/// One document graph read from a shard.
#[derive(Debug)]
pub struct ShardGraph {
    /// The graph name: the document node.
    pub graph: NamedNode,
    /// Its quads, in file order.
    pub quads: Vec<Quad>,
}

impl ShardGraph {
    /// How many events the graph holds and which entities: the nodes typed
    /// with an event class, and those typed with an entity class (what
    /// `build` counts for a document it extracted itself).
    pub fn events_and_entities(&self) -> (usize, Vec<NamedNode>) {
        let event_classes: Vec<_> = EventClass::all().map(vocab::event_class).collect();
        let entity_classes: Vec<_> = [
            EntityKind::Person,
            EntityKind::State,
            EntityKind::Organization,
            EntityKind::Place,
        ]
        .into_iter()
        .map(vocab::entity_class)
        .collect();
        let (mut events, mut entities) = (0, Vec::new());
        for quad in &self.quads {
            let (NamedOrBlankNode::NamedNode(subject), Term::NamedNode(class)) = (&quad.subject, &quad.object) else {
                continue;
            };
            if quad.predicate.as_ref() != vocab::rdf::TYPE {
                continue;
            }
            if event_classes.contains(&class.as_ref()) {
                events += 1;
            } else if entity_classes.contains(&class.as_ref()) {
                entities.push(subject.clone());
            }
        }
        (events, entities)
    }
}

/// Every document graph of `paths`, one at a time, in file order, or an error
/// naming the file and line of what could not be read.
pub fn read_shards(paths: &[PathBuf]) -> Shards {
    Shards {
        pending: paths.iter().rev().cloned().collect(),
        current: None,
        seen: HashMap::new(),
    }
}

/// The graphs of a list of shards: see [`read_shards`].
pub struct Shards {
    pending: Vec<PathBuf>,
    current: Option<OpenShard>,
    /// Where each graph read so far started.
    seen: HashMap<NamedNode, Location>,
}

struct OpenShard {
    file: String,
    parser: ReaderQuadParser<Box<dyn Read>>,
    /// The first quad of the next graph, read while ending the previous one.
    next: Option<Quad>,
    /// The line of `next`, or of the last quad read.
    line: usize,
    done: bool,
}

impl OpenShard {
    fn open(path: &Path) -> Result<OpenShard, InputError> {
        let file = path.display().to_string();
        let reader = File::open(path).map_err(|cause| match cause.kind() {
            io::ErrorKind::NotFound => InputError::NotFound { path: path.to_owned() },
            _ => InputError::Read {
                location: Location {
                    file: file.clone(),
                    line: None,
                },
                cause,
            },
        })?;
        let reader = BufReader::with_capacity(1 << 16, reader);
        let gzipped = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
        let reader: Box<dyn Read> = if gzipped {
            Box::new(MultiGzDecoder::new(reader))
        } else {
            Box::new(reader)
        };
        Ok(OpenShard {
            file,
            parser: RdfParser::from_format(RdfFormat::NQuads).for_reader(reader),
            next: None,
            line: 0,
            done: false,
        })
    }

    fn location(&self, line: usize) -> Location {
        Location {
            file: self.file.clone(),
            line: Some(line),
        }
    }

    /// The next quad, or an error as an input error with its line.
    fn quad(&mut self) -> Option<Result<Quad, InputError>> {
        if self.done {
            return None;
        }
        match self.parser.next()? {
            Ok(quad) => {
                self.line += 1;
                Some(Ok(quad))
            }
            Err(RdfParseError::Syntax(error)) => {
                let line = error
                    .location()
                    .map_or(self.line + 1, |range| range.start.line as usize + 1);
                self.line = line;
                Some(Err(InputError::InvalidRdf {
                    location: self.location(line),
                    message: error.to_string().replace(['\r', '\n'], " "),
                }))
            }
            Err(RdfParseError::Io(cause)) => {
                self.done = true;
                Some(Err(InputError::Read {
                    location: self.location(self.line + 1),
                    cause,
                }))
            }
        }
    }

    /// The next graph, or the error that cost it.
    fn graph(&mut self) -> Option<Result<(ShardGraph, Location), InputError>> {
        let first = match self.next.take() {
            Some(quad) => quad,
            None => match self.quad()? {
                Ok(quad) => quad,
                Err(error) => return Some(Err(error)),
            },
        };
        let start = self.location(self.line);
        let GraphName::NamedNode(graph) = first.graph_name.clone() else {
            return Some(Err(InputError::NotInNamedGraph { location: start }));
        };
        let mut quads = vec![first];
        let mut failed = None;
        while let Some(next) = self.quad() {
            match next {
                Ok(quad) if matches!(&quad.graph_name, GraphName::NamedNode(name) if *name == graph) => {
                    quads.push(quad)
                }
                Ok(quad) => {
                    self.next = Some(quad);
                    break;
                }
                // the rest of a graph with a bad line is read and dropped with it
                Err(error) => {
                    failed.get_or_insert(error);
                }
            }
        }
        Some(match failed {
            Some(error) => Err(error),
            None => Ok((ShardGraph { graph, quads }, start)),
        })
    }
}

impl Iterator for Shards {
    type Item = Result<ShardGraph, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(shard) = &mut self.current {
                match shard.graph() {
                    Some(Ok((graph, location))) => {
                        if let Some(first) = self.seen.get(&graph.graph) {
                            return Some(Err(InputError::RepeatedGraph {
                                location,
                                graph: graph.graph.into_string(),
                                first: first.clone(),
                            }));
                        }
                        self.seen.insert(graph.graph.clone(), location);
                        return Some(Ok(graph));
                    }
                    Some(Err(error)) => return Some(Err(error)),
                    None => self.current = None,
                }
            }
            let path = self.pending.pop()?;
            match OpenShard::open(&path) {
                Ok(shard) => self.current = Some(shard),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_shard_graph_counts_its_typed_events_and_entities() {
        use crate::extract::Extractor;
        use crate::rdf::DocumentGraph;
        use crate::text::Document;

        let doc = Document {
            id: "talks".into(),
            text: "Kenya and Norway held talks in Oslo on Monday. Kenya urged Norway to accept a ceasefire.".into(),
            date: None,
            title: None,
            url: None,
        };
        let extraction = Extractor::new().unwrap().extract(&doc);
        let graph = DocumentGraph::new(&doc, &extraction);
        let shard = ShardGraph {
            graph: crate::rdf::mint::document_iri("talks"),
            quads: graph.to_quads(),
        };
        let (events, mut entities) = shard.events_and_entities();
        // the same counts as the extraction the graph was made from
        assert_eq!(events, extraction.events.len());
        assert!(events >= 2, "a meeting and a demand: {events}");
        let mut expected = graph.entities().to_vec();
        entities.sort();
        expected.sort();
        assert_eq!(entities, expected);
        assert!(
            entities.iter().any(|e| e.as_str().ends_with("/state/KEN")),
            "{entities:?}"
        );
    }

    #[test]
    fn graphs_come_one_at_a_time_and_a_bad_line_costs_only_its_graph() {
        let dir = tempfile::tempdir().unwrap();
        let a = "<http://e/a> <http://e/p> \"1\" <http://e/g1> .\n<http://e/b> <http://e/p> \"2\" <http://e/g1> .\n";
        let bad = "<http://e/a> <http://e/p> \"3\" <http://e/g2> .\n<http://e/a> <http://e/p> oops <http://e/g2> .\n";
        let c = "<http://e/a> <http://e/p> \"4\" <http://e/g3> .\n";
        let again = "<http://e/z> <http://e/p> \"5\" <http://e/g1> .\n";
        let path = write(dir.path(), "x.nq", &format!("{a}{bad}{c}{again}"));
        let results: Vec<Result<ShardGraph, InputError>> = read_shards(&[path]).collect();
        assert_eq!(results.len(), 4);
        let first = results[0].as_ref().unwrap();
        assert_eq!((first.graph.as_str(), first.quads.len()), ("http://e/g1", 2));
        let message = results[1].as_ref().unwrap_err().to_string();
        assert!(
            message.starts_with(&format!("{}:4: invalid N-Quads", dir.path().join("x.nq").display())),
            "{message}"
        );
        assert_eq!(results[2].as_ref().unwrap().graph.as_str(), "http://e/g3");
        let message = results[3].as_ref().unwrap_err().to_string();
        assert!(
            message.contains(":6: graph <http://e/g1> appears again (first at "),
            "{message}"
        );
    }

    #[test]
    fn gzipped_shards_and_directories_are_read() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(b"<http://e/a> <http://e/p> \"1\" <http://e/g1> .\n")
            .unwrap();
        fs::write(dir.path().join("part-1.nq.gz"), encoder.finish().unwrap()).unwrap();
        write(
            dir.path(),
            "part-0.nq",
            "<http://e/a> <http://e/p> \"1\" <http://e/g0> .\n",
        );
        write(dir.path(), "_SUCCESS", "");
        let (texts, shards) = split_shards(&[dir.path().to_owned()]);
        assert!(texts.is_empty());
        assert_eq!(shards.len(), 2);
        let graphs: Vec<String> = read_shards(&shards).map(|g| g.unwrap().graph.into_string()).collect();
        assert_eq!(graphs, ["http://e/g0", "http://e/g1"]);
    }
}
