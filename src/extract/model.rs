//! What extraction produces: entities, mentions and events of one document.
//!
//! These types are the boundary between `extract` and `rdf`. They carry no RDF
//! (no IRIs, no vocabulary): `rdf::mint` turns an [`EntityKey`] into an IRI, so
//! the rules can change without touching serialization and the reverse.

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use crate::kinds::{AgentRole, EventClass};

/// Index of an [`Entity`] in [`Extraction::entities`].
pub type EntityId = usize;

/// The four kinds of named things Parley recognizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    State,
    Organization,
    Place,
}

impl EntityKind {
    /// The name used in the `mentions` output and in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::State => "State",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
        }
    }
}

/// What makes two entities the same real-world thing, within and across documents.
///
/// Two entities with equal keys get one IRI, so this is where merging across
/// documents is decided.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKey {
    /// A sovereign (or historical) state by ISO 3166-1 alpha-3 code.
    State(String),
    /// A person by normalized full-name key. `scope` is the document id when
    /// only a single name is known (a bare surname must not merge two people
    /// who share it in different documents).
    Person { key: String, scope: Option<String> },
    /// An organization by gazetteer key or normalized name.
    Organization(String),
    /// A place by gazetteer key or normalized name.
    Place(String),
}

/// One real-world thing mentioned in a document.
#[derive(Debug, Clone)]
pub struct Entity {
    pub key: EntityKey,
    pub kind: EntityKind,
    /// Preferred name (gazetteer name, or the longest surface form for people).
    pub label: String,
    /// Every other surface form seen in the document.
    pub alt_labels: BTreeSet<String>,
    /// ISO 3166-1 alpha-3, for states.
    pub iso3: Option<String>,
    /// Wikidata Q-id (e.g. "Q159"), where the gazetteer knows it.
    pub wikidata: Option<String>,
    /// Number of mentions in the document.
    pub mentions: usize,
    /// States or organizations this person acts for.
    pub represents: BTreeSet<EntityId>,
    /// Titles or roles as written ("chief negotiator").
    pub roles: BTreeSet<String>,
    /// The state a place lies in, or the state an organization belongs to
    /// (`parley:locatedIn` and `parley:basedIn` in RDF).
    pub located_in: Option<EntityId>,
}

/// A span of the document text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Offset of the first character, in Unicode code points.
    pub start: usize,
    /// Offset one past the last character, in Unicode code points.
    pub end: usize,
    pub text: String,
    pub entity: EntityId,
}

/// Status of a meeting, from tense and modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeetingStatus {
    Held,
    Planned,
    Proposed,
    Cancelled,
}

impl MeetingStatus {
    pub fn name(self) -> &'static str {
        match self {
            MeetingStatus::Held => "Held",
            MeetingStatus::Planned => "Planned",
            MeetingStatus::Proposed => "Proposed",
            MeetingStatus::Cancelled => "Cancelled",
        }
    }
}

/// The fixed topic scheme of CONTRACT.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Ceasefire,
    PrisonerExchange,
    HostageRelease,
    Talks,
    Sanctions,
    Withdrawal,
    Territory,
    SecurityGuarantees,
    HumanitarianAid,
    NuclearProgram,
    Trade,
    PeaceAgreement,
    OtherTopic,
}

impl Topic {
    pub const ALL: [Topic; 13] = [
        Topic::Ceasefire,
        Topic::PrisonerExchange,
        Topic::HostageRelease,
        Topic::Talks,
        Topic::Sanctions,
        Topic::Withdrawal,
        Topic::Territory,
        Topic::SecurityGuarantees,
        Topic::HumanitarianAid,
        Topic::NuclearProgram,
        Topic::Trade,
        Topic::PeaceAgreement,
        Topic::OtherTopic,
    ];

    /// The local name of the topic's IRI in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Ceasefire => "Ceasefire",
            Topic::PrisonerExchange => "PrisonerExchange",
            Topic::HostageRelease => "HostageRelease",
            Topic::Talks => "Talks",
            Topic::Sanctions => "Sanctions",
            Topic::Withdrawal => "Withdrawal",
            Topic::Territory => "Territory",
            Topic::SecurityGuarantees => "SecurityGuarantees",
            Topic::HumanitarianAid => "HumanitarianAid",
            Topic::NuclearProgram => "NuclearProgram",
            Topic::Trade => "Trade",
            Topic::PeaceAgreement => "PeaceAgreement",
            Topic::OtherTopic => "OtherTopic",
        }
    }

    pub fn from_name(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// One event read from a document: its kind, who takes part in which role,
/// and what the kind says of it. Which roles and values a kind has is
/// declared once, in [`crate::kinds::EVENT_KINDS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub class: EventClass,
    /// Agents by role; a meeting's hosts and mediators are also participants.
    pub agents: BTreeSet<(AgentRole, EntityId)>,
    /// Topic of a demand, agreement, claim or threat.
    pub topic: Option<Topic>,
    /// Status of a meeting.
    pub status: Option<MeetingStatus>,
    /// Where a meeting takes place.
    pub location: Option<EntityId>,
    /// The words of the event: what was demanded, agreed, claimed or
    /// threatened; a statement's quote. Empty for meetings.
    pub text: String,
    pub date: Option<NaiveDate>,
    pub evidence: Evidence,
}

impl Event {
    /// An event of `class` with no agents or values yet.
    pub fn new(class: EventClass, evidence: Evidence) -> Event {
        Event {
            class,
            agents: BTreeSet::new(),
            topic: None,
            status: None,
            location: None,
            text: String::new(),
            date: None,
            evidence,
        }
    }

    /// The agents in `role`, in id order.
    pub fn agents_in(&self, role: AgentRole) -> impl Iterator<Item = EntityId> + '_ {
        self.agents.iter().filter(move |(r, _)| *r == role).map(|(_, id)| *id)
    }

    /// The agents in `role`, as a set.
    pub fn role_set(&self, role: AgentRole) -> BTreeSet<EntityId> {
        self.agents_in(role).collect()
    }

    /// Adds agents in `role`.
    pub fn add_agents(&mut self, role: AgentRole, ids: impl IntoIterator<Item = EntityId>) {
        self.agents.extend(ids.into_iter().map(|id| (role, id)));
    }
}

/// Where in the document an event was read, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Character offsets (code points, end exclusive) of the evidence sentence(s).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Id of the rule that fired, e.g. `meeting.verb`.
    pub rule: String,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
}
