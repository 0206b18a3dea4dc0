//! Every RDF term Parley emits, as constants mirroring `ontology/parley.ttl`
//! (a test fails if a `parley:` constant is not declared there).
//!
//! The serializer names terms only through this module, so the vocabulary
//! document and the code can be compared line by line, and a typo in an IRI is
//! a compile error at its single definition rather than a silent new property.

use oxigraph::model::NamedNodeRef;

use std::sync::OnceLock;

use oxigraph::model::NamedNode;

use crate::extract::model::{EntityKind, MeetingStatus, Topic};
use crate::kinds::{AgentRole, EventClass, EVENT_KINDS, ROLES};

/// Namespace of the Parley ontology.
pub const PARLEY_NS: &str = "https://w3id.org/parley/ontology#";
/// Namespace of Parley instances (entities, documents, events).
pub const ID_NS: &str = "https://w3id.org/parley/id/";

/// The one prefix table: the prefixes written in Turtle, TriG, JSON-LD and
/// RDF/XML output, declared before Parley's own SPARQL queries
/// ([`sparql_prefixes`]), and used to shorten IRIs for reading ([`compact`])
/// and to read prefixed names back ([`expand`]).
pub const PREFIXES: &[(&str, &str)] = &[
    ("parley", PARLEY_NS),
    // one prefix per kind of instance, so that `state:RUS` or
    // `person:vladimir-medinsky` can be pasted into a query as printed
    ("state", "https://w3id.org/parley/id/state/"),
    ("person", "https://w3id.org/parley/id/person/"),
    ("organization", "https://w3id.org/parley/id/org/"),
    ("place", "https://w3id.org/parley/id/place/"),
    ("doc", "https://w3id.org/parley/id/doc/"),
    ("event", "https://w3id.org/parley/id/event/"),
    ("pid", ID_NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("schema", "https://schema.org/"),
];

/// How much of an IRI a prefixed name may hold after the prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocalName {
    /// Only a local name that SPARQL and Turtle read back as written:
    /// letters, digits, `-`, `_` and `.`, not starting with `-` or `.` nor
    /// ending with `.` (`state:RUS`, `parley:participant`). What tables print
    /// and what can be pasted into a query.
    Plain,
    /// A plain local name where there is one, else any rest without
    /// whitespace, `/` included (`event:doc-1/meeting-1`), under a prefix
    /// other than the catch-all `pid:`. For reading, and for pasting back into
    /// `parley explain` (which [`expand`] serves); not valid SPARQL.
    Path,
}

/// The prefixed name of `iri` under [`PREFIXES`] (the first prefix that
/// fits, in table order), or `None` when no prefix gives a local name of the
/// kind asked for.
pub fn compact(iri: &str, local: LocalName) -> Option<String> {
    let plain = PREFIXES.iter().find_map(|(prefix, namespace)| {
        let rest = iri.strip_prefix(namespace)?;
        is_plain_local(rest).then(|| format!("{prefix}:{rest}"))
    });
    match local {
        LocalName::Plain => plain,
        LocalName::Path => plain.or_else(|| {
            PREFIXES
                .iter()
                .filter(|(prefix, _)| *prefix != "pid")
                .find_map(|(prefix, namespace)| {
                    let rest = iri.strip_prefix(namespace)?;
                    (!rest.is_empty() && !rest.contains(char::is_whitespace)).then(|| format!("{prefix}:{rest}"))
                })
        }),
    }
}

/// A local name SPARQL reads back as is (no `/`, no escapes needed).
fn is_plain_local(local: &str) -> bool {
    !local.is_empty()
        && local.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
        && !local.ends_with('.')
        && !local.starts_with(['-', '.'])
}

