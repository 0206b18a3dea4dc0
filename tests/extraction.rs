//! Extraction rules on sentences written for these tests: each test guards one
//! rule family, and names what it guards.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use parley::{
    AgentRole, Document, EntityKey, EntityKind, Event, EventClass, Extraction, Extractor, MeetingStatus, Topic,
};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("embedded rules compile"))
}

fn extract(text: &str, date: Option<&str>) -> Extraction {
    let doc = Document {
        id: "test".into(),
        text: text.into(),
        date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        title: None,
        url: None,
    };
    extractor().extract(&doc)
}

fn label(ex: &Extraction, id: usize) -> String {
    let e = &ex.entities[id];
    e.iso3.clone().unwrap_or_else(|| e.label.clone())
}

fn labels(ex: &Extraction, ids: &BTreeSet<usize>) -> BTreeSet<String> {
    ids.iter().map(|&i| label(ex, i)).collect()
}

/// The labels of an event's agents in `role`.
fn role(ex: &Extraction, e: &Event, role: AgentRole) -> BTreeSet<String> {
    labels(ex, &e.role_set(role))
}

/// The agents in `role` of every event of `class`.
fn agents_of(ex: &Extraction, class: EventClass, role_: AgentRole) -> BTreeSet<String> {
    ex.events
        .iter()
        .filter(|e| e.class == class)
        .flat_map(|e| role(ex, e, role_))
        .collect()
}

fn entities_of(ex: &Extraction, kind: EntityKind) -> BTreeSet<String> {
    ex.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .map(|(i, _)| label(ex, i))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_event_rule_fires_on_its_own_example() {
    for (id, example) in extractor().rule_examples() {
        assert!(!example.is_empty(), "rule {id} has no example");
        let fired = extractor().matching_rules(&example);
        assert!(
            fired.contains(&id),
            "rule {id} does not fire on its example {example:?} (fired: {fired:?})"
        );
    }
}

#[test]
fn states_are_found_by_name_adjective_capital_and_metonym() {
    let ex = extract(
        "Norwegian officials said the Kremlin and Ankara had agreed, and Kenya objected.",
        None,
    );
    assert_eq!(entities_of(&ex, EntityKind::State), set(&["KEN", "NOR", "RUS", "TUR"]));
}

#[test]
fn a_capital_after_in_is_a_place_located_in_its_state() {
    let ex = extract("The delegations met in Nairobi on Tuesday.", None);
    let places = entities_of(&ex, EntityKind::Place);
    assert_eq!(places, set(&["Nairobi"]));
    let nairobi = ex.entities.iter().find(|e| e.label == "Nairobi").unwrap();
    assert_eq!(nairobi.located_in.map(|s| label(&ex, s)), Some("KEN".to_string()));
}

/// The state each place of `ex` lies in, by place label ("-" for none).
fn places_in(ex: &Extraction) -> BTreeSet<String> {
    ex.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| {
            format!(
                "{} in {}",
                e.label,
                e.located_in.map_or("-".to_string(), |s| label(ex, s))
            )
        })
        .collect()
}

#[test]
fn a_province_is_a_place_located_in_its_state_and_a_left_out_name_is_no_place() {
    let ex = extract(
        "Gunmen attacked a police post in Helmand province and fled towards Sindh, officials said.",
        None,
    );
    assert_eq!(places_in(&ex), set(&["Helmand in AFG", "Sindh in PAK"]));
    // an oblast named after its city: the region is the fuller form, the city keeps its name
    let ex = extract("Shelling hit villages in the Donetsk region, far from Donetsk.", None);
    assert_eq!(places_in(&ex), set(&["Donetsk Oblast in UKR", "Donetsk in UKR"]));
    // a region that lies in two states lies in neither
    let ex = extract("Farmers in Punjab blocked the highway on Monday.", None);
    assert_eq!(places_in(&ex), set(&["Punjab in -"]));
    // Hesse is a surname as well as a German state: only the German form Hessen is a place
    let ex = extract(
        "Regulator Martha Hesse said the ruling stands, and officials in Hessen agreed.",
        None,
    );
    assert_eq!(places_in(&ex), set(&["Hessen in DEU"]));
    // venues of political news: a square, a prison, a base
    let ex = extract(
        "Protesters gathered in Tiananmen Square while detainees at Guantanamo Bay waited.",
        None,
    );
    assert_eq!(
        places_in(&ex),
        set(&["Tiananmen Square in CHN", "Guantanamo Bay in CUB"])
    );
}

#[test]
fn titled_people_represent_the_state_before_the_title() {
    let ex = extract(
        "Kenyan Foreign Minister Wanjiru Kamau met Norway's chief negotiator, Ingrid Solberg, in Oslo.",
        None,
    );
    let people: Vec<_> = ex.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 2, "{people:?}");
    for (name, state) in [("Wanjiru Kamau", "KEN"), ("Ingrid Solberg", "NOR")] {
        let p = people
            .iter()
            .find(|p| p.label == name)
            .unwrap_or_else(|| panic!("{name} not found in {people:?}"));
        assert_eq!(labels(&ex, &p.represents), set(&[state]), "{name}");
    }
}

fn represents_of(ex: &Extraction, name: &str) -> BTreeSet<String> {
    let person = ex
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.label == name)
        .unwrap_or_else(|| panic!("{name} not found in {:?}", ex.entities));
    labels(ex, &person.represents)
}

#[test]
fn an_office_only_one_state_has_stands_for_that_state() {
    // a title with lower-case words before a name the gazetteer does not know
    let ex = extract("Secretary of State Mark Dallow arrived in Oslo on Monday.", None);
    assert_eq!(represents_of(&ex, "Mark Dallow"), set(&["USA"]));
    let ex = extract(
        "Chancellor of the Exchequer Mark Dallow said the pound was stable.",
        None,
    );
    assert_eq!(represents_of(&ex, "Mark Dallow"), set(&["GBR"]));
    // a state in the text wins over the office's default
    let ex = extract("Kenya's Minister of Foreign Affairs Wanjiru Kamau spoke.", None);
    assert_eq!(represents_of(&ex, "Wanjiru Kamau"), set(&["KEN"]));
    // Britain's secretaries of state are "for" something: no default
    let ex = extract("The Secretary of State for Transport, Mark Dallow, resigned.", None);
    assert!(
        !ex.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.represents.iter().any(|&s| label(&ex, s) == "USA")),
        "{:?}",
        ex.entities
    );
}

#[test]
fn an_office_holder_the_sentence_gives_no_state_acts_for_the_documents_home_state() {
    let story = "Peru will not pay its foreign banks this year. Peru's debt is large, \
                 and Peruvian exporters are worried. Finance Minister Olek Varga said talks \
                 with Japanese banks would go on.";
    let ex = extract(story, None);
    assert_eq!(represents_of(&ex, "Olek Varga"), set(&["PER"]));
}

#[test]
fn a_president_known_by_surname_acts_for_the_state_all_holders_of_that_surname_served() {
    // both Presidents Bush were the United States'; the text names no state
    let ex = extract(
        "Talks ended.\nPresident Bush told reporters the summit had gone well.",
        None,
    );
    assert_eq!(represents_of(&ex, "Bush"), set(&["USA"]));
    // Saddam Hussein and King Hussein served different states: no guess
    let ex = extract(
        "Talks ended.\nPresident Hussein told reporters the summit had gone well.",
        None,
    );
    assert!(represents_of(&ex, "Hussein").is_empty());
}

#[test]
fn a_party_form_before_a_title_makes_the_holder_act_for_the_party_not_the_state() {
    let ex = extract(
        "Conservative shadow trade secretary Olek Varga said the deal was wrong.",
        None,
    );
    assert_eq!(represents_of(&ex, "Olek Varga"), set(&["Conservative Party"]));
    let ex = extract("Tory leader Olek Varga spoke in Leeds on Monday.", None);
    assert_eq!(represents_of(&ex, "Olek Varga"), set(&["Conservative Party"]));
    // an ordinary adjective before no title names no party
    let ex = extract("Conservative estimates put the cost at 5 billion dollars.", None);
    assert!(
        entities_of(&ex, EntityKind::Organization).is_empty(),
        "{:?}",
        ex.entities
    );
}

#[test]
fn an_organization_named_with_a_person_but_no_title_is_whom_the_person_speaks_for() {
    let ex = extract("War on Want's John Varga said the policy had failed.", None);
    assert_eq!(represents_of(&ex, "John Varga"), set(&["War on Want"]));
    let ex = extract("John Varga, from Human Rights Watch, said it was a signal.", None);
    assert_eq!(represents_of(&ex, "John Varga"), set(&["Human Rights Watch"]));
    // "and" joins two people; it does not make one speak for an organization
    let ex = extract("John Varga and Human Rights Watch disagreed.", None);
    assert!(represents_of(&ex, "John Varga").is_empty());
}

#[test]
fn capitalized_words_after_a_title_that_qualify_another_are_the_title_not_the_name() {
    let ex = extract(
        "UN Deputy Emergency Relief Coordinator Amina Wanjiru urged donors to act.",
        None,
    );
    let people = entities_of(&ex, EntityKind::Person);
    assert!(people.contains("Amina Wanjiru"), "{people:?}");
    let amina = ex.entities.iter().find(|e| e.label == "Amina Wanjiru").unwrap();
    assert!(
        amina.roles.contains("Deputy Emergency Relief Coordinator"),
        "{:?}",
        amina.roles
    );
}

#[test]
fn capitalized_words_before_a_title_qualify_it_and_the_name_follows() {
    let ex = extract(
        "EC External Trade Commissioner Olek Varga told reporters the offer was fair.",
        None,
    );
    assert!(
        entities_of(&ex, EntityKind::Person).contains("Olek Varga"),
        "{:?}",
        ex.entities
    );
    // a given name before the title is a name, not a qualifier of the title
    let ex = extract("Kenya named John Otieno Commissioner Olek Varga on Monday.", None);
    assert!(
        !ex.entities.iter().any(|e| e.roles.iter().any(|r| r.contains("John"))),
        "{:?}",
        ex.entities
    );
}

#[test]
fn an_abbreviated_title_with_its_period_still_introduces_the_name() {
    let ex = extract("Rep. Olek Varga, a Democrat, said the bill would pass.", None);
    assert!(
        entities_of(&ex, EntityKind::Person).contains("Olek Varga"),
        "{:?}",
        ex.entities
    );
}

#[test]
fn an_office_holder_reporting_on_the_most_named_state_acts_for_it() {
    // Peru is named most, but not twice as often as Chile: no home state
    let story = "Peru and Chile met on Monday. Peru wants a new loan. Chile agreed. \
                 Peru is not happy with its banks, Finance Minister Olek Varga said.";
    let ex = extract(story, None);
    assert_eq!(represents_of(&ex, "Olek Varga"), set(&["PER"]));
    // a sentence that also names another state may be about that state's minister
    let story = "Peru and Chile met on Monday. Peru wants a new loan. Chile agreed. \
                 Peru is not happy with Chile, Finance Minister Olek Varga said.";
    let ex = extract(story, None);
    assert!(represents_of(&ex, "Olek Varga").is_empty());
}

#[test]
fn no_home_state_where_no_state_dominates_the_document() {
    // Peru and Chile are named equally often: whose minister is unknowable
    let story = "Peru and Chile met in Geneva. Peru asked for a truce; Chile \
                 refused. Finance Minister Olek Varga said talks would go on.";
    let ex = extract(story, None);
    assert!(represents_of(&ex, "Olek Varga").is_empty());
}

