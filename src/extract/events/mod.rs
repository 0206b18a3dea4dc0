//! Event rules: one module per kind of event, all reading one sentence at a time.
//!
//! Each sentence is matched against the trigger rules of `rules/events.tsv`
//! (each rule's regex tried only where its words begin, see [`starts`]); the rule module of each
//! kind that fired then reads the event's agents, topic, status and date from
//! the entity mentions around the trigger ([`syntax`] holds the shared
//! reading: subjects, objects, clauses, pronouns). Rules prefer to miss rather
//! than guess: an event without an agent is dropped, a date only comes from
//! the event's own sentence, and a negated or hypothetical trigger gives
//! nothing.
//!
//! A kind of event is declared once, in `crate::kinds`; its rule module here
//! is a function from a [`SentenceContext`] to events, called from
//! [`EventRules::events`]. Rule kinds in the data file are parsed into
//! [`RuleKind`] when the rules load, so a misspelt kind is an error naming
//! the line, not a rule that never fires.

mod agreement;
mod claim;
mod demand;
mod meeting;
mod merge;
mod referents;
mod rule_kind;
mod starts;
mod statement;
mod syntax;
mod threat;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use regex::{Regex, RegexBuilder};

use crate::error::ParleyError;
use crate::extract::clauses::{FunctionWords, SentenceSyntax, WordClass};
use crate::extract::dates::{self, Tense};
use crate::extract::entities::{DocEntities, Found};
use crate::extract::lexicon::{EventRule, Lexicon, EVENTS, TOPICS};
use crate::extract::model::{EntityKey, Event, EventClass, Evidence, Topic};
use crate::extract::sentences::Sentence;
use crate::extract::word_lists::word_lists;
pub use rule_kind::{RuleKind, TriggerSense};
use syntax::View;

/// The compiled event rules.
pub struct EventRules {
    pub rules: Vec<EventRule>,
    /// Each rule's kind, parsed.
    kinds: Vec<RuleKind>,
    /// The rules of each kind, in rule order, by kind in order of first
    /// appearance: rule modules ask for a kind's rules many times a
    /// sentence, and filtering every rule's kind each time added up.
    rules_by_kind: Vec<(RuleKind, Vec<usize>)>,
    /// Where each rule's matches may begin, found for all rules in one pass
    /// over a sentence: its regex runs only there.
    starts: starts::RuleStarts,
    /// The trigger rules, in rule order.
    trigger_rules: Vec<usize>,
    /// Modifier rules (status, negation, vetoes...) with a long bounded gap
    /// (`.{0,140}`): they count as matched only where another rule matched
    /// the sentence, and then only in `cue`'s window (see
    /// `SentenceContext::modifier_matches`).
    gapped_rules: Vec<usize>,
    regexes: Vec<RuleRegex>,
    /// The named groups of each rule's pattern, as (group index, sense).
    senses: Vec<Vec<(usize, TriggerSense)>>,
    topics: AhoCorasick,
    topic_of_pattern: Vec<(Topic, bool)>,
    /// The closed-class words the clause layer reads.
    function_words: FunctionWords,
    /// Phrases naming the two sides of a story.
    pair_phrases: Vec<String>,
    /// Nouns that name a deal.
    deal_nouns: Vec<String>,
    /// Words of travel before "to" and a destination.
    motion_verbs: rustc_hash::FxHashSet<String>,
    /// Keys of the organizations whose members are states (`organizations.tsv`
    /// kinds `intergovernmental` and `alliance`): "the G8 agreed" is an
    /// agreement among its members.
    multilateral_orgs: rustc_hash::FxHashSet<String>,
    /// Nouns for people who act for a state or body (`actor_nouns.tsv` and
    /// `member_nouns.txt`): "officials from Kenya" take part for Kenya,
    /// "refugees from Colombia" do not.
    acting_nouns: rustc_hash::FxHashSet<String>,
}

/// The senses a rule's named groups give its triggers; a name that is no
/// sense, or a named group in a rule that is no trigger, is an error.
fn trigger_senses(regex: &RuleRegex, kind: RuleKind) -> Result<Vec<(usize, TriggerSense)>, String> {
    regex
        .group_info()
        .pattern_names(regex_automata::PatternID::ZERO)
        .enumerate()
        .filter_map(|(index, name)| name.map(|name| (index, name)))
        .map(|(index, name)| match (TriggerSense::parse(name), kind) {
            (Some(sense), RuleKind::Trigger(_)) => Ok((index, sense)),
            (Some(_), _) => Err(format!("group `{name}` in a rule that is no trigger")),
            (None, _) => Err(format!("unknown group `{name}` (known: cooperation, offer, joint)")),
        })
        .collect()
}

