//! HTTP authentication for `parley push`: Basic (RFC 7617) and Digest
//! (RFC 7616, MD5 and SHA-256, with or without `-sess`).
//!
//! Why Parley answers challenges itself: ureq sends Basic credentials only
//! when they are written into the URL, and the user's password must not be on
//! the command line; and ureq has no Digest at all, which Virtuoso's Graph
//! Store endpoint (`/sparql-graph-crud-auth`) demands. The credentials are
//! only ever sent in answer to a server's `401` challenge, so an endpoint that
//! asks for none (Oxigraph's server) never sees them.
//!
//! One [`Authenticator`] belongs to one connection's worth of requests: after
//! the first challenge it answers every later request up front (Digest with
//! the next nonce count), so a body is sent twice only on the first request
//! and when the server declares its nonce stale.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use md5::Md5;
use sha2::{Digest, Sha256};

use crate::error::ParleyError;

/// A user name and password for the endpoint (read from the environment by
/// the binary, never from the command line).
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The user name.
    pub user: String,
    /// The password.
    pub password: String,
}

/// The environment variable holding the user name for `parley push`.
pub const USER_VARIABLE: &str = "PARLEY_PUSH_USER";
/// The environment variable holding the password for `parley push`.
pub const PASSWORD_VARIABLE: &str = "PARLEY_PUSH_PASSWORD";

impl Credentials {
    /// The credentials in [`USER_VARIABLE`] and [`PASSWORD_VARIABLE`] as
    /// `variable` reads them (`|name| std::env::var(name).ok()`): none when
    /// neither is set, an error when only one is.
    pub fn from_variables(variable: impl Fn(&str) -> Option<String>) -> Result<Option<Credentials>, ParleyError> {
        match (variable(USER_VARIABLE), variable(PASSWORD_VARIABLE)) {
            (Some(user), Some(password)) => Ok(Some(Credentials { user, password })),
            (None, None) => Ok(None),
            (Some(_), None) => Err(ParleyError::IncompleteCredentials {
                missing: PASSWORD_VARIABLE,
            }),
            (None, Some(_)) => Err(ParleyError::IncompleteCredentials { missing: USER_VARIABLE }),
        }
    }
}

impl fmt::Debug for Credentials {
    /// The password is never printed, not even in a debug dump.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// One challenge of a `WWW-Authenticate` header: the scheme (lower case) and
/// its parameters (names in lower case, values unquoted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawChallenge {
    pub scheme: String,
    pub params: Vec<(String, String)>,
}

impl RawChallenge {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Parses the challenges of one or more `WWW-Authenticate` header values
/// (RFC 9110, section 11.6.1): `Scheme name=value, name="quoted", Scheme2 ...`.
/// A token68 (`Negotiate abc==`) is skipped; nothing here fails, a garbled
/// header simply yields fewer challenges.
pub(crate) fn parse_challenges<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<RawChallenge> {
    let mut challenges = Vec::new();
    for value in values {
        let mut cursor = Cursor::new(value);
        loop {
            cursor.skip(|c| c == ',' || c == ' ' || c == '\t');
            let scheme = cursor.token();
            if scheme.is_empty() {
                // not a token: skip one character, or stop at the end
                if cursor.bump().is_none() {
                    break;
                }
                continue;
            }
            let mut challenge = RawChallenge {
                scheme: scheme.to_ascii_lowercase(),
                params: Vec::new(),
            };
            loop {
                let before = cursor.position();
                cursor.skip(|c| c == ',' || c == ' ' || c == '\t');
                let after_comma = cursor.text[before..cursor.position()].contains(',');
                let name = cursor.token();
                cursor.skip(|c| c == ' ' || c == '\t');
                if name.is_empty() || !cursor.eat('=') {
                    // a new scheme begins (or a token68, skipped with it)
                    cursor.rewind(before);
                    if !name.is_empty() && challenge.params.is_empty() && !after_comma {
                        // `Scheme token68`: drop the token68 and its padding
                        cursor.skip(|c| c == ',' || c == ' ' || c == '\t');
                        cursor.token();
                        cursor.skip(|c| c == '=');
                    }
                    break;
                }
                cursor.skip(|c| c == ' ' || c == '\t');
                let value = if cursor.eat('"') {
                    cursor.quoted()
                } else {
                    cursor.token().to_owned()
                };
                challenge.params.push((name.to_ascii_lowercase(), value));
            }
            challenges.push(challenge);
        }
    }
    challenges
}

/// A position in a header value, for [`parse_challenges`].
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    fn position(&self) -> usize {
        self.at
    }