#[test]
fn a_shadow_minister_does_not_act_for_the_home_state() {
    let story = "Peru will not pay its banks. Peru's debt is large, and Peruvian \
                 exporters are worried. Shadow finance minister Olek Varga said the plan was wrong.";
    let ex = extract(story, None);
    assert!(represents_of(&ex, "Olek Varga").is_empty());
}

#[test]
fn a_name_wrapped_across_lines_is_found_and_its_evidence_keeps_the_break() {
    // the first line of a block could be a headline: the wrapped sentence comes second
    let text =
        "Talks ended.\nPeru and Chile signed an agreement on fishing, the Governor of the Bank of\nEngland said.";
    let ex = extract(text, None);
    assert!(
        entities_of(&ex, EntityKind::Organization).contains("Bank of England"),
        "{:?}",
        ex.entities
    );
    let mention = ex
        .mentions
        .iter()
        .find(|m| m.text.starts_with("Bank of"))
        .expect("mention");
    assert_eq!(mention.text, "Bank of\nEngland", "a mention quotes the text as written");
    assert!(!ex.events.is_empty(), "the agreement is read");
    for e in &ex.events {
        let quoted: String = text
            .chars()
            .skip(e.evidence.start)
            .take(e.evidence.end - e.evidence.start)
            .collect();
        assert_eq!(e.evidence.text, quoted);
    }
}

#[test]
fn a_surname_after_the_full_name_is_the_same_person() {
    let ex = extract(
        "Defence Minister Tomas Halvorsen arrived on Monday. Halvorsen said the talks were useful.",
        None,
    );
    let people = entities_of(&ex, EntityKind::Person);
    assert_eq!(people, set(&["Tomas Halvorsen"]));
    let halvorsen = ex.entities.iter().position(|e| e.label == "Tomas Halvorsen").unwrap();
    assert_eq!(ex.mentions.iter().filter(|m| m.entity == halvorsen).count(), 2);
}

/// The key of the first person of an extraction.
fn person_key(ex: &Extraction) -> Option<EntityKey> {
    ex.entities
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .map(|e| e.key.clone())
}

#[test]
fn transliteration_variants_share_one_person_key() {
    let a = extract("President Volodymyr Zelenskyy spoke.", None);
    let b = extract("President Volodymyr Zelenskiy spoke.", None);
    assert!(person_key(&a).is_some());
    assert_eq!(person_key(&a), person_key(&b));
}

#[test]
fn letters_without_an_ascii_base_fold_into_one_person_key() {
    let a = extract("Foreign Minister Tarık Bozdağlı spoke.", None);
    let b = extract("Foreign Minister Tarik Bozdagli spoke.", None);
    assert!(person_key(&a).is_some());
    assert_eq!(person_key(&a), person_key(&b));
}

#[test]
fn mentions_use_code_point_offsets() {
    let text = "\u{201C}Yes,\u{201D} said Kenya\u{2019}s envoy.";
    let ex = extract(text, None);
    let chars: Vec<char> = text.chars().collect();
    for m in &ex.mentions {
        let span: String = chars[m.start..m.end].iter().collect();
        assert_eq!(span, m.text);
    }
    assert!(ex.mentions.iter().any(|m| m.text == "Kenya"));
}

/// A meeting as (participants, status, place, date).
type MeetingRow = (BTreeSet<String>, MeetingStatus, Option<String>, Option<NaiveDate>);

fn meetings(ex: &Extraction) -> Vec<MeetingRow> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Meeting)
        .map(|e| {
            (
                role(ex, e, AgentRole::Participant),
                e.status.expect("a meeting has a status"),
                e.location.map(|l| label(ex, l)),
                e.date,
            )
        })
        .collect()
}

#[test]
fn a_state_people_only_come_from_is_no_participant() {
    let text = "Kenyan Foreign Minister Wanjiru Kamau met with refugees from Chile, Peru and the former Yugoslavia in Nairobi.";
    let m = meetings(&extract(text, None));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, set(&["KEN", "Wanjiru Kamau"]));
    // officials act for the state they come from
    let text = "Kenyan Foreign Minister Wanjiru Kamau met officials from Chile in Nairobi.";
    let m = meetings(&extract(text, None));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, set(&["CHL", "KEN", "Wanjiru Kamau"]));
}

#[test]
fn a_persons_wife_or_aide_is_who_meets_not_the_person() {
    let text = "Mr. Kamau's wife Amina visited the National Council of Women together with the first lady of Chile.";
    let m = meetings(&extract(text, None));
    assert!(
        m.iter().all(|(who, ..)| !who.iter().any(|w| w.contains("Kamau"))),
        "{m:?}"
    );
    // "Kamau's talks" are his
    let text = "Foreign Minister Wanjiru Kamau's talks with Chile ended on Monday.";
    let m = meetings(&extract(text, None));
    assert!(m.iter().any(|(who, ..)| who.contains("Wanjiru Kamau")), "{m:?}");
}

#[test]
fn as_before_a_subject_opens_a_clause_of_its_own() {
    // Chile is the subject of what she said, not someone she visits
    let text =
        "Kenyan Foreign Minister Wanjiru Kamau said that Chile should open its border as she began a visit to Peru.";
    let m = meetings(&extract(text, None));
    assert!(m.iter().all(|(who, ..)| !who.contains("CHL")), "{m:?}");
    // "even as" sets off where the protests were, not who negotiates
    let text = "Kenya and Chile entered a critical week in their trade talks on Monday, even as protests flared at factories across Peru.";
    let m = meetings(&extract(text, None));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, set(&["CHL", "KEN"]));
    // "as" before no subject is a preposition: the clause goes on
    let text = "Kenya and Chile held talks in Nairobi on Monday as a first step toward a trade pact.";
    assert_eq!(meetings(&extract(text, None)).len(), 1);
}

#[test]
fn a_held_meeting_has_participants_place_and_resolved_weekday() {
    let ex = extract("Kenya and Norway held talks in Nairobi on Tuesday.", Some("2026-02-05"));
    let m = meetings(&ex);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, set(&["KEN", "NOR"]));
    assert_eq!(m[0].1, MeetingStatus::Held);
    assert_eq!(m[0].2.as_deref(), Some("Nairobi"));
    assert_eq!(m[0].3, NaiveDate::from_ymd_opt(2026, 2, 3));
}

#[test]
fn what_a_meeting_is_to_discuss_and_the_clause_around_its_relative_clause_name_no_participants() {
    // the states after "to discuss" are the topic
    let topic = meetings(&extract(
        "Kenyan Foreign Minister Amina Kamau will meet Norwegian Foreign Minister Lars Holm to discuss Sudan and Somalia.",
        None,
    ));
    assert_eq!(topic.len(), 1, "{topic:?}");
    assert_eq!(topic[0].0, set(&["Amina Kamau", "KEN", "Lars Holm", "NOR"]));
    // the EU is named by the main clause, not the relative clause that tells the talks
    let relative = meetings(&extract(
        "Kenyan Foreign Minister Amina Kamau, who will hold talks in Oslo on Thursday, said an EU trade code was fair.",
        None,
    ));
    assert_eq!(relative.len(), 1, "{relative:?}");
    assert_eq!(relative[0].0, set(&["Amina Kamau", "KEN"]));
    assert_eq!(relative[0].2.as_deref(), Some("Oslo"));
}

#[test]
fn a_wire_storys_lead_meeting_happens_at_its_dateline_on_its_day() {
    let date = Some("2026-03-10");
    let lead = meetings(&extract(
        "KENYA AND NORWAY MEET\nNAIROBI, March 10 -\nKenya met Norway for a first round of debt talks, officials said.",
        date,
    ));
    assert_eq!(lead.len(), 1, "{lead:?}");
    assert_eq!(lead[0].2.as_deref(), Some("Nairobi"));
    assert_eq!(lead[0].3, NaiveDate::from_ymd_opt(2026, 3, 10));
    let today = meetings(&extract(
        "OSLO, March 10 - Trade officials said on the radio that the talks are going well.\nKenyan and Norwegian ministers are meeting today to settle the debt.",
        date,
    ));
    assert!(today.iter().any(|m| m.2.as_deref() == Some("Oslo")), "{today:?}");
}

#[test]
fn a_meeting_on_another_day_or_elsewhere_is_not_put_at_the_dateline() {
    let date = Some("2026-03-10");
    for text in [
        "OSLO, March 10 -\nKenya and Norway held talks last week, officials said.",
        "OSLO, March 10 -\nKenya and Norway will meet in Uganda today, officials said.",
        "OSLO, March 10 -\nThe Kenyan minister is flying to Norway for talks with the government.",
        "OSLO, March 10 -\nOfficials said trade was brisk. Kenya and Norway met, they added.",
    ] {
        let m = meetings(&extract(text, date));
        assert!(m.iter().all(|m| m.2.as_deref() != Some("Oslo")), "{text}: {m:?}");
    }
}

#[test]
fn will_meet_is_planned_and_refused_to_meet_is_cancelled() {
    let planned = meetings(&extract(
        "Kenya and Norway will meet in Geneva on March 14.",
        Some("2026-02-24"),
    ));
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].1, MeetingStatus::Planned);
    assert_eq!(planned[0].3, NaiveDate::from_ymd_opt(2026, 3, 14));
    let cancelled = meetings(&extract("Kenya refused to meet Norway's delegation.", None));
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0].1, MeetingStatus::Cancelled);
}

#[test]
fn no_document_date_gives_no_event_date() {
    let m = meetings(&extract("Kenya and Norway held talks in Nairobi on Tuesday.", None));
    assert_eq!(m[0].3, None);
}

fn demands(ex: &Extraction) -> Vec<(BTreeSet<String>, BTreeSet<String>, Topic)> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Demand)
        .map(|e| {
            (
                role(ex, e, AgentRole::Demander),
                role(ex, e, AgentRole::Addressee),
                e.topic.expect("a demand has a topic"),
            )
        })
        .collect()
}

#[test]
fn a_demand_has_demander_addressee_and_topic() {
    let d = demands(&extract("Kenya urged Norway to accept an immediate ceasefire.", None));
    assert_eq!(d, vec![(set(&["KEN"]), set(&["NOR"]), Topic::Ceasefire)]);
}

#[test]
fn a_demand_naming_no_addressee_is_made_of_the_one_other_state_in_its_sentence() {
    let d = demands(&extract(
        "Norway detained a Kenyan fisherman, prompting Kenya to call for his immediate release.",
        None,
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((&d[0].0, &d[0].1), (&set(&["KEN"]), &set(&["NOR"])));
    // two other states: the demand is of neither
    let d = demands(&extract("Kenya called for a ceasefire between Norway and Chile.", None));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].1.is_empty(), "{d:?}");
    // the demander's own state is no addressee
    let d = demands(&extract(
        "Kenyan Foreign Minister Amina Odhiambo called for new elections in Kenya.",
        None,
    ));
    assert!(d.iter().all(|x| x.1.is_empty()), "{d:?}");
}

#[test]
fn the_head_word_alone_tells_an_organization_named_before() {
    let ex = extract(
        "The Paris Club of creditor nations met Kenyan officials. Kenya urged the Club to reschedule its debt.",
        None,
    );
    let d = demands(&ex);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, set(&["Paris Club"]));
    // "the Council of Europe" is another organization, not the Security Council again
    let ex = extract(
        "The UN Security Council met on Monday. Kenya urged the Council of Europe to act.",
        None,
    );
    let d = demands(&ex);
    assert!(d.iter().all(|x| !x.1.contains("UN Security Council")), "{d:?}");
}

