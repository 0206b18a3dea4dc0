//! The small pieces of HTTP the server needs beyond what `tiny_http` gives:
//! a reply built whole before it is sent, errors that carry their status,
//! form and query-string decoding, and content negotiation.
//!
//! Replies are built whole (with their length) before anything is written,
//! so a query that fails half-way, runs out of time or grows past the result
//! limit is still answered with a clean error status, never a truncated 200.

use std::fmt;

/// An HTTP error to answer with: its status and a one-line message, sent as
/// `text/plain` so that `curl` shows it as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {message}")]
pub struct HttpError {
    /// The status code (400, 403, 404, ...).
    pub status: u16,
    /// What went wrong, for the client.
    pub message: String,
}

impl HttpError {
    pub fn new(status: u16, message: impl Into<String>) -> HttpError {
        HttpError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> HttpError {
        HttpError::new(400, message)
    }

    pub fn not_found(message: impl Into<String>) -> HttpError {
        HttpError::new(404, message)
    }
}

/// A complete reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn ok(content_type: impl Into<String>, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            content_type: content_type.into(),
            body: body.into(),
        }
    }

    pub fn json(value: &serde_json::Value) -> Reply {
        let mut body = serde_json::to_vec(value).unwrap_or_default();
        body.push(b'\n');
        Reply::ok("application/json", body)
    }
}

impl From<HttpError> for Reply {
    fn from(error: HttpError) -> Reply {
        // one line, like every Parley error
        let mut message = error.message.replace(['\r', '\n'], " ");
        message.push('\n');
        Reply {
            status: error.status,
            content_type: "text/plain; charset=utf-8".into(),
            body: message.into_bytes(),
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` (a query string or a form
/// body) into name-value pairs, in order. `+` is a space; a bad `%` escape is
/// kept as written, as browsers do.
pub fn parse_form(input: &str) -> Vec<(String, String)> {
    input
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// The first value of `name` in decoded pairs.
pub fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// Every value of `name` in decoded pairs.
pub fn all<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// Picks what to answer with from `offered` (media types, the preferred
/// first) by an `Accept` header: the offer with the highest quality, ties
/// going to the earlier offer. No header or `*/*` gives the first offer;
/// `None` when the client accepts none of them (406).
pub fn negotiate<'a>(accept: Option<&str>, offered: &[&'a str]) -> Option<&'a str> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let mut quality = 1.0f32;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        quality = value.trim().parse().unwrap_or(0.0);
                    }
                }
            }
            (!media.is_empty()).then_some((media, quality))
        })
        .collect();
    let quality_of = |offer: &str| -> Option<f32> {
        let (kind, _) = offer.split_once('/').unwrap_or((offer, ""));
        // the most specific matching range decides
        let exact = ranges.iter().find(|(m, _)| m == offer);
        let family = ranges.iter().find(|(m, _)| *m == format!("{kind}/*"));
        let any = ranges.iter().find(|(m, _)| m == "*/*");
        exact.or(family).or(any).map(|(_, q)| *q)
    };
    let mut best: Option<(&str, f32)> = None;
    for offer in offered {
        if let Some(quality) = quality_of(offer) {
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((offer, quality));
            }
        }
    }
    best.map(|(offer, _)| offer)
}

/// A duration for humans: "30 s", "1.5 s".
pub struct Seconds(pub f64);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 {
            write!(f, "{} s", self.0)
        } else {
            write!(f, "{:.1} s", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent_escapes() {
        let pairs = parse_form("query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D&x=%zz&empty=&flag");
        assert_eq!(first(&pairs, "query"), Some("SELECT * WHERE {?s ?p ?o}"));
        assert_eq!(first(&pairs, "x"), Some("%zz"));
        assert_eq!(first(&pairs, "empty"), Some(""));
        assert_eq!(first(&pairs, "flag"), Some(""));
        assert_eq!(first(&pairs, "missing"), None);
    }

    #[test]
    fn forms_decode_utf8_and_a_trailing_percent() {
        let pairs = parse_form("name=Bozda%C4%9Fl%C4%B1&t=50%");
        assert_eq!(first(&pairs, "name"), Some("Bozdağlı"));
        assert_eq!(first(&pairs, "t"), Some("50%"));
    }

    #[test]
    fn negotiation_takes_the_best_quality_then_the_first_offer() {
        let offered = ["application/sparql-results+json", "text/csv"];
        assert_eq!(negotiate(None, &offered), Some("application/sparql-results+json"));
        assert_eq!(
            negotiate(Some("*/*"), &offered),
            Some("application/sparql-results+json")
        );
        assert_eq!(negotiate(Some("text/csv"), &offered), Some("text/csv"));
        assert_eq!(
            negotiate(Some("application/sparql-results+json;q=0.5, text/*"), &offered),
            Some("text/csv")
        );
        assert_eq!(
            negotiate(Some("text/csv;q=0, */*;q=0.1"), &offered),
            Some("application/sparql-results+json")
        );
        assert_eq!(negotiate(Some("image/png"), &offered), None);
    }

    #[test]
    fn an_error_reply_is_one_line_of_text() {
        let reply = Reply::from(HttpError::bad_request("line one\nline two"));
        assert_eq!(reply.status, 400);
        assert_eq!(reply.body, b"line one line two\n");
    }
}
