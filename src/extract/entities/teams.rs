//! Sports teams in results and standings tables.
//!
//! A line that is a row of a sports table names teams, not places: "Hull 0
//! Barnet 0", "Chicago 5 Boston 3" (a result), "Wigan 4 3 1 0 9 4 10" or
//! "TEXAS 75 58 .564 -" (a standings row), "Queens Park Rangers v Bolton" or
//! "CHICAGO AT TORONTO" (a fixture). Only these three shapes count, each over
//! the whole line, so that "talks in Chicago 5 days ago" or "Resolution 242"
//! in a sentence never make a team. A name that the caller rejects (a state,
//! which a national team shares with its country, or a person, as in golf
//! scores) is no team.

/// The shape of a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Row {
    None,
    /// "Wigan 4 3 1 0 9 4 10"
    Standings,
    /// "Hull 0 Barnet 0"
    Result,
    /// "Bath City v Yeovil Town"
    Fixture,
    /// "CHICAGO AT TORONTO"
    CapsFixture,
}

/// One whitespace-separated piece of a line, with its byte span in the line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    /// A capitalized word ("Barnet", "NEW", "St").
    Word,
    /// A whole number ("0", "42").
    Int,
    /// Another figure of a table: "429-7", ".564", "1/2", "-".
    Figure,
    /// "v", "vs", "vs." (and "AT" in an all-caps line): a fixture.
    Versus,
    /// Anything else ("and", ",", "(", "beat").
    Other,
}

fn piece(word: &str, caps_line: bool) -> Piece {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return Piece::Int;
    }
    if matches!(word, "v" | "vs" | "vs." | "v." | "VS") || caps_line && word == "AT" {
        return Piece::Versus;
    }
    // a figure has a digit: "---" in a commodity table is none
    let figure = word
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/'));
    if word == "-" || figure && word.bytes().any(|b| b.is_ascii_digit()) {
        return Piece::Figure;
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    {
        return Piece::Word;
    }
    Piece::Other
}

/// The spans of `team_row` alone.
#[cfg(test)]
fn team_spans(line: &str, is_team: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    team_row(line, is_team).0
}

/// Byte spans (within `line`) of the team names of a table row, empty when the
/// line is no table row (`is_team` says whether a run of capitalized words may
/// be a team), and whether the row is an all-caps fixture with
/// "AT" ("CHICAGO AT TORONTO"), which counts only among others like it: a
/// headline such as "JAPAN YIELDS STEADY AT AUCTION" has the same shape.
pub(super) fn team_row(line: &str, is_team: impl Fn(&str) -> bool) -> (Vec<(usize, usize)>, Row) {
    if !may_be_row(line) {
        return (Vec::new(), Row::None);
    }
    row_shapes(line, is_team)
}

/// [`team_row`] on every line, without the cheap rejection of [`may_be_row`].
fn row_shapes(line: &str, is_team: impl Fn(&str) -> bool) -> (Vec<(usize, usize)>, Row) {
    let caps_line = !line.chars().any(char::is_lowercase);
    let mut pieces: Vec<(Piece, usize, usize)> = Vec::new();
    let mut at = 0;
    for word in line.split(' ') {
        if !word.is_empty() {
            pieces.push((piece(word, caps_line), at, at + word.len()));
        }
        at += word.len() + 1;
    }
    // runs of capitalized words: (first piece, one past the last)
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].0 == Piece::Word {
            let j = (i..pieces.len())
                .find(|&j| pieces[j].0 != Piece::Word)
                .unwrap_or(pieces.len());
            runs.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    let kind = |k: usize| pieces.get(k).map(|p| p.0);
    let mut teams: Vec<(usize, usize)> = Vec::new();
    let mut row = Row::None;
    match runs.first() {
        // a standings row: a team then at least three figures
        // (games played, won, lost: small whole numbers; a commodity table's
        // "Exports 450 475 395" is no standings row)
        Some(&(0, j))
            if (j..j + 3).all(|k| match kind(k) {
                Some(Piece::Int) => line[pieces[k].1..pieces[k].2].parse::<u32>().is_ok_and(|n| n < 170),
                Some(Piece::Figure) => true,
                _ => false,
            }) =>
        {
            teams.push((0, j));
            row = Row::Standings;
        }
        // a result: team, score, team, score (a comma may follow the first score)
        Some(&(0, j)) if kind(j) == Some(Piece::Int) => {
            let comma = pieces.get(j + 1).is_some_and(|p| line[p.1..p.2] == *",");
            let next = if comma { j + 2 } else { j + 1 };
            if let Some(&(a, b)) = runs.get(1).filter(|r| r.0 == next) {
                // the second score ends the pair: "Hull 0 Barnet 0 ( halftime 0-0 )"
                if kind(b) == Some(Piece::Int) && kind(b + 1) != Some(Piece::Word) {
                    teams.push((0, j));
                    teams.push((a, b));
                    row = Row::Result;
                }
            }
        }
        _ => {}
    }
    // fixtures: every piece is part of "Team v Team", after an optional "Label :"
    if teams.is_empty() {
        let start = pieces.iter().position(|p| line[p.1..p.2] == *":").map_or(0, |k| k + 1);
        let mut k = start;
        let mut fixture = Vec::new();
        while let Some(&(a, b)) = runs.iter().find(|r| r.0 == k) {
            if kind(b) != Some(Piece::Versus) {
                break;
            }
            let Some(&(c, d)) = runs.iter().find(|r| r.0 == b + 1) else {
                break;
            };
            // a side of a fixture is a short name: "LONDON COCOA TRADES AT LOWS" is a headline
            if b - a > 3 || d - c > 3 {
                break;
            }
            fixture.push((a, b));
            fixture.push((c, d));
            k = if pieces.get(d).is_some_and(|p| line[p.1..p.2] == *",") {
                d + 1
            } else {
                d
            };
        }
        if !fixture.is_empty() && k == pieces.len() {
            teams = fixture;
            let at = pieces.iter().any(|p| p.0 == Piece::Versus && line[p.1..p.2] == *"AT");
            row = if at { Row::CapsFixture } else { Row::Fixture };
        }
    }
    let spans = teams
        .into_iter()
        .map(|(a, b)| (pieces[a].1, pieces[b - 1].2))
        .filter(|&(s, e)| is_team(&line[s..e]))
        .collect();
    (spans, row)
}