    fn rewind(&mut self, at: usize) {
        self.at = at;
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, expected: char) -> bool {
        if self.peek() == Some(expected) {
            self.at += expected.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip(&mut self, what: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&what) {
            self.bump();
        }
    }

    /// An HTTP token (RFC 9110 `tchar`s), possibly empty.
    fn token(&mut self) -> &'a str {
        let start = self.at;
        self.skip(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c));
        &self.text[start..self.at]
    }

    /// The rest of a quoted string whose opening quote was eaten, unescaped.
    fn quoted(&mut self) -> String {
        let mut value = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => value.extend(self.bump()),
                c => value.push(c),
            }
        }
        value
    }
}

/// A Digest hash algorithm Parley can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    Md5,
    Sha256,
}

impl Algorithm {
    fn hex(self, data: &str) -> String {
        match self {
            Algorithm::Md5 => hex(&Md5::digest(data.as_bytes())),
            Algorithm::Sha256 => hex(&Sha256::digest(data.as_bytes())),
        }
    }
}

/// A Digest challenge Parley can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DigestChallenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    /// The algorithm parameter as the server wrote it (echoed back).
    algorithm_name: Option<String>,
    algorithm: Algorithm,
    session: bool,
    /// The server offers `qop=auth` (else the RFC 2069 form is used).
    qop_auth: bool,
}

impl DigestChallenge {
    /// The challenge, if it is a Digest one with an algorithm and quality of
    /// protection Parley supports (MD5 or SHA-256, `auth` or none).
    pub(crate) fn from_raw(raw: &RawChallenge) -> Option<DigestChallenge> {
        if raw.scheme != "digest" {
            return None;
        }
        let algorithm_name = raw.param("algorithm").map(str::to_owned);
        let (algorithm, session) = match algorithm_name.as_deref().map(str::to_ascii_uppercase).as_deref() {
            None | Some("MD5") => (Algorithm::Md5, false),
            Some("MD5-SESS") => (Algorithm::Md5, true),
            Some("SHA-256") => (Algorithm::Sha256, false),
            Some("SHA-256-SESS") => (Algorithm::Sha256, true),
            Some(_) => return None,
        };
        let qop = raw.param("qop");
        let qop_auth = qop.is_some_and(|qop| qop.split(',').any(|q| q.trim().eq_ignore_ascii_case("auth")));
        if qop.is_some() && !qop_auth {
            // only auth-int offered: it would need the body's hash in every answer
            return None;
        }
        Some(DigestChallenge {
            realm: raw.param("realm")?.to_owned(),
            nonce: raw.param("nonce")?.to_owned(),
            opaque: raw.param("opaque").map(str::to_owned),
            algorithm_name,
            algorithm,
            session,
            qop_auth,
        })
    }

    /// The `Authorization` header value answering this challenge for
    /// `method` on `uri` (the request target: path and query, as sent), the
    /// `nonce_count`th use of the nonce, with client nonce `cnonce`.
    pub(crate) fn answer(
        &self,
        credentials: &Credentials,
        method: &str,
        uri: &str,
        nonce_count: u32,
        cnonce: &str,
    ) -> String {
        let h = |data: &str| self.algorithm.hex(data);
        let mut ha1 = h(&format!("{}:{}:{}", credentials.user, self.realm, credentials.password));
        if self.session {
            ha1 = h(&format!("{ha1}:{}:{cnonce}", self.nonce));
        }
        let ha2 = h(&format!("{method}:{uri}"));
        let nc = format!("{nonce_count:08x}");
        let response = if self.qop_auth {
            h(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce))
        } else {
            h(&format!("{ha1}:{}:{ha2}", self.nonce))
        };
        let mut header = format!(
            "Digest username={}, realm={}, nonce={}, uri={}, response=\"{response}\"",
            quote(&credentials.user),
            quote(&self.realm),
            quote(&self.nonce),
            quote(uri),
        );
        if let Some(name) = &self.algorithm_name {
            header.push_str(&format!(", algorithm={name}"));
        }
        if self.qop_auth {
            header.push_str(&format!(", qop=auth, nc={nc}, cnonce={}", quote(cnonce)));
        }
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque={}", quote(opaque)));
        }
        header
    }
}

/// `value` as an HTTP quoted string.
fn quote(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The value of a Basic `Authorization` header.
pub(crate) fn basic(credentials: &Credentials) -> String {
    let pair = format!("{}:{}", credentials.user, credentials.password);
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
}

/// A fresh client nonce: 128 bits from the process's random hash keys, the
/// clock and a counter. It only has to be unpredictable to the server and
/// never repeat, which this gives without a random-number crate.
fn client_nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut halves = [0u64; 2];
    for (i, half) in halves.iter_mut().enumerate() {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u128(now);
        hasher.write_u64(count);
        hasher.write_usize(i);
        *half = hasher.finish();
    }
    format!("{:016x}{:016x}", halves[0], halves[1])
}