/// Room for each lazy DFA's state cache. The trigger rules have bounded
/// repetitions (`.{0,140}`) that make many DFA states; with regex's default
/// (2 MiB) the cache filled and was rebuilt over and over, and building
/// states took a third of extraction time.
const DFA_CACHE_BYTES: usize = 64 << 20;

/// One rule's own regex: the same engine the `regex` crate wraps, with the
/// same settings (case-insensitive, Unicode, leftmost-first), but without the
/// literal prefilters that `regex` looks for when it compiles: a
/// case-insensitive rule has none worth having, and looking for them (prefix,
/// suffix and inner literals) cost more start-up than compiling the rule.
type RuleRegex = regex_automata::meta::Regex;

/// None for a pattern that does not compile (the caller reports why).
fn rule_regex(pattern: &str) -> Option<RuleRegex> {
    use regex_automata::{meta, util::syntax, MatchKind};
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(10 << 20))
                .hybrid_cache_capacity(DFA_CACHE_BYTES)
                .auto_prefilter(false),
        )
        .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
        .build(pattern)
        .ok()
}

impl EventRules {
    pub fn compile(lexicon: &Lexicon) -> Result<EventRules, ParleyError> {
        let bad = |line: usize, message: String| ParleyError::Lexicon {
            file: EVENTS.path.to_string(),
            line,
            message,
        };
        // a space in a pattern matches any run of white space, line breaks
        // included: wire copy wraps lines anywhere ("have reached\nbroad agreement")
        let patterns: Vec<String> = lexicon
            .event_rules
            .iter()
            .map(|r| r.pattern.replace(' ', r"\s+"))
            .collect();
        let kinds = lexicon
            .event_rules
            .iter()
            .map(|r| {
                match RuleKind::parse(&r.kind) {
                    // the claim rule reads one trigger and no veto: a `not-claim`
                    // rule would load and never act
                    Some(RuleKind::Veto(EventClass::Claim)) => Err(bad(
                        r.line,
                        format!("rule {}: no module reads `{}` rules", r.id, r.kind),
                    )),
                    Some(kind) => Ok(kind),
                    None => Err(bad(r.line, format!("rule {}: unknown kind `{}`", r.id, r.kind))),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let long_gap = Regex::new(r"\.\{\d*,\d{3,}\}\??").expect("valid regex");
        let gapped_rules: Vec<usize> = (0..patterns.len())
            .filter(|&i| !matches!(kinds[i], RuleKind::Trigger(_)) && long_gap.is_match(&patterns[i]))
            .collect();
        let trigger_rules: Vec<usize> = (0..patterns.len())
            .filter(|&i| matches!(kinds[i], RuleKind::Trigger(_)))
            .collect();
        // each rule on its own first, so that a bad pattern is reported with its line
        let regexes = lexicon
            .event_rules
            .iter()
            .zip(&patterns)
            .map(|(r, p)| {
                rule_regex(p).ok_or_else(|| {
                    // the regex crate's message, which quotes the pattern
                    let e = RegexBuilder::new(p).case_insensitive(true).build().err();
                    bad(
                        r.line,
                        format!("rule {}: {}", r.id, e.map_or_else(String::new, |e| e.to_string())),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let senses = lexicon
            .event_rules
            .iter()
            .zip(&regexes)
            .zip(&kinds)
            .map(|((r, regex), kind)| {
                trigger_senses(regex, *kind).map_err(|message| bad(r.line, format!("rule {}: {message}", r.id)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let written: Vec<&str> = lexicon.event_rules.iter().map(|r| r.pattern.as_str()).collect();
        let starts = starts::RuleStarts::new(&written);
        let mut forms = Vec::new();
        let mut topic_of_pattern = Vec::new();
        for (topic, keywords) in &lexicon.topics {
            for k in keywords {
                let prefix = k.ends_with('*');
                forms.push(k.trim_end_matches('*').to_string());
                topic_of_pattern.push((*topic, prefix));
            }
        }
        let topics = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .map_err(|e| ParleyError::Lexicon {
                file: TOPICS.path.to_string(),
                line: 0,
                message: e.to_string(),
            })?;
        let mut rules_by_kind: Vec<(RuleKind, Vec<usize>)> = Vec::new();
        for (i, &kind) in kinds.iter().enumerate() {
            match rules_by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, rules)) => rules.push(i),
                None => rules_by_kind.push((kind, vec![i])),
            }
        }
        Ok(EventRules {
            rules: lexicon.event_rules.clone(),
            kinds,
            rules_by_kind,
            starts,
            trigger_rules,
            gapped_rules,
            regexes,
            senses,
            topics,
            topic_of_pattern,
            function_words: FunctionWords::new(lexicon.function_words.iter().cloned()),
            pair_phrases: lexicon.pair_phrases.clone(),
            deal_nouns: lexicon.deal_nouns.clone(),
            motion_verbs: lexicon.motion_verbs.iter().cloned().collect(),
            multilateral_orgs: lexicon
                .orgs
                .iter()
                .filter(|o| matches!(o.kind.as_str(), "intergovernmental" | "alliance"))
                .map(|o| o.key.clone())
                .collect(),
            acting_nouns: lexicon
                .actor_nouns
                .keys()
                .cloned()
                .chain(crate::extract::word_lists::word_lists().member_nouns.iter().cloned())
                .collect(),
        })
    }

    /// Ids of the rules whose pattern matches `sentence` (for rule tests and `explain`).
    pub fn matching_rules(&self, sentence: &str) -> Vec<&str> {
        self.matches(sentence)
            .into_iter()
            .map(|i| self.rules[i].id.as_str())
            .collect()
    }

    /// Indices of the rules that match `sentence`, in rule order; rules with
    /// long gaps only where another rule matched (see `gapped_rules`).
    fn matches(&self, sentence: &str) -> Vec<usize> {
        let mut matched = self.trigger_matches(sentence);
        matched.extend(
            (0..self.rules.len())
                .filter(|&i| self.is_ungapped_modifier(i))
                .filter(|&i| self.regexes[i].is_match(sentence)),
        );
        if !matched.is_empty() {
            matched.extend(
                self.gapped_rules
                    .iter()
                    .copied()
                    .filter(|&i| self.regexes[i].is_match(sentence)),
            );
        }
        matched.sort_unstable();
        matched
    }

    /// Indices of the trigger rules that match `sentence`, in rule order.
    fn trigger_matches(&self, sentence: &str) -> Vec<usize> {
        self.trigger_rules
            .iter()
            .copied()
            .filter(|&i| self.regexes[i].is_match(sentence))
            .collect()
    }

    /// Whether rule `i` is a modifier (not a trigger) without a long gap.
    fn is_ungapped_modifier(&self, i: usize) -> bool {
        !matches!(self.kinds[i], RuleKind::Trigger(_)) && !self.gapped_rules.contains(&i)
    }

    /// Topics named in `text`, in order, without repeats.
    pub fn topics_in(&self, text: &str) -> Vec<Topic> {
        let mut out = Vec::new();
        for m in self.topics.find_iter(text) {
            let (topic, prefix) = self.topic_of_pattern[m.pattern().as_usize()];
            let before_ok = !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = prefix || !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            if before_ok && after_ok && !out.contains(&topic) {
                out.push(topic);
            }
        }
        out
    }

    /// Reads every event of a document: each sentence's events by kind, then
    /// meetings and agreements told more than once merged into one.
    pub fn events(
        &self,
        text: &str,
        sentences: &[Sentence],
        doc: &DocEntities,
        doc_date: Option<NaiveDate>,
    ) -> Vec<Event> {
        let doc_starts = self.starts.of_document(text, sentences);
        let unnamed_subjects = vec![std::cell::OnceCell::new(); sentences.len()];
        let contexts = self.sentence_contexts(text, sentences, doc, doc_date, &doc_starts, &unnamed_subjects);
        // Statements of every sentence first, then the other kinds sentence by
        // sentence. Statements read no event but earlier statements (the
        // running speaker of a "he said"), and nearly every news sentence has
        // a speech verb, so their rule code, the largest, runs once per
        // document without the other kinds' code pushing it out of the
        // instruction cache in between (speed pass 12). The events keep
        // their order: a sentence's statements, then its other events.
        let mut statements: Vec<Event> = Vec::new();
        // each sentence's number of statements and its speaker
        let read: Vec<(usize, Option<usize>)> = contexts
            .iter()
            .map(|cx| {
                let before = statements.len();
                let speaker = statement::read(cx, &mut statements);
                (statements.len() - before, speaker)
            })
            .collect();
        let mut statements = statements.into_iter();
        let mut events: Vec<Event> = Vec::new();
        let mut meetings: Vec<Event> = Vec::new();
        for (cx, &(count, speaker)) in contexts.iter().zip(&read) {
            events.extend(statements.by_ref().take(count));
            let demanded = demand::read(cx, speaker, &mut events);
            agreement::read(cx, speaker, &meetings, &mut events);
            claim::read(cx, &mut events);
            threat::read(cx, &mut events);
            meeting::read(cx, demanded.as_ref(), &events, &mut meetings);
        }
        events.extend(merge::meetings(meetings, doc));
        statement::quotes_across_sentences(self, text, sentences, &mut events);
        merge::agreements(events, doc)
    }

    /// The context of each sentence that holds a trigger, in order; a
    /// headline, or a sentence without a trigger, gives nothing and has none.
    fn sentence_contexts<'a>(
        &'a self,
        text: &'a str,
        sentences: &'a [Sentence],
        doc: &'a DocEntities,
        doc_date: Option<NaiveDate>,
        doc_starts: &'a starts::DocStarts,
        unnamed_subjects: &'a [std::cell::OnceCell<Option<referents::UnnamedSubject>>],
    ) -> Vec<SentenceContext<'a>> {
        // each sentence's mentions, grouped once (a filter over the whole
        // document per sentence made long documents quadratic)
        let mut by_sentence: Vec<Vec<&Found>> = vec![Vec::new(); sentences.len()];
        for f in &doc.found {
            if let Some(group) = by_sentence.get_mut(f.sentence) {
                group.push(f);
            }
        }
        let mut contexts = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            if s.headline {
                continue;
            }
            let starts = doc_starts.sentence(si);
            // every rule module starts from a trigger: a sentence without one
            // gives nothing, and its modifiers are never tried
            let body = &text[s.start..s.end];
            let triggered: Vec<usize> = self
                .trigger_rules
                .iter()
                .copied()
                .filter(|&i| {
                    self.starts
                        .is_match(i, &self.regexes[i], &starts, (body, s.start, true))
                })
                .collect();
            if triggered.is_empty() {
                continue;
            }
            let found = std::mem::take(&mut by_sentence[si]);
            let agents = found.iter().copied().filter(|f| syntax::is_agent(f, doc)).collect();
            let view = View {
                text,
                start: s.start,
                end: s.end,
                found,
                agents,
                acting_nouns: &self.acting_nouns,
            };
            contexts.push(SentenceContext {
                rules: self,
                text,
                sentences,
                doc,
                si,
                view,
                syntax: std::cell::OnceCell::new(),
                triggered,
                starts,
                modifier_matched: vec![std::cell::OnceCell::new(); self.rules.len()],
                unnamed_subjects,
                doc_date,
            });
        }
        contexts
    }

    /// Index of the first rule of `kind`.
    fn first_of(&self, kind: RuleKind) -> Option<usize> {
        self.kinds.iter().position(|k| *k == kind)
    }
}

/// One sentence being read for events: the rules that matched it and what
/// every rule module needs around it.
pub(super) struct SentenceContext<'a> {
    rules: &'a EventRules,
    text: &'a str,
    sentences: &'a [Sentence],
    doc: &'a DocEntities,
    /// Index of the sentence.
    si: usize,
    view: View<'a>,
    /// Words and clauses of the sentence, read once, when a rule first asks
    /// (most sentences with a trigger are read by rules that need none).
    syntax: std::cell::OnceCell<SentenceSyntax>,
    /// Trigger rules that matched, in rule order.
    triggered: Vec<usize>,
    /// Where each rule's matches may begin in the sentence.
    starts: starts::SentenceStarts<'a>,
    /// Whether each modifier rule matches the sentence, tried when a rule
    /// module first asks (see `modifier_matches`).
    modifier_matched: Vec<std::cell::OnceCell<bool>>,
    /// Each sentence's [`referents::unnamed_subject`], read once for the document:
    /// every pronoun's referent is looked for back through the same sentences.
    unnamed_subjects: &'a [std::cell::OnceCell<Option<referents::UnnamedSubject>>],
    doc_date: Option<NaiveDate>,
}

/// What a demand in the sentence asks for: the byte span of its object and
/// who demands it. A meeting inside it is proposed, not held.
pub(super) struct Demanded {
    start: usize,
    end: usize,
    by: std::collections::BTreeSet<usize>,
    /// Of whom it is demanded.
    of: std::collections::BTreeSet<usize>,
}

impl<'a> SentenceContext<'a> {
    /// The clause layer's reading of the sentence.
    fn syntax(&self) -> &SentenceSyntax {
        self.syntax.get_or_init(|| {
            let (text, sentence, words) = (self.text, self.sentence(), &self.rules.function_words);
            match self.doc.sentence_tokens.get(self.si) {
                Some(Some(tokens)) => SentenceSyntax::from_tokens(text, sentence, tokens, words),
                _ => SentenceSyntax::new(text, sentence, words),
            }
        })
    }

    fn sentence(&self) -> &'a Sentence {
        &self.sentences[self.si]
    }

    fn unnamed_subject(&self, si: usize) -> Option<referents::UnnamedSubject> {
        *self.unnamed_subjects[si].get_or_init(|| referents::unnamed_subject(self.text, self.doc, self.sentences, si))
    }

    fn body(&self) -> &'a str {
        self.view.body()
    }

    fn kind(&self, rule: usize) -> RuleKind {
        self.rules.kinds[rule]
    }

    /// The first matched rule of `kind`.
    fn rule_of(&self, kind: RuleKind) -> Option<usize> {
        self.matched_of(kind).next()
    }

    /// Whether modifier rule `rule` matches the sentence. Modifiers are
    /// tried only in sentences with a trigger, each on its own and only when
    /// a rule module asks: most sentences with a trigger are statements,
    /// which consult none, and a set of every rule made the one pass over
    /// every sentence several times slower (its lazy DFA built states for
    /// the modifiers' `\w+` and bounded gaps crossed with the triggers'
    /// words). Rules with long gaps never count here (see `gapped_rules`).
    fn modifier_matches(&self, rule: usize) -> bool {
        *self.modifier_matched[rule].get_or_init(|| {
            self.rules.is_ungapped_modifier(rule) && self.is_match_in(rule, self.sentence().start, self.sentence().end)
        })
    }

    /// The rules of `kind` that match the sentence, in rule order (gapped
    /// rules left out).
    fn matched_of(&self, kind: RuleKind) -> impl Iterator<Item = usize> + '_ {
        self.rules_of(kind).filter(|&i| self.rule_matches(i))
    }

    /// Every rule of `kind`, matched or not, in rule order.
    fn rules_of(&self, kind: RuleKind) -> impl Iterator<Item = usize> + '_ {
        let by_kind = &self.rules.rules_by_kind;
        let rules = by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[][..], |(_, rules)| rules);
        rules.iter().copied()
    }

