//! Shared reading of a sentence around a trigger: who is the subject, what
//! follows the verb, where the clause ends, whom a pronoun stands for.
//!
//! Every event rule reads agents through these, so a fix to subject finding
//! (a relative clause, a coordination) reaches every kind at once.

use crate::extract::ascii::{bare_lower_case, contains_any, lower_case};
use crate::extract::entities::{DocEntities, Found};
use crate::extract::sentences::Sentence;
use crate::extract::word_lists::{word_lists, Gender};
use std::borrow::Cow;

/// A sentence being read: its text and the mentions inside it.
pub(super) struct View<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub found: Vec<&'a Found>,
    /// The subset of `found` that can act.
    pub agents: Vec<&'a Found>,
}

impl<'a> View<'a> {
    pub fn body(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    /// The mentions of the sentence that can act (people, states and
    /// organizations as actors), found once when the view is made.
    pub fn agents(&self) -> &[&'a Found] {
        &self.agents
    }
}

pub(super) fn is_agent(f: &Found, doc: &DocEntities) -> bool {
    is_agent_kind(f, doc) && f.actor
}

/// Whether a mention names someone who could act: a person, a state or an
/// organization, whether or not it acts in its sentence.
pub(super) fn is_agent_kind(f: &Found, doc: &DocEntities) -> bool {
    use crate::extract::model::EntityKind::*;
    matches!(doc.entities[f.entity].kind, Person | State | Organization)
}

pub(super) fn previous_word(text: &str, at: usize) -> Option<Cow<'_, str>> {
    previous_word_span(text, at).map(|(start, end)| lower_case(&text[start..end]))
}

/// The byte span of the word before `at` (letters, digits and hyphens),
/// over the spaces between.
pub(super) fn previous_word_span(text: &str, at: usize) -> Option<(usize, usize)> {
    let before = text[..at].trim_end();
    // back over ASCII letters, digits and hyphens without decoding; other
    // characters, past the first byte that is not ASCII, decoded
    let ascii = before
        .bytes()
        .rev()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .map_or(0, |back| before.len() - back);
    let start = match ascii.checked_sub(1).map(|i| before.as_bytes()[i]) {
        Some(b) if !b.is_ascii() => before[..ascii]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
            .map_or(0, |(i, c)| i + c.len_utf8()),
        _ => ascii,
    };
    (start < before.len()).then_some((start, before.len()))
}

/// Whether a preposition governs the phrase at `at`, through a determiner:
/// "for Kiev", "for the Forum 2000 foundation".
pub(super) fn preceded_by_preposition(text: &str, at: usize) -> bool {
    let at = before_address(text, at);
    let Some(word) = previous_word(text, at) else {
        return false;
    };
    if matches!(word.as_ref(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        let before = text[..at].trim_end();
        let start = before.len() - word.len();
        return previous_word(text, start).is_some_and(|w| word_lists().prepositions.contains(w.as_ref()));
    }
    word_lists().prepositions.contains(word.as_ref())
}

/// How many words of address and rank may stand between a preposition and
/// the name it governs: "to | Prime Minister | Tony Blair".
const ADDRESS_WORDS_BEFORE_NAME: usize = 3;

/// Where the words before a name end once its honorific, its rank and a
/// parenthesis after them are left out: the name's governor is read from
/// there ("to Mr Blair", "to Taoiseach (Irish PM) Micheal Martin", "a
/// spokesman for President Bush").
fn before_address(text: &str, at: usize) -> usize {
    let lists = word_lists();
    let mut before = text[..at].trim_end();
    for _ in 0..ADDRESS_WORDS_BEFORE_NAME {
        if before.ends_with(')') {
            if let Some(open) = before.rfind('(') {
                before = before[..open].trim_end();
                continue;
            }
        }
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            break;
        }
        if !lists.address_words.contains(&word.trim_end_matches('.').to_lowercase()) {
            break;
        }
        before = before[..before.len() - word.len()].trim_end();
    }
    // "after Mr Blair told", "as Foreign Secretary Jack Straw said": a word that
    // opens a clause makes the name its subject, not a preposition's object
    let opens_clause = || {
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        lists.subordinators.contains(&word.to_lowercase())
    };
    if before.len() == text[..at].trim_end().len() || opens_clause() {
        at // nothing left out: the name's own position, with the space before it
    } else {
        before.len()
    }
}