/// Whether `line` can be a table row with teams, read from its first words
/// alone and without allocating: most lines that reach [`team_row`] are
/// prose or a financial table with a figure in them ("Shr 1.23 dlrs vs 1.05
/// dlrs"), and are turned away here. A necessary condition for every shape
/// [`team_row`] accepts, at the start of the line or after the first " : "
/// (a fixture's label): a run of capitalized words, then "v" (a fixture),
/// three figures (standings), or a whole number and the next capitalized
/// word (a result). "AT", a fixture's word only in an all-caps line, passes
/// wherever it stands.
fn may_be_row(line: &str) -> bool {
    if opens_row(words(line)) {
        return true;
    }
    // the label's ":" is looked for word by word only in a line that has one
    let mut after_label = words(line);
    line.contains(':') && after_label.any(|w| w == ":") && opens_row(after_label)
}

/// The words of `line`, as `line.split(' ')` gives them less the empty ones,
/// found by a look at each byte: the character search of `split`, set up
/// for each word, cost more than these short words (every line of a
/// document with a figure in it is asked about).
fn words(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let spaces = rest.bytes().take_while(|&b| b == b' ').count();
        let word_len = rest.bytes().skip(spaces).take_while(|&b| b != b' ').count();
        let word = &rest[spaces..spaces + word_len];
        rest = &rest[spaces + word_len..];
        (!word.is_empty()).then_some(word)
    })
}

/// The lines of `text`, as `text.split('\n')` gives them, found by memchr
/// (the character search of `split` is set up again for every line).
pub(super) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Whether a line may be a table row at all: it has a digit, or " v" or
/// " AT " (what [`team_row`]'s shapes need), looked for in one pass.
pub(super) fn may_hold_row(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b.is_ascii_digit() || b == b' ' && (bytes.get(i + 1) == Some(&b'v') || bytes[i + 1..].starts_with(b"AT "))
    })
}