/// How one client answers an endpoint's challenges.
#[derive(Debug)]
pub(crate) struct Authenticator {
    credentials: Option<Credentials>,
    scheme: Option<Scheme>,
}

#[derive(Debug)]
enum Scheme {
    Basic(String),
    Digest {
        challenge: DigestChallenge,
        nonce_count: u32,
    },
}

/// What a `401` leads to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ChallengeOutcome {
    /// Send the request again: there is a (new) answer to give.
    Retry,
    /// No credentials were given, and the endpoint wants some.
    NeedCredentials,
    /// The credentials were sent and refused (or the challenge is one Parley
    /// cannot answer).
    Refused,
}

impl Authenticator {
    pub(crate) fn new(credentials: Option<Credentials>) -> Authenticator {
        Authenticator {
            credentials,
            scheme: None,
        }
    }

    /// The `Authorization` header for the next request of `method` on `uri`,
    /// once a challenge has been answered.
    pub(crate) fn authorization(&mut self, method: &str, uri: &str) -> Option<String> {
        let credentials = self.credentials.as_ref()?;
        match self.scheme.as_mut()? {
            Scheme::Basic(header) => Some(header.clone()),
            Scheme::Digest { challenge, nonce_count } => {
                *nonce_count += 1;
                Some(challenge.answer(credentials, method, uri, *nonce_count, &client_nonce()))
            }
        }
    }

