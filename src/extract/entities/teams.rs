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
    if word == "-"
        || word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/'))
    {
        return Piece::Figure;
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    {
        return Piece::Word;
    }
    Piece::Other
}

/// Byte spans (within `line`) of the team names of a table row; empty when the
/// line is no table row. `is_team` says whether a run of capitalized words may
/// be a team.
pub(super) fn team_spans(line: &str, is_team: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
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
    match runs.first() {
        // a standings row: a team then at least three figures
        Some(&(0, j)) if (j..j + 3).all(|k| matches!(kind(k), Some(Piece::Int | Piece::Figure))) => {
            teams.push((0, j));
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
        }
    }
    teams
        .into_iter()
        .map(|(a, b)| (pieces[a].1, pieces[b - 1].2))
        .filter(|&(s, e)| is_team(&line[s..e]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::team_spans;

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
    }
}