/// Whether the mention at `at` follows "<members> of (the)" or "<spokesman>
/// for (the)" (`member_nouns.txt`).
fn speaks_through_members(text: &str, at: usize) -> bool {
    let before = text[..before_address(text, at)].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let Some(rest) = before.strip_suffix(" of").or_else(|| before.strip_suffix(" for")) else {
        return false;
    };
    let Some(noun) = rest.split_whitespace().next_back() else {
        return false;
    };
    if !word_lists().member_nouns.contains(&noun.to_lowercase()) {
        return false;
    }
    // "Filip Sebek, the spokesman for the Forum": an apposition; the person speaks
    let before_noun = rest[..rest.len() - noun.len()].trim_end();
    let before_noun = before_noun
        .strip_suffix(" the")
        .or_else(|| before_noun.strip_suffix(" a"))
        .unwrap_or(before_noun);
    !before_noun.ends_with(',')
}

/// The subject of a trigger: the nearest agent before it in the same clause
/// that is not the object of a preposition ("a non-starter for Kiev, which
/// ... demands" still finds Kiev through the relative pronoun).
pub(super) fn subject<'a>(view: &View<'a>, doc: &DocEntities, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    // "As Mr Brown announced the date, Ernst & Young urged him": the
    // sentence's opening clause holds no subject of a verb after its comma
    let opening_clause_end = opening_clause_end(view, doc)
        .filter(|&comma| comma < at)
        .unwrap_or(view.start);
    let candidates: Vec<&Found> = view
        .agents()
        .iter()
        .copied()
        .filter(|f| f.end <= at && f.start >= opening_clause_end)
        .collect();
    let mut chosen: Vec<&Found> = Vec::new();
    for f in candidates.iter().rev() {
        // a quote opening right at the trigger does not separate it from its subject:
        // `X had "agreed in principle"`
        let between = text[f.end..at].trim_end_matches(|c: char| c == '"' || c == '\u{201C}' || c.is_whitespace());
        if contains_any(between, &['\u{201C}', '\u{201D}', '"']) || between.contains(';') {
            break;
        }
        // "criticised Mr Brown's plan and called on": a possessor is not the subject
        if f.possessive && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person {
            continue;
        }
        let prep = preceded_by_preposition(text, f.start) && !speaks_through_members(text, f.start);
        let relative = between.trim_start().starts_with(", which")
            || between.trim_start().starts_with(", who")
            || between.trim_start().starts_with("which")
            || between.trim_start().starts_with("who");
        if prep && !relative {
            continue;
        }
        // "Colin Asplin, Blackpool Hotel Association said": the body is the
        // person's apposition, and the person speaks
        if let Some(person) = person_before_affiliation(text, doc, &candidates, f) {
            chosen.push(person);
            break;
        }
        chosen.push(f);
        // coordination: "Moscow and Kiev", "France and West Germany"
        let mut last = *f;
        for g in candidates.iter().rev() {
            if g.end > last.start {
                continue; // overlapping or later mentions
            }
            let gap = text[g.end..last.start].trim();
            let words = gap.split_whitespace().count();
            let titled_and = gap.starts_with("and ")
                && words <= 5
                && !gap.contains(',')
                && gap
                    .split_whitespace()
                    .skip(1)
                    .all(|w| w.chars().next().is_some_and(|c| c.is_lowercase() || c.is_uppercase()));
            if gap == "and" || gap == "," || gap == ", and" || gap == "and the" || titled_and {
                chosen.push(g);
                last = g;
            } else {
                break;
            }
        }
        break;
    }
    chosen
}

/// Where the sentence's opening subordinate clause or adverbial phrase ends
/// (its first comma), when a word of `clause_openers.txt` opens the
/// sentence: "After talks with Kenya, Norway said". A comma right after a
/// person and before a lower-case word opens an apposition instead, and the
/// person is the subject: "Although Jonathan Wolff, senior vice president
/// at ..., noted".
pub(super) fn opening_clause_end(view: &View<'_>, doc: &DocEntities) -> Option<usize> {
    let body = view.body();
    let first = body.split_whitespace().next()?;
    let first = lower_case(first.trim_matches(|c: char| !c.is_alphanumeric()));
    if !word_lists().clause_openers.contains(first.as_ref()) {
        return None;
    }
    let comma = view.start + body.find(',')?;
    let apposition = view.text[comma + 1..].trim_start().starts_with(char::is_lowercase)
        && view
            .agents()
            .iter()
            .any(|f| f.end == comma && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person);
    (!apposition).then_some(comma)
}