    /// Whether `rule` matches the sentence (a gapped rule never counts).
    fn rule_matches(&self, rule: usize) -> bool {
        match self.kind(rule) {
            RuleKind::Trigger(_) => self.triggered.contains(&rule),
            _ => self.modifier_matches(rule),
        }
    }

    /// The sentence as the evidence of an event found by `rule`.
    fn evidence(&self, rule: usize) -> Evidence {
        let s = self.sentence();
        Evidence {
            start: s.start,
            end: s.end,
            text: self.body().to_string(),
            rule: self.rules.rules[rule].id.clone(),
        }
    }

    /// Byte span of the first match of `rule` in the sentence.
    fn trigger_at(&self, rule: usize) -> Option<(usize, usize)> {
        let rules = self.rules;
        rules.starts.first(
            rule,
            &rules.regexes[rule],
            &self.starts,
            self.body(),
            self.sentence().start,
        )
    }

    /// Whether `rule` matches `text[from..to]`, a span of the sentence, taken
    /// as the whole haystack (its edges are word boundaries).
    fn is_match_in(&self, rule: usize, from: usize, to: usize) -> bool {
        let rules = self.rules;
        let hay = &self.text[from..to];
        // starts inside a word were left out for the sentence, where no
        // `\b` stands before them; a span from inside a word has one
        let inside_word = |at: usize| at > 0 && starts::is_ascii_word(self.text.as_bytes()[at - 1]);
        if from < self.sentence().start
            || to > self.sentence().end
            || (from > self.sentence().start && inside_word(from))
        {
            return rules.regexes[rule].is_match(hay);
        }
        let whole = from == self.sentence().start && to == self.sentence().end;
        rules
            .starts
            .is_match(rule, &rules.regexes[rule], &self.starts, (hay, from, whole))
    }