#[test]
fn a_demands_addressee_may_follow_determiners_and_quantifiers_but_not_an_indefinite_article() {
    let d = demands(&extract("Kenya urged both Norway and Sweden to lower tariffs.", None));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, set(&["NOR", "SWE"]), "every coordinated object is an addressee");
    let d = demands(&extract("Kenya wants other EU members to match its aid target.", None));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, set(&["European Union"]));
    // "a Norwegian banker" is a person of Norway, not Norway
    let d = demands(&extract(
        "Kenya has asked a Norwegian banker to run its central bank.",
        None,
    ));
    assert!(d.iter().all(|x| !x.1.contains("NOR")), "{d:?}");
}

#[test]
fn adjective_with_officials_demands_for_the_state_and_each_topic_counts() {
    let d = demands(&extract(
        "Kenyan officials demanded a ceasefire and new sanctions.",
        None,
    ));
    let topics: Vec<Topic> = d.iter().map(|x| x.2).collect();
    assert_eq!(topics, vec![Topic::Ceasefire, Topic::Sanctions]);
    assert!(d.iter().all(|x| x.0 == set(&["KEN"])));
}

#[test]
fn negated_agreement_is_not_an_agreement() {
    let ex = extract("Kenya and Norway did not agree on a ceasefire.", None);
    assert!(!ex.events.iter().any(|e| e.class == EventClass::Agreement));
}

#[test]
fn hypothetical_agreement_is_not_an_agreement() {
    let ex = extract("Kenya and Norway could agree on a ceasefire next year.", None);
    assert!(!ex.events.iter().any(|e| e.class == EventClass::Agreement));
}

#[test]
fn an_agreement_has_its_parties_and_topic() {
    let ex = extract(
        "Kenya and Norway agreed to exchange prisoners on Friday.",
        Some("2026-04-18"),
    );
    let a: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.class == EventClass::Agreement)
        .map(|e| {
            (
                role(&ex, e, AgentRole::Party),
                e.topic.expect("an agreement has a topic"),
                e.date,
            )
        })
        .collect();
    assert_eq!(
        a,
        vec![(
            set(&["KEN", "NOR"]),
            Topic::PrisonerExchange,
            NaiveDate::from_ymd_opt(2026, 4, 17)
        )]
    );
}

fn agreement_parties(ex: &Extraction) -> Vec<BTreeSet<String>> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Agreement)
        .map(|e| role(ex, e, AgentRole::Party))
        .collect()
}

fn speakers(ex: &Extraction) -> Vec<String> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Statement)
        .flat_map(|e| e.agents_in(AgentRole::Speaker).map(|id| label(ex, id)))
        .collect()
}

/// What each statement says, in order.
fn quotes(ex: &Extraction) -> Vec<&str> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Statement)
        .map(|e| e.text.as_str())
        .collect()
}

/// The speakers of the statements whose quote holds `words`.
fn speakers_saying(ex: &Extraction, words: &str) -> Vec<String> {
    ex.events
        .iter()
        .filter(|e| e.class == EventClass::Statement && e.text.contains(words))
        .flat_map(|e| e.agents_in(AgentRole::Speaker).map(|id| label(ex, id)))
        .collect()
}

#[test]
fn direct_quote_and_pronoun_speaker() {
    let text = "Foreign Minister Wanjiru Kamau arrived in Oslo. \u{201C}We came to listen,\u{201D} she said.";
    assert_eq!(speakers(&extract(text, None)), vec!["Wanjiru Kamau".to_string()]);
}

#[test]
fn a_korean_name_is_referred_to_by_its_first_word() {
    let text =
        "Prime Minister Park Min-jun proposed new talks on Monday. Park said the two sides must first restore trust.";
    assert_eq!(speakers(&extract(text, None)), vec!["Park Min-jun".to_string()]);
}

#[test]
fn he_after_a_quotation_is_not_someone_the_quotation_names() {
    let text = "Opposition leader Amani Wekesa spoke in Nairobi on Monday. \"Prime Minister Juma Otieno has failed the farmers,\" he said.";
    assert_eq!(speakers(&extract(text, None)), vec!["Amani Wekesa".to_string()]);
}

#[test]
fn she_never_stands_for_a_man_nor_he_for_a_woman() {
    // the first person of the sentence before is a man: "she" passes over him
    let text = "Defence Minister Peter Otieno met Ms Amina Wanjiru in Mombasa. She said the talks had been useful.";
    assert_eq!(speakers(&extract(text, None)), vec!["Amina Wanjiru".to_string()]);
    let text = "Mrs Amina Wanjiru met Peter Otieno in Mombasa. He said the talks had been useful.";
    assert_eq!(speakers(&extract(text, None)), vec!["Peter Otieno".to_string()]);
    // nobody of her sex is named: no speaker rather than the wrong one
    let text = "Peter Otieno opened the camp on Monday. She said more tents were needed.";
    assert!(speakers(&extract(text, None)).is_empty());
}

#[test]
fn a_surname_after_mr_is_not_a_woman_of_that_name() {
    // "Mrs Otieno" is not Peter Otieno; "Mr Otieno" still is
    let text =
        "Peter Otieno's wife, Amina, will campaign too. Mrs Otieno will visit Mombasa. Mr Otieno will stay in Nairobi.";
    let ex = extract(text, None);
    let short_forms: Vec<String> = ex
        .mentions
        .iter()
        .filter(|m| m.text == "Otieno")
        .map(|m| label(&ex, m.entity))
        .collect();
    assert_eq!(short_forms.len(), 2);
    assert_ne!(short_forms[0], "Peter Otieno");
    assert_eq!(short_forms[1], "Peter Otieno");
}

#[test]
fn a_plan_a_prize_or_a_firm_after_an_occupation_is_no_person() {
    let text = "Mr Kamau called for a new Marshall Plan for Africa and won the Davis Cup. \
                Sales rose, said Amina Wanjiru, a director at analyst Gartner. The injured Wayne Bridge will miss the game.";
    let people = entities_of(&extract(text, None), EntityKind::Person);
    assert!(
        !people.contains("Marshall Plan") && !people.contains("Davis Cup"),
        "{people:?}"
    );
    assert!(!people.contains("Gartner"), "{people:?}");
    // a surname that is also a thing's word stays a name
    assert!(
        people.contains("Amina Wanjiru") && people.contains("Wayne Bridge"),
        "{people:?}"
    );
}

#[test]
fn a_thing_named_before_an_apposed_title_is_no_person() {
    // the title after the comma is the next clause's subject, not the thing's apposition
    let text = "Acting on pledges made at the June Ocean Summit, the chairman of the African Union \
                has begun work on fisheries. Pedro Street, the mayor of Lima, welcomed it.";
    let people = entities_of(&extract(text, None), EntityKind::Person);
    assert!(!people.contains("Ocean Summit"), "{people:?}");
    // a given name before the thing's word keeps a person named so
    assert!(people.contains("Pedro Street"), "{people:?}");
}

#[test]
fn a_report_in_the_opening_subordinate_clause_ends_at_its_comma() {
    let quotes_of =
        |text: &str| -> Vec<String> { quotes(&extract(text, None)).into_iter().map(String::from).collect() };
    let q = quotes_of("While Amina Wanjiru said the talks had stalled, Norway sent a new envoy to Nairobi.");
    assert_eq!(q, vec!["the talks had stalled".to_string()]);
    // a comma inside a number or inside a quotation after the verb is not the clause's end
    let q = quotes_of("Despite the strike Kenya said it would not cut the 500,000-strong army next year.");
    assert_eq!(
        q,
        vec!["it would not cut the 500,000-strong army next year".to_string()]
    );
    let q = quotes_of(
        "As Amina Wanjiru left Nairobi she told reporters: \"We are leaving over the talks, but we will be back.\"",
    );
    assert!(q.iter().any(|q| q.ends_with("we will be back.")), "{q:?}");
}

#[test]
fn a_name_glued_to_a_participle_or_closed_off_by_its_relative_clause_is_no_subject() {
    // "U.S.-backed" modifies the speaker's noun
    let ex = extract(
        "Kenya's U.S.-backed government said on Tuesday that neglect led to the deaths.",
        None,
    );
    assert!(!speakers(&ex).contains(&"USA".to_string()), "{:?}", speakers(&ex));
    // the relative clause closes at ", and": the demand goes on the main clause
    let d = demands(&extract(
        "The report recalled the case of Amina Wanjiru, who died in a cell in 2002, and urged Kenya to hold an inquiry.",
        None,
    ));
    assert!(d.iter().all(|(by, _, _)| !by.contains("Amina Wanjiru")), "{d:?}");
    // a relative clause still open at the trigger is the name's own
    let d = demands(&extract(
        "Amina Wanjiru, who chairs the committee, urged Kenya to hold an inquiry.",
        None,
    ));
    assert!(d.iter().any(|(by, _, _)| by.contains("Amina Wanjiru")), "{d:?}");
}

#[test]
fn a_reported_clause_with_its_own_subject_leaves_the_speaker_out_of_its_event() {
    let ex = extract("Kenyan officials said the rebels had demanded a ceasefire.", None);
    assert!(
        demands(&ex).iter().all(|(by, _, _)| !by.contains("KEN")),
        "{:?}",
        demands(&ex)
    );
    let ex = extract("Kenya told reporters the rebels had agreed to a ceasefire.", None);
    assert!(
        ex.events.iter().all(|e| e.class != EventClass::Agreement),
        "{:?}",
        ex.events
    );
    // a pronoun or a possessive stands for the speaker, a passive names no
    // subject of its own, and a verb joined to the reporting verb is the speaker's
    for text in [
        "Kenya said on Monday it had demanded a ceasefire from Uganda.",
        "Kenya said its envoys had demanded a ceasefire from Uganda.",
        "Kenya said the talks were over and demanded a ceasefire from Uganda.",
    ] {
        let d = demands(&extract(text, None));
        assert!(d.iter().any(|(by, _, _)| by.contains("KEN")), "{text}: {d:?}");
    }
}

#[test]
fn a_demand_in_a_relative_clause_of_someone_unnamed_is_not_the_sentences_subjects() {
    let demanders = |text: &str| -> Vec<BTreeSet<String>> {
        demands(&extract(text, None)).into_iter().map(|(by, _, _)| by).collect()
    };
    // "those who", "a farmer who": the demand is theirs, and they are named by nobody
    for text in [
        "Kenya said those who have demanded the ouster of Omar al-Bashir share the blame.",
        "Kenya has jailed a farmer who urged Uganda to open the border.",
    ] {
        let by = demanders(text);
        assert!(!by.iter().any(|d| d.contains("KEN")), "{text}: {by:?}");
    }
    // the relative clause belongs to the candidate, to its apposition, to its
    // predicate, or to someone who acts for it
    for text in [
        "Kenya, which has long demanded the ouster of Omar al-Bashir, met Norway.",
        "Amina Wanjiru, the minister who urged Uganda to open the border, resigned.",
        "Kenya is among those who have demanded the ouster of Omar al-Bashir.",
        "A senior Kenyan official who urged Uganda to open the border was recalled.",
    ] {
        let by = demanders(text);
        assert!(
            by.iter().any(|d| d.contains("KEN") || d.contains("Amina Wanjiru")),
            "{text}: {by:?}"
        );
    }
}