/// The person whose affiliation the organization `f` is, in apposition
/// right after them: "Colin Asplin, Blackpool Hotel Association".
fn person_before_affiliation<'a>(
    text: &str,
    doc: &DocEntities,
    candidates: &[&'a Found],
    f: &Found,
) -> Option<&'a Found> {
    use crate::extract::model::EntityKind::{Organization, Person};
    if doc.entities[f.entity].kind != Organization {
        return None;
    }
    candidates
        .iter()
        .copied()
        .filter(|g| g.end <= f.start && doc.entities[g.entity].kind == Person)
        .max_by_key(|g| g.end)
        .filter(|g| matches!(&text[g.end..f.start], ", " | ", the " | ", The "))
}

/// Entities right after a trigger: "urged Russia to", "called on the Council to".
pub(super) fn object<'a>(view: &View<'a>, at: usize) -> Vec<&'a Found> {
    let text = view.text;
    view.agents()
        .iter()
        .copied()
        .filter(|f| f.start >= at)
        .filter(|f| object_gap(&text[at..f.start]))
        .take(1)
        .collect()
}

/// How many determiners and quantifiers may stand between a verb and the
/// name it governs: "urged | all the other | G8 nations".
const OBJECT_GAP_WORDS: usize = 3;

/// Whether the words between a verb and a name let the name be its object:
/// none, or a particle ("called on", "appealed to", "demanded that") and then
/// determiners and quantifiers ("urged other G8 nations", "called on the").
fn object_gap(gap: &str) -> bool {
    let lists = word_lists();
    // a particle and OBJECT_GAP_WORDS modifiers at most: a longer gap (often the rest
    // of the sentence, for each later agent) is turned away without reading it all
    let words: Vec<String> = gap
        .split_whitespace()
        .take(OBJECT_GAP_WORDS + 2)
        .map(str::to_lowercase)
        .collect();
    if words.len() > OBJECT_GAP_WORDS + 1 {
        return false;
    }
    let particle = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "on" | "upon" | "of" | "to" | "that"));
    let mut modifiers = &words[usize::from(particle)..];
    // a name's honorific or rank is outside its span: "urged Mr Hockney to",
    // "called on Foreign Minister Kamau to"
    while let Some((last, rest)) = modifiers.split_last() {
        if !lists.address_words.contains(last.trim_end_matches('.')) {
            break;
        }
        modifiers = rest;
    }
    // an indefinite article makes a state's name a nationality: "asked a US banker to"
    let indefinite = |w: &str| matches!(w, "a" | "an");
    modifiers.len() <= OBJECT_GAP_WORDS
        && modifiers.iter().all(|w| {
            !indefinite(w) && (lists.determiners.contains(w.as_str()) || lists.quantifiers.contains(w.as_str()))
        })
}

/// A third-person singular pronoun that stands for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    He,
    She,
}

impl Pronoun {
    /// The pronoun `word` is, in any case.
    pub(super) fn of(word: &str) -> Option<Pronoun> {
        if word.eq_ignore_ascii_case("he") {
            Some(Pronoun::He)
        } else if word.eq_ignore_ascii_case("she") {
            Some(Pronoun::She)
        } else {
            None
        }
    }

    /// Whether it may stand for a person of `gender` (None: not known).
    pub(super) fn fits(self, gender: Option<Gender>) -> bool {
        match (self, gender) {
            (_, None) => true,
            (Pronoun::He, Some(g)) => g == Gender::Male,
            (Pronoun::She, Some(g)) => g == Gender::Female,
        }
    }
}

