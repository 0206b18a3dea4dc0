//! One node per real-world event: the same meeting or agreement told in
//! several sentences is merged into the first telling.

use std::collections::BTreeSet;

use crate::extract::entities::DocEntities;
use crate::extract::model::{AgentRole, Event, EventClass};

/// One node per meeting: a meeting with the same status as an earlier one,
/// whose participants are a subset or superset of the earlier one's, at a
/// compatible place and date, is the same meeting told again. A meeting that
/// ends with fewer than two sides (a minister and the state they represent
/// are one side) and no place says too little and is dropped.
pub(super) fn meetings(events: Vec<Event>, doc: &DocEntities) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let participants = e.role_set(AgentRole::Participant);
        let target = out.iter_mut().find(|o| {
            let earlier = o.role_set(AgentRole::Participant);
            o.status == e.status
                && (earlier.is_subset(&participants) || participants.is_subset(&earlier))
                && (e.location.is_none() || o.location.is_none() || e.location == o.location)
                && (e.date.is_none() || o.date.is_none() || e.date == o.date)
                && !visit_elsewhere(o, &e, doc)
        });
        match target {
            Some(o) => absorb(o, e),
            None => out.push(e),
        }
    }
    out.retain(|m| sides(m.agents_in(AgentRole::Participant), doc).len() >= 2 || m.location.is_some());
    out
}

/// Whether two meetings whose participants nest are still two: a visit to
/// some states and a meeting at a place in none of them ("will visit
/// Tanzania and Mozambique before chairing a meeting in Cape Town").
fn visit_elsewhere(a: &Event, b: &Event, doc: &DocEntities) -> bool {
    let elsewhere = |visit: &Event, placed: &Event| {
        visit.evidence.rule.starts_with("meeting.verb.visit")
            && visit.location.is_none()
            && placed
                .location
                .and_then(|place| doc.entities[place].located_in)
                .is_some_and(|state| !sides(visit.agents_in(AgentRole::Participant), doc).contains(&state))
    };
    elsewhere(a, b) || elsewhere(b, a)
}

/// Adds a later telling's agents, and the place and date it alone gives.
fn absorb(into: &mut Event, later: Event) {
    into.agents.extend(later.agents);
    if into.location.is_none() {
        into.location = later.location;
    }
    if into.date.is_none() {
        into.date = later.date;
    }
}

/// One node per agreement: two agreements on one topic whose parties stand for
/// the same states ("France and West Germany reached agreement" and "Giraud and
/// his West German counterpart Woerner agreed") are one agreement told twice.
pub(super) fn agreements(events: Vec<Event>, doc: &DocEntities) -> Vec<Event> {
    let sides = |event: &Event| sides(event.agents_in(AgentRole::Party), doc);
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if e.class == EventClass::Agreement {
            let mine = sides(&e);
            let target = out.iter_mut().find(|o| {
                o.class == EventClass::Agreement
                    && o.topic == e.topic
                    && sides(o).intersection(&mine).count() >= mine.len().min(2)
            });
            if let Some(o) = target {
                o.agents
                    .extend(e.agents_in(AgentRole::Party).map(|p| (AgentRole::Party, p)));
                if o.date.is_none() {
                    o.date = e.date;
                }
                continue;
            }
        }
        out.push(e);
    }
    out
}