#[test]
fn a_hostage_named_before_the_verb_never_threatens() {
    let ex = extract(
        "A militant group holding hostage Amina Wanjiru in Mombasa has threatened to kill her.",
        None,
    );
    let threateners = agents_of(&ex, EventClass::Threat, AgentRole::Threatener);
    assert!(!threateners.contains("Amina Wanjiru"), "{threateners:?}");
    // a threatener named the same way is still one
    let ex = extract("Kenya has threatened to impose sanctions on Uganda.", None);
    let threat = ex.events.iter().find(|e| e.class == EventClass::Threat).unwrap();
    assert_eq!(role(&ex, threat, AgentRole::Threatener), set(&["KEN"]));
}

#[test]
fn a_state_acts_through_an_office_nobody_named_holds() {
    // "Italy's Interior Minister" names no one: Italy is the visitor; the EU that
    // migrants move into takes no part
    let ex = extract(
        "Italy's Interior Minister visited Libya on Monday to curb illegal immigration into the EU.",
        None,
    );
    let meeting = ex
        .events
        .iter()
        .find(|e| e.class == EventClass::Meeting)
        .expect("a visit");
    assert_eq!(role(&ex, meeting, AgentRole::Participant), set(&["ITA", "LBY"]));
}

#[test]
fn names_inside_a_relative_clause_or_an_address_do_not_speak() {
    let text = "Mr Peter Otieno, who met Amina Wanjiru last week, said the talks had failed.";
    assert_eq!(speakers(&extract(text, None)), vec!["Peter Otieno".to_string()]);
    let text = "However, Mr Peter Otieno, who met Amina Wanjiru last week, said the talks had failed.";
    assert_eq!(speakers(&extract(text, None)), vec!["Peter Otieno".to_string()]);
    let text = "Mr Peter Otieno, 32, from Kisumu, Kenya, said he had been held for a month.";
    assert_eq!(speakers(&extract(text, None)), vec!["Peter Otieno".to_string()]);
}

#[test]
fn a_reported_clause_opening_with_a_preposition_is_still_what_was_said() {
    // "At least ... is" holds an auxiliary: a clause, not an adverbial like "On Monday"
    let text = "At least one member of the team is under investigation, the Kenya Police Service said.";
    assert_eq!(speakers(&extract(text, None)).len(), 1);
    let text = "On Monday, the Kenya Police Service said.";
    assert!(speakers(&extract(text, None)).is_empty());
}

#[test]
fn he_continues_the_speaker_of_the_sentence_before() {
    // the sentence before names Otieno first, but Mwangi is the one speaking
    let text =
        "After meeting Peter Otieno, John Mwangi said the talks had failed. \"We will try again next week,\" he added.";
    assert_eq!(speakers(&extract(text, None)), vec!["John Mwangi".to_string(); 2]);
    // a body that spoke through one unnamed person of it: her pronoun is the body's
    let text = "Peter Otieno visited the camp. A spokeswoman for the Refugee Council said the camps were full. She added that more aid was needed.";
    let ex = extract(text, None);
    let last = ex.events.iter().rfind(|e| e.class == EventClass::Statement).unwrap();
    assert_eq!(role(&ex, last, AgentRole::Speaker), set(&["Refugee Council"]));
    // a body's spokesman is no "she"
    let text = "A spokesman for the Refugee Council said the camps were full. She added that more aid was needed.";
    let ex = extract(text, None);
    assert_eq!(ex.events.iter().filter(|e| e.class == EventClass::Statement).count(), 1);
}

#[test]
fn he_after_an_unnamed_spokesman_is_not_someone_named_before() {
    // the spokesman, not the peer named in the sentence before, goes on speaking
    let text = "Lord Otieno said the cabinet was bypassed. The prime minister's official spokesman said the cabinet still met weekly. But he added: \"You cannot take every decision in cabinet.\"";
    let ex = extract(text, None);
    assert!(speakers_saying(&ex, "every decision").is_empty(), "{:?}", speakers(&ex));
    // an indefinite subject brings in someone new, even without a running quotation
    let text = "John Mwangi visited the plant. A spokesman for the company said output had doubled. He said more workers would be hired.";
    assert!(speakers_saying(&extract(text, None), "more workers").is_empty());
    // "for Peter Otieno" does not name the spokesman (who speaks for him,
    // so "he" just after the spokesman's statement is Otieno's)
    let text = "Peter Otieno left the party. A spokesman for Peter Otieno later handed out copies of the letter. He said the talks were friendly.";
    assert!(speakers_saying(&extract(text, None), "talks were friendly").is_empty());
    // someone brought in unnamed ("a sheriff") and told again with "the"
    let text = "Mr Otieno told the old story again. It is about a sheriff and two prisoners. Later the clever sheriff has an idea. He tells each prisoner that he will be let off.";
    assert!(speakers_saying(&extract(text, None), "let off").is_empty());
}

#[test]
fn he_after_a_name_recognition_left_unknown_is_not_someone_named_before() {
    // "Baraka ul Haq" is no name Parley knows, but it is the subject: "he" is him
    let text = "Peter Otieno said the talks had failed. Party chief, Baraka ul Haq extended congratulations to the prime minister. He said that the speech was a turning point.";
    let ex = extract(text, None);
    assert!(speakers_saying(&ex, "turning point").is_empty(), "{:?}", speakers(&ex));
    let text = "Peter Otieno said the talks had failed. But Jumbo Kariuki resigned from the committee. He said that the talks would resume.";
    assert!(speakers_saying(&extract(text, None), "would resume").is_empty());
    // a determiner opening the sentence is no part of a name
    let text = "Peter Otieno said the talks had failed. The Kariuki Report concluded that money was wasted. He said that the talks would resume.";
    let ex = extract(text, None);
    assert_eq!(speakers_saying(&ex, "would resume"), vec!["Peter Otieno".to_string()]);
}

#[test]
fn he_is_not_someone_spoken_of_before_an_earlier_set_off_frame() {
    // "Mr Otieno" is whom Kamau's claim is about, not who goes on speaking
    let text = "John Kamau spoke in Nakuru. Mr Otieno has failed to tackle these problems, he claimed. This is the record that will be tested, he said.";
    let ex = extract(text, None);
    assert_eq!(
        speakers_saying(&ex, "record that will be tested"),
        vec!["John Kamau".to_string()]
    );
}

#[test]
fn he_after_an_office_told_again_is_the_person_who_holds_it() {
    // "the minister" tells the minister named before again: "she" is her
    let text = "Finance Minister Wanjiru Kamau presented the budget on Monday. The minister told delegates that taxes would fall. She said spending would rise.";
    assert_eq!(
        speakers_saying(&extract(text, None), "spending would rise"),
        vec!["Wanjiru Kamau".to_string()]
    );
    // but not when someone else is named after the office holder in their sentence
    let text = "Peter Otieno spoke first. Then the chancellor said the cuts proposed by John Mwangi were deep. He said the economy was strong.";
    assert!(speakers_saying(&extract(text, None), "economy was strong").is_empty());
    // a name in apposition names the subject
    let text = "The Minister of State for Finance, Ahmed Karimi, told reporters the talks had ended. He said a deal was close.";
    assert_eq!(
        speakers_saying(&extract(text, None), "deal was close"),
        vec!["Ahmed Karimi".to_string()]
    );
}

#[test]
fn the_group_said_is_neither_a_name_set_off_before_it_nor_the_body_it_is_linked_to() {
    let text = "A group linked to al-Qaeda killed a hostage, Peter Otieno, and threatened to kill another, the group said on its website.";
    let ex = extract(text, None);
    assert!(speakers(&ex).is_empty(), "{:?}", speakers(&ex));
    // a name set off before the verb with nothing after its comma still speaks
    let text = "Peter Otieno, a former envoy, said the talks had failed.";
    assert_eq!(speakers(&extract(text, None)), vec!["Peter Otieno".to_string()]);
}

#[test]
fn a_body_named_with_and_after_the_keeps_its_whole_name() {
    let text = "Jane Kamau of the Public and Commercial Services Union said the strike would go ahead.";
    let ex = extract(text, None);
    assert!(
        ex.entities
            .iter()
            .any(|e| e.label == "Public and Commercial Services Union"),
        "{:?}",
        ex.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    // two names joined by "and" stay two
    let text = "Talks between the US and European Commission ended.";
    let ex = extract(text, None);
    assert!(ex.entities.iter().any(|e| e.label == "European Commission"));
}

#[test]
fn reported_speech_names_the_speaker() {
    let ex = extract(
        "Foreign Minister Wanjiru Kamau told reporters that the border would reopen.",
        None,
    );
    assert_eq!(speakers(&ex), vec!["Wanjiru Kamau".to_string()]);
    let quote = ex
        .events
        .iter()
        .find(|e| e.class == EventClass::Statement)
        .map(|e| e.text.clone());
    assert!(quote.unwrap().contains("border would reopen"));
}

#[test]
fn a_sovereignty_claim_names_its_claimant() {
    let ex = extract("Kenya claims sovereignty over the disputed islands.", None);
    let claims: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.class == EventClass::Claim)
        .flat_map(|e| {
            e.agents_in(AgentRole::Claimant)
                .map(|id| (label(&ex, id), e.topic.expect("a claim has a topic")))
        })
        .collect();
    assert_eq!(claims, vec![("KEN".to_string(), Topic::Territory)]);
}

#[test]
fn an_all_caps_headline_names_states_but_no_actors() {
    let ex = extract("KENYA AND NORWAY SIGN ACCORD\nThe talks ended.", None);
    assert_eq!(entities_of(&ex, EntityKind::State), set(&["KEN", "NOR"]));
    assert!(ex.events.is_empty(), "{:?}", ex.events);
    // a headline word that is a place name only in capitals' absence stays a word
    let sale = extract("GUINEA PIG SALE ENDS\nThe shop closed.", None);
    assert!(sale.entities.is_empty(), "{:?}", sale.entities);
    // only the headline: an all-caps table further down names teams, not places
    let table = extract("Fixtures.\nCHICAGO AT DETROIT\nDENVER AT BOSTON\n", None);
    assert!(
        entities_of(&table, EntityKind::Place).is_empty(),
        "{:?}",
        table.entities
    );
    assert_eq!(
        entities_of(&table, EntityKind::Organization),
        set(&["BOSTON", "CHICAGO", "DENVER", "DETROIT"])
    );
}