/// A person's sex as the document tells it: the given name that opens one
/// of their names ("Sandra Howard"), an office held ("Queen"), the honorific
/// before a mention ("Mrs Howard"). None when nothing tells it or the words
/// disagree; a one-word name is passed over, as a surname alone ("Howard")
/// is often a given name too.
pub(super) fn person_gender(text: &str, doc: &DocEntities, person: usize) -> Option<Gender> {
    let genders = &word_lists().name_genders;
    let entity = &doc.entities[person];
    let given_names = std::iter::once(&entity.label)
        .chain(&entity.alt_labels)
        .filter_map(|name| {
            let mut words = name.split_whitespace();
            words.next().filter(|_| words.next().is_some())
        });
    let offices = entity.roles.iter().map(String::as_str);
    let honorifics = doc
        .found
        .iter()
        .filter(|f| f.entity == person)
        .filter_map(|f| text[..f.start].split_whitespace().next_back());
    let mut told = None;
    for gender in given_names
        .chain(offices)
        .chain(honorifics)
        .filter_map(|w| genders.get(w))
    {
        match told {
            None => told = Some(*gender),
            Some(g) if g != *gender => return None,
            Some(_) => {}
        }
    }
    told
}

/// The person `pronoun` at `at` stands for: the first person named in the
/// sentence before it, else the first person named in the nearest earlier
/// sentence that names one, passing over anyone of the other sex. News
/// names the subject first, and the subject is who a later pronoun most
/// often refers to.
pub(super) fn pronoun_referent(
    text: &str,
    doc: &DocEntities,
    sentences: &[Sentence],
    si: usize,
    (pronoun, at): (Pronoun, usize),
) -> Option<usize> {
    pronoun_referent_except(text, doc, sentences, si, (pronoun, at), &[], None)
}

/// Whether `at` lies inside a quotation opened in its sentence before it:
/// after an odd number of straight double quotes, or after an opening curly
/// quote not yet closed. Someone named inside a quotation is spoken of, so
/// "he" after it ("'Blair has failed,' he added") is not them.
pub(super) fn inside_quotation(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = &text[sentence_start..at];
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before
        .rfind('\u{201C}')
        .is_some_and(|open| !before[open..].contains('\u{201D}'));
    straight || curly
}

/// [`pronoun_referent`], passing over the people in `except` (in "He told
/// Ms Sturgeon:", "he" is not Ms Sturgeon, the object of his own clause),
/// and taking `running`, when its sentence names no one before the
/// pronoun, ahead of the earlier sentences' people: a speaker the story is
/// quoting at length ("'...,' said Mr Kennedy. 'He has failed,' he added.").
/// The caller checks that `running` may be what the pronoun stands for.
pub(super) fn pronoun_referent_except(
    text: &str,
    doc: &DocEntities,
    sentences: &[Sentence],
    si: usize,
    (pronoun, at): (Pronoun, usize),
    except: &[usize],
    running: Option<usize>,
) -> Option<usize> {
    use crate::extract::model::EntityKind::Person;
    let first_person = |sentence: usize, before: usize| {
        doc.found
            .iter()
            .find(|f| {
                f.sentence == sentence
                    && f.start < before
                    && doc.entities[f.entity].kind == Person
                    && !except.contains(&f.entity)
                    && !inside_quotation(text, sentences[sentence].start, f.start)
                    && (sentence == si || !reported_before_frame(text, &sentences[sentence], f.start))
                    && pronoun.fits(person_gender(text, doc, f.entity))
            })
            .map(|f| f.entity)
    };
    first_person(si, at).or(running).or_else(|| {
        for i in (0..si).rev() {
            // Some(..) ends the search; Some(None): "he" is someone unnamed
            let ends = match unnamed_subject(text, doc, sentences, i) {
                // someone new is the subject there: "he" is most likely them,
                // whom no name tells, unless someone is named before them
                Some(UnnamedSubject::New(unnamed)) => Some(first_person(i, unnamed)),
                // the office holder may be someone named further back
                // ("the chancellor said."), but not a person named after
                // them ("the chancellor said the cuts proposed by Oliver
                // Letwin")
                Some(UnnamedSubject::Definite(unnamed)) => {
                    match (first_person(i, unnamed), first_person(i, sentences[i].end)) {
                        (Some(person), _) => Some(Some(person)),
                        (None, Some(_)) => Some(None),
                        (None, None) => None,
                    }
                }
                None => first_person(i, sentences[i].end).map(Some),
            };
            if let Some(person) = ends {
                return person;
            }
        }
        None
    })
}

