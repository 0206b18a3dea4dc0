//! Event kinds, declared once.
//!
//! Every part of Parley that has to know the kinds of event reads
//! [`EVENT_KINDS`]: the extractor's model ([`crate::Event`] carries an
//! [`EventClass`] and agents by [`AgentRole`]), the RDF vocabulary and the
//! document graph (class and property names), the codes table (rows are
//! checked against [`EventClass::from_name`]), the graph projection (which
//! kinds become edges, and their colours and shapes), `explain` (what each
//! agent property is called) and the CLI help. A new kind is an entry here, a
//! rule module under `src/extract/events/`, and data: its class and
//! properties in `ontology/parley.ttl` and `shapes.ttl`, its codes in
//! `rules/event_codes.tsv`, its triggers in `rules/events.tsv`.
//!
//! The names here are the local names of ontology terms; `rdf::vocab` turns
//! them into IRIs, so this module stays free of RDF.

/// The kinds of event Parley extracts, in the order they are listed everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventClass {
    Meeting,
    Demand,
    Agreement,
    Statement,
    Claim,
    Threat,
}

/// How an entity takes part in an event; each role is one ontology property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgentRole {
    /// Takes part in a meeting (hosts and mediators included).
    Participant,
    /// Hosts a meeting.
    Host,
    /// Mediates a meeting.
    Mediator,
    /// Makes a demand.
    Demander,
    /// Whom a demand is addressed to.
    Addressee,
    /// A party to an agreement.
    Party,
    /// Who made a statement.
    Speaker,
    /// Who claims sovereignty or control.
    Claimant,
    /// Who threatens.
    Threatener,
    /// Who is threatened.
    Threatened,
}

/// One agent role: its property and how `explain` shows it.
#[derive(Debug)]
pub struct RoleDef {
    pub role: AgentRole,
    /// Local name of the ontology property (`parley:participant`).
    pub property: &'static str,
    /// What `explain` prints before the agent.
    pub shown: &'static str,
    /// The role every agent of this one also has (a host is also a
    /// participant), so the graph links the agent once, through that role.
    pub also: Option<AgentRole>,
}