#[test]
fn rows_of_sports_tables_name_teams() {
    let ex = extract(
        "Soccer results on Saturday.\nChicago 5 Boston 3\nOxford 3 2 1 0 7 4 7\nPlaying Sunday : Bath City v Yeovil Town\n",
        None,
    );
    assert_eq!(
        entities_of(&ex, EntityKind::Organization),
        set(&["Bath City", "Boston", "Chicago", "Oxford", "Yeovil Town"])
    );
    assert!(entities_of(&ex, EntityKind::Place).is_empty(), "{:?}", ex.entities);
    // a national team is its state; a player in a score table is a person
    let ex = extract("Group results.\nNorway 2 Leeds 0\nJohn Smith 71 68 70\n", None);
    assert_eq!(entities_of(&ex, EntityKind::Organization), set(&["Leeds"]));
    assert_eq!(entities_of(&ex, EntityKind::State), set(&["NOR"]));
    // a headline shaped like a fixture is a headline; a row label of a table of figures is no team
    let ex = extract("LONDON COCOA TRADES AT LOWS BY MIDMORNING\nCocoa fell.", None);
    assert!(
        entities_of(&ex, EntityKind::Organization).is_empty(),
        "{:?}",
        ex.entities
    );
    let ex = extract(
        "Output, in tonnes.\nExports 85 80 53 53\nImports 12 10 9 9\nExports 120 120 149 149\nImports 11 10 8 9\n",
        None,
    );
    assert!(
        entities_of(&ex, EntityKind::Organization).is_empty(),
        "{:?}",
        ex.entities
    );
    // a team of a table is the team again in the report
    let ex = extract("Leeds beat Hull on Saturday.\nResults:\nLeeds 2 Hull 1\n", None);
    assert_eq!(entities_of(&ex, EntityKind::Organization), set(&["Hull", "Leeds"]));
    assert!(entities_of(&ex, EntityKind::Place).is_empty(), "{:?}", ex.entities);
    // a number after a place in a sentence makes no team
    let ex = extract(
        "Talks in Geneva 5 days ago ended.\nKenya 3 times rejected the offer.",
        None,
    );
    assert!(
        entities_of(&ex, EntityKind::Organization).is_empty(),
        "{:?}",
        ex.entities
    );
    assert_eq!(entities_of(&ex, EntityKind::Place), set(&["Geneva"]));
}

#[test]
fn a_stand_alone_abbreviation_is_an_organization() {
    let ex = extract("The ZDP said on Monday that its fighters had taken the town.", None);
    assert_eq!(entities_of(&ex, EntityKind::Organization), set(&["ZDP"]));
    // in brackets after an organization's name, it is another name of it
    let ex = extract(
        "The Riverland Farmers Council (RFC) met. The RFC said it would strike.",
        None,
    );
    assert_eq!(
        entities_of(&ex, EntityKind::Organization),
        set(&["Riverland Farmers Council"])
    );
    // an abbreviation of anything else, a figure, a shouted phrase, a place in capitals: no organization
    for text in [
        "Troops left the Temporary Buffer Zone (TBZ). Both sides respect the TBZ.",
        "GDP grew by 3 percent while the CEO resigned at 0900 GMT.",
        "NOTE TO EDITORS: the talks were moved.",
        "They arrived in KABUL on Monday.",
        "Louis XIV built the palace.",
    ] {
        let ex = extract(text, None);
        assert!(
            entities_of(&ex, EntityKind::Organization).is_empty(),
            "{text}: {:?}",
            ex.entities
        );
    }
}

fn based_in(ex: &Extraction, name: &str) -> Option<String> {
    let org = ex
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Organization && e.label == name)
        .unwrap_or_else(|| panic!("no organization {name:?} in {:?}", ex.entities));
    org.located_in.map(|state| label(ex, state))
}

#[test]
fn an_organization_is_based_in_its_state() {
    // from the gazetteer's state column
    let ex = extract("The Securities and Exchange Commission approved the merger.", None);
    assert_eq!(
        based_in(&ex, "Securities and Exchange Commission").as_deref(),
        Some("USA")
    );
    assert_eq!(entities_of(&ex, EntityKind::State), set(&["USA"]));
    // but a news outlet cited as a source brings no state
    let bbc = extract("The plan was first reported by the BBC.", None);
    assert!(entities_of(&bbc, EntityKind::State).is_empty(), "{:?}", bbc.entities);
    // from a place opening the name of an organization
    let ex = extract("Ohio Mattress Co said it filed a registration statement.", None);
    assert_eq!(based_in(&ex, "Ohio Mattress Co").as_deref(), Some("USA"));
    assert!(
        entities_of(&ex, EntityKind::Place).is_empty(),
        "Ohio is not a mention here"
    );
    // a place in a name that is no organization's gives nothing
    let ex = extract("Both sides accepted the Geneva Conventions.", None);
    assert!(entities_of(&ex, EntityKind::State).is_empty(), "{:?}", ex.entities);
}

fn organizations(text: &str) -> BTreeSet<String> {
    entities_of(&extract(text, None), EntityKind::Organization)
}

#[test]
fn organization_names_by_head_word_have_their_right_extent() {
    // a word that is no name on its own opens an organization's name
    assert_eq!(
        organizations("The Foreign Ministry said on Monday that talks would resume."),
        set(&["Foreign Ministry"])
    );
    assert_eq!(
        organizations("The National Farmers Council met."),
        set(&["National Farmers Council"])
    );
    // but not a name that is no organization's, nor a word such as "Outside" inside one
    assert!(organizations("The Foreign Minister said so.").is_empty());
    assert!(organizations("Top Secret; No Distribution Outside Department.").is_empty());
    // a capitalized tail stops before a word such as "Friday"
    assert_eq!(
        organizations("The final was played at the Riverside Tennis Centre on Friday."),
        set(&["Riverside Tennis Centre"])
    );
    assert_eq!(
        organizations("He sat on the Pension Reform Committee on Foreign Relations."),
        set(&["Pension Reform Committee on Foreign Relations"])
    );
    // after a legal form the tail says where the company is; its period belongs to it
    let ex = extract(
        "Kia Motor Corp of South Korea will sell cars with Dorval Corp. in Brazil.",
        None,
    );
    assert_eq!(
        entities_of(&ex, EntityKind::Organization),
        set(&["Dorval Corp.", "Kia Motor Corp"])
    );
    assert_eq!(entities_of(&ex, EntityKind::State), set(&["BRA", "KOR"]));
    // "X-based" is where the company is, not its name
    assert_eq!(
        organizations("Minneapolis-based Northstar Bank System Inc said it would buy it."),
        set(&["Northstar Bank System Inc"])
    );
    assert_eq!(
        organizations("St. Louis-based Riverbend Bancorp Inc said it would buy it."),
        set(&["Riverbend Bancorp Inc"])
    );
    // a capitalized label before a colon, or the place of a dateline, is no abbreviation of an organization
    assert!(organizations("ISSUER : the city of Springfield").is_empty());
    assert!(organizations("VADUZO, Liechtenstein 1996-08-31\nThe match was drawn.").is_empty());
}

#[test]
fn a_state_abbreviation_after_a_town_is_the_us_state() {
    let ex = extract("The store will open in Brooklyn Center, Minn., next year.", None);
    let minnesota = ex.entities.iter().find(|e| e.label == "Minnesota").expect("Minnesota");
    assert_eq!(minnesota.kind, EntityKind::Place);
    assert_eq!(minnesota.located_in.map(|s| label(&ex, s)).as_deref(), Some("USA"));
}

#[test]
fn meet_in_the_sense_of_satisfy_is_no_meeting() {
    let ex = extract(
        "Kenya and Norway will meet their budget targets next year.",
        Some("2026-02-05"),
    );
    assert!(meetings(&ex).is_empty(), "{:?}", meetings(&ex));
}

#[test]
fn resisted_calls_is_no_demand() {
    let d = demands(&extract("Kenya has resisted calls for a ceasefire.", None));
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_passive_demand_turns_around() {
    let d = demands(&extract("Norway was urged by Kenya to accept a ceasefire.", None));
    assert_eq!(d, vec![(set(&["KEN"]), set(&["NOR"]), Topic::Ceasefire)]);
    // without "by", nobody is known to have demanded anything
    assert!(demands(&extract("Norway was urged to accept a ceasefire.", None)).is_empty());
}

#[test]
fn a_minister_and_his_counterpart_are_both_parties() {
    let text = "Talks ended.\nKenyan Foreign Minister Wanjiru Kamau and her Norwegian counterpart Ingrid Solberg agreed on a ceasefire.";
    let ex = extract(text, None);
    let parties = agreement_parties(&ex);
    // the ministers sign for their states: both are parties too
    assert_eq!(parties, vec![set(&["Ingrid Solberg", "Wanjiru Kamau", "KEN", "NOR"])]);
}

#[test]
fn one_party_consenting_is_not_an_agreement_but_signing_a_deal_is() {
    let consent = extract("Kenya agreed to host the conference.", None);
    assert!(!consent.events.iter().any(|e| e.class == EventClass::Agreement));
    let deal = extract("Kenya signed a trade deal on Monday.", None);
    assert!(deal.events.iter().any(|e| e.class == EventClass::Agreement));
}

#[test]
fn a_scare_quote_is_not_the_statement() {
    let ex = extract(
        "Foreign Minister Wanjiru Kamau said the plan was a \"regressive\" step that would harm trade.",
        None,
    );
    let quote = ex
        .events
        .iter()
        .find(|e| e.class == EventClass::Statement)
        .map(|e| e.text.clone());
    assert_eq!(
        quote.as_deref(),
        Some("the plan was a \"regressive\" step that would harm trade")
    );
}

fn extract_doc(id: &str, text: &str) -> Extraction {
    let doc = Document {
        id: id.into(),
        text: text.into(),
        date: None,
        title: None,
        url: None,
    };
    extractor().extract(&doc)
}

#[test]
fn people_who_share_a_surname_in_different_documents_stay_apart() {
    let person = |ex: &Extraction| {
        ex.entities
            .iter()
            .find(|e| e.kind == EntityKind::Person)
            .map(|e| e.key.clone())
            .unwrap()
    };
    // different first names: different people
    let a = person(&extract_doc("one", "Foreign Minister Anna Berg arrived in Oslo."));
    let b = person(&extract_doc("two", "Defence Minister Erik Berg arrived in Oslo."));
    assert_ne!(a, b);
    // a bare surname with a title is known only within its own document
    let c = person(&extract_doc("three", "Minister Berg arrived in Oslo."));
    let d = person(&extract_doc("four", "Minister Berg arrived in Oslo."));
    assert_ne!(c, d);
    // the same full name is the same person across documents
    let e = person(&extract_doc("five", "Foreign Minister Anna Berg left Oslo."));
    assert_eq!(a, e);
}

#[test]
fn hosts_and_mediators_are_participants_with_a_role() {
    let ex = extract(
        "Kenya and Norway held talks in Nairobi hosted by Ghana and mediated by the African Union.",
        None,
    );
    let roles: Vec<(BTreeSet<String>, BTreeSet<String>, BTreeSet<String>)> = ex
        .events
        .iter()
        .filter(|e| e.class == EventClass::Meeting)
        .map(|e| {
            (
                role(&ex, e, AgentRole::Participant),
                role(&ex, e, AgentRole::Host),
                role(&ex, e, AgentRole::Mediator),
            )
        })
        .collect();
    assert_eq!(roles.len(), 1, "{roles:?}");
    assert_eq!(roles[0].1, set(&["GHA"]));
    assert_eq!(roles[0].2, set(&["African Union"]));
    assert!(
        roles[0].0.is_superset(&set(&["KEN", "NOR", "GHA", "African Union"])),
        "{:?}",
        roles[0].0
    );
}

#[test]
fn a_quote_across_sentences_belongs_to_its_speaker_with_its_conditional_demand() {
    let text = "Talks ended.\nForeign Minister Wanjiru Kamau spoke after the talks. \u{201C}If Norway rejects a ceasefire, new sanctions must follow. We will not wait,\u{201D} she said.";
    let ex = extract(text, None);
    let d = demands(&ex);
    assert!(
        d.contains(&(set(&["Wanjiru Kamau"]), set(&[]), Topic::Sanctions)),
        "{d:?}"
    );
    let quote = ex
        .events
        .iter()
        .find(|e| e.class == EventClass::Statement)
        .map(|e| e.text.clone());
    let quote = quote.expect("a statement");
    assert!(
        quote.starts_with("If Norway rejects a ceasefire") && quote.contains("We will not wait"),
        "{quote}"
    );
}

#[test]
fn we_agreed_is_the_speakers_side() {
    let text = "Talks ended.\nNorway's chief negotiator, Ingrid Solberg, spoke after the talks. \u{201C}We agreed to exchange prisoners,\u{201D} she said.";
    let ex = extract(text, None);
    let parties = agreement_parties(&ex);
    assert_eq!(parties, vec![set(&["NOR"])]);
}

#[test]
fn we_agreed_after_talks_is_both_sides_at_the_table() {
    let text = "Talks ended.\nKenya and Norway held talks in Nairobi. Norway's chief negotiator, Ingrid Solberg, spoke afterwards. \u{201C}We agreed to exchange prisoners,\u{201D} she said.";
    let ex = extract(text, None);
    let parties = agreement_parties(&ex);
    assert_eq!(parties, vec![set(&["KEN", "NOR"])]);
}

#[test]
fn a_meeting_told_twice_is_one_node_and_two_different_meetings_are_two() {
    let ex = extract(
        "Kenya and Norway held talks in Oslo on Monday. The Kenyan and Norwegian delegations met again in Oslo \
         on Monday to finish the text.",
        Some("2026-04-15"),
    );
    assert_eq!(meetings(&ex).len(), 1, "{:?}", meetings(&ex));
    let ex = extract(
        "Kenya and Norway held talks in Oslo on Monday. Kenya and Norway will meet in Geneva next month.",
        Some("2026-04-15"),
    );
    let statuses: Vec<MeetingStatus> = meetings(&ex).iter().map(|m| m.1).collect();
    assert_eq!(statuses, vec![MeetingStatus::Held, MeetingStatus::Planned]);
}

#[test]
fn an_agreement_told_twice_is_one_node_with_all_its_parties() {
    let ex = extract(
        "Kenya and Norway signed a trade accord on Monday. The accord was signed by Foreign Minister Wanjiru \
         Kamau and her Norwegian counterpart Ingrid Solberg.",
        None,
    );
    let parties = agreement_parties(&ex);
    assert_eq!(parties.len(), 1, "{parties:?}");
    assert!(
        parties[0].is_superset(&set(&["KEN", "NOR", "Wanjiru Kamau"])),
        "{parties:?}"
    );
}

#[test]
fn moscow_before_1992_is_the_soviet_union() {
    let state = |date: &str| {
        let ex = extract("Moscow rejected the proposal.", Some(date));
        entities_of(&ex, EntityKind::State)
    };
    assert_eq!(state("1987-03-02"), set(&["SUN"]));
    assert_eq!(state("2025-05-16"), set(&["RUS"]));
}

#[test]
fn a_meeting_here_is_in_the_dateline_city() {
    let ex = extract(
        "OSLO, May 4 - Kenyan and Norwegian negotiators held talks here on Monday.\n",
        Some("2026-05-04"),
    );
    let m = meetings(&ex);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].2.as_deref(), Some("Oslo"));
    // without "here", a meeting on another day than the story's is not put at the dateline
    let ex = extract(
        "OSLO, May 4 - Kenyan and Norwegian negotiators held talks on Saturday.\n",
        Some("2026-05-04"),
    );
    assert_eq!(meetings(&ex)[0].2, None);
}