/// A clause's subject that is one person the text does not name there,
/// told by what they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnnamedSubject {
    /// Someone new: "A spokesman for the BPI said", "Our correspondent
    /// said", "The prime minister's official spokesman said", "the clever
    /// sheriff" after "a sheriff" earlier. A later "he" stands for them.
    New(usize),
    /// Most often a person named before, told again by office: "the
    /// chancellor said", "The minister told delegates". A later "he" may
    /// well be that person, found further back.
    Definite(usize),
}

/// The first clause of sentence `si` whose subject is one person it does
/// not name: "The prime minister's official spokesman said", "..., but the
/// clever sheriff has an idea". The subject opens its clause (the
/// sentence's start, after a comma, semicolon or colon, or after a joining
/// or subordinating word: "and", "when"), starts with a determiner or a
/// possessive, has at most [`PERSON_SUBJECT_MODIFIERS`] words before its
/// noun (`person_nouns.tsv`), is followed by a lower-case word ("said",
/// "for"), and overlaps no person found ("the Ukrainian leader" resolved
/// to a name is named, as is "the spokesman, Tom Kelly,").
pub(super) fn unnamed_person_subject(
    text: &str,
    doc: &DocEntities,
    sentences: &[Sentence],
    si: usize,
) -> Option<UnnamedSubject> {
    let sentence = &sentences[si];
    use crate::extract::word_lists::PersonNoun;
    let lists = word_lists();
    let words: Vec<(usize, &str)> = text[sentence.start..sentence.end]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let bare = bare_lower_case;
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("\u{2019}s");
    let ends_clause = |w: &str| w.ends_with([',', ';', ':']);
    let opens_clause = |i: usize| {
        i == 0 || ends_clause(words[i - 1].1) || {
            let previous = bare(words[i - 1].1);
            // "and" or "but" joins clauses after a comma or at the start ("But
            // the chancellor said"), and mostly nouns elsewhere ("a party and
            // a leader"); "as" and "after" are prepositions as often
            let joins = lists.joining_words.contains(&*previous) && (i == 1 || ends_clause(words[i - 2].1));
            let subordinates = lists.clause_openers.contains(&*previous) && !lists.prepositions.contains(&*previous);
            // "Then the chancellor said", "Later the sheriff"
            let opening_adverb = i == 1 && lists.adverbs.contains(&*previous);
            joins || subordinates || opening_adverb
        }
    };
    (0..words.len())
        .filter(|&i| opens_clause(i) && (lists.determiners.contains(&*bare(words[i].1)) || possessive(words[i].1)))
        // a subject inside a quotation is the quoted speaker's, not the story's
        .filter(|&i| !inside_quotation(text, sentence.start, words[i].0))
        .find_map(|i| {
            let (head, refers) = (i + 1..words.len())
                .take(PERSON_SUBJECT_MODIFIERS + 1)
                .take_while(|&j| j == i + 1 || !words[j - 1].1.ends_with([',', ';', ':', '.']))
                .find_map(|j| lists.person_nouns.get(&*bare(words[j].1)).map(|&refers| (j, refers)))?;
            let start = words[i].0;
            let lower = |w: &str| w.starts_with(|c: char| c.is_lowercase());
            // "The spokesman, who ..." or "The spokesman said"; not "The Minister Said"
            if !words[head].1.ends_with(',') && !words.get(head + 1).is_some_and(|(_, w)| lower(w)) {
                return None;
            }
            // the subject runs to its verb: a name before it is the person's
            // ("The UAE's Minister of State for Finance, Ahmed Humaid
            // al-Tayer, told"), a name after it someone else
            let verb_like = |w: &str| {
                let w = bare(w);
                lower(&w)
                    && (w.ends_with("ed")
                        || matches!(w.as_ref(), "said" | "says")
                        || lists.listener_verbs.contains(w.as_ref())
                        || lists.auxiliaries.contains(w.as_ref()))
            };
            let subject_end = words[head + 1..]
                .iter()
                .take(APPOSITION_WORDS)
                .find(|(_, w)| verb_like(w))
                .map_or(sentence.end, |&(at, _)| at);
            // "A spokesman for Michael Howard" is not Michael Howard
            let named = doc.found.iter().any(|f| {
                f.sentence == si
                    && start < f.end
                    && f.start < subject_end
                    && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person
                    && !preceded_by_preposition(text, f.start)
            });
            if named {
                return None;
            }
            let determiner = bare(words[i].1);
            let noun = bare(words[head].1);
            // "the clever sheriff" after "a sheriff": someone the text brought
            // in unnamed, in a sentence that names no one ("a US judge, Letitia
            // Clark," brings in Letitia Clark)
            // (read only for a definite title: it walks the text before)
            let brought_in = || {
                (0..si).any(|j| {
                    let earlier: Vec<&str> = text[sentences[j].start..sentences[j].end].split_whitespace().collect();
                    let introduced = earlier.iter().enumerate().any(|(k, w)| {
                        bare(w) == noun
                            && earlier[k.saturating_sub(PERSON_SUBJECT_MODIFIERS + 1)..k]
                                .iter()
                                .any(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
                    });
                    introduced
                        && !doc.found.iter().any(|f| {
                            f.sentence == j && doc.entities[f.entity].kind == crate::extract::model::EntityKind::Person
                        })
                })
            };
            let definite = matches!(determiner.as_ref(), "the" | "this" | "that")
                && !words[i + 1..head].iter().any(|(_, w)| possessive(w));
            Some(if definite && refers == PersonNoun::Title && !brought_in() {
                UnnamedSubject::Definite(start)
            } else {
                UnnamedSubject::New(start)
            })
        })
}

/// [`unnamed_person_subject`], or else a name recognition left unknown as
/// the subject at the sentence's start or after its first comma: "Ameer
/// Jamaat-e-Islami, Siraj ul Haq extended congratulations". Two to four
/// capitalized words (short lower-case particles between them: "ul",
/// "bin"), overlapping no mention found, then a past-tense verb or
/// "said"/"says". A "he" after it is most likely that person, whom Parley
/// cannot name, so it ends the walk back like someone new.
pub(super) fn unnamed_subject(
    text: &str,
    doc: &DocEntities,
    sentences: &[Sentence],
    si: usize,
) -> Option<UnnamedSubject> {
    unnamed_person_subject(text, doc, sentences, si).or_else(|| unknown_name_subject(text, doc, &sentences[si], si))
}

fn unknown_name_subject(text: &str, doc: &DocEntities, sentence: &Sentence, si: usize) -> Option<UnnamedSubject> {
    let body = &text[sentence.start..sentence.end];
    let openings = std::iter::once(0).chain(body.find(", ").map(|comma| comma + 2));
    openings.into_iter().find_map(|offset| {
        let start = sentence.start + offset;
        let mut words = text[start..sentence.end].split_whitespace().peekable();
        // "The MEP said", "In September Symantec released": a function word is
        // no part of a name
        let lists = word_lists();
        // ("But Jumbo Kariuki resigned": a joining word or an adverb before it is not)
        fn lower(w: &str) -> Cow<'_, str> {
            lower_case(w.trim_end_matches(','))
        }
        if words
            .peek()
            .is_some_and(|w| lists.joining_words.contains(&*lower(w)) || lists.adverbs.contains(&*lower(w)))
        {
            words.next();
        }
        let first = lower(words.peek()?);
        if [
            &lists.determiners,
            &lists.prepositions,
            &lists.clause_openers,
            &lists.subject_pronouns,
        ]
        .iter()
        .any(|list| list.contains(first.as_ref()))
        {
            return None;
        }
        let mut capitalized = 0;
        let mut end = start;
        for word in words.by_ref() {
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            if word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-') {
                capitalized += 1;
                end = at + word.len();
            } else if capitalized > 0 && word.len() <= 3 && word.chars().all(|c| c.is_ascii_lowercase()) {
                continue; // a particle, if a capitalized word follows
            } else {
                let verb = word.trim_end_matches([',', '.']);
                let past = verb.len() > 4 && verb.ends_with("ed") && verb.chars().all(|c| c.is_ascii_lowercase());
                let named = doc
                    .found
                    .iter()
                    .any(|f| f.sentence == si && f.start < end && start < f.end);
                let name_ends_before_verb = text[end..at].trim().is_empty();
                return ((2..=4).contains(&capitalized)
                    && name_ends_before_verb
                    && (past || matches!(verb, "said" | "says"))
                    && !named)
                    .then_some(UnnamedSubject::New(start));
            }
        }
        None
    })
}

