//! The one place where instance IRIs are minted.
//!
//! IRIs are the identity of things in the graph: two documents that name the
//! same state must produce the same IRI, and rebuilding a document must give
//! the same event IRIs so that its old graph is replaced, not duplicated.
//! Keeping every pattern here makes that a property of one short file.
//!
//! Every variable part is percent-encoded (anything outside
//! `[A-Za-z0-9._~-]`, as UTF-8 bytes), so any document id or key gives a
//! valid IRI, and distinct strings give distinct IRIs.

use oxigraph::model::{NamedNode, NamedNodeRef};

use super::vocab::ID_NS;
use crate::extract::model::{EntityKey, EventClass};

/// The subject of the marker triple that tells a Parley store from any other
/// RocksDB directory (`<.../id/store> dcterms:conformsTo <.../ontology>`).
pub const STORE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/parley/id/store");

/// The object of the store marker triple.
pub const ONTOLOGY: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://w3id.org/parley/ontology");

/// Percent-encodes every byte outside the IRI "unreserved" set.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    encode_into(&mut out, value);
    out
}

/// [`encode`], appended to `out`.
fn encode_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // runs of unreserved bytes are copied whole (a push per character cost
    // more than the rest of minting); such a run is ASCII, so it starts and
    // ends on character boundaries
    let mut run_from = 0;
    for (at, byte) in value.bytes().enumerate() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'~' | b'-') {
            continue;
        }
        if run_from < at {
            out.push_str(&value[run_from..at]);
        }
        out.push('%');
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xF)]));
        run_from = at + 1;
    }
    if run_from < value.len() {
        out.push_str(&value[run_from..]);
    }
}

/// A piece of an IRI's path after [`ID_NS`].
enum Piece<'a> {
    /// Written as it is: only unreserved characters and '/'.
    Fixed(&'a str),
    /// Percent-encoded.
    Value(&'a str),
}

/// [`ID_NS`] and then the pieces, built in one string (IRIs are minted for
/// every entity and event of every document).
fn id_iri(pieces: &[Piece<'_>]) -> NamedNode {
    let length = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Fixed(text) | Piece::Value(text) => text.len(),
        })
        .sum::<usize>();
    let mut iri = String::with_capacity(ID_NS.len() + length + 8);
    iri.push_str(ID_NS);
    for piece in pieces {
        match piece {
            Piece::Fixed(text) => iri.push_str(text),
            Piece::Value(text) => encode_into(&mut iri, text),
        }
    }
    // Safe without validation: ID_NS is an absolute IRI and every variable
    // piece went through `encode_into`, which leaves only unreserved
    // characters and '%'; the fixed pieces add words and '/' separators.
    NamedNode::new_unchecked(iri)
}

/// `pid:state/RUS`, `pid:person/<key>` or `pid:person/<scope>/<key>`,
/// `pid:org/<key>`, `pid:place/<key>`.
pub fn entity_iri(key: &EntityKey) -> NamedNode {
    use Piece::{Fixed, Value};
    match key {
        EntityKey::State(code) => id_iri(&[Fixed("state/"), Value(code)]),
        EntityKey::Person { key, scope: None } => id_iri(&[Fixed("person/"), Value(key)]),
        EntityKey::Person {
            key,
            scope: Some(scope),
        } => id_iri(&[Fixed("person/"), Value(scope), Fixed("/"), Value(key)]),
        EntityKey::Organization(key) => id_iri(&[Fixed("org/"), Value(key)]),
        EntityKey::Place(key) => id_iri(&[Fixed("place/"), Value(key)]),
    }
}

/// `pid:doc/<id>`: the document node, which is also its named graph.
pub fn document_iri(id: &str) -> NamedNode {
    id_iri(&[Piece::Fixed("doc/"), Piece::Value(id)])
}

/// `pid:event/<doc id>/<kind>-<n>`, `n` the 1-based index of the event in the
/// document's event list (so `meeting-1`, `demand-2`, `meeting-3`).
pub fn event_iri(doc_id: &str, class: EventClass, n: usize) -> NamedNode {
    use Piece::{Fixed, Value};
    // the class in lower case and the number in decimal, made on the stack
    // (a String each, and `to_string`'s formatting, cost more than the IRI)
    let name = class.name();
    let mut lower = [0u8; 32];
    let longer;
    let class = match lower.get_mut(..name.len()) {
        Some(lower) => {
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).expect("a class name lower-cased")
        }
        None => {
            longer = name.to_ascii_lowercase();
            &longer
        }
    };
    let mut digits = [0u8; 20];
    let mut first = digits.len();
    let mut rest = n;
    loop {
        first -= 1;
        digits[first] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let n = std::str::from_utf8(&digits[first..]).expect("digits");
    id_iri(&[
        Fixed("event/"),
        Value(doc_id),
        Fixed("/"),
        Fixed(class),
        Fixed("-"),
        Fixed(n),
    ])
}

/// `http://www.wikidata.org/entity/<Q>`.
pub fn wikidata_iri(qid: &str) -> NamedNode {
    const WIKIDATA: &str = "http://www.wikidata.org/entity/";
    let mut iri = String::with_capacity(WIKIDATA.len() + qid.len() + 8);
    iri.push_str(WIKIDATA);
    encode_into(&mut iri, qid);
    NamedNode::new_unchecked(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert_eq!(
            entity_iri(&EntityKey::State("RUS".into())).as_str(),
            "https://w3id.org/parley/id/state/RUS"
        );
        assert_eq!(
            entity_iri(&EntityKey::Person {
                key: "vladimir-medinsky".into(),
                scope: None
            })
            .as_str(),
            "https://w3id.org/parley/id/person/vladimir-medinsky"
        );
        assert_eq!(
            entity_iri(&EntityKey::Person {
                key: "smith".into(),
                scope: Some("doc 1".into())
            })
            .as_str(),
            "https://w3id.org/parley/id/person/doc%201/smith"
        );
        assert_eq!(
            document_iri("istanbul-talks").as_str(),
            "https://w3id.org/parley/id/doc/istanbul-talks"
        );
        assert_eq!(
            event_iri("istanbul-talks", EventClass::Claim, 2).as_str(),
            "https://w3id.org/parley/id/event/istanbul-talks/claim-2"
        );
        assert_eq!(wikidata_iri("Q159").as_str(), "http://www.wikidata.org/entity/Q159");
        for (value, encoded) in [
            ("", ""),
            ("a b/\u{e9}~", "a%20b%2F%C3%A9~"),
            ("\u{e9}", "%C3%A9"),
            ("x\u{e9}y", "x%C3%A9y"),
            ("%", "%25"),
        ] {
            assert_eq!(encode(value), encoded);
        }
        assert_eq!(
            event_iri("d", EventClass::Meeting, 1234567).as_str(),
            "https://w3id.org/parley/id/event/d/meeting-1234567"
        );
        assert_eq!(
            event_iri("d", EventClass::Meeting, 0).as_str(),
            "https://w3id.org/parley/id/event/d/meeting-0"
        );
        // two hex digits per byte, upper case, the bytes of UTF-8
        assert_eq!(
            document_iri("a b/ü\u{7f}").as_str(),
            "https://w3id.org/parley/id/doc/a%20b%2F%C3%BC%7F"
        );
    }

    #[test]
    fn any_id_gives_a_valid_iri() {
        for id in ["a b", "ü/<>\"{}|\\^`", "", "%41", "x#y?z", "\u{0}\n"] {
            let iri = document_iri(id);
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
        }
        assert_ne!(document_iri("%41"), document_iri("A"));
    }
}