/// The quote of the first statement read from `text`.
fn first_quote(text: &str) -> Option<String> {
    extract(text, None)
        .events
        .iter()
        .find(|e| e.class == EventClass::Statement)
        .map(|e| e.text.clone())
}

#[test]
fn a_said_colon_closing_its_paragraph_takes_the_quotation_after_it() {
    let quote = first_quote("Foreign Minister Wanjiru Kamau said:\n\n\"The border will reopen next week. Trade will follow.\"\n\nThe ministry agreed.");
    assert_eq!(quote.as_deref(), Some("The border will reopen next week"));
}

#[test]
fn the_listener_of_told_is_not_the_quote() {
    for (text, want) in [
        (
            "Foreign Minister Wanjiru Kamau told reporters the border would reopen.",
            "the border would reopen",
        ),
        (
            "Foreign Minister Wanjiru Kamau told a news conference that the border would reopen.",
            "the border would reopen",
        ),
        (
            "The border will reopen soon, Foreign Minister Wanjiru Kamau told reporters.",
            "The border will reopen soon",
        ),
    ] {
        assert_eq!(first_quote(text).as_deref(), Some(want), "{text}");
    }
    // "warned the government would": the government is the reported clause's subject
    assert_eq!(
        first_quote("Foreign Minister Wanjiru Kamau warned the government would fall.").as_deref(),
        Some("the government would fall")
    );
}

#[test]
fn a_speaker_named_after_the_verb_is_not_the_quote() {
    for text in [
        "The border will reopen next week, said Wanjiru Kamau, a former envoy.",
        "The border will reopen next week, according to Foreign Minister Wanjiru Kamau.",
    ] {
        assert_eq!(
            first_quote(text).as_deref(),
            Some("The border will reopen next week"),
            "{text}"
        );
    }
}

#[test]
fn narration_after_the_reported_clause_is_cut() {
    assert_eq!(
        first_quote("Foreign Minister Wanjiru Kamau said the strike was a last resort, and called for talks.")
            .as_deref(),
        Some("the strike was a last resort")
    );
    // a coordination inside what was said stays
    assert_eq!(
        first_quote("Foreign Minister Wanjiru Kamau said prices rose and unemployment fell.").as_deref(),
        Some("prices rose and unemployment fell")
    );
}

#[test]
fn a_statement_inside_a_denial_is_not_made() {
    let ex = extract(
        "Foreign Minister Wanjiru Kamau denied that Senator Otieno Odhiambo said the border would close.",
        None,
    );
    assert!(speakers(&ex).is_empty(), "{:?}", speakers(&ex));
}

#[test]
fn a_pronoun_subject_reaches_over_adverbs_and_auxiliaries() {
    let ex = extract(
        "Kenyan Foreign Minister Wanjiru Kamau arrived in Oslo. She also signed a trade accord.",
        None,
    );
    assert_eq!(agreement_parties(&ex), vec![set(&["KEN", "Wanjiru Kamau"])]);
    let ex = extract(
        "Foreign Minister Wanjiru Kamau of Kenya arrived in Oslo. She has also urged Norway to lift the ban.",
        None,
    );
    let found = demands(&ex);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, set(&["Wanjiru Kamau"]));
    assert_eq!(found[0].1, set(&["NOR"]));
}

#[test]
fn the_north_and_the_south_of_a_divided_state_are_its_halves() {
    let ex = extract(
        "North Korea fired two missiles on Sunday. The South condemned the launch, \
         and the North's envoy left the talks in Beijing.",
        None,
    );
    let halves: Vec<(String, String)> = ex
        .mentions
        .iter()
        .filter(|m| m.text.ends_with("North") || m.text.ends_with("South"))
        .map(|m| (m.text.clone(), label(&ex, m.entity)))
        .collect();
    assert_eq!(
        halves,
        vec![
            ("The South".to_string(), "KOR".to_string()),
            ("the North".to_string(), "PRK".to_string())
        ]
    );
    // no divided state in the story, or a name that goes on: no half
    for text in [
        "South Africa won the toss. The South will bat first.",
        "North Korea tested a missile over the South China Sea.",
    ] {
        let ex = extract(text, None);
        assert!(
            !ex.mentions
                .iter()
                .any(|m| m.text.starts_with("the ") || m.text.starts_with("The ")),
            "{text}: {:?}",
            ex.mentions
        );
    }
}

#[test]
fn an_it_opening_the_sentence_is_the_state_that_opened_the_one_before() {
    let ex = extract(
        "Kenya rejected the first proposal. But it accepted another offer by Norway to share the fishing grounds.",
        None,
    );
    assert_eq!(agreement_parties(&ex), vec![set(&["KEN", "NOR"])]);
    // "it" after a sentence that opens with something else is that thing
    let ex = extract(
        "The proposal from Kenya was rejected. But it accepted another offer by Norway to share the fishing grounds.",
        None,
    );
    assert!(agreement_parties(&ex).is_empty(), "{:?}", agreement_parties(&ex));
}

#[test]
fn i_and_we_inside_a_quoted_demand_are_its_speaker_and_the_speakers_side() {
    let ex = extract(
        "\"That is what I would urge Norway to do,\" Kenyan Foreign Minister Wanjiru Kamau said.",
        None,
    );
    let found = demands(&ex);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, set(&["Wanjiru Kamau"]));
    let ex = extract(
        "\"We demand that our diplomats see the prisoners,\" Kenyan Foreign Minister Wanjiru Kamau said.",
        None,
    );
    let found = demands(&ex);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, set(&["KEN"]));
}

#[test]
fn a_quoted_demand_ends_with_its_quotation() {
    // the meeting after the quotation is told, not demanded
    let ex = extract(
        "\"We demand access to the prisoners,\" Kenyan Foreign Minister Wanjiru Kamau said, \
         adding that she met Norwegian Foreign Minister Lars Holm in Oslo on Monday.",
        None,
    );
    let held: Vec<_> = meetings(&ex)
        .into_iter()
        .filter(|m| m.1 == MeetingStatus::Held)
        .collect();
    assert_eq!(held.len(), 1, "{:?}", meetings(&ex));
}

#[test]
fn a_resolution_demands_what_its_council_demands() {
    let ex = extract(
        "The Security Council met on Kenya's border dispute. Resolution 2001, passed unanimously, \
         called on Kenya to withdraw its troops.",
        None,
    );
    let found = demands(&ex);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, set(&["UN Security Council"]));
    // a resolution of nobody named stays unattributed
    let ex = extract("Resolution 2001 called on Kenya to withdraw its troops.", None);
    assert!(demands(&ex).is_empty(), "{:?}", demands(&ex));
}

#[test]
fn a_status_cue_after_the_names_of_a_meeting_still_speaks_of_it() {
    // the cue's reach is counted in words, a name as one
    let m = meetings(&extract(
        "Talks between Kenyan President Wanjiru Kamau and Norwegian Prime Minister Lars Holm, \
         scheduled for Thursday, will cover fishing.",
        Some("2025-03-03"),
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].1, MeetingStatus::Planned);
    // a cue far into the clause speaks of something else
    let m = meetings(&extract(
        "Kenya and Norway held talks on Monday about the fishing grounds off the coast that both \
         claim and that a court will rule on.",
        Some("2025-03-03"),
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].1, MeetingStatus::Held);
}

#[test]
fn a_participle_after_a_deal_takes_the_deals_topic() {
    let ex = extract(
        "Kenya and Norway held talks to renegotiate their nuclear cooperation agreements, signed two decades ago.",
        None,
    );
    let topics: Vec<Option<Topic>> = ex
        .events
        .iter()
        .filter(|e| e.class == EventClass::Agreement)
        .map(|e| e.topic)
        .collect();
    assert_eq!(topics, vec![Some(Topic::NuclearProgram)]);
    // a participle after anything else reads the words after it
    let ex = extract("Kenya and Norway, long at odds, signed a trade accord in 1990.", None);
    let topics: Vec<Option<Topic>> = ex
        .events
        .iter()
        .filter(|e| e.class == EventClass::Agreement)
        .map(|e| e.topic)
        .collect();
    assert_eq!(topics, vec![Some(Topic::Trade)]);
}