/// How many words may stand between the determiner and the person noun of
/// an unnamed subject: "the prime minister's official spokesman".
const PERSON_SUBJECT_MODIFIERS: usize = 3;

/// How many words after a person noun its subject's verb is looked for; a
/// name up to there is the person's own ("the spokesman, Tom Kelly, said").
const APPOSITION_WORDS: usize = 10;

/// Whether the mention at `at` stands in what was said before a frame set
/// off after it in its sentence ("Mr Blair has failed to tackle these
/// problems, he claimed, ..."): someone spoken of, so a "he" in a later
/// sentence does not stand for them. The frame is a comma, "he" or "she",
/// one word, and a comma or the sentence's end.
fn reported_before_frame(text: &str, sentence: &Sentence, at: usize) -> bool {
    let after = &text[at..sentence.end];
    [", he ", ", she "].iter().any(|frame| {
        after.match_indices(frame).any(|(i, _)| {
            let rest = &after[i + frame.len()..];
            let verb_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            verb_end > 0 && (rest[verb_end..].starts_with([',', '.']) || rest[verb_end..].trim().is_empty())
        })
    })
}

/// The state or organization that opens sentence `si` as its subject:
/// "The South dismissed the offer", "Japan's cabinet ..." is not one (a
/// possessive, nor "The China Daily"). At most a determiner stands before it.
pub(super) fn opening_subject(text: &str, doc: &DocEntities, sentences: &[Sentence], si: usize) -> Option<usize> {
    use crate::extract::model::EntityKind::{Organization, State};
    let start = sentences[si].start;
    let first = doc.found.iter().find(|f| f.sentence == si && f.start >= start)?;
    let before: Vec<&str> = text[start..first.start].split_whitespace().collect();
    let opens = match before.as_slice() {
        [] => true,
        [word] => word_lists().determiners.contains(word.to_lowercase().as_str()),
        _ => false,
    };
    // "The China Daily said": the name goes on, and the subject is another
    let name_goes_on = text[first.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    (opens
        && !name_goes_on
        && first.actor
        && !first.possessive
        && matches!(doc.entities[first.entity].kind, State | Organization))
    .then_some(first.entity)
}

/// The first "he" or "she" in `text[from..to]`, if any.
pub(super) fn pronoun_in(text: &str, from: usize, to: usize) -> Option<Pronoun> {
    text[from..to].split_whitespace().find_map(|w| match w {
        "he" | "He" => Some(Pronoun::He),
        "she" | "She" => Some(Pronoun::She),
        _ => None,
    })
}

/// Whether the words before a meeting noun refer to a meeting already told:
/// a preposition and a definite determiner ("after the meeting", "ahead of
/// the talks", "following the negotiations").
pub(super) fn refers_back(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let Some(det) = words
        .iter()
        .position(|w| matches!(w.as_str(), "the" | "this" | "that" | "these" | "those"))
    else {
        return false;
    };
    // only adjectives and "of" between the determiner and the noun: "the first round of talks",
    // not "for the helicopter during talks"
    let np = words[..det]
        .iter()
        .all(|w| w == "of" || !word_lists().prepositions.contains(w));
    let preposition = words.get(det + 1).is_some_and(|w| {
        matches!(
            w.as_str(),
            "after"
                | "following"
                | "of"
                | "before"
                | "since"
                | "during"
                | "at"
                | "from"
                | "about"
                | "on"
                | "for"
                | "to"
                | "with"
                | "in"
                | "into"
                | "by"
                | "over"
        )
    });
    det <= 3 && np && preposition
}

/// Where the clause after a trigger ends: a semicolon, a dash, or the sentence end.
pub(super) fn clause_end(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    let bytes = rest.as_bytes();
    // a period ends the clause only before a space or the end: not in "5.5bn" or "U.S."
    rest.match_indices(['.', ';', '\u{2013}', '\u{2014}'])
        .find(|&(i, m)| m != "." || bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) && !is_initial(rest, i))
        .map_or(end, |(i, _)| from + i)
}