/// Whether `words` open a row of one of [`team_row`]'s shapes (see [`may_be_row`]).
fn opens_row<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    let kind = |word: &str| piece(word, false);
    match words.next() {
        Some("AT") => return true,
        Some(first) if kind(first) == Piece::Word => {}
        _ => return false,
    }
    let after_run = loop {
        match words.next() {
            None => return false,
            Some("AT") => return true,
            Some(word) if kind(word) == Piece::Word => {}
            Some(word) => break kind(word),
        }
    };
    let figure = |word: Option<&str>| word.is_some_and(|w| matches!(kind(w), Piece::Int | Piece::Figure));
    match after_run {
        Piece::Versus => true,
        Piece::Int | Piece::Figure => {
            let next = words.next();
            if figure(next) && figure(words.next()) {
                return true;
            }
            // a result: a score, then (after a comma) the second team
            let second = if next == Some(",") { words.next() } else { next };
            after_run == Piece::Int && second.is_some_and(|w| w == "AT" || kind(w) == Piece::Word)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{lines, may_be_row, may_hold_row, row_shapes, team_row, team_spans, words, Row};

    fn teams(line: &str) -> Vec<&str> {
        team_spans(line, |name| name != "Norway")
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn results_standings_and_fixtures_name_teams() {
        assert_eq!(teams("Hull 0 Barnet 0"), ["Hull", "Barnet"]);
        assert_eq!(
            teams("Leeds United 2 , Dover Athletic 1"),
            ["Leeds United", "Dover Athletic"]
        );
        assert_eq!(teams("Oxford 3 2 1 0 7 4 7"), ["Oxford"]);
        assert_eq!(teams("SPRINGFIELD 75 58 .564 -"), ["SPRINGFIELD"]);
        assert_eq!(
            teams("Playing Sunday : Bath City v Yeovil Town"),
            ["Bath City", "Yeovil Town"]
        );
        assert_eq!(teams("DENVER AT PORTLAND"), ["DENVER", "PORTLAND"]);
        // a name the caller rejects (a state) is no team, the other still is
        assert_eq!(teams("Norway 2 Malta 0"), ["Malta"]);
    }

    #[test]
    fn numbers_in_sentences_name_no_team() {
        assert!(teams("Talks in Geneva 5 days ago ended").is_empty());
        assert!(teams("Resolution 242 calls for withdrawal").is_empty());
        assert!(teams("Boeing 747 jets flew to Paris").is_empty());
        assert!(teams("Oxford 3 students were hurt").is_empty());
        // "at" in a mixed-case sentence is a preposition
        assert!(teams("Ministers met At Geneva").is_empty());
        // dashes are no figures: rows of a commodity table
        assert!(teams("Sep      ---    ---     ---     9700").is_empty());
        assert!(teams("Production -- 1987     1986").is_empty());
        assert!(teams(" Exports        450     475      395     395").is_empty());
        // a headline has the shape of an all-caps fixture: the caller wants others like it
        assert_eq!(
            team_row("LONDON COCOA TRADES AT LOWS BY MIDMORNING", |_| true).1,
            Row::CapsFixture
        );
    }

    /// `may_be_row` only turns away lines in which the shapes find no team.
    #[test]
    fn may_be_row_turns_away_no_line_with_teams() {
        let lines = [
            "Hull 0 Barnet 0",
            "Hull 0 Barnet 0 ( halftime 0-0 )",
            "Leeds United 2 , Dover Athletic 1",
            "Oxford 3 2 1 0 7 4 7",
            "SPRINGFIELD 75 58 .564 -",
            "Playing Sunday : Bath City v Yeovil Town",
            "Playing Sunday : Bath City v Yeovil Town , Hull v Barnet",
            "DENVER AT PORTLAND",
            "LONDON COCOA TRADES AT LOWS BY MIDMORNING",
            "Norway 2 Malta 0",
            "St Johnstone 1/2 Celtic 3",
            "Shr 1.23 dlrs vs 1.05 dlrs",
            "Net profit 4,567,000 vs 3,456,000",
            "Revs 12.3 mln vs 11.2 mln",
            "Qtr 4 net 1.2 mln",
            "The company said 12 of its plants would close",
            "Talks in Geneva 5 days ago ended",
            "Boeing 747 jets flew to Paris",
            "Sep      ---    ---     ---     9700",
            "  Exports        450     475      395     395",
            "Note : 1987 figures v 1986",
            "",
        ];
        for line in lines {
            let (teams, _) = row_shapes(line, |_| true);
            if !teams.is_empty() {
                assert!(may_be_row(line), "{line:?} has teams {teams:?} but was turned away");
            }
            if !may_be_row(line) {
                assert_eq!(team_row(line, |_| true), (Vec::new(), Row::None));
            }
        }
        assert!(!may_be_row("Shr 1.23 dlrs vs 1.05 dlrs"));
        assert!(!may_be_row("The company said 12 of its plants would close"));
    }

    #[test]
    fn the_byte_scans_answer_as_the_string_searches() {
        let samples = [
            "",
            " ",
            "  a  b ",
            "Hull 0 Barnet 0",
            " v",
            "Bath v Yeovil",
            "DENVER AT PORTLAND",
            "AT LAST",
            "x AT",
            "caf\u{e9} AT  \u{e9}t\u{e9} ",
            "no figures here",
            "vote",
            " AT",
            " AT ",
            "a\tb 1",
        ];
        for line in samples {
            let split: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(words(line).collect::<Vec<_>>(), split, "{line:?}");
            let searched = line.bytes().any(|b| b.is_ascii_digit()) || line.contains(" v") || line.contains(" AT ");
            assert_eq!(may_hold_row(line), searched, "{line:?}");
        }
        for text in ["", "\n", "a", "a\n", "\na\n\nb", "caf\u{e9}\n\u{e9}t\u{e9}\r\n"] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.split('\n').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
