//! The one reader of the data files under `ontology/`.
//!
//! Every file the extractor reads goes through here, so that every file
//! obeys the same rules: a line starting with `#` (after any blanks) is a
//! comment, blank lines are skipped, a TSV file starts with the header line
//! its reader expects and every row has exactly as many tab-separated fields,
//! and a word list holds one entry per line. Whatever breaks a rule is a [`ParleyError::Lexicon`] naming the file
//! and the 1-based line, never a row silently left out: a typo in the data
//! must not quietly change what Parley finds.

use rustc_hash::FxHashSet as HashSet;

use crate::error::ParleyError;

/// A data file: its path (for messages) and contents.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    /// The path under the repository root, as messages name it.
    pub path: &'static str,
    /// The whole contents.
    pub text: &'static str,
}

/// A data file under `ontology/`, embedded in the binary at compile time.
/// The path is taken from the crate root, so the macro works from a module
/// at any depth.
macro_rules! data_file {
    ($path:literal) => {
        $crate::extract::datafile::DataFile {
            path: concat!("ontology/", $path),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/", $path)),
        }
    };
}
pub(crate) use data_file;

/// One data row of a TSV file.
#[derive(Debug)]
pub struct Row {
    file: DataFile,
    /// The 1-based line number of the row.
    pub line: usize,
    fields: Vec<&'static str>,
}

impl Row {
    /// The `index`th field (0-based), trimmed; `""` when empty.
    pub fn get(&self, index: usize) -> &'static str {
        self.fields[index]
    }

    /// The `index`th field (0-based), trimmed, when the row has it and it is
    /// not empty (for the optional last columns of
    /// [`DataFile::rows_with_optional`]).
    pub fn get_optional(&self, index: usize) -> Option<&'static str> {
        self.fields.get(index).copied().filter(|field| !field.is_empty())
    }

    /// An error about this row.
    pub fn error(&self, message: impl Into<String>) -> ParleyError {
        self.file.error(self.line, message)
    }
}

impl DataFile {
    /// An error at `line` (1-based) of this file.
    pub fn error(&self, line: usize, message: impl Into<String>) -> ParleyError {
        ParleyError::Lexicon {
            file: self.path.to_string(),
            line,
            message: message.into(),
        }
    }

    /// The lines that are neither comments nor blank, with their 1-based
    /// numbers.
    fn content_lines(&self) -> impl Iterator<Item = (usize, &'static str)> {
        self.text
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line))
            .filter(|(_, line)| !line.trim_start().starts_with('#') && !line.trim().is_empty())
    }

    /// The data rows of a TSV file whose header names the columns `header`:
    /// each row has exactly `header.len()` fields (trimmed of spaces).
    pub fn rows(&self, header: &[&str]) -> Result<Vec<Row>, ParleyError> {
        self.rows_with_optional(header, 0)
    }

    /// The data rows of a TSV file whose header names the columns `header`
    /// and whose rows may add up to `optional` more (trailing columns the
    /// file's comments describe): each row has from `header.len()` to
    /// `header.len() + optional` fields.
    pub fn rows_with_optional(&self, header: &[&str], optional: usize) -> Result<Vec<Row>, ParleyError> {
        let mut lines = self.content_lines();
        let expected = header.join("\t");
        match lines.next() {
            Some((_, line)) if split(line) == header => {}
            Some((number, _)) => {
                return Err(self.error(number, format!("expected the header line `{expected}`")));
            }
            None => {
                let end = self.text.lines().count().max(1);
                return Err(self.error(end, format!("no header line (expected `{expected}`)")));
            }
        }
        lines
            .map(|(line, text)| {
                let fields = split(text);
                let allowed = header.len()..=header.len() + optional;
                if !allowed.contains(&fields.len()) {
                    let expected = if optional == 0 {
                        header.len().to_string()
                    } else {
                        format!("{} to {}", allowed.start(), allowed.end())
                    };
                    return Err(self.error(
                        line,
                        format!("expected {expected} tab-separated fields, found {}", fields.len()),
                    ));
                }
                Ok(Row {
                    file: *self,
                    line,
                    fields,
                })
            })
            .collect()
    }

    /// The entries of a word list: one per line, trimmed; a tab is an error
    /// (a TSV row in a list).
    pub fn words(&self) -> Result<HashSet<String>, ParleyError> {
        self.content_lines()
            .map(|(line, text)| {
                if text.contains('\t') {
                    return Err(self.error(line, "expected one entry per line, found a tab"));
                }
                Ok(text.trim().to_string())
            })
            .collect()
    }

    /// The entries of a word list that is asked with lower-case words: as
    /// [`DataFile::words`], and an entry with a capital letter is an error
    /// (it could never match).
    pub fn lower_case_words(&self) -> Result<HashSet<String>, ParleyError> {
        self.content_lines()
            .map(|(line, text)| {
                if text.contains('\t') {
                    return Err(self.error(line, "expected one entry per line, found a tab"));
                }
                let word = text.trim();
                if word.chars().any(char::is_uppercase) {
                    return Err(self.error(
                        line,
                        format!("`{word}` is not in lower case (the list is matched in lower case)"),
                    ));
                }
                Ok(word.to_string())
            })
            .collect()
    }

    /// The entries of a word list in file order, without repeats (for lists
    /// whose order is a priority).
    pub fn ordered_words(&self) -> Result<Vec<String>, ParleyError> {
        let mut words: Vec<String> = Vec::new();
        for (line, text) in self.content_lines() {
            if text.contains('\t') {
                return Err(self.error(line, "expected one entry per line, found a tab"));
            }
            let word = text.trim();
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        }
        Ok(words)
    }
}