/// Whether the period at `dot` closes an initial or an abbreviation of
/// capitals ("U.S.", "J."), which does not end a clause.
fn is_initial(text: &str, dot: usize) -> bool {
    let word = text[..dot].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    !word.is_empty()
        && word.chars().all(|c| c.is_uppercase() || c == '.')
        && word.chars().filter(|c| c.is_uppercase()).count() <= 3
}

/// The agents of a coordination that starts right after `at` and ends
/// before `end`: "between Kenya and Norway", "by Secretary of State George
/// Shultz and Foreign Minister Vahit Halefoglu". The first agent must follow
/// `at` with at most a determiner or title words between; each next one must
/// follow "and", a comma, or ", and" (titles allowed after them).
pub(super) fn coordination_after<'a>(view: &View<'a>, at: usize, end: usize) -> Vec<&'a Found> {
    let text = view.text;
    let mut out: Vec<&Found> = Vec::new();
    let mut from = at;
    for f in view.agents().iter().copied().filter(|f| f.start >= at && f.end <= end) {
        if f.start < from {
            continue; // inside or overlapping the last one
        }
        let gap = text[from..f.start].trim();
        let joiner = if out.is_empty() {
            // "with the Italian finance minister Domenico Siniscalco"
            Some(gap)
                .filter(|g| !g.contains([',', ';', '"', '(']) && g.split_whitespace().count() <= 5)
                .map(|_| "")
        } else {
            ["and", ",", ", and", "&"]
                .iter()
                .find_map(|j| gap.strip_prefix(j))
                .map(str::trim_start)
        };
        match joiner {
            Some(rest) if title_words(rest) => {
                out.push(f);
                from = f.end;
            }
            _ => break,
        }
    }
    out
}

