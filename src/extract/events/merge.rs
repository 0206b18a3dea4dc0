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
        });
        match target {
            Some(o) => absorb(o, e),
            None => out.push(e),
        }
    }
    out.retain(|m| sides(m.agents_in(AgentRole::Participant), doc).len() >= 2 || m.location.is_some());
    out
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