    /// Every match of `rule` in the sentence, as `find_iter` gives them.
    fn matches_of(&self, rule: usize) -> Vec<(usize, usize)> {
        let rules = self.rules;
        rules.starts.find_iter(
            rule,
            &rules.regexes[rule],
            &self.starts,
            self.body(),
            self.sentence().start,
        )
    }

    /// The sense of the trigger of `rule` that starts at `ts`: the named
    /// group of the rule's pattern its words matched, if any.
    fn trigger_sense(&self, rule: usize, ts: usize) -> Option<TriggerSense> {
        let senses = &self.rules.senses[rule];
        if senses.is_empty() {
            return None;
        }
        let regex = &self.rules.regexes[rule];
        let mut caps = regex.create_captures();
        let body = self.body();
        // the search starts at the trigger but sees the text before it (for
        // `\b`); anchored there, as a match of the rule starts there: the
        // same match an unanchored search from there finds, without a scan
        // for its bounds first
        regex.search_captures(
            &regex_automata::Input::new(body)
                .range(ts - self.sentence().start..)
                .anchored(regex_automata::Anchored::Yes),
            &mut caps,
        );
        senses
            .iter()
            .find(|&&(group, _)| caps.get_group(group).is_some())
            .map(|&(_, sense)| sense)
    }