/// The IRI a prefixed name stands for under [`PREFIXES`], the inverse of
/// [`compact`] with either [`LocalName`]: `state:RUS` gives
/// `https://w3id.org/parley/id/state/RUS`. The Turtle escape `\/` in the
/// local part is read as `/`. `None` when there is no `:` or the prefix is
/// not in the table.
pub fn expand(name: &str) -> Option<String> {
    let (prefix, local) = name.split_once(':')?;
    let (_, namespace) = PREFIXES.iter().find(|(p, _)| *p == prefix)?;
    Some(format!("{namespace}{}", local.replace("\\/", "/")))
}

/// The `PREFIX` lines of every entry of [`PREFIXES`], one per line, to put
/// before a SPARQL query written with prefixed names.
pub fn sparql_prefixes() -> String {
    PREFIXES
        .iter()
        .map(|(prefix, namespace)| format!("PREFIX {prefix}: <{namespace}>\n"))
        .collect()
}

macro_rules! terms {
    ($($(#[$doc:meta])* $name:ident = $iri:literal;)*) => {
        $($(#[$doc])* pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked($iri);)*
        /// Every term of this module, for checks against the ontology.
        #[allow(dead_code)]
        pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
    };
}

/// Terms of the Parley ontology (`parley:`).
pub mod parley {
    use super::NamedNodeRef;

    terms! {
        /// Class `parley:Agent`.
        AGENT = "https://w3id.org/parley/ontology#Agent";
        /// Class `parley:Person`.
        PERSON = "https://w3id.org/parley/ontology#Person";
        /// Class `parley:State`.
        STATE = "https://w3id.org/parley/ontology#State";
        /// Class `parley:Organization`.
        ORGANIZATION = "https://w3id.org/parley/ontology#Organization";
        /// Class `parley:Place`.
        PLACE = "https://w3id.org/parley/ontology#Place";
        /// Class `parley:Event`.
        EVENT = "https://w3id.org/parley/ontology#Event";
        /// Class `parley:Meeting`.
        MEETING = "https://w3id.org/parley/ontology#Meeting";
        /// Class `parley:Demand`.
        DEMAND = "https://w3id.org/parley/ontology#Demand";
        /// Class `parley:Agreement`.
        AGREEMENT = "https://w3id.org/parley/ontology#Agreement";
        /// Class `parley:Statement`.
        STATEMENT = "https://w3id.org/parley/ontology#Statement";
        /// Class `parley:Claim`.
        CLAIM = "https://w3id.org/parley/ontology#Claim";
        /// Class `parley:Document`.
        DOCUMENT = "https://w3id.org/parley/ontology#Document";
        /// Class `parley:Topic`.
        TOPIC = "https://w3id.org/parley/ontology#Topic";
        /// Class `parley:MeetingStatus`.
        MEETING_STATUS = "https://w3id.org/parley/ontology#MeetingStatus";
        /// Class `parley:TopicScheme`.
        TOPIC_SCHEME = "https://w3id.org/parley/ontology#TopicScheme";
        /// Meeting status `parley:Held`.
        HELD = "https://w3id.org/parley/ontology#Held";
        /// Meeting status `parley:Planned`.
        PLANNED = "https://w3id.org/parley/ontology#Planned";
        /// Meeting status `parley:Proposed`.
        PROPOSED = "https://w3id.org/parley/ontology#Proposed";
        /// Meeting status `parley:Cancelled`.
        CANCELLED = "https://w3id.org/parley/ontology#Cancelled";
        /// Topic `parley:Ceasefire`.
        CEASEFIRE = "https://w3id.org/parley/ontology#Ceasefire";
        /// Topic `parley:PrisonerExchange`.
        PRISONER_EXCHANGE = "https://w3id.org/parley/ontology#PrisonerExchange";
        /// Topic `parley:HostageRelease`.
        HOSTAGE_RELEASE = "https://w3id.org/parley/ontology#HostageRelease";
        /// Topic `parley:Talks`.
        TALKS = "https://w3id.org/parley/ontology#Talks";
        /// Topic `parley:Sanctions`.
        SANCTIONS = "https://w3id.org/parley/ontology#Sanctions";
        /// Topic `parley:Withdrawal`.
        WITHDRAWAL = "https://w3id.org/parley/ontology#Withdrawal";
        /// Topic `parley:Territory`.
        TERRITORY = "https://w3id.org/parley/ontology#Territory";
        /// Topic `parley:SecurityGuarantees`.
        SECURITY_GUARANTEES = "https://w3id.org/parley/ontology#SecurityGuarantees";
        /// Topic `parley:HumanitarianAid`.
        HUMANITARIAN_AID = "https://w3id.org/parley/ontology#HumanitarianAid";
        /// Topic `parley:NuclearProgram`.
        NUCLEAR_PROGRAM = "https://w3id.org/parley/ontology#NuclearProgram";
        /// Topic `parley:Trade`.
        TRADE = "https://w3id.org/parley/ontology#Trade";
        /// Topic `parley:PeaceAgreement`.
        PEACE_AGREEMENT = "https://w3id.org/parley/ontology#PeaceAgreement";
        /// Topic `parley:OtherTopic`.
        OTHER_TOPIC = "https://w3id.org/parley/ontology#OtherTopic";
        /// Property `parley:isoCode`.
        ISO_CODE = "https://w3id.org/parley/ontology#isoCode";
        /// Property `parley:represents`.
        REPRESENTS = "https://w3id.org/parley/ontology#represents";
        /// Property `parley:role`.
        ROLE = "https://w3id.org/parley/ontology#role";
        /// Property `parley:locatedIn`.
        LOCATED_IN = "https://w3id.org/parley/ontology#locatedIn";
        /// Property `parley:basedIn`.
        BASED_IN = "https://w3id.org/parley/ontology#basedIn";
        /// Property `parley:mentionedIn`.
        MENTIONED_IN = "https://w3id.org/parley/ontology#mentionedIn";
        /// Property `parley:mentionCount`.
        MENTION_COUNT = "https://w3id.org/parley/ontology#mentionCount";
        /// Property `parley:evidence`.
        EVIDENCE = "https://w3id.org/parley/ontology#evidence";
        /// Property `parley:startOffset`.
        START_OFFSET = "https://w3id.org/parley/ontology#startOffset";
        /// Property `parley:endOffset`.
        END_OFFSET = "https://w3id.org/parley/ontology#endOffset";
        /// Property `parley:rule`.
        RULE = "https://w3id.org/parley/ontology#rule";
        /// Property `parley:host`: a participant who hosts a meeting.
        HOST = "https://w3id.org/parley/ontology#host";
        /// Property `parley:mediator`: a participant who mediates a meeting.
        MEDIATOR = "https://w3id.org/parley/ontology#mediator";
        /// PLOVER event type of an event.
        PLOVER_TYPE = "https://w3id.org/parley/ontology#ploverType";
        /// CAMEO code of an event.
        CAMEO_CODE = "https://w3id.org/parley/ontology#cameoCode";
        /// Property `parley:date`.
        DATE = "https://w3id.org/parley/ontology#date";
        /// Property `parley:topic` (named apart from the class `parley:Topic`).
        TOPIC_PROP = "https://w3id.org/parley/ontology#topic";
        /// Property `parley:text`.
        TEXT = "https://w3id.org/parley/ontology#text";
        /// Property `parley:participant`.
        PARTICIPANT = "https://w3id.org/parley/ontology#participant";
        /// Property `parley:location`.
        LOCATION = "https://w3id.org/parley/ontology#location";
        /// Property `parley:status`.
        STATUS = "https://w3id.org/parley/ontology#status";
        /// Property `parley:demandedBy`.
        DEMANDED_BY = "https://w3id.org/parley/ontology#demandedBy";
        /// Property `parley:demandedOf`.
        DEMANDED_OF = "https://w3id.org/parley/ontology#demandedOf";
        /// Property `parley:party`.
        PARTY = "https://w3id.org/parley/ontology#party";
        /// Property `parley:speaker`.
        SPEAKER = "https://w3id.org/parley/ontology#speaker";
        /// Property `parley:quote`.
        QUOTE = "https://w3id.org/parley/ontology#quote";
        /// Property `parley:claimant`.
        CLAIMANT = "https://w3id.org/parley/ontology#claimant";
        /// Property `parley:characterCount`.
        CHARACTER_COUNT = "https://w3id.org/parley/ontology#characterCount";
        /// Property `parley:contentHash`: what a store records of each
        /// document it holds, in its default graph (never in the output).
        CONTENT_HASH = "https://w3id.org/parley/ontology#contentHash";
    }
}

/// Terms of `rdf:` <http://www.w3.org/1999/02/22-rdf-syntax-ns#>.
pub mod rdf {
    use super::NamedNodeRef;
    terms! {
        /// `rdf:type`.
        TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    }
}

/// Terms of `rdfs:` <http://www.w3.org/2000/01/rdf-schema#>.
pub mod rdfs {
    use super::NamedNodeRef;
    terms! {
        /// `rdfs:label`.
        LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    }
}

/// Terms of `skos:` <http://www.w3.org/2004/02/skos/core#>.
pub mod skos {
    use super::NamedNodeRef;
    terms! {
        /// `skos:altLabel`.
        ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel";
        /// `skos:Concept`.
        CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept";
        /// `skos:inScheme`.
        IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme";
    }
}

/// Terms of `owl:` <http://www.w3.org/2002/07/owl#>.
pub mod owl {
    use super::NamedNodeRef;
    terms! {
        /// `owl:sameAs`.
        SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
    }
}

/// Terms of `prov:` <http://www.w3.org/ns/prov#>.
pub mod prov {
    use super::NamedNodeRef;
    terms! {
        /// `prov:wasDerivedFrom`.
        WAS_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom";
    }
}

/// Terms of `dcterms:` <http://purl.org/dc/terms/>.
pub mod dcterms {
    use super::NamedNodeRef;
    terms! {
        /// `dcterms:identifier`.
        IDENTIFIER = "http://purl.org/dc/terms/identifier";
        /// `dcterms:title`.
        TITLE = "http://purl.org/dc/terms/title";
        /// `dcterms:date`.
        DATE = "http://purl.org/dc/terms/date";
        /// `dcterms:conformsTo`.
        CONFORMS_TO = "http://purl.org/dc/terms/conformsTo";
    }
}

/// Terms of `schema:` <https://schema.org/>.
pub mod schema {
    use super::NamedNodeRef;
    terms! {
        /// `schema:url`.
        URL = "https://schema.org/url";
    }
}

/// Terms of `xsd:` <http://www.w3.org/2001/XMLSchema#>.
pub mod xsd {
    use super::NamedNodeRef;
    terms! {
        /// `xsd:string`.
        STRING = "http://www.w3.org/2001/XMLSchema#string";
        /// `xsd:integer`.
        INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
        /// `xsd:date`.
        DATE = "http://www.w3.org/2001/XMLSchema#date";
        /// `xsd:anyURI`.
        ANYURI = "http://www.w3.org/2001/XMLSchema#anyURI";
    }
}

/// The class of an entity kind.
pub fn entity_class(kind: EntityKind) -> NamedNodeRef<'static> {
    match kind {
        EntityKind::Person => parley::PERSON,
        EntityKind::State => parley::STATE,
        EntityKind::Organization => parley::ORGANIZATION,
        EntityKind::Place => parley::PLACE,
    }
}

/// The `parley:` term of a local name that `kinds` declares (an event class,
/// an agent property, a text property). The terms are made once and live as
/// long as the process, so they can be written like the constants above.
pub fn parley_term(local: &str) -> NamedNodeRef<'static> {
    static TERMS: OnceLock<Vec<NamedNode>> = OnceLock::new();
    let terms = TERMS.get_or_init(|| {
        kind_terms()
            .map(|local| NamedNode::new_unchecked(format!("{PARLEY_NS}{local}")))
            .collect()
    });
    let iri_len = PARLEY_NS.len() + local.len();
    terms
        .iter()
        .find(|t| t.as_str().len() == iri_len && t.as_str().ends_with(local))
        .unwrap_or_else(|| panic!("parley:{local} is not declared in kinds"))
        .as_ref()
}

/// Local names of every term `kinds` declares.
fn kind_terms() -> impl Iterator<Item = &'static str> {
    EVENT_KINDS
        .iter()
        .map(|k| k.name)
        .chain(ROLES.iter().map(|r| r.property))
        .chain(EVENT_KINDS.iter().filter_map(|k| k.text_property))
}

/// The class of an event kind.
pub fn event_class(class: EventClass) -> NamedNodeRef<'static> {
    parley_term(class.name())
}

