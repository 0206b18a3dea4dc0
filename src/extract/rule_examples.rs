//! The examples of the event rule families (`ontology/rules/examples.tsv`):
//! for each family, sentences it must read an event from and sentences it
//! must leave alone. Read here, through the one data-file reader, so that
//! the test that runs them (`tests/rule_examples.rs`) holds the file to the
//! same header, column and line rules as every file the extractor reads.

use chrono::NaiveDate;

use crate::error::ParleyError;
use crate::extract::datafile::{data_file, DataFile};
use crate::kinds::EventClass;

const EXAMPLES: DataFile = data_file!("rules/examples.tsv");

/// One row of `examples.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleExample {
    /// The 1-based line of the row, for messages.
    pub line: usize,
    /// The class of event the family reads (`meeting` is
    /// [`EventClass::Meeting`]).
    pub class: EventClass,
    /// `none`, or what the event must hold as `key=value` pairs (the file's
    /// header comment lists the keys).
    pub expect: String,
    /// The sentence, written for Parley.
    pub sentence: String,
    /// The document date to extract it with (the optional fourth column).
    pub date: Option<NaiveDate>,
}

/// Every example of `ontology/rules/examples.tsv`, in file order. A family
/// that is no event class in lower case, a bad date, an empty sentence or
/// a row of the wrong shape is a [`ParleyError::Lexicon`] naming the line.
pub fn rule_examples() -> Result<Vec<RuleExample>, ParleyError> {
    read(&EXAMPLES)
}

fn read(file: &DataFile) -> Result<Vec<RuleExample>, ParleyError> {
    file.rows_with_optional(&["family", "expect", "sentence"], 1)?
        .into_iter()
        .map(|row| {
            let family = row.get(0);
            let class = EventClass::all()
                .find(|c| c.name().to_lowercase() == family)
                .ok_or_else(|| row.error(format!("unknown family `{family}` (an event class in lower case)")))?;
            let date = row
                .get_optional(3)
                .map(|d| {
                    NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|_| row.error(format!("bad date `{d}` (expected YYYY-MM-DD)")))
                })
                .transpose()?;
            let (expect, sentence) = (row.get(1), row.get(2));
            if expect.is_empty() || sentence.is_empty() {
                return Err(row.error("an example needs what to expect and a sentence"));
            }
            Ok(RuleExample {
                line: row.line,
                class,
                expect: expect.to_string(),
                sentence: sentence.to_string(),
                date,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &'static str) -> String {
        read(&DataFile {
            path: "ontology/rules/examples.tsv",
            text,
        })
        .unwrap_err()
        .to_string()
    }

    #[test]
    fn the_embedded_examples_read_with_their_lines() {
        let examples = rule_examples().unwrap();
        assert!(examples.iter().any(|e| e.class == EventClass::Threat));
        // each line is that of its row: the sentence is on it
        let text = EXAMPLES.text.lines().collect::<Vec<_>>();
        for e in &examples {
            assert!(text[e.line - 1].ends_with(&e.sentence), "line {}", e.line);
        }
    }

    #[test]
    fn a_bad_row_names_its_line() {
        assert_eq!(
            error("family\texpect\tsentence\nmeeting\tnone\tThey met.\nMeeting\tnone\tThey met.\n"),
            "ontology/rules/examples.tsv:3: unknown family `Meeting` (an event class in lower case)"
        );
        assert_eq!(
            error("family\texpect\tsentence\nmeeting\tnone\tThey met.\t2024-02-30\n"),
            "ontology/rules/examples.tsv:2: bad date `2024-02-30` (expected YYYY-MM-DD)"
        );
        assert_eq!(
            error("family\tsentence\nmeeting\tThey met.\n"),
            "ontology/rules/examples.tsv:1: expected the header line `family\texpect\tsentence`"
        );
        assert_eq!(
            error("family\texpect\tsentence\nmeeting\t\tThey met.\n"),
            "ontology/rules/examples.tsv:2: an example needs what to expect and a sentence"
        );
    }
}