/// How the graph projection (`parley graph --events edges`) turns a kind into edges.
#[derive(Debug, Clone, Copy)]
pub enum Edges {
    /// Not projected onto edges.
    None,
    /// An edge between every two agents of the role, labelled with the verb.
    Between(AgentRole, &'static str),
    /// An edge from each agent of the first role to each of the second.
    From(AgentRole, AgentRole, &'static str),
}

/// Colour and shapes of a node, so a kind looks the same in every graph tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: (u8, u8, u8),
    /// Graphviz shape.
    pub dot_shape: &'static str,
    /// yEd shape.
    pub yed_shape: &'static str,
}

/// Everything Parley knows about one kind of event.
#[derive(Debug)]
pub struct EventKindDef {
    pub class: EventClass,
    /// Local name of the ontology class, also the event IRI's kind segment (lowercased).
    pub name: &'static str,
    /// Agent roles, in the order their triples are written and printed.
    pub roles: &'static [AgentRole],
    /// The role a label names first ("Demand: Ukraine ...").
    pub actor: AgentRole,
    /// The role a label names after `target_word` ("... of Russia"), if any.
    pub target: Option<(AgentRole, &'static str)>,
    /// Local name of the property holding the event's words (`text`, `quote`), if it has words.
    pub text_property: Option<&'static str>,
    /// Whether the event has a topic.
    pub has_topic: bool,
    pub edges: Edges,
    pub style: Style,
    /// A few words for help texts: what the kind covers.
    pub covers: &'static str,
}

use AgentRole::*;

/// Agent roles in the order `explain` prints them.
pub const ROLES: &[RoleDef] = &[
    RoleDef {
        role: Participant,
        property: "participant",
        shown: "participant",
        also: None,
    },
    RoleDef {
        role: Party,
        property: "party",
        shown: "party",
        also: None,
    },
    RoleDef {
        role: Demander,
        property: "demandedBy",
        shown: "demander",
        also: None,
    },
    RoleDef {
        role: Addressee,
        property: "demandedOf",
        shown: "addressee",
        also: None,
    },
    RoleDef {
        role: Speaker,
        property: "speaker",
        shown: "speaker",
        also: None,
    },
    RoleDef {
        role: Claimant,
        property: "claimant",
        shown: "claimant",
        also: None,
    },
    RoleDef {
        role: Threatener,
        property: "threatenedBy",
        shown: "threatener",
        also: None,
    },
    RoleDef {
        role: Threatened,
        property: "threatTarget",
        shown: "threatened",
        also: None,
    },
    RoleDef {
        role: Host,
        property: "host",
        shown: "host",
        also: Some(Participant),
    },
    RoleDef {
        role: Mediator,
        property: "mediator",
        shown: "mediator",
        also: Some(Participant),
    },
];

/// The kinds of event, in [`EventClass`] order.
pub const EVENT_KINDS: &[EventKindDef] = &[
    EventKindDef {
        class: EventClass::Meeting,
        name: "Meeting",
        roles: &[Participant, Host, Mediator],
        actor: Participant,
        target: None,
        text_property: None,
        has_topic: false,
        edges: Edges::Between(Participant, "met"),
        style: Style {
            color: (0xF2, 0x8E, 0x2B),
            dot_shape: "diamond",
            yed_shape: "diamond",
        },
        covers: "talks, summits, visits, calls",
    },
    EventKindDef {
        class: EventClass::Demand,
        name: "Demand",
        roles: &[Demander, Addressee],
        actor: Demander,
        target: Some((Addressee, "of")),
        text_property: Some("text"),
        has_topic: true,
        edges: Edges::From(Demander, Addressee, "demanded"),
        style: Style {
            color: (0xB0, 0x7A, 0xA1),
            dot_shape: "invtriangle",
            yed_shape: "triangle",
        },
        covers: "demands, calls, appeals",
    },
    EventKindDef {
        class: EventClass::Agreement,
        name: "Agreement",
        roles: &[Party],
        actor: Party,
        target: None,
        text_property: Some("text"),
        has_topic: true,
        edges: Edges::Between(Party, "agreed"),
        style: Style {
            color: (0x76, 0xB7, 0xB2),
            dot_shape: "octagon",
            yed_shape: "octagon",
        },
        covers: "agreements, deals, treaties",
    },
    EventKindDef {
        class: EventClass::Statement,
        name: "Statement",
        roles: &[Speaker],
        actor: Speaker,
        target: None,
        text_property: Some("quote"),
        has_topic: false,
        edges: Edges::None,
        style: Style {
            color: (0xBA, 0xB0, 0xAC),
            dot_shape: "note",
            yed_shape: "roundrectangle",
        },
        covers: "quoted or reported statements",
    },
    EventKindDef {
        class: EventClass::Claim,
        name: "Claim",
        roles: &[Claimant],
        actor: Claimant,
        target: None,
        text_property: Some("text"),
        has_topic: true,
        edges: Edges::None,
        style: Style {
            color: (0x9C, 0x75, 0x5F),
            dot_shape: "parallelogram",
            yed_shape: "parallelogram",
        },
        covers: "claims of sovereignty or control",
    },
    EventKindDef {
        class: EventClass::Threat,
        name: "Threat",
        roles: &[Threatener, Threatened],
        actor: Threatener,
        target: Some((Threatened, "against")),
        text_property: Some("text"),
        has_topic: true,
        edges: Edges::From(Threatener, Threatened, "threatened"),
        style: Style {
            color: (0xD3, 0x3F, 0x49),
            dot_shape: "triangle",
            yed_shape: "triangle2",
        },
        covers: "threats and warnings of consequences",
    },
];

impl EventClass {
    /// Every class, in order.
    pub fn all() -> impl Iterator<Item = EventClass> {
        EVENT_KINDS.iter().map(|k| k.class)
    }

    /// The definition of this kind.
    pub fn def(self) -> &'static EventKindDef {
        let def = &EVENT_KINDS[self as usize];
        debug_assert_eq!(def.class, self, "EVENT_KINDS is in EventClass order");
        def
    }

    /// Local name of the ontology class ("Meeting").
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The class with this local name.
    pub fn from_name(name: &str) -> Option<EventClass> {
        EVENT_KINDS.iter().find(|k| k.name == name).map(|k| k.class)
    }
}

impl AgentRole {
    /// The definition of this role.
    pub fn def(self) -> &'static RoleDef {
        ROLES.iter().find(|r| r.role == self).expect("every role is in ROLES")
    }

    /// Local name of the role's ontology property.
    pub fn property(self) -> &'static str {
        self.def().property
    }
}

/// The style of a kind of node by its class name, events from [`EVENT_KINDS`].
pub fn event_style(name: &str) -> Option<Style> {
    EVENT_KINDS.iter().find(|k| k.name == name).map(|k| k.style)
}

/// "Meeting, Demand, Agreement, ...": the kinds for help texts.
pub fn class_names() -> String {
    EVENT_KINDS.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_listed_in_class_order() {
        for (i, def) in EVENT_KINDS.iter().enumerate() {
            assert_eq!(def.class as usize, i, "{}", def.name);
            assert_eq!(EventClass::from_name(def.name), Some(def.class));
        }
    }

    #[test]
    fn every_role_of_a_kind_is_declared_once() {
        for def in EVENT_KINDS {
            assert!(def.roles.contains(&def.actor), "{}", def.name);
            if let Some((target, _)) = def.target {
                assert!(def.roles.contains(&target), "{}", def.name);
            }
            for role in def.roles {
                assert_eq!(ROLES.iter().filter(|r| r.role == *role).count(), 1, "{role:?}");
            }
        }
    }
}