/// The property linking an event to an agent in `role`.
pub fn role_property(role: AgentRole) -> NamedNodeRef<'static> {
    parley_term(role.property())
}

/// The individual of a meeting status.
pub fn meeting_status(status: MeetingStatus) -> NamedNodeRef<'static> {
    match status {
        MeetingStatus::Held => parley::HELD,
        MeetingStatus::Planned => parley::PLANNED,
        MeetingStatus::Proposed => parley::PROPOSED,
        MeetingStatus::Cancelled => parley::CANCELLED,
    }
}

/// The individual of a topic.
pub fn topic(topic: Topic) -> NamedNodeRef<'static> {
    match topic {
        Topic::Ceasefire => parley::CEASEFIRE,
        Topic::PrisonerExchange => parley::PRISONER_EXCHANGE,
        Topic::HostageRelease => parley::HOSTAGE_RELEASE,
        Topic::Talks => parley::TALKS,
        Topic::Sanctions => parley::SANCTIONS,
        Topic::Withdrawal => parley::WITHDRAWAL,
        Topic::Territory => parley::TERRITORY,
        Topic::SecurityGuarantees => parley::SECURITY_GUARANTEES,
        Topic::HumanitarianAid => parley::HUMANITARIAN_AID,
        Topic::NuclearProgram => parley::NUCLEAR_PROGRAM,
        Topic::Trade => parley::TRADE,
        Topic::PeaceAgreement => parley::PEACE_AGREEMENT,
        Topic::OtherTopic => parley::OTHER_TOPIC,
    }
}

