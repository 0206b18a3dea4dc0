//! Person name candidates: runs of capitalized words around titles,
//! honorifics and known given names.

use crate::extract::gazetteer::{Hit, Target};
use crate::extract::model::{EntityId, EntityKind};
use crate::extract::sentences::{Sentence, Token};

use super::name_words::{
    DOTTED_HONORIFIC, GIVEN_NAME, HEADLINE_VERB, HONORIFIC, NON_NAME, ORG_HEAD, ORG_MODIFIER, PARTICLE, THING_HEAD,
};
use super::organizations::glue_point;
use super::recognize::previous_word;
use super::{DocEntities, EntityRules, Found, Role};

/// A person name candidate, before resolution.
#[derive(Debug, Clone)]
pub(super) struct NameCandidate {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) tokens: Vec<String>,
    pub(super) title: Option<(usize, usize, String)>,
    pub(super) honorific: bool,
    pub(super) given: bool,
    pub(super) sentence: usize,
    /// A public figure already resolved by the gazetteer: only their title is read.
    pub(super) known: Option<EntityId>,
}

/// How many capitalized words may qualify a title inside a name run:
/// "External Trade | Commissioner Willy De Clercq".
const TITLE_QUALIFIER_WORDS: usize = 3;

impl EntityRules {
    /// Titles in `text[start..end]` as whole words (of the whole text), the
    /// longest where several start together, none overlapping.
    pub(super) fn title_spans(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let starts = |at: usize| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        let ends = |at: usize| !text[at..].chars().next().is_some_and(char::is_alphanumeric);
        self.titles
            .find(text, start, end, starts, ends)
            .into_iter()
            .map(|(start, end, _)| (start, end))
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn name_candidates(
        &self,
        text: &str,
        s: &Sentence,
        si: usize,
        tokens: &[Token],
        hits: &[Hit<'_>],
        out: &mut Vec<NameCandidate>,
        doc: &mut DocEntities,
    ) {
        let title_spans = self.title_spans(text, s.start, s.end);
        // a public figure found by the gazetteer still has the title the text gives them
        for hit in hits
            .iter()
            .filter(|h| h.targets.iter().any(|t| matches!(t, Target::Person(_))))
        {
            let Some(found) = doc.found.iter().find(|f| f.start == hit.start && f.end == hit.end) else {
                continue;
            };
            let id = found.entity;
            if doc.entities[id].kind != EntityKind::Person {
                continue;
            }
            let title = title_before(text, s.start, hit.start, &title_spans);
            if title.is_some() {
                let tokens = text[hit.start..hit.end].split_whitespace().map(String::from).collect();
                out.push(NameCandidate {
                    start: hit.start,
                    end: hit.end,
                    tokens,
                    title,
                    honorific: false,
                    given: true,
                    sentence: si,
                    known: Some(id),
                });
            }
        }
        let teams = doc.teams.clone();
        let in_hit = |t: &Token| {
            hits.iter().any(|h| t.start < h.end && h.start < t.end)
                || teams.iter().any(|&(s, e)| t.start < e && s < t.end)
        };
        let mut i = 0;
        while i < tokens.len() {
            let t = &text[tokens[i].start..tokens[i].end];
            if !is_cap_token(t) || in_hit(&tokens[i]) {
                i += 1;
                continue;
            }
            // grow a run of capitalized tokens joined by single spaces (and particles)
            let mut j = i + 1;
            while j < tokens.len() {
                let gap = &text[tokens[j - 1].end..tokens[j].start];
                let prev = &text[tokens[j - 1].start..tokens[j - 1].end];
                let gap_ok =
                    gap == " " || gap == "\n" || (gap == ". " && prev.chars().count() <= 3 && is_cap_token(prev));
                if !gap_ok || prev.ends_with("'s") || prev.ends_with("\u{2019}s") {
                    break;
                }
                let w = &text[tokens[j].start..tokens[j].end];
                // a particle joins only before a capitalized word ("Osama bin Laden")
                let joins = is_cap_token(w)
                    || self.name_words.classes_of(w) & PARTICLE != 0
                        && j + 1 < tokens.len()
                        && is_cap_token(&text[tokens[j + 1].start..tokens[j + 1].end]);
                if joins && !in_hit(&tokens[j]) {
                    j += 1;
                } else {
                    break;
                }
            }
            // "President EisenhowerSource: ...", "former Minister HeathSee footnote 2" in
            // an archive page that lost a space: the name ends where the glued word
            // begins. Only a last word after others: a firm's name opens with its
            // inner capital ("TransCanada PipeLines", "ConocoPhillips")
            let last = tokens[j - 1];
            let glued = (j - i >= 2)
                .then(|| glue_point(&text[last.start..last.end]))
                .flatten()
                .map(|g| (j - 1, last.start + g));
            match glued {
                Some((k, cut)) => {
                    let mut run = tokens[i..=k].to_vec();
                    run[k - i].end = cut;
                    self.classify_run(text, s, si, &run, &title_spans, out, doc);
                    i = k + 1;
                }
                None => {
                    self.classify_run(text, s, si, &tokens[i..j], &title_spans, out, doc);
                    i = j;
                }
            }
        }
    }

    /// A title that starts after at most [`TITLE_QUALIFIER_WORDS`]
    /// capitalized words of `run` ("External Trade | Commissioner") and ends
    /// before its last word, so that a name follows it; none where a qualifier
    /// is a known given name ("John Smith Commissioner" is no title).
    fn qualified_title(&self, text: &str, run: &[Token], title_spans: &[(usize, usize)]) -> Option<(usize, usize)> {
        let last = run.last()?;
        title_spans.iter().copied().find(|&(a, b)| {
            let qualifiers = run.iter().take_while(|t| t.start < a).count();
            (1..=TITLE_QUALIFIER_WORDS).contains(&qualifiers)
                && run.get(qualifiers).is_some_and(|t| t.start == a)
                && b < last.start
                && run.iter().any(|t| t.end == b || t.end + 1 == b)
                && !run[..qualifiers]
                    .iter()
                    .any(|t| self.lexicon.given_names.contains(&text[t.start..t.end]))
        })
    }

    /// Where the name inside `run` starts: past the title before or inside
    /// it ("Secretary of State John Kerry", "External Trade Commissioner
    /// Willy De Clercq") and honorifics ("Mr", "Gen."); with the title found
    /// and whether an honorific was.
    fn name_start(
        &self,
        text: &str,
        s: &Sentence,
        run: &[Token],
        title_spans: &[(usize, usize)],
        doc: &DocEntities,
    ) -> (usize, Option<(usize, usize, String)>, bool) {
        let mut k = 0;
        let mut honorific = false;
        // a title ending just before the run: "spokeswoman Mariana Betsa", or in apposition:
        // "Russia's chief negotiator, Vladimir Medinsky"
        // after an organization, capitalized words are as often more of its
        // name ("president of Sony Computer Entertainment"): a known given name
        // must open the person's
        let given_name_first = self.name_words.classes_of(&text[run[0].start..run[0].end]) & GIVEN_NAME != 0;
        let mut title = title_before(text, s.start, run[0].start, title_spans).or_else(|| {
            given_name_first
                .then(|| title_before_office(text, run[0].start, title_spans, doc))
                .flatten()
        });
        // a title with lower-case words that ends inside the run: "Secretary of State John Kerry"
        // and an abbreviated title at the run's start, whose period the run skipped: "Sen. John Smith"
        let abbreviated =
            |a: usize, b: usize| a == run[0].start && text[a..b].ends_with('.') && run.iter().any(|t| t.end + 1 == b);
        if let Some(&(a, b)) = title_spans.iter().find(|&&(a, b)| {
            (a < run[0].start && run[0].start < b && run.iter().any(|t| t.end == b)) || abbreviated(a, b)
        }) {
            title = Some((a, b, text[a..b].to_string()));
            while k < run.len() && run[k].start < b {
                k += 1;
            }
        }
        loop {
            if k >= run.len() {
                break;
            }
            let tok = &text[run[k].start..run[k].end];
            if let Some(&(a, b)) = title_spans.iter().find(|&&(a, b)| {
                a == run[k].start && b <= run[run.len() - 1].end && run[k..].iter().any(|t| t.end == b)
            }) {
                let mut start = a;
                if let Some((ta, _, _)) = &title {
                    if text[*ta..a].trim().is_empty() || text[..a].trim_end().len() + 1 >= a && *ta < a {
                        start = *ta;
                    }
                }
                title = Some((start, b, text[start..b].to_string()));
                while k < run.len() && run[k].start < b {
                    k += 1;
                }
                continue;
            }
            // "Tory Liam Fox", "Lib Dem Mark Oaten": a party's form before a given name
            // is no part of the name (`party_mentions` links the member to the party)
            if let Some(after_form) = self.party_form_at(text, &run[k..]) {
                k += after_form;
                continue;
            }
            let classes = self.name_words.classes_of(tok);
            // "Gen." and "Gen" for the honorific "Gen.", "Mr." for "Mr"
            let bare = tok.trim_end_matches('.');
            let bare_classes = match bare.len() == tok.len() {
                true => classes,
                false => self.name_words.classes_of(bare),
            };
            if classes & HONORIFIC != 0 || bare_classes & (HONORIFIC | DOTTED_HONORIFIC) != 0 {
                honorific = true;
                k += 1;
                continue;
            }
            // "Foreign Ministry": a word that is no name opens an organization's
            let last = strip_possessive(&text[run[run.len() - 1].start..run[run.len() - 1].end]);
            let opens_org =
                run.len() - k >= 2 && classes & ORG_MODIFIER != 0 && self.name_words.classes_of(last) & ORG_HEAD != 0;
            if classes & NON_NAME != 0
                && title.is_none()
                && !honorific
                && !opens_org
                && !(run.len() - k == 1 && self.head_with_name_tail(text, run[k].start, run[k].end))
            {
                k += 1;
                continue;
            }
            // capitalized words that qualify a title later in the run, with a name after it:
            // "External Trade Commissioner Willy De Clercq", also right after another title
            // ("Deputy | Emergency Relief Coordinator Ursula Mueller")
            let title_just_before = title
                .as_ref()
                .is_none_or(|(_, tb, _)| *tb <= run[k].start && text[*tb..run[k].start].trim().is_empty());
            if title_just_before && !honorific {
                if let Some((_, b)) = self.qualified_title(text, &run[k..], title_spans) {
                    let start = title.as_ref().map_or(run[k].start, |(ta, _, _)| *ta);
                    title = Some((start, b, text[start..b].to_string()));
                    while k < run.len() && run[k].start < b {
                        k += 1;
                    }
                    continue;
                }
            }
            break;
        }
        (k, title, honorific)
    }

    /// How many tokens of `run` a party's form (`party_adjectives.tsv`)
    /// takes up at its start, where a known given name follows it: "Tory |
    /// Liam Fox", "Lib Dem | Mark Oaten".
    fn party_form_at(&self, text: &str, run: &[Token]) -> Option<usize> {
        let rest = &text[run.first()?.start..];
        // most words start with no party form's first letter: skip them before comparing
        if !self.party_first_bytes[usize::from(*rest.as_bytes().first()?)] {
            return None;
        }
        let (form, _) = self
            .lexicon
            .party_adjectives
            .iter()
            .find(|(form, _)| rest.starts_with(form.as_str()))?;
        let end = run[0].start + form.len();
        let tokens = run.iter().position(|t| t.end == end)? + 1;
        let next = run.get(tokens)?;
        self.lexicon
            .given_names
            .contains(&text[next.start..next.end])
            .then_some(tokens)
    }

    /// Whether the one word at `start..end` is an organization's head word
    /// after "the", with a capitalized tail that names it: "the Commission
    /// for Africa", "the Court of Appeal"; not "the Council on Friday",
    /// whose tail is no name.
    fn head_with_name_tail(&self, text: &str, start: usize, end: usize) -> bool {
        self.name_words.classes_of(&text[start..end]) & ORG_HEAD != 0
            && text[..start].to_ascii_lowercase().ends_with("the ")
            && self.org_name_end(text, end) > end
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn classify_run(
        &self,
        text: &str,
        s: &Sentence,
        si: usize,
        run: &[Token],
        title_spans: &[(usize, usize)],
        out: &mut Vec<NameCandidate>,
        doc: &mut DocEntities,
    ) {
        let (k, mut title, honorific) = self.name_start(text, s, run, title_spans, doc);
        let mut name = &run[k..];
        // "Kenyan Envoy Peter Otieno Visits Norway": a headline's verb ends the name
        let headline_verb = |word: &str| self.name_words.classes_of(word) & HEADLINE_VERB != 0;
        while let [rest @ .., last] = name {
            if rest.is_empty() || !headline_verb(&text[last.start..last.end]) {
                break;
            }
            name = rest;
        }
        if name.is_empty() {
            return;
        }
        // borrowed: most runs are let go below, and only a candidate keeps its words
        let mut words: Vec<&str> = name.iter().map(|t| strip_possessive(&text[t.start..t.end])).collect();
        // "Dalai Lama Envoy Visits China", "Minister Urges Calm": after a title, a
        // word that is never a name (a headline's verb) opens no name
        if title.is_some() && headline_verb(words[0]) {
            return;
        }
        // "Deputy Secretary of State John Whitehead": a title read as the name
        // after another ("Deputy | Secretary") is the rest of the title
        if title.is_some() && words.len() == 1 && self.title_by_lower.contains_key(&words[0].to_lowercase()) {
            return;
        }
        let end = name[name.len() - 1].start + words[words.len() - 1].len();
        let start = name[0].start;
        let given = self.name_words.classes_of(words[0]) & GIVEN_NAME != 0;
        let last_classes = self.name_words.classes_of(words[words.len() - 1]);
        // "Filip Sebek, the spokesman for ...": a name in subject position, not after "on"/"of"
        let governed =
            previous_word(text, start).is_some_and(|w| matches!(w.as_ref(), "on" | "of" | "for" | "the" | "in" | "at"));
        // "the Marshall Plan", "Wembley Stadium": a name ending with a thing's head word names
        // no one, even before an apposed title ("the Ocean Summit, the chairman of ...", where
        // the title is the next clause's subject), unless a given name opens it ("John
        // Street, the mayor")
        let thing = !honorific && words.len() >= 2 && last_classes & THING_HEAD != 0;
        if thing && title.is_none() && !given {
            return;
        }
        if title.is_none() && !honorific && words.len() >= 2 && words.len() <= 4 && !governed {
            title = title_after(text, end, title_spans);
        }
        if thing && title.is_none() {
            return;
        }
        // "a director at analyst Gartner": an occupation written in lower case after "at" or
        // "from", with one word after it, is what the firm does, not a person's title
        if let Some((ta, tb, _)) = &title {
            let occupation = text[*ta..*tb].starts_with(char::is_lowercase)
                && previous_word(text, *ta).is_some_and(|w| w == "at" || w == "from");
            if occupation && words.len() == 1 && !honorific {
                return;
            }
        }
        // organization by head word: "Libertarian Institute", "Boundary Commission"
        // a word inside that is no name and opens none ("No Distribution Outside Department") spoils it
        let spoilt = words[1..].iter().any(|w| {
            let classes = self.name_words.classes_of(w);
            classes & NON_NAME != 0 && classes & (ORG_MODIFIER | ORG_HEAD) == 0
        });
        if (words.len() >= 2 || self.head_with_name_tail(text, start, end))
            && last_classes & ORG_HEAD != 0
            && title.is_none()
            && !honorific
            && !spoilt
        {
            self.org_by_head_word(text, si, start, end, doc);
            return;
        }
        if words.iter().any(|w| self.name_words.classes_of(w) & ORG_HEAD != 0) {
            return;
        }
        let sentence_initial = text[s.start..start].trim().is_empty();
        if sentence_initial && words.len() == 1 && title.is_none() && !honorific && !given {
            // a lone capitalized word opening a sentence: keep only if it turns out to be a known surname
            out.push(NameCandidate {
                start,
                end,
                tokens: words.iter().map(|w| w.to_string()).collect(),
                title: None,
                honorific: false,
                given: false,
                sentence: si,
                known: None,
            });
            return;
        }
        words.retain(|w| !w.is_empty());
        out.push(NameCandidate {
            start,
            end,
            tokens: words.iter().map(|w| w.to_string()).collect(),
            title,
            honorific,
            given,
            sentence: si,
            known: None,
        });
    }
}

pub(super) fn is_cap_token(t: &str) -> bool {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => t.chars().any(char::is_lowercase) || t.len() <= 2,
        _ => false,
    }
}

pub(super) fn strip_possessive(t: &str) -> &str {
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("\u{2019}s"))
        .unwrap_or(t)
}

/// A title ending right before a name ("spokeswoman Mariana Betsa"), or in
/// apposition after a determiner or possessive ("Russia's chief negotiator,
/// Vladimir Medinsky"), where the title may take a named complement
/// ("Kenya's ambassador to the United States, Peter Otieno", "Spain's
/// director general for Europe, Jose Maria Pons").
pub(super) fn title_before(
    text: &str,
    sentence_start: usize,
    name_start: usize,
    spans: &[(usize, usize)],
) -> Option<(usize, usize, String)> {
    spans
        .iter()
        .filter(|&&(_, b)| b <= name_start)
        .find(|&&(_, b)| {
            let gap = &text[b..name_start];
            gap == " "
                || gloss(gap)
                || (gap == ", " || named_complement(gap)) && apposition_allowed(text, sentence_start, b)
        })
        .map(|&(a, b)| (a, b, text[a..b].to_string()))
}

/// How many words a gloss in parentheses between a title and a name may
/// have: "Taoiseach | (Irish PM) | Micheal Martin".
const GLOSS_WORDS: usize = 4;

/// Whether `gap`, between a title and a name, is a short gloss of the title
/// in parentheses: " (Irish PM) ", " (prime minister) ".
pub(super) fn gloss(gap: &str) -> bool {
    gap.strip_prefix(" (")
        .and_then(|g| g.strip_suffix(") "))
        .is_some_and(|inner| !inner.contains(['(', ')']) && inner.split_whitespace().count() <= GLOSS_WORDS)
}

/// How many words a title's named complement may have: "to | the United
/// Nations Security Council".
const TITLE_COMPLEMENT_WORDS: usize = 6;

/// How many lower-case words may name the field of an office after "of":
/// "head of | foreign policy | in Britain".
const OFFICE_FIELD_WORDS: usize = 2;

/// Whether `gap`, between a title and a name, is a complement naming where
/// or what the office is for, then the comma of the apposition: " to the
/// United States, ", " for Europe, ", " of policy in Britain, ", " of
/// HIV/Aids in Britain, ". After the preposition come only "the", "of",
/// "and", "in" and capitalized words; after "of", first up to
/// [`OFFICE_FIELD_WORDS`] lower-case words naming the office's field.
fn named_complement(gap: &str) -> bool {
    let Some(inner) = gap.strip_suffix(", ") else {
        return false;
    };
    let Some((preposition, named)) = [" to ", " for ", " in ", " at ", " of "]
        .iter()
        .find_map(|p| inner.strip_prefix(p).map(|rest| (*p, rest)))
    else {
        return false;
    };
    let words: Vec<&str> = named.split(' ').collect();
    let field = if preposition == " of " {
        words
            .iter()
            .take(OFFICE_FIELD_WORDS)
            .take_while(|w| **w != "the" && w.chars().all(|c| c.is_lowercase() || c == '-'))
            .count()
    } else {
        0
    };
    let rest = &words[field..];
    // "head of policy in Britain": after the field, a place or body; the field alone ends it
    let named: Vec<&str> = match rest.first() {
        _ if rest.is_empty() => return field > 0 && words.len() <= TITLE_COMPLEMENT_WORDS,
        Some(&"in" | &"for" | &"at") if field > 0 => rest[1..].to_vec(),
        _ if field > 0 => return false,
        _ => rest.to_vec(),
    };
    let named = if named.first() == Some(&"the") {
        &named[1..]
    } else {
        &named[..]
    };
    words.len() <= TITLE_COMPLEMENT_WORDS
        && named.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && named
            .iter()
            .all(|w| matches!(*w, "of" | "and" | "the" | "in") || w.starts_with(char::is_uppercase) && !w.contains(','))
}

/// A title, then the state or organization it is an office of, right before
/// a name: "Governor of the Bank of England Robin Leigh-Pemberton",
/// "Chairman Pakistan People's Party Bilawal Bhutto". Whom the holder acts
/// for is read from the same words ([`office_named_before`]).
fn title_before_office(
    text: &str,
    name_start: usize,
    spans: &[(usize, usize)],
    doc: &DocEntities,
) -> Option<(usize, usize, String)> {
    let office = office_named_before(text, name_start, doc)?;
    let lead = &text[..office.start];
    // without "of", the words after an organization's name are as often more
    // of that name ("chief executive Fiat Auto")
    let lead = ["of the ", "of "]
        .iter()
        .find_map(|p| lead.strip_suffix(p).and_then(|l| l.strip_suffix(' ')))?;
    spans
        .iter()
        .find(|&&(_, b)| b == lead.len())
        .map(|&(a, b)| (a, b, text[a..b].to_string()))
}

/// The state or organization named (by name, not adjective) right before
/// the name at `name_start`, one space between them.
pub(super) fn office_named_before<'d>(text: &str, name_start: usize, doc: &'d DocEntities) -> Option<&'d Found> {
    doc.found.iter().find(|f| {
        f.end < name_start
            && &text[f.end..name_start] == " "
            && f.role == Role::Name
            && matches!(
                doc.entities[f.entity].kind,
                EntityKind::State | EntityKind::Organization
            )
    })
}