#[test]
fn a_capital_named_as_where_something_is_is_a_place() {
    for (text, place) in [
        (
            "Chancellor Gordon Brown visited slums in the Kenyan capital Nairobi.",
            "Nairobi",
        ),
        (
            "Twelve men were held at Belmarsh prison, London, for three years.",
            "London",
        ),
        ("Riots broke out in the capital, Dhaka, on Monday.", "Dhaka"),
    ] {
        let ex = extract(text, None);
        assert!(entities_of(&ex, EntityKind::Place).contains(place), "{text}");
        assert!(
            ex.mentions
                .iter()
                .filter(|m| m.text == place)
                .all(|m| ex.entities[m.entity].kind == EntityKind::Place),
            "{text}"
        );
    }
    // a list of capitals acting stays states
    let ex = extract("Washington, London and Paris agreed on Monday.", None);
    assert!(entities_of(&ex, EntityKind::Place).is_empty());
    // the visit is to the place, and meets its state
    let m = meetings(&extract(
        "Chancellor Gordon Brown visited slums in the Kenyan capital Nairobi.",
        None,
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].2.as_deref(), Some("Nairobi"));
    assert!(m[0].0.contains("KEN"), "{m:?}");
}

#[test]
fn a_name_ending_in_international_is_an_organization() {
    let ex = extract(
        "Kenyan Foreign Minister Wanjiru Kamau urged Care International to close its office in Baghdad.",
        None,
    );
    assert!(entities_of(&ex, EntityKind::Organization).contains("Care International"));
    let found = demands(&ex);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, set(&["Care International"]));
}

#[test]
fn the_charity_and_the_group_refer_back_to_the_organization_named_before() {
    let text = "Oxfam published a report on aid on Monday. The charity said budgets were falling. \
                The group also urged donors to act. The charity's director, Mara Lind, said aid was late.";
    let ex = extract(text, None);
    assert_eq!(speakers(&ex), ["Oxfam", "Mara Lind"].map(String::from).to_vec());
    assert_eq!(represents_of(&ex, "Mara Lind"), set(&["Oxfam"]));
    let demanders: Vec<BTreeSet<String>> = demands(&ex).into_iter().map(|(by, _, _)| by).collect();
    assert_eq!(demanders, [set(&["Oxfam"])]);
}

#[test]
fn a_descriptor_refers_only_to_an_organization_it_can_stand_for_and_named_lately() {
    // a bank is no charity; "the group of" is not a reference
    let text = "The Bank of England raised rates. The charity said budgets were falling. \
                The group of donors said aid was late.";
    assert!(
        speakers(&extract(text, None)).is_empty(),
        "{:?}",
        speakers(&extract(text, None))
    );
    // four sentences on, Oxfam is too far back to be "the charity"
    let far = "Oxfam published a report. Rain fell. Rain fell again. Wind rose. The charity said budgets were falling.";
    assert!(speakers(&extract(far, None)).is_empty());
    // a bank is "the bank"
    let bank = "The Bank of England raised rates. The bank said inflation was too high.";
    assert_eq!(speakers(&extract(bank, None)), ["Bank of England".to_string()]);
}

#[test]
fn a_title_of_an_organization_named_before_the_name_makes_the_holder_act_for_it() {
    let text = "Governor of the Bank of England Robin Leigh-Pemberton spoke. Chairman of Oxfam Barbara Stocking spoke.";
    let ex = extract(text, None);
    assert_eq!(represents_of(&ex, "Robin Leigh-Pemberton"), set(&["Bank of England"]));
    assert_eq!(represents_of(&ex, "Barbara Stocking"), set(&["Oxfam"]));
    // more of the organization's name is no person: no given name opens it
    let company = "He is chairman of Oxfam Trading Services, the charity said.";
    assert!(entities_of(&extract(company, None), EntityKind::Person).is_empty());
}

#[test]
fn the_government_is_the_home_states_where_one_state_dominates_the_story() {
    let story = "Kenya's army said on Monday it had freed 20 hostages. Kenya's president thanked the army. \
                 Rebels in Kenya have fought for years. Amnesty International demanded the government release prisoners.";
    let addressees: Vec<BTreeSet<String>> = demands(&extract(story, None))
        .into_iter()
        .map(|(_, of, _)| of)
        .collect();
    assert_eq!(addressees, [set(&["KEN"])]);
    // a story of two states has no home: "the government" is nobody's
    let two = "Kenya and Norway signed a deal. Kenya and Norway met again. Amnesty International demanded the government release prisoners.";
    let addressees: Vec<BTreeSet<String>> = demands(&extract(two, None)).into_iter().map(|(_, of, _)| of).collect();
    assert!(addressees.iter().all(BTreeSet::is_empty), "{addressees:?}");
}

#[test]
fn a_speech_verb_inside_a_quotation_is_what_was_said_not_the_frame() {
    let text = "Shadow minister Amos Otieno spoke in Nairobi. Kenya has changed its visa rules. Kenya said so. Kenya said it again. \
                \"But the government must explain the changes it has announced,\" he said.";
    assert_eq!(speakers_saying(&extract(text, None), "must explain"), ["Amos Otieno"]);
}

#[test]
fn a_pronoun_frame_set_off_after_what_was_said_is_not_someone_named_in_it() {
    let text = "Foreign Minister Otieno Kamau spoke in Nairobi on Monday. The Lars Holm plan, he says, is a failure.";
    assert_eq!(speakers_saying(&extract(text, None), "plan"), ["Otieno Kamau"]);
    // with a complement after the verb, "he" may be the one the sentence named first
    let opening = "Foreign Minister Otieno Kamau spoke in Nairobi on Monday. When Lars Holm arrived, he said the plan was a failure.";
    assert!(speakers(&extract(opening, None)).contains(&"Lars Holm".to_string()));
}

#[test]
fn a_person_with_an_organization_in_apposition_speaks_not_the_organization() {
    let text = "Amina Kamau, Coast Hotel Association, said the season was poor.";
    assert_eq!(speakers(&extract(text, None)), ["Amina Kamau".to_string()]);
}

#[test]
fn after_an_honorific_a_place_name_is_a_persons() {
    let ex = extract("Mr Livingstone said the plan would go ahead.", None);
    assert_eq!(speakers(&ex), ["Livingstone".to_string()]);
    assert!(entities_of(&ex, EntityKind::Place).is_empty());
}

#[test]
fn a_visit_and_a_meeting_at_a_place_in_no_state_visited_stay_two_meetings() {
    let text = "Kenyan Foreign Minister Amina Kamau will visit Norway and Chile before chairing a meeting of donors in Geneva.";
    let rows = meetings(&extract(text, None));
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows
        .iter()
        .any(|(_, status, place, _)| *status == MeetingStatus::Planned && place.as_deref() == Some("Geneva")));
    assert!(rows
        .iter()
        .any(|(who, _, place, _)| who.contains("NOR") && place.is_none()));
}

#[test]
fn a_report_after_while_is_a_second_statement_and_ends_the_first() {
    let text = "Foreign Minister Wanjiru Kamau said the border would reopen, while Norway says the plan has failed.";
    let ex = extract(text, None);
    assert_eq!(
        speakers_saying(&ex, "the border would reopen"),
        vec!["Wanjiru Kamau".to_string()]
    );
    assert!(
        ex.events.iter().all(|e| !e.text.contains("while Norway")),
        "the first statement's words end before the contrasted report"
    );
    assert_eq!(speakers_saying(&ex, "the plan has failed"), vec!["NOR".to_string()]);
}

#[test]
fn a_report_after_but_is_a_second_statement_and_ends_the_first() {
    let text =
        "Foreign Minister Wanjiru Kamau said the border would reopen, but opposition leaders say the plan has failed.";
    let ex = extract(text, None);
    assert_eq!(
        speakers_saying(&ex, "the border would reopen"),
        vec!["Wanjiru Kamau".to_string()]
    );
    assert!(
        ex.events.iter().all(|e| !e.text.contains("but opposition")),
        "the first statement's words end before the contrasted report"
    );
    let text = "Foreign Minister Wanjiru Kamau said the talks had stalled, but she said Kenya would try again.";
    let ex = extract(text, None);
    assert_eq!(
        speakers_saying(&ex, "Kenya would try again"),
        vec!["Wanjiru Kamau".to_string()]
    );
    assert_eq!(
        speakers_saying(&ex, "the talks had stalled"),
        vec!["Wanjiru Kamau".to_string()]
    );
}

#[test]
fn the_pronoun_subject_of_saying_opens_the_main_clause() {
    // "he" inside the object clause is not who speaks in ", saying"
    let text = "Foreign Minister Wanjiru Kamau hosted the show. The producers defended Kamau and confirmed that she would return, saying the remarks were a joke.";
    assert!(speakers_saying(&extract(text, None), "the remarks were a joke").is_empty());
    let text = "Foreign Minister Wanjiru Kamau spoke in Oslo. But she rejected the plan, saying it was unfair.";
    assert_eq!(
        speakers_saying(&extract(text, None), "it was unfair"),
        vec!["Wanjiru Kamau".to_string()]
    );
}

#[test]
fn the_head_of_a_states_delegation_acts_for_the_state() {
    let ex = extract("The Kenyan delegation, headed by Peter Otieno, arrived in Oslo.", None);
    assert_eq!(represents_of(&ex, "Peter Otieno"), set(&["KEN"]));
    let ex = extract(
        "Peter Otieno, who leads the Norwegian team, told reporters the text was ready.",
        None,
    );
    assert_eq!(represents_of(&ex, "Peter Otieno"), set(&["NOR"]));
    // a state named before a group that nobody is said to lead
    let ex = extract("The Kenyan delegation met Peter Otieno in Oslo.", None);
    assert!(represents_of(&ex, "Peter Otieno").is_empty());
}

#[test]
fn a_legislator_of_a_constituency_acts_for_its_state_and_a_stateless_ministry_is_the_home_states() {
    let text = "NAIROBI, May 4 - Kenya will cut tariffs, Kenya's cabinet said. Kenya and Kenya. \
                The bill was drafted by Representative Richard Kamau of Missouri. \
                Foreign Ministry spokesman Peter Otieno said the cut was fair.";
    let ex = extract(text, None);
    assert_eq!(represents_of(&ex, "Richard Kamau"), set(&["USA"]));
    assert!(represents_of(&ex, "Peter Otieno").contains("KEN"));
    let text = "NAIROBI, May 4 - Kenya will cut tariffs, Kenya's cabinet said. Kenya and Kenya. \
                Senator Richard Kamau, a Texas Democrat, wrote the bill.";
    assert_eq!(represents_of(&extract(text, None), "Richard Kamau"), set(&["USA"]));
}

#[test]
fn a_public_figures_surname_after_another_given_name_is_someone_else() {
    let ex = extract(
        "Hosni Mubarak met the envoy. His wife Suzanne Mubarak visited a school.",
        None,
    );
    let people = entities_of(&ex, EntityKind::Person);
    assert!(people.contains("Suzanne Mubarak"), "{people:?}");
    assert!(people.contains("Hosni Mubarak"), "{people:?}");
    // the figure's own given name, or one of their other forms, keeps the figure
    let ex = extract("Hosni Mubarak met the envoy.", None);
    assert_eq!(entities_of(&ex, EntityKind::Person), set(&["Hosni Mubarak"]));
}