/// The classes `parley stats` counts, in the order it prints them: the
/// entity classes, then every event class.
pub fn counted_classes() -> Vec<NamedNodeRef<'static>> {
    [parley::PERSON, parley::STATE, parley::ORGANIZATION, parley::PLACE]
        .into_iter()
        .chain(EventClass::all().map(event_class))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_constant_is_a_valid_iri_in_its_namespace() {
        for topic_value in Topic::ALL {
            let iri = topic(topic_value);
            assert!(NamedNodeRef::new(iri.as_str()).is_ok());
            assert_eq!(iri.as_str(), format!("{PARLEY_NS}{}", topic_value.name()));
        }
        for (prefix, namespace) in PREFIXES {
            assert!(NamedNodeRef::new(namespace).is_ok(), "{prefix}");
        }
        for class in counted_classes() {
            assert!(NamedNodeRef::new(class.as_str()).is_ok());
        }
    }

    #[test]
    fn every_parley_term_is_declared_in_the_ontology() {
        use oxigraph::io::{RdfFormat, RdfParser};
        let ontology = include_str!("../../ontology/parley.ttl");
        let declared: std::collections::HashSet<String> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ontology.as_bytes())
            .map(|t| t.expect("parley.ttl parses"))
            .filter(|t| t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
            .map(|t| t.subject.to_string().trim_matches(['<', '>']).to_string())
            .collect();
        for term in super::parley::ALL {
            assert!(
                declared.contains(term.as_str()),
                "{} is not declared in ontology/parley.ttl",
                term.as_str()
            );
        }
        // the event kinds' classes and properties, declared once in `kinds`
        for local in super::kind_terms() {
            let term = super::parley_term(local);
            assert!(
                declared.contains(term.as_str()),
                "{} is not declared in ontology/parley.ttl",
                term.as_str()
            );
        }
    }

    #[test]
    fn compact_takes_the_instance_prefix_before_the_catch_all() {
        let iri = "https://w3id.org/parley/id/state/RUS";
        assert_eq!(compact(iri, LocalName::Plain).as_deref(), Some("state:RUS"));
        assert_eq!(
            compact("https://w3id.org/parley/id/other", LocalName::Plain).as_deref(),
            Some("pid:other")
        );
        assert_eq!(
            compact("https://w3id.org/parley/ontology#participant", LocalName::Plain).as_deref(),
            Some("parley:participant")
        );
    }

    #[test]
    fn plain_local_names_are_what_sparql_reads_back() {
        let event = "https://w3id.org/parley/id/event/doc-1/meeting-1";
        assert_eq!(compact(event, LocalName::Plain), None);
        for bad in ["", ".x", "-x", "x.", "a b", "a%20b", "a/b"] {
            let iri = format!("https://w3id.org/parley/id/place/{bad}");
            assert_eq!(compact(&iri, LocalName::Plain), None, "{bad:?}");
        }
        assert_eq!(
            compact("https://w3id.org/parley/id/place/Rio_de.Janeiro-2", LocalName::Plain).as_deref(),
            Some("place:Rio_de.Janeiro-2")
        );
        assert_eq!(compact("http://example.org/x", LocalName::Plain), None);
    }

    #[test]
    fn path_local_names_keep_slashes_but_not_whitespace_nor_pid() {
        let event = "https://w3id.org/parley/id/event/doc-1/meeting-1";
        assert_eq!(
            compact(event, LocalName::Path).as_deref(),
            Some("event:doc-1/meeting-1")
        );
        assert_eq!(
            compact("https://w3id.org/parley/id/state/RUS", LocalName::Path).as_deref(),
            Some("state:RUS")
        );
        assert_eq!(compact("https://w3id.org/parley/id/other/x", LocalName::Path), None);
        assert_eq!(compact("https://w3id.org/parley/id/doc/a b", LocalName::Path), None);
    }

    #[test]
    fn expand_inverts_compact() {
        for iri in [
            "https://w3id.org/parley/id/state/RUS",
            "https://w3id.org/parley/id/event/doc-1/meeting-1",
            "https://w3id.org/parley/ontology#Meeting",
            "http://purl.org/dc/terms/identifier",
        ] {
            let name = compact(iri, LocalName::Path).expect(iri);
            assert_eq!(expand(&name).as_deref(), Some(iri));
        }
        assert_eq!(
            expand("event:doc-1\\/meeting-1").as_deref(),
            Some("https://w3id.org/parley/id/event/doc-1/meeting-1")
        );
        assert_eq!(expand("nope:x"), None);
        assert_eq!(expand("RUS"), None);
    }

    #[test]
    fn sparql_prefixes_declare_every_prefix_once() {
        let header = sparql_prefixes();
        assert_eq!(header.lines().count(), PREFIXES.len());
        assert!(header.contains("PREFIX parley: <https://w3id.org/parley/ontology#>\n"));
        assert!(header.contains("PREFIX dcterms: <http://purl.org/dc/terms/>\n"));
        let query = format!("{header}SELECT * WHERE {{ ?s parley:participant state:RUS }}");
        assert!(oxigraph::sparql::SparqlEvaluator::new().parse_query(&query).is_ok());
    }
}