/// Whether `words` can stand between a joiner and a name: nothing, a
/// determiner, or a few words of a title ("Foreign Minister", "the Prime
/// Minister of").
fn title_words(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    // "her Norwegian counterpart", "the chief negotiator": a possessive or an
    // article opens a role described in ordinary words
    let described = matches!(words.first(), Some(&("her" | "his" | "their" | "its" | "the")))
        && words.len() <= 4
        && !words.iter().any(|w| w.contains([',', ';', '"']));
    described
        || words.len() <= 5
            && words.iter().all(|w| {
                matches!(*w, "the" | "of" | "its" | "his" | "her" | "their")
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
}

/// The two sides of the story at this point: of the meetings and agreements
/// told before `before` (a byte offset) that have exactly two states, the
/// pair most mentioned in the document (the story's protagonists, not a
/// visitor's host), the latest on a tie. "Both sides agreed to ..." after
/// "talks between India and Pakistan".
pub(super) fn two_sides<'e>(
    doc: &DocEntities,
    before: usize,
    earlier: impl Iterator<Item = &'e crate::extract::model::Event>,
) -> Option<std::collections::BTreeSet<usize>> {
    use crate::extract::model::{AgentRole, EntityKind};
    earlier
        .filter(|e| e.evidence.start < before)
        .filter_map(|e| {
            let states: std::collections::BTreeSet<usize> = e
                .agents
                .iter()
                .filter(|(role, _)| matches!(role, AgentRole::Participant | AgentRole::Party))
                .map(|(_, id)| *id)
                .filter(|&id| doc.entities[id].kind == EntityKind::State)
                .collect();
            let mentions: usize = states.iter().map(|&id| doc.entities[id].mentions).sum();
            (states.len() == 2).then_some(((mentions, e.evidence.start), states))
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, states)| states)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read over the bytes, the word before a place is the one read over
    /// the characters.
    #[test]
    fn the_previous_word_is_found_over_bytes_as_over_characters() {
        fn by_characters(text: &str, at: usize) -> Option<(usize, usize)> {
            let before = text[..at].trim_end();
            let start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
                .map_or(0, |(i, c)| i + c.len_utf8());
            (start < before.len()).then_some((start, before.len()))
        }
        let pieces = ["", "a", "7", "-", " ", ",", "\u{e9}", "\u{2014}", "\u{a0}", "x-y"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c} ");
                    for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                        assert_eq!(previous_word_span(&text, at), by_characters(&text, at), "{text:?} {at}");
                    }
                }
            }
        }
    }
}
