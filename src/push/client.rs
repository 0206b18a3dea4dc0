//! One connection's worth of Graph Store Protocol requests: `PUT` of one
//! graph's N-Triples, with authentication and retries.
//!
//! A `PUT` replaces the graph whole, so sending it again is harmless: that is
//! what makes every failure that may be passing (a `5xx`, `408`, `429`, a
//! timeout, a refused or broken connection) safe to retry after a pause that
//! doubles each time (or the server's `Retry-After`, up to the cap). Any other
//! answer is final: `401`/`403` stops the push (every graph would get it), any
//! other `4xx` is the server refusing this one graph.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use ureq::http::{StatusCode, Uri};

use super::auth::{Authenticator, ChallengeOutcome, Credentials};
use crate::error::{BoxedError, ParleyError};

/// The media type of the bodies Parley sends. Oxigraph and Virtuoso both take
/// it; N-Triples has no prefixes to resolve, so it is also the cheapest to
/// parse.
pub(crate) const NTRIPLES: &str = "application/n-triples";

/// Characters left as they are in a query-string value: RFC 3986's
/// unreserved set. Everything else in a graph IRI is percent-encoded.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// How failures that may pass are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0: try once).
    pub retries: u32,
    /// The pause before the first retry; each later one doubles it.
    pub first_delay: Duration,
    /// The longest pause, whatever the doubling or `Retry-After` say.
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// The pause before retry number `retry` (0 for the first): the doubled
    /// delay, or the server's `Retry-After` when it gives one, capped.
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        let doubled = self.first_delay.saturating_mul(1u32 << retry.min(20));
        retry_after.unwrap_or(doubled).min(self.max_delay)
    }
}

/// A validated Graph Store endpoint URL.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    url: String,
}

impl Endpoint {
    /// Checks `url`: `http` or `https`, a host, no fragment, and no user
    /// name or password in it (they belong in the environment).
    pub(crate) fn parse(url: &str) -> Result<Endpoint, ParleyError> {
        let invalid = |reason: &str| ParleyError::InvalidEndpoint {
            endpoint: url.to_owned(),
            reason: reason.to_owned(),
        };
        if url.contains('#') {
            return Err(invalid("an endpoint URL has no fragment (#...)"));
        }
        let scheme = url.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("http" | "https")) {
            return Err(invalid("the URL must start with http:// or https://"));
        }
        let uri: Uri = url.parse().map_err(|_| invalid("not a URL"))?;
        let Some(authority) = uri.authority() else {
            return Err(invalid("the URL has no host"));
        };
        if authority.as_str().contains('@') {
            return Err(invalid(
                "put the user name and password in PARLEY_PUSH_USER and PARLEY_PUSH_PASSWORD, not in the URL",
            ));
        }
        Ok(Endpoint { url: url.to_owned() })
    }

    /// The URL as given.
    pub(crate) fn as_str(&self) -> &str {
        &self.url
    }

    /// The URL of graph `iri` (`?graph=` with the IRI percent-encoded, or
    /// `&graph=` when the endpoint already has a query).
    pub(crate) fn graph_url(&self, iri: &str) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}graph={}", self.url, utf8_percent_encode(iri, QUERY_VALUE))
    }
}

/// The request target of `url` (path and query), which Digest signs.
fn request_target(url: &str) -> String {
    url.parse::<Uri>()
        .ok()
        .and_then(|uri| uri.path_and_query().map(|pq| pq.as_str().to_owned()))
        .unwrap_or_else(|| "/".to_owned())
}

/// An HTTP status with the start of the body that came with it, as the cause
/// of a failed `PUT`.
#[derive(Debug, thiserror::Error)]
#[error("HTTP {status}{}", if detail.is_empty() { String::new() } else { format!(" ({detail})") })]
pub(crate) struct StatusError {
    pub status: u16,
    pub detail: String,
}

