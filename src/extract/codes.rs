//! PLOVER and CAMEO codes of an event, from `ontology/rules/event_codes.tsv`.
//!
//! Users of event datasets (ICEWS, POLECAT, GDELT) join on these codes; they
//! are a lookup on the event's kind and status, kept as data.

use std::sync::OnceLock;

use crate::extract::lexicon;
use crate::extract::model::{EventClass, MeetingStatus};

/// The codes of one kind (and status) of event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCodes {
    /// PLOVER event type, e.g. "CONSULT"; None where PLOVER has none.
    pub plover: Option<String>,
    /// CAMEO code, e.g. "04".
    pub cameo: String,
}

struct Row {
    kind: String,
    status: String,
    codes: EventCodes,
}

/// The table of `event_codes.tsv`, read once. `Lexicon::load` reads the file
/// first (so a bad row stops `Extractor::new` with its file and line), and a
/// test reads the embedded file, so this cannot fail once an extractor exists.
fn table() -> &'static [Row] {
    static TABLE: OnceLock<Vec<Row>> = OnceLock::new();
    TABLE.get_or_init(|| {
        lexicon::event_codes()
            .expect("ontology/rules/event_codes.tsv is checked by Lexicon::load")
            .into_iter()
            .map(|row| Row {
                kind: row.kind,
                status: row.status,
                codes: EventCodes {
                    plover: row.plover,
                    cameo: row.cameo,
                },
            })
            .collect()
    })
}

/// The codes of an event of `class` (with a meeting's status), or None if
/// the table has no row for it.
pub fn event_codes(class: EventClass, status: Option<MeetingStatus>) -> Option<&'static EventCodes> {
    let status = status.map_or("*", MeetingStatus::name);
    table()
        .iter()
        .find(|r| r.kind == class.name() && (r.status == "*" || r.status == status))
        .map(|r| &r.codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_meeting_status_has_codes() {
        for status in [
            MeetingStatus::Held,
            MeetingStatus::Planned,
            MeetingStatus::Proposed,
            MeetingStatus::Cancelled,
        ] {
            assert!(event_codes(EventClass::Meeting, Some(status)).is_some(), "{status:?}");
        }
        for class in EventClass::all() {
            let status = (class == EventClass::Meeting).then_some(MeetingStatus::Held);
            assert!(event_codes(class, status).is_some(), "{class:?} has no codes");
        }
        assert_eq!(
            event_codes(EventClass::Demand, None),
            Some(&EventCodes {
                plover: Some("REQUEST".into()),
                cameo: "10".into()
            })
        );
        assert_eq!(
            event_codes(EventClass::Statement, None).map(|c| c.plover.as_deref()),
            Some(None)
        );
    }
}
