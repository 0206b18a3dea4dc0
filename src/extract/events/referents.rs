//! Whom a pronoun stands for, and who an unnamed subject is: "he said"
//! after a story has named its people, "a spokesman said", "the minister
//! said". Every event kind asks these when its clause names no one.
//!
//! News names a clause's subject first and refers back to it, so a pronoun
//! is read as the first person of its sentence or of the nearest earlier
//! sentence that names one, passing over anyone of the other sex and anyone
//! named inside a quotation.

use crate::extract::ascii::{bare_lower_case, lower_case};
use crate::extract::entities::DocEntities;
use crate::extract::sentences::Sentence;
use crate::extract::word_lists::{word_lists, Gender};

use super::syntax::preceded_by_preposition;
use super::SentenceContext;
use std::borrow::Cow;

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
pub(super) fn pronoun_referent(cx: &SentenceContext<'_>, (pronoun, at): (Pronoun, usize)) -> Option<usize> {
    pronoun_referent_except(cx, (pronoun, at), &[], None)
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
    cx: &SentenceContext<'_>,
    (pronoun, at): (Pronoun, usize),
    except: &[usize],
    running: Option<usize>,
) -> Option<usize> {
    use crate::extract::model::EntityKind::Person;
    let (text, doc, sentences, si) = (cx.text, cx.doc, cx.sentences, cx.si);
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
            let ends = match cx.unnamed_subject(i) {
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