/// How a `PUT` that did not succeed ended.
#[derive(Debug)]
pub(crate) enum PutError {
    /// The server refused this graph (a `4xx` other than those retried).
    Refused(StatusError),
    /// The endpoint wants credentials none were given for, or refused them.
    Unauthorized { status: u16, need_credentials: bool },
    /// The endpoint answered with a redirection (to `location`).
    Redirected { status: u16, location: String },
    /// Every attempt failed with something that might have passed.
    Unavailable { attempts: u32, cause: BoxedError },
    /// Another worker stopped the push; this graph was not sent.
    Stopped,
}

/// Sends graphs to one endpoint; one per worker thread.
pub(crate) struct GraphStoreClient {
    agent: ureq::Agent,
    endpoint: Endpoint,
    auth: Authenticator,
    policy: RetryPolicy,
}

/// The longest part of an error body kept for the message.
const DETAIL_CHARS: usize = 200;

impl GraphStoreClient {
    pub(crate) fn new(
        endpoint: Endpoint,
        credentials: Option<Credentials>,
        policy: RetryPolicy,
        timeout: Duration,
    ) -> GraphStoreClient {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // A redirect is reported, not followed: after a 303 (and, by
            // common practice, a 301 or 302) the request goes on as a GET,
            // whose 200 would be taken for the graph's.
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .user_agent(concat!("parley/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        GraphStoreClient {
            agent,
            endpoint,
            auth: Authenticator::new(credentials),
            policy,
        }
    }

    /// `PUT`s `body` (N-Triples) as graph `iri`; returns how many retries it
    /// took. Gives up early, with [`PutError::Stopped`], when `stop` is set
    /// between attempts.
    pub(crate) fn put_graph(&mut self, iri: &str, body: &[u8], stop: &AtomicBool) -> Result<u32, PutError> {
        let url = self.endpoint.graph_url(iri);
        let target = request_target(&url);
        let mut retries = 0;
        let mut answered_challenges = 0;
        loop {
            if stop.load(Ordering::Relaxed) {
                return Err(PutError::Stopped);
            }
            let mut request = self.agent.put(&url).header("Content-Type", NTRIPLES);
            if let Some(authorization) = self.auth.authorization("PUT", &target) {
                request = request.header("Authorization", authorization);
            }
            let (cause, retry_after): (BoxedError, Option<Duration>) = match request.send(body) {
                Ok(mut response) => {
                    let status = response.status();
                    // read what came back, so the connection can be reused
                    let detail = response
                        .body_mut()
                        .with_config()
                        .limit(64 * 1024)
                        .lossy_utf8(true)
                        .read_to_string()
                        .unwrap_or_default();
                    if status.is_success() {
                        return Ok(retries);
                    }
                    let code = status.as_u16();
                    if status == StatusCode::UNAUTHORIZED {
                        let challenges = response
                            .headers()
                            .get_all("www-authenticate")
                            .iter()
                            .filter_map(|value| value.to_str().ok());
                        match self.auth.challenged(challenges) {
                            // a stale nonce may come back more than once, but not forever
                            ChallengeOutcome::Retry if answered_challenges < 3 => {
                                answered_challenges += 1;
                                continue;
                            }
                            ChallengeOutcome::NeedCredentials => {
                                return Err(PutError::Unauthorized {
                                    status: code,
                                    need_credentials: true,
                                })
                            }
                            _ => {
                                return Err(PutError::Unauthorized {
                                    status: code,
                                    need_credentials: false,
                                })
                            }
                        }
                    }
                    if status.is_redirection() {
                        let location = response
                            .headers()
                            .get("location")
                            .and_then(|value| value.to_str().ok())
                            .unwrap_or("")
                            .to_owned();
                        return Err(PutError::Redirected { status: code, location });
                    }
                    if status == StatusCode::FORBIDDEN {
                        return Err(PutError::Unauthorized {
                            status: code,
                            need_credentials: false,
                        });
                    }
                    let error = StatusError {
                        status: code,
                        detail: one_line(&detail),
                    };
                    let passing = status.is_server_error()
                        || status == StatusCode::REQUEST_TIMEOUT
                        || status == StatusCode::TOO_MANY_REQUESTS;
                    if !passing {
                        return Err(PutError::Refused(error));
                    }
                    let retry_after = response
                        .headers()
                        .get("retry-after")
                        .and_then(|value| value.to_str().ok())
                        .and_then(|value| value.trim().parse::<u64>().ok())
                        .map(Duration::from_secs);
                    (Box::new(error), retry_after)
                }
                Err(error) => {
                    if !is_passing(&error) {
                        return Err(PutError::Unavailable {
                            attempts: retries + 1,
                            cause: Box::new(error),
                        });
                    }
                    (Box::new(error), None)
                }
            };
            if retries >= self.policy.retries {
                return Err(PutError::Unavailable {
                    attempts: retries + 1,
                    cause,
                });
            }
            std::thread::sleep(self.policy.delay(retries, retry_after));
            retries += 1;
        }
    }
}

/// True for transport failures that may pass: I/O (refused, reset), a
/// timeout, a failed connection or name lookup, a garbled answer.
fn is_passing(error: &ureq::Error) -> bool {
    matches!(
        error,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::HostNotFound
            | ureq::Error::Protocol(_)
    )
}

/// The first [`DETAIL_CHARS`] characters of a server's answer, on one line.
fn one_line(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    match line.char_indices().nth(DETAIL_CHARS) {
        Some((cut, _)) => format!("{}...", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_iris_are_percent_encoded_into_the_query() {
        let endpoint = Endpoint::parse("http://localhost:7878/store").unwrap();
        assert_eq!(
            endpoint.graph_url("https://w3id.org/parley/id/doc/a b?c=d&e#f"),
            "http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fparley%2Fid%2Fdoc%2Fa%20b%3Fc%3Dd%26e%23f"
        );
        let with_query = Endpoint::parse("http://host/gsp?db=news").unwrap();
        assert_eq!(with_query.graph_url("urn:x"), "http://host/gsp?db=news&graph=urn%3Ax");
        assert_eq!(
            request_target(&with_query.graph_url("urn:x")),
            "/gsp?db=news&graph=urn%3Ax"
        );
    }

    #[test]
    fn endpoints_are_checked() {
        for (url, expected) in [
            ("ftp://host/store", "http:// or https://"),
            ("http://dba:dba@host/store", "PARLEY_PUSH_USER"),
            ("http://host/store#x", "fragment"),
            ("localhost:7878/store", "http:// or https://"),
            ("http://exa mple/store", "not a URL"),
        ] {
            let error = Endpoint::parse(url).unwrap_err().to_string();
            assert!(error.contains(expected), "{url}: {error}");
        }
        assert!(Endpoint::parse("https://example.org:8443/sparql-graph-crud-auth").is_ok());
    }

    #[test]
    fn delays_double_up_to_the_cap_and_follow_retry_after() {
        let policy = RetryPolicy {
            retries: 10,
            first_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        };
        let delays: Vec<u64> = (0..8).map(|n| policy.delay(n, None).as_millis() as u64).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
        assert_eq!(policy.delay(0, Some(Duration::from_secs(3))), Duration::from_secs(3));
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(3600))),
            Duration::from_secs(30)
        );
        assert_eq!(policy.delay(u32::MAX, None), Duration::from_secs(30));
    }

    #[test]
    fn error_bodies_are_cut_to_one_short_line() {
        assert_eq!(one_line("  a\n b\t c "), "a b c");
        let long = "é".repeat(500);
        let cut = one_line(&long);
        assert_eq!(cut.chars().count(), DETAIL_CHARS + 3);
        assert!(cut.ends_with("..."));
    }
}