    /// Takes in the `WWW-Authenticate` values of a `401` answer. A first
    /// challenge, or a Digest one that says the old nonce is stale, is
    /// answered; a second challenge after an answer means the credentials are
    /// wrong. Digest is preferred to Basic, SHA-256 to MD5.
    pub(crate) fn challenged<'a>(&mut self, www_authenticate: impl IntoIterator<Item = &'a str>) -> ChallengeOutcome {
        let Some(credentials) = &self.credentials else {
            return ChallengeOutcome::NeedCredentials;
        };
        let challenges = parse_challenges(www_authenticate);
        let stale = challenges
            .iter()
            .any(|c| c.scheme == "digest" && c.param("stale").is_some_and(|s| s.eq_ignore_ascii_case("true")));
        if self.scheme.is_some() && !stale {
            return ChallengeOutcome::Refused;
        }
        let mut digests: Vec<DigestChallenge> = challenges.iter().filter_map(DigestChallenge::from_raw).collect();
        digests.sort_by_key(|d| d.algorithm != Algorithm::Sha256);
        self.scheme = if let Some(challenge) = digests.into_iter().next() {
            Some(Scheme::Digest {
                challenge,
                nonce_count: 0,
            })
        } else if challenges.iter().any(|c| c.scheme == "basic") && self.scheme.is_none() {
            Some(Scheme::Basic(basic(credentials)))
        } else {
            None
        };
        if self.scheme.is_some() {
            ChallengeOutcome::Retry
        } else {
            ChallengeOutcome::Refused
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mufasa(password: &str) -> Credentials {
        Credentials {
            user: "Mufasa".into(),
            password: password.into(),
        }
    }

    fn digest(header: &str) -> DigestChallenge {
        let raw = parse_challenges([header]);
        DigestChallenge::from_raw(&raw[0]).expect("a digest challenge")
    }

    /// The field `name="value"` (or `name=value`) of an Authorization header.
    fn field<'a>(header: &'a str, name: &str) -> &'a str {
        let start = header.find(&format!(" {name}=")).expect(name) + name.len() + 2;
        let rest = &header[start..];
        let rest = rest.strip_prefix('"').unwrap_or(rest);
        let end = rest.find(['"', ',']).unwrap_or(rest.len());
        &rest[..end]
    }

    // The worked example of RFC 2617, section 3.5 (MD5, qop=auth).
    #[test]
    fn md5_answer_matches_rfc_2617_example() {
        let challenge = digest(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        );
        let header = challenge.answer(&mufasa("Circle Of Life"), "GET", "/dir/index.html", 1, "0a4f113b");
        assert_eq!(field(&header, "response"), "6629fae49393a05397450978507c4ef1");
        assert_eq!(field(&header, "nc"), "00000001");
        assert_eq!(field(&header, "qop"), "auth");
        assert_eq!(field(&header, "opaque"), "5ccc069c403ebaf9f0171e9517f40e41");
        assert_eq!(field(&header, "uri"), "/dir/index.html");
    }

    // The worked example of RFC 7616, section 3.9.1, in both algorithms.
    #[test]
    fn md5_and_sha256_answers_match_rfc_7616_example() {
        let params = r#"realm="http-auth@example.org", qop="auth, auth-int", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        let md5 = digest(&format!("Digest {params}, algorithm=MD5"));
        let header = md5.answer(&mufasa("Circle of Life"), "GET", "/dir/index.html", 1, cnonce);
        assert_eq!(field(&header, "response"), "8ca523f5e9506fed4657c9700eebdbec");
        let sha = digest(&format!("Digest {params}, algorithm=SHA-256"));
        let header = sha.answer(&mufasa("Circle of Life"), "GET", "/dir/index.html", 1, cnonce);
        assert_eq!(
            field(&header, "response"),
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
        );
        assert_eq!(field(&header, "algorithm"), "SHA-256");
    }

    #[test]
    fn virtuoso_challenge_is_parsed() {
        let raw = parse_challenges([
            r#"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="840602d6", opaque="5ebe2294", stale="false", qop="auth", algorithm="MD5""#,
        ]);
        assert_eq!(raw.len(), 1);
        assert_eq!(raw[0].scheme, "digest");
        assert_eq!(raw[0].param("domain"), Some("/sparql-graph-crud-auth"));
        let challenge = DigestChallenge::from_raw(&raw[0]).unwrap();
        assert_eq!(challenge.realm, "SPARQL");
        assert_eq!(challenge.nonce, "840602d6");
        assert!(challenge.qop_auth && !challenge.session);
        assert_eq!(challenge.algorithm, Algorithm::Md5);
    }

    #[test]
    fn several_challenges_in_one_header_and_escaped_quotes() {
        let raw = parse_challenges([
            r#"Negotiate abc==, Basic realm="a \"quoted\" realm", charset=UTF-8, Digest realm="r", nonce="n""#,
        ]);
        let schemes: Vec<&str> = raw.iter().map(|c| c.scheme.as_str()).collect();
        assert_eq!(schemes, ["negotiate", "basic", "digest"]);
        assert_eq!(raw[1].param("realm"), Some(r#"a "quoted" realm"#));
        assert_eq!(raw[1].param("charset"), Some("UTF-8"));
        assert_eq!(raw[2].param("nonce"), Some("n"));
        // a scheme without parameters, then a comma: the next word is a scheme
        let raw = parse_challenges([r#"Negotiate, Digest realm="r", nonce="n""#]);
        assert_eq!(raw.len(), 2);
        assert!(DigestChallenge::from_raw(&raw[1]).is_some());
    }

    #[test]
    fn garbled_headers_give_no_challenge_and_no_panic() {
        for header in ["", ",,, ", "=", "\"unterminated", "Digest realm=\"open", "é"] {
            let raw = parse_challenges([header]);
            assert!(raw.iter().all(|c| DigestChallenge::from_raw(c).is_none()), "{header:?}");
        }
    }

    #[test]
    fn unsupported_digest_variants_are_not_answered() {
        let raw = parse_challenges([
            r#"Digest realm="r", nonce="n", algorithm=SHA-512-256"#,
            r#"Digest realm="r", nonce="n", qop="auth-int""#,
            r#"Digest nonce="n""#,
        ]);
        assert_eq!(raw.len(), 3);
        assert!(raw.iter().all(|c| DigestChallenge::from_raw(c).is_none()));
    }

    #[test]
    fn rfc_2069_answer_without_qop() {
        let challenge = digest(r#"Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093""#);
        let header = challenge.answer(&mufasa("Circle Of Life"), "GET", "/dir/index.html", 1, "x");
        // MD5(MD5(user:realm:pass):nonce:MD5(GET:/dir/index.html))
        let ha1 = Algorithm::Md5.hex("Mufasa:testrealm@host.com:Circle Of Life");
        let ha2 = Algorithm::Md5.hex("GET:/dir/index.html");
        let expected = Algorithm::Md5.hex(&format!("{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:{ha2}"));
        assert_eq!(field(&header, "response"), expected);
        assert!(!header.contains("qop=") && !header.contains("cnonce="));
    }

    #[test]
    fn session_variant_hashes_the_client_nonce_into_ha1() {
        let plain = digest(r#"Digest realm="r", nonce="n", qop="auth", algorithm=MD5"#);
        let sess = digest(r#"Digest realm="r", nonce="n", qop="auth", algorithm=MD5-sess"#);
        let a = plain.answer(&mufasa("p"), "PUT", "/x", 1, "c");
        let b = sess.answer(&mufasa("p"), "PUT", "/x", 1, "c");
        assert_ne!(field(&a, "response"), field(&b, "response"));
        let ha1 = Algorithm::Md5.hex(&format!("{}:n:c", Algorithm::Md5.hex("Mufasa:r:p")));
        let ha2 = Algorithm::Md5.hex("PUT:/x");
        let expected = Algorithm::Md5.hex(&format!("{ha1}:n:00000001:c:auth:{ha2}"));
        assert_eq!(field(&b, "response"), expected);
    }

    // RFC 7617, section 2: Aladdin / open sesame.
    #[test]
    fn basic_header_matches_rfc_7617_example() {
        let credentials = Credentials {
            user: "Aladdin".into(),
            password: "open sesame".into(),
        };
        assert_eq!(basic(&credentials), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    #[test]
    fn authenticator_answers_once_then_counts_nonces() {
        let mut auth = Authenticator::new(Some(mufasa("p")));
        assert_eq!(
            auth.authorization("PUT", "/x"),
            None,
            "nothing is sent before a challenge"
        );
        let challenge = r#"Digest realm="r", nonce="n", qop="auth""#;
        assert_eq!(auth.challenged([challenge]), ChallengeOutcome::Retry);
        let first = auth.authorization("PUT", "/x").unwrap();
        let second = auth.authorization("PUT", "/x").unwrap();
        assert_eq!(field(&first, "nc"), "00000001");
        assert_eq!(field(&second, "nc"), "00000002");
        assert_ne!(field(&first, "cnonce"), field(&second, "cnonce"));
        // challenged again with the same nonce: the password is wrong
        assert_eq!(auth.challenged([challenge]), ChallengeOutcome::Refused);
    }

    #[test]
    fn a_stale_nonce_is_replaced_and_the_count_restarts() {
        let mut auth = Authenticator::new(Some(mufasa("p")));
        auth.challenged([r#"Digest realm="r", nonce="old", qop="auth""#]);
        auth.authorization("PUT", "/x");
        auth.authorization("PUT", "/x");
        let outcome = auth.challenged([r#"Digest realm="r", nonce="new", qop="auth", stale=true"#]);
        assert_eq!(outcome, ChallengeOutcome::Retry);
        let header = auth.authorization("PUT", "/x").unwrap();
        assert_eq!(field(&header, "nonce"), "new");
        assert_eq!(field(&header, "nc"), "00000001");
    }

    #[test]
    fn digest_is_preferred_and_sha256_over_md5() {
        let mut auth = Authenticator::new(Some(mufasa("p")));
        auth.challenged([
            r#"Basic realm="r""#,
            r#"Digest realm="r", nonce="n", algorithm=MD5"#,
            r#"Digest realm="r", nonce="n", algorithm=SHA-256"#,
        ]);
        let header = auth.authorization("PUT", "/x").unwrap();
        assert!(header.starts_with("Digest "), "{header}");
        assert_eq!(field(&header, "algorithm"), "SHA-256");
    }

    #[test]
    fn without_credentials_a_challenge_asks_for_them() {
        let mut auth = Authenticator::new(None);
        assert_eq!(
            auth.challenged([r#"Basic realm="r""#]),
            ChallengeOutcome::NeedCredentials
        );
        assert_eq!(auth.authorization("PUT", "/x"), None);
    }

    #[test]
    fn credentials_come_from_both_variables_or_neither() {
        let set = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        let both = Credentials::from_variables(set(&[(USER_VARIABLE, "dba"), (PASSWORD_VARIABLE, "dba")]));
        assert_eq!(both.unwrap().unwrap().user, "dba");
        assert!(Credentials::from_variables(set(&[])).unwrap().is_none());
        let error = Credentials::from_variables(set(&[(USER_VARIABLE, "dba")])).unwrap_err();
        assert!(error.to_string().contains("PARLEY_PUSH_PASSWORD is not set"), "{error}");
        let error = Credentials::from_variables(set(&[(PASSWORD_VARIABLE, "dba")])).unwrap_err();
        assert!(error.to_string().contains("PARLEY_PUSH_USER is not set"), "{error}");
    }

    #[test]
    fn the_password_stays_out_of_debug_output() {
        let shown = format!("{:?}", mufasa("Circle of Life"));
        assert!(shown.contains("Mufasa") && !shown.contains("Circle"), "{shown}");
    }

    #[test]
    fn user_names_with_quotes_are_escaped() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