    /// Every match of the trigger rules of `class` in the sentence, as
    /// (start, end, rule), in text order, overlapping matches dropped. A
    /// sentence can hold a trigger in a headline run into its lead ("EC
    /// AGREES TRADE DEAL ... The European Community agreed ..."), so rules
    /// try each in turn rather than the first alone.
    fn triggers(&self, class: EventClass) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = self
            .matched_of(RuleKind::Trigger(class))
            .flat_map(|i| self.matches_of(i).into_iter().map(move |(ts, te)| (ts, te, i)))
            .collect();
        found.sort();
        let mut last_end = 0;
        found.retain(|&(ts, te, _)| {
            let keep = ts >= last_end;
            if keep {
                last_end = te;
            }
            keep
        });
        found
    }

    /// Where the noun phrase before `ts` starts: up to `reach` words back in
    /// the clause ("a | recent North Korean | call for", "the |
    /// U.S.-Japanese semiconductor | agreement"), stopping at a function word,
    /// a preposition, "no"/"any" or punctuation ("under the agreement", "no
    /// deal").
    fn noun_phrase_start(&self, ts: usize, reach: usize) -> usize {
        let (text, syntax) = (self.text, self.syntax());
        let clause = syntax.clause_span(ts);
        let mut start = ts;
        // a word the trigger starts inside ("peace-deal") is left out
        for w in syntax.words.iter().rev().filter(|w| w.span.end <= ts).take(reach) {
            let lower = text[w.span.start..w.span.end].to_lowercase();
            if w.span.start < clause.start
                || w.class.is_some()
                || text[w.span.end..start].contains([',', ';', '(', ')', '"'])
                || matches!(lower.as_str(), "no" | "any")
                || word_lists().prepositions.contains(&lower)
            {
                break;
            }
            start = w.span.start;
        }
        start
    }

    /// The states and organizations named in `from..to`, in any role
    /// ("Ukraine's", "North Korean").
    fn sides_named_in(&self, from: usize, to: usize) -> std::collections::BTreeSet<usize> {
        use crate::extract::model::EntityKind::{Organization, State};
        self.view
            .found
            .iter()
            .filter(|f| f.start >= from && f.end <= to)
            .filter(|f| matches!(self.doc.entities[f.entity].kind, State | Organization))
            .map(|f| f.entity)
            .collect()
    }

    /// The states that the people among `agents` act for: a minister's
    /// meeting or signature is also their state's.
    fn states_represented(&self, agents: &std::collections::BTreeSet<usize>) -> Vec<usize> {
        let doc = self.doc;
        agents
            .iter()
            .flat_map(|&p| doc.entities[p].represents.iter().copied())
            .filter(|&a| doc.entities[a].kind == crate::extract::model::EntityKind::State)
            .collect()
    }

    /// The word before the predicate at `at`, lower-cased, over the adverbs
    /// and auxiliaries between them: the "he" of "he also signed", "she has
    /// also urged".
    fn word_before_predicate(&self, at: usize) -> Option<String> {
        self.subject_word(at).map(|(_, word)| word)
    }

    /// [`Self::word_before_predicate`] with where the word starts; none
    /// before the sentence's start.
    fn subject_word(&self, at: usize) -> Option<(usize, String)> {
        let mut at = at;
        loop {
            // the span, not the lower-cased word's length: lower case can change the byte count
            let (start, end) = syntax::previous_word_span(self.text, at)?;
            // the subject stands in the predicate's sentence, not in a headline before it
            if start < self.sentence().start {
                return None;
            }
            let word = self.text[start..end].to_lowercase();
            match self.rules.function_words.class(&word) {
                Some(class) if class == WordClass::Adverb || class.is_auxiliary() => at = start,
                _ => return Some((start, word)),
            }
        }
    }

    /// The state or body an "it" opening the sentence before the predicate
    /// at `at` stands for: the subject of the sentence before ("The South
    /// dismissed the offer. But it accepted another offer by Pyongyang").
    /// Only a subject that opens its sentence is taken: "it" after a
    /// sentence about anything else is most often that thing.
    fn it_referent(&self, at: usize) -> Option<usize> {
        let (start, word) = self.subject_word(at)?;
        // only a joining word may come first: "But it", "And yet it"
        let joining = |w: &str| {
            matches!(
                self.rules.function_words.class(&w.to_lowercase()),
                Some(WordClass::Coordinator | WordClass::Contrast | WordClass::Adverb)
            )
        };
        let opener = self.text[self.sentence().start..start].split(|c: char| c.is_whitespace() || c == ',');
        if word != "it" || !opener.filter(|w| !w.is_empty()).all(joining) {
            return None;
        }
        referents::opening_subject(self.text, self.doc, self.sentences, self.si.checked_sub(1)?)
    }

    /// The subject of the sentence's main clause, for a participle or gerund
    /// clause at `at` that has none of its own ("He will visit Tanzania
    /// before chairing a meeting", "Shultz has been guarded, saying ..."):
    /// the first agent of the sentence before `at`, past its opening clause,
    /// that no preposition governs and that is no possessive, else the person
    /// a "he" or "she" there stands for. `opening`: the agent must open the
    /// clause, with only capitalized words and determiners before it ("The
    /// Tories criticised ..., saying"; in "Lawyers pressed Chile's Supreme
    /// Court ..., saying", the court is no subject).
    fn main_clause_subject(&self, at: usize, opening: bool) -> Option<usize> {
        let start = self.sentence().start;
        let past_opening = syntax::opening_clause_end(&self.view, self.doc)
            .filter(|&comma| comma < at)
            .unwrap_or(start);
        let opens_clause = |f: &Found| {
            self.text[past_opening..f.start]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(char::is_uppercase) || word_lists().determiners.contains(w))
        };
        self.view
            .agents()
            .iter()
            .find(|f| {
                f.start >= past_opening
                    && f.end <= at
                    && !f.possessive
                    && !syntax::preceded_by_preposition(self.text, f.start)
            })
            .filter(|f| !opening || opens_clause(f))
            .map(|f| f.entity)
            .or_else(|| {
                // with `opening`, only a pronoun that opens the clause is its
                // subject: in "The producers defended Rock and confirmed that he
                // would ..., saying", "he" is no one who speaks
                let (from, to) = if opening {
                    // the first word after "But", "And" or an adverb
                    let word = |w: &&crate::extract::clauses::Word| {
                        w.span.start >= past_opening
                            && w.span.end <= at
                            && !matches!(
                                w.class,
                                Some(WordClass::Contrast | WordClass::Coordinator | WordClass::Adverb)
                            )
                    };
                    let first = self.syntax().words.iter().find(word)?;
                    (first.span.start, first.span.end)
                } else {
                    (start, at)
                };
                // the pronoun opening the clause stands for someone named before it, not
                // for a name between it and `at` ("He has written to Micheal Martin to request")
                let before = if opening { from } else { at };
                referents::pronoun_in(self.text, from, to).and_then(|pronoun| self.pronoun(pronoun, before))
            })
    }

    /// Whether `entity` is an organization whose members are states ("the
    /// G8", "NATO").
    fn is_multilateral(&self, entity: usize) -> bool {
        matches!(&self.doc.entities[entity].key, EntityKey::Organization(key) if self.rules.multilateral_orgs.contains(key))
    }

    /// The person a "he"/"she" before `at` stands for.
    fn pronoun(&self, pronoun: referents::Pronoun, at: usize) -> Option<usize> {
        referents::pronoun_referent(self, (pronoun, at))
    }

    /// Whether a matched rule of `kind` overlaps the span `ts..te`
    /// (an exclusion rule vetoing a trigger, a passive turning it around).
    fn overlapped_by(&self, kind: RuleKind, ts: usize, te: usize) -> bool {
        self.matched_of(kind)
            .any(|i| self.matches_of(i).into_iter().any(|(s, e)| s < te && ts < e))
    }

    /// The date told in `from..to` nearest to `at`, resolved against the document's date.
    fn date_near(&self, from: usize, to: usize, at: usize, tense: Tense) -> Option<NaiveDate> {
        dates::find(self.text, from, to, self.doc_date, tense)
            .into_iter()
            .min_by_key(|d| d.start.abs_diff(at))
            .map(|d| d.date)
    }

    /// An event of `class` with this sentence as its evidence.
    fn event(&self, class: EventClass, rule: usize) -> Event {
        Event::new(class, self.evidence(rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senses(pattern: &str, kind: RuleKind) -> Result<Vec<(usize, TriggerSense)>, String> {
        trigger_senses(&rule_regex(pattern).unwrap(), kind)
    }

    #[test]
    fn named_groups_of_a_trigger_are_its_senses_and_a_misspelt_one_is_an_error() {
        let agreement = RuleKind::Trigger(EventClass::Agreement);
        assert_eq!(
            senses(
                r"\b(?:signed|(?P<cooperation>teamed up)|(?P<offer>accepted \S+ offer))",
                agreement
            ),
            Ok(vec![(1, TriggerSense::Cooperation), (2, TriggerSense::AcceptedOffer)])
        );
        assert_eq!(senses(r"\b(?:signed|(teamed up))", agreement), Ok(vec![]));
        assert_eq!(
            senses(r"(?P<cooperaton>teamed up)", agreement),
            Err("unknown group `cooperaton` (known: cooperation, offer, joint)".to_string())
        );
        assert_eq!(
            senses(r"(?P<offer>offer)", RuleKind::Negation),
            Err("group `offer` in a rule that is no trigger".to_string())
        );
    }

    #[test]
    fn a_misspelt_kind_or_a_veto_no_module_reads_is_an_error_naming_its_line() {
        for (kind, message) in [
            ("meetng", "unknown kind `meetng`"),
            ("not-claim", "no module reads `not-claim`"),
        ] {
            let mut lexicon = Lexicon::load().unwrap();
            lexicon.event_rules.push(crate::extract::lexicon::EventRule {
                line: 999,
                id: "test.rule".into(),
                kind: kind.into(),
                pattern: r"\bfoo\b".into(),
                example: "foo".into(),
            });
            let error = EventRules::compile(&lexicon)
                .err()
                .expect("the rule is refused")
                .to_string();
            assert!(error.contains(":999:") && error.contains(message), "{error}");
        }
    }

    #[test]
    fn the_agreement_rule_tells_cooperation_and_accepted_offers() {
        let rules = EventRules::compile(&Lexicon::load().unwrap()).unwrap();
        let sense_of = |words: &str| {
            let verb = rules.rules.iter().position(|r| r.id == "agreement.verb").unwrap();
            let mut caps = rules.regexes[verb].create_captures();
            rules.regexes[verb].captures(words, &mut caps);
            assert!(caps.is_match(), "{words}");
            rules.senses[verb]
                .iter()
                .find(|&&(group, _)| caps.get_group(group).is_some())
                .map(|&(_, sense)| sense)
        };
        assert_eq!(
            sense_of("Kenya and Chile joined forces"),
            Some(TriggerSense::Cooperation)
        );
        assert_eq!(sense_of("Kenya teamed\nup with Chile"), Some(TriggerSense::Cooperation));
        assert_eq!(
            sense_of("Kenya accepted Chile's offer"),
            Some(TriggerSense::AcceptedOffer)
        );
        assert_eq!(sense_of("Kenya signed a treaty"), None);
    }
}