/// A title in apposition after a name: "Filip Sebek, the spokesman for ...".
pub(super) fn title_after(text: &str, name_end: usize, spans: &[(usize, usize)]) -> Option<(usize, usize, String)> {
    let rest = &text[name_end..];
    let gap_ok = |gap: &str| {
        let Some(g) = gap.strip_prefix(", ") else { return false };
        let words: Vec<&str> = g.split_whitespace().collect();
        words.len() <= 3
            && !g.contains(',')
            && words.first().is_none_or(|w| {
                matches!(*w, "the" | "a" | "an" | "its" | "their" | "his" | "her")
                    || w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    spans
        .iter()
        .filter(|&&(a, _)| a > name_end && a - name_end <= 40)
        .find(|&&(a, _)| gap_ok(&rest[..a - name_end]))
        .map(|&(a, b)| (a, b, text[a..b].to_string()))
}

/// Whether the text before a title allows an apposition "title, Name":
/// a determiner or a possessive introduces the title.
pub(super) fn apposition_allowed(text: &str, sentence_start: usize, title_end: usize) -> bool {
    let before = &text[sentence_start..title_end];
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    words.iter().skip(1).any(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "the" | "his" | "her" | "its" | "their") || w.ends_with("'s") || w.ends_with("\u{2019}s")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    fn rules() -> EntityRules {
        EntityRules::compile(Lexicon::load().expect("embedded lexicon loads")).expect("rules compile")
    }

    #[test]
    fn a_named_complement_names_where_or_what_an_office_is_for() {
        for gap in [
            " to the United States, ",
            " for Europe, ",
            " of policy, ",
            " of trade policy in Geneva, ",
            " of HIV/Aids in Britain, ",
            " of the Interior, ",
        ] {
            assert!(named_complement(gap), "{gap:?}");
        }
        // no comma closing it, or a field that runs on
        for gap in [
            " to the United States ",
            " of policy and trade, ",
            " of a few weeks ago, ",
        ] {
            assert!(!named_complement(gap), "{gap:?}");
        }
    }

    fn titles_in(rules: &EntityRules, text: &str) -> Vec<String> {
        rules
            .title_spans(text, 0, text.len())
            .into_iter()
            .map(|(start, end)| text[start..end].to_string())
            .collect()
    }

    #[test]
    fn titles_are_whole_words_in_any_case_the_longest_first() {
        let rules = rules();
        assert_eq!(
            titles_in(
                &rules,
                "Vice President Ana Lee met the PRIME MINISTER and the foreign minister."
            ),
            ["Vice President", "PRIME MINISTER", "foreign minister"]
        );
        // a title followed by more letters is no title: "presidential", "ministerial"
        assert!(titles_in(&rules, "presidential ministerial").is_empty());
    }

    /// A title that begins inside a word ("vice president" in "service
    /// president") must not hide the title that begins at a word start.
    #[test]
    fn a_title_inside_a_word_does_not_hide_the_next_one() {
        let rules = rules();
        assert_eq!(titles_in(&rules, "the civil service president said"), ["president"]);
    }
}
