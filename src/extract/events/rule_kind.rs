//! What a rule of `rules/events.tsv` is, parsed when the rules load: its
//! kind (a trigger of an event class, a veto, a status, a modifier) and the
//! senses its named groups give a trigger. Parsing into these enums is what
//! makes a misspelt kind or group name an error naming its line.

use crate::extract::model::{EventClass, MeetingStatus};

/// What a rule of `rules/events.tsv` does, from its `kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Signals an event of this class (`meeting`, `demand`, ...).
    Trigger(EventClass),
    /// Sets a meeting's status when it matches near the trigger (`status-planned`, ...).
    Status(MeetingStatus),
    /// Vetoes a trigger of this class that it overlaps (`not-meeting`, ...).
    Veto(EventClass),
    /// A negated trigger gives nothing (`negation`).
    Negation,
    /// A hypothetical trigger gives nothing, or a planned meeting (`hypothetical`).
    Hypothetical,
    /// Turns a demand around: its subject is the addressee (`demand-passive`).
    DemandPassive,
    /// "if X ..., sanctions must follow": a demand inside a quote (`demand-conditional`).
    DemandConditional,
}

impl RuleKind {
    /// Parses the `kind` column; event classes are their names in lower case.
    pub fn parse(kind: &str) -> Option<RuleKind> {
        let class = |name: &str| EventClass::all().find(|c| c.name().eq_ignore_ascii_case(name));
        Some(match kind {
            "negation" => RuleKind::Negation,
            "hypothetical" => RuleKind::Hypothetical,
            "demand-passive" => RuleKind::DemandPassive,
            "demand-conditional" => RuleKind::DemandConditional,
            "status-cancelled" => RuleKind::Status(MeetingStatus::Cancelled),
            "status-proposed" => RuleKind::Status(MeetingStatus::Proposed),
            "status-planned" => RuleKind::Status(MeetingStatus::Planned),
            other => match other.strip_prefix("not-") {
                Some(vetoed) => RuleKind::Veto(class(vetoed)?),
                None => RuleKind::Trigger(class(other)?),
            },
        })
    }
}

/// What the words of a trigger say beyond its kind, from the named group of
/// its rule's pattern that they matched: `(?P<cooperation>joined forces|...)`
/// in an agreement rule. Group names are parsed when the rules load, so a
/// misspelt name is an error naming the line, not a sense that never fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerSense {
    /// Working together rather than a deal: "joined forces", "teamed up"
    /// (group `cooperation`).
    Cooperation,
    /// An offer taken up, agreed with whoever made it: "accepted Norway's
    /// offer" (group `offer`).
    AcceptedOffer,
    /// A decision two or more parties took together: "the decision by India
    /// and Pakistan to open a bus link" (group `joint`); one party's
    /// decision is no agreement.
    JointDecision,
}

impl TriggerSense {
    /// Parses a group name of a trigger pattern.
    pub fn parse(group: &str) -> Option<TriggerSense> {
        match group {
            "cooperation" => Some(TriggerSense::Cooperation),
            "offer" => Some(TriggerSense::AcceptedOffer),
            "joint" => Some(TriggerSense::JointDecision),
            _ => None,
        }
    }
}