#[test]
fn military_titles_written_without_a_period_introduce_a_name() {
    // British and South Asian news print "Gen", "Lt Col" without the period
    let ex = extract("Gen Wanjiru Kamau said the crossing was routine.", None);
    assert_eq!(speakers(&ex), vec!["Wanjiru Kamau".to_string()]);
    let ex = extract(
        "Lt Col Peter Otieno of the army told reporters the road was open.",
        None,
    );
    assert!(entities_of(&ex, EntityKind::Person).contains("Peter Otieno"));
}

#[test]
fn a_demands_addressee_may_follow_an_honorific_or_a_rank() {
    let d = demands(&extract("Peter Kamau urged Mr Otieno to resign.", None));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, set(&["Otieno"]));
    let d = demands(&extract(
        "Peter Kamau called on Foreign Minister Peter Otieno to resign.",
        None,
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, set(&["Peter Otieno"]));
}

#[test]
fn asking_someone_if_or_whether_is_a_question_not_a_demand() {
    for text in [
        "Peter Kamau asked Mr Otieno if he had ever met the envoy.",
        "Tony Blair asked Jacques Chirac when he would come.",
        "Peter Kamau asked Mr Otieno whether talks would resume.",
        "Peter Kamau asked Mr Otieno: \"Did you sign it?\"",
    ] {
        assert!(demands(&extract(text, None)).is_empty(), "{text}");
    }
    let d = demands(&extract("Peter Kamau asked Mr Otieno to sign the accord.", None));
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_visit_to_what_a_state_owns_meets_that_state() {
    let m = meetings(&extract(
        "Kenyan President Peter Otieno visited Norway's biggest port on Monday.",
        None,
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].0.contains("NOR"), "{m:?}");
    // what the visitor's own state owns is no visit abroad
    let m = meetings(&extract(
        "Kenyan President Peter Otieno visited Kenya's biggest port on Monday.",
        None,
    ));
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn an_organization_head_after_the_takes_its_capitalized_tail() {
    let orgs = |text: &str| entities_of(&extract(text, None), EntityKind::Organization);
    assert!(orgs("Otieno chaired the Commission for Africa in Nairobi.").contains("Commission for Africa"));
    assert!(
        orgs("The Department of Trade and Industry said exports rose on Friday.")
            .contains("Department of Trade and Industry")
    );
    // a time word, a people's adjective or a title after the head is no part of a name
    assert!(orgs("The Council on Friday said no.").is_empty());
    let o = orgs("He met the Director in the Office of Kenyan President Peter Otieno.");
    assert!(o.is_empty(), "{o:?}");
    let o = orgs("The Ministry of Defence and Foreign Minister Peter Otieno met.");
    assert_eq!(o, set(&["Ministry of Defence"]));
    let o = orgs("The Council of Europe and Norway met.");
    assert_eq!(o, set(&["Council of Europe"]));
}

#[test]
fn an_apposed_title_may_name_where_the_office_is_for_and_a_region_may_qualify_it() {
    let ex = extract(
        "Kenya's ambassador to the United States, Peter Otieno, said the talks would resume.",
        None,
    );
    assert_eq!(represents_of(&ex, "Peter Otieno"), set(&["KEN"]));
    let ex = extract("Norway's director general for Europe, Jan Olsen, said no.", None);
    assert_eq!(represents_of(&ex, "Jan Olsen"), set(&["NOR"]));
    // the office's field after "of", and where it is held
    let ex = extract("Kenya's director of trade policy in Geneva, Jan Olsen, said no.", None);
    assert_eq!(represents_of(&ex, "Jan Olsen"), set(&["KEN"]));
    let ex = extract("Norway's minister of the interior, Jan Olsen, said no.", None);
    assert_eq!(represents_of(&ex, "Jan Olsen"), set(&["NOR"]));
    let ex = extract("Norway's Africa Director Jan Olsen said no.", None);
    assert_eq!(represents_of(&ex, "Jan Olsen"), set(&["NOR"]));
    // an area across states names no entity, and qualifies the title all the same
    let ex = extract("Kenya's Middle East envoy Peter Otieno said no.", None);
    assert_eq!(represents_of(&ex, "Peter Otieno"), set(&["KEN"]));
    // a region after "and" qualifies nobody's title: "Microsoft and New York attorney general"
    let ex = extract(
        "The suit was brought by Microsoft and New York attorney general Eliot Spitzer.",
        None,
    );
    assert!(!represents_of(&ex, "Eliot Spitzer").contains("Microsoft"));
}

#[test]
fn a_partys_form_before_a_given_name_links_the_member_to_the_party() {
    let ex = extract("Tory Liam Fox said the plan was wrong.", None);
    assert_eq!(represents_of(&ex, "Liam Fox"), set(&["Conservative Party"]));
    let ex = extract("Lib Dem Mark Oaten said no.", None);
    assert_eq!(represents_of(&ex, "Mark Oaten"), set(&["Liberal Democrats"]));
    // a form before a word that is no given name is no party: "Conservative estimates"
    let ex = extract("Conservative estimates put the cost at two billion pounds.", None);
    assert!(entities_of(&ex, EntityKind::Organization).is_empty());
}

#[test]
fn whom_the_subject_wrote_to_is_asked_through_the_infinitive_not_the_asker() {
    let d = demands(&extract(
        "Peter Kamau has written to Prime Minister Jan Olsen to request a meeting.",
        None,
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((&d[0].0, &d[0].1), (&set(&["Peter Kamau"]), &set(&["Jan Olsen"])));
    // the state before "wrote to" is no state of the prime minister's
    let ex = extract("Norway wrote to Prime Minister Tony Blair to demand an apology.", None);
    assert!(!represents_of(&ex, "Tony Blair").contains("NOR"));
}

#[test]
fn a_name_after_a_title_and_a_word_that_opens_a_clause_is_its_subject() {
    // "after" and "as" open a clause: the titled name is the speaker
    let ex = extract(
        "The vote came after Foreign Minister Peter Otieno said the border would reopen.",
        None,
    );
    assert_eq!(speakers(&ex), vec!["Peter Otieno".to_string()]);
    // a preposition before the title makes the name its object: the spokesman speaks
    let ex = extract(
        "A spokesman for President Peter Otieno said the border would reopen.",
        None,
    );
    assert_eq!(
        speakers(&ex),
        vec!["Peter Otieno".to_string()],
        "speaks through a spokesman"
    );
    let ex = extract("Sources close to Mr Otieno said the border would reopen.", None);
    assert!(speakers(&ex).is_empty(), "{:?}", speakers(&ex));
}

#[test]
fn a_news_medium_that_reports_a_meeting_takes_no_part_in_it() {
    let m = meetings(&extract(
        "The talks between Kenya and Norway will take place in Oslo, according to the Reuters news agency.",
        None,
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(!m[0].0.contains("Reuters"), "{m:?}");
    assert!(m[0].0.contains("KEN") && m[0].0.contains("NOR"), "{m:?}");
}

#[test]
fn a_letter_to_request_a_meeting_is_a_demand_by_the_writer_and_proposes_the_meeting() {
    let text = "Peter Kamau leads the opposition. \
                He has written to Taoiseach (Irish PM) Micheal Martin to request a meeting.";
    let ex = extract(text, None);
    let d = demands(&ex);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((&d[0].0, &d[0].1), (&set(&["Peter Kamau"]), &set(&["Micheal Martin"])));
    assert_eq!(
        represents_of(&ex, "Micheal Martin"),
        set(&["IRL"]),
        "a gloss in parentheses"
    );
    let m = meetings(&ex);
    assert!(m.iter().any(|x| x.1 == MeetingStatus::Proposed), "{m:?}");
}

#[test]
fn a_news_medium_that_reports_what_others_said_is_no_speaker() {
    let ex = extract(
        "Kyodo News reported that the talks had failed. \
         The Washington Post said Kenya would reopen the border.",
        None,
    );
    assert!(speakers(&ex).is_empty(), "{:?}", speakers(&ex));
    // whoever the medium quotes still speaks
    let ex = extract(
        "Kenya's foreign minister Peter Otieno told Reuters the border would reopen.",
        None,
    );
    assert_eq!(speakers(&ex), vec!["Peter Otieno".to_string()]);
}

#[test]
fn a_name_glued_to_the_next_word_on_an_archive_page_ends_where_that_word_begins() {
    let ex = extract(
        "Memorandum From Secretary of State Herter to President EisenhowerSource: Library files. \
         The charges against former Minister HeathSee footnote 2 were dropped.",
        None,
    );
    let people = entities_of(&ex, EntityKind::Person);
    assert!(people.contains("Eisenhower") && people.contains("Heath"), "{people:?}");
    assert!(
        !people.iter().any(|p| p.ends_with("Source") || p.ends_with("See")),
        "{people:?}"
    );
    // a firm's inner capital is no lost space
    let ex = extract("TransCanada PipeLines Ltd said it would sell the unit.", None);
    assert!(entities_of(&ex, EntityKind::Person).is_empty());
}

#[test]
fn a_headline_verb_after_a_title_names_no_one_and_ends_a_name() {
    for text in [
        "Kenyan Envoy Visits Norway for Border Talks\nThe envoy arrived on Monday.",
        "Trade Minister Urges Calm\nThe minister spoke on Monday.",
        "The General Agreement on Tariffs and Trade was signed.",
    ] {
        let people = entities_of(&extract(text, None), EntityKind::Person);
        assert!(people.is_empty(), "{text:?}: {people:?}");
    }
    // a name after the title is still one
    let people = entities_of(
        &extract("Kenyan Envoy Peter Otieno Visits Norway", None),
        EntityKind::Person,
    );
    assert_eq!(people, set(&["Peter Otieno"]));
}

#[test]
fn a_capital_that_names_a_meeting_is_its_place_not_its_state() {
    let ex = extract("Kenya refused to attend the Oslo summit, officials said.", None);
    assert_eq!(places_in(&ex), set(&["Oslo in NOR"]));
    let m = meetings(&ex);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].2.as_deref(), Some("Oslo"));
    assert!(!m[0].0.contains("NOR"), "Norway is no participant: {m:?}");
    // before a verb the capital is still its government
    let ex = extract("Oslo rejected the summit plan.", None);
    assert!(places_in(&ex).is_empty());
    // a seat of government too: "the Downing Street talks"
    let ex = extract("The Downing Street talks between Kenya and Norway ended.", None);
    assert_eq!(places_in(&ex), set(&["Downing Street in GBR"]));
    assert_eq!(meetings(&ex)[0].2.as_deref(), Some("Downing Street"));
}

#[test]
fn a_title_after_another_title_is_the_rest_of_the_title_not_a_name() {
    let ex = extract("He will meet Deputy Secretary of State Amina Kamau in Nairobi.", None);
    assert_eq!(entities_of(&ex, EntityKind::Person), set(&["Amina Kamau"]));
}

#[test]
fn a_clause_with_its_own_subject_joined_after_the_frame_is_not_what_was_said() {
    let ex = extract(
        "The talks failed, Kenyan officials said on Monday, and rescuers raced to the border.",
        None,
    );
    assert_eq!(quotes(&ex), ["The talks failed"]);
    // the same subject going on is still the report
    let ex = extract("The talks failed, Kenya said, and would not resume this year.", None);
    assert_eq!(quotes(&ex), ["The talks failed and would not resume this year"]);
}