/// The sides a set of agents stands for: each person the states and
/// organizations they represent, if any; everyone else themselves.
pub(super) fn sides(agents: impl Iterator<Item = usize>, doc: &DocEntities) -> BTreeSet<usize> {
    agents
        .flat_map(|p| {
            let e = &doc.entities[p];
            if e.represents.is_empty() {
                vec![p]
            } else {
                e.represents.iter().copied().collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::extract::entities::EntityRules;
    use crate::extract::lexicon::Lexicon;
    use crate::extract::model::{Evidence, MeetingStatus, Topic};
    use crate::extract::sentences;

    /// The entities of a text written to hold two states, a person who acts
    /// for one of them, a third state and a place.
    fn doc() -> DocEntities {
        let rules = EntityRules::compile(Lexicon::load().expect("lexicon loads")).expect("rules compile");
        let text = "Kenya, Norway and Chile sent envoys. Kenyan Foreign Minister Amina Kamau \
                    spoke in Oslo and Geneva.";
        rules.recognize("d", text, &sentences::split(text), None)
    }

    fn id(doc: &DocEntities, label: &str) -> usize {
        doc.entities
            .iter()
            .position(|e| e.label == label)
            .unwrap_or_else(|| panic!("no entity {label}"))
    }

    fn event(class: EventClass, role: AgentRole, agents: &[usize]) -> Event {
        let evidence = Evidence {
            start: 0,
            end: 0,
            text: String::new(),
            rule: "test".into(),
        };
        let mut e = Event::new(class, evidence);
        e.agents.extend(agents.iter().map(|&a| (role, a)));
        e
    }

    fn meeting(agents: &[usize], status: MeetingStatus) -> Event {
        let mut e = event(EventClass::Meeting, AgentRole::Participant, agents);
        e.status = Some(status);
        e
    }

    fn date(day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 5, day)
    }

    #[test]
    fn a_meeting_told_again_with_fewer_participants_is_absorbed_with_its_place_and_date() {
        let doc = doc();
        let (kenya, norway, chile) = (id(&doc, "Kenya"), id(&doc, "Norway"), id(&doc, "Chile"));
        let first = meeting(&[kenya, norway, chile], MeetingStatus::Held);
        let mut again = meeting(&[kenya, norway], MeetingStatus::Held);
        again.location = Some(id(&doc, "Oslo"));
        again.date = date(4);
        let merged = meetings(vec![first, again], &doc);
        assert_eq!(merged.len(), 1, "{merged:?}");
        assert_eq!(
            merged[0].role_set(AgentRole::Participant),
            [kenya, norway, chile].into()
        );
        assert_eq!(merged[0].location, Some(id(&doc, "Oslo")));
        assert_eq!(merged[0].date, date(4));
    }

    #[test]
    fn meetings_at_other_places_dates_or_statuses_stay_apart() {
        let doc = doc();
        let (kenya, norway) = (id(&doc, "Kenya"), id(&doc, "Norway"));
        let at = |place: &str, day: u32, status: MeetingStatus| {
            let mut m = meeting(&[kenya, norway], status);
            m.location = Some(id(&doc, place));
            m.date = date(day);
            m
        };
        let held = MeetingStatus::Held;
        let cases = [
            (at("Oslo", 4, held), at("Geneva", 4, held)),
            (at("Oslo", 4, held), at("Oslo", 5, held)),
            (at("Oslo", 4, held), at("Oslo", 4, MeetingStatus::Planned)),
        ];
        for (a, b) in cases {
            assert_eq!(meetings(vec![a, b], &doc).len(), 2);
        }
        // participants that overlap without one holding the other: two meetings
        let chile = id(&doc, "Chile");
        let a = meeting(&[kenya, norway], held);
        let b = meeting(&[norway, chile], held);
        assert_eq!(meetings(vec![a, b], &doc).len(), 2);
    }

    #[test]
    fn a_meeting_of_one_side_without_a_place_is_dropped() {
        let doc = doc();
        let (kenya, kamau) = (id(&doc, "Kenya"), id(&doc, "Amina Kamau"));
        assert!(doc.entities[kamau].represents.contains(&kenya), "Kamau acts for Kenya");
        // the minister and her state are one side
        let one_side = meeting(&[kenya, kamau], MeetingStatus::Held);
        assert!(meetings(vec![one_side.clone()], &doc).is_empty());
        let mut placed = one_side;
        placed.location = Some(id(&doc, "Oslo"));
        assert_eq!(meetings(vec![placed], &doc).len(), 1);
    }

    #[test]
    fn an_agreement_whose_parties_stand_for_the_same_states_is_one_agreement() {
        let doc = doc();
        let (kenya, norway, chile, kamau) = (
            id(&doc, "Kenya"),
            id(&doc, "Norway"),
            id(&doc, "Chile"),
            id(&doc, "Amina Kamau"),
        );
        let deal = |parties: &[usize], topic: Topic| {
            let mut e = event(EventClass::Agreement, AgentRole::Party, parties);
            e.topic = Some(topic);
            e
        };
        // "Kenya and Norway agreed a ceasefire" then "Kamau and Norway agreed" it again
        let mut again = deal(&[kamau, norway], Topic::Ceasefire);
        again.date = date(4);
        let merged = agreements(vec![deal(&[kenya, norway], Topic::Ceasefire), again], &doc);
        assert_eq!(merged.len(), 1, "{merged:?}");
        assert_eq!(merged[0].role_set(AgentRole::Party), [kenya, norway, kamau].into());
        assert_eq!(merged[0].date, date(4));
        // another topic, or other states, is another agreement
        let first = deal(&[kenya, norway], Topic::Ceasefire);
        for other in [
            deal(&[kenya, norway], Topic::Trade),
            deal(&[chile, norway], Topic::Ceasefire),
        ] {
            assert_eq!(agreements(vec![first.clone(), other], &doc).len(), 2);
        }
    }
}