fn split(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &'static str) -> DataFile {
        DataFile {
            path: "ontology/test.tsv",
            text,
        }
    }

    fn message(error: ParleyError) -> String {
        error.to_string()
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_rows_keep_their_line() {
        let rows = file("# a comment\n\nname\tcode\n# another\nRussia\tRUS\n  \nKenya\t\n")
            .rows(&["name", "code"])
            .unwrap();
        let seen: Vec<(usize, &str, &str)> = rows.iter().map(|r| (r.line, r.get(0), r.get(1))).collect();
        assert_eq!(seen, [(5, "Russia", "RUS"), (7, "Kenya", "")]);
    }

    #[test]
    fn a_row_with_too_few_fields_names_file_and_line() {
        let error = file("name\tcode\nRussia\tRUS\nKenya\n")
            .rows(&["name", "code"])
            .unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:3: expected 2 tab-separated fields, found 1"
        );
    }

    #[test]
    fn optional_columns_may_be_left_off_but_no_more_may_be_added() {
        let text = "name\tcode\nRussia\tRUS\nKenya\tKEN\t1963-12-12\nChile\tCHL\t\n";
        let rows = file(text).rows_with_optional(&["name", "code"], 1).unwrap();
        let seen: Vec<Option<&str>> = rows.iter().map(|r| r.get_optional(2)).collect();
        assert_eq!(seen, [None, Some("1963-12-12"), None]);
        let error = file("name\tcode\nKenya\tKEN\t1963\textra\n")
            .rows_with_optional(&["name", "code"], 1)
            .unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:2: expected 2 to 3 tab-separated fields, found 4"
        );
        let error = file("name\tcode\nKenya\n")
            .rows_with_optional(&["name", "code"], 1)
            .unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:2: expected 2 to 3 tab-separated fields, found 1"
        );
    }

    #[test]
    fn a_row_with_too_many_fields_names_file_and_line() {
        let error = file("# c\nname\tcode\nRussia\tRUS\tx\n")
            .rows(&["name", "code"])
            .unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:3: expected 2 tab-separated fields, found 3"
        );
    }

    #[test]
    fn a_missing_header_is_reported_where_it_was_expected() {
        let error = file("# c\nRussia\tRUS\n").rows(&["name", "code"]).unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:2: expected the header line `name\tcode`"
        );
    }

    #[test]
    fn a_header_with_other_columns_is_an_error() {
        let error = file("name\tiso3\nRussia\tRUS\n").rows(&["name", "code"]).unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:1: expected the header line `name\tcode`"
        );
    }

    #[test]
    fn a_file_of_comments_only_has_no_header() {
        let error = file("# one\n# two\n").rows(&["name"]).unwrap_err();
        assert_eq!(message(error), "ontology/test.tsv:2: no header line (expected `name`)");
        let error = file("").rows(&["name"]).unwrap_err();
        assert_eq!(message(error), "ontology/test.tsv:1: no header line (expected `name`)");
    }

    #[test]
    fn a_row_error_names_file_and_line() {
        let rows = file("name\n\nx\n").rows(&["name"]).unwrap();
        assert_eq!(
            message(rows[0].error("unknown name `x`")),
            "ontology/test.tsv:3: unknown name `x`"
        );
    }

    #[test]
    fn word_lists_skip_comments_and_trim() {
        let words = file("# c\n Mr \n\nDr\n").words().unwrap();
        assert_eq!(words, ["Mr".to_string(), "Dr".to_string()].into_iter().collect());
    }

    #[test]
    fn a_capital_in_a_lower_case_list_names_file_and_line() {
        let words = file("# c\nof\n\nin\n").lower_case_words().unwrap();
        assert_eq!(words, ["of".to_string(), "in".to_string()].into_iter().collect());
        let error = file("# c\nof\nIn\n").lower_case_words().unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:3: `In` is not in lower case (the list is matched in lower case)"
        );
        let error = file("of\nin\tx\n").lower_case_words().unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:2: expected one entry per line, found a tab"
        );
    }

    #[test]
    fn a_tab_in_a_word_list_names_file_and_line() {
        let error = file("# c\nMr\nDr\tx\n").words().unwrap_err();
        assert_eq!(
            message(error),
            "ontology/test.tsv:3: expected one entry per line, found a tab"
        );
    }
}
