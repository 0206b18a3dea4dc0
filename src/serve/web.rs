//! The web page at `/`: one HTML file, one script, one style sheet, written
//! by hand and embedded in the binary, so the page works offline, needs no
//! build step and is always the version of the server that serves it.
//! It reads the same URLs any client can (`/entities`, `/api/entity`,
//! `/graph.cyjs`, `/sparql`, `/api/examples`).

use super::http::Reply;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/style.css");

/// The asset at `path`, if there is one.
pub(super) fn asset(path: &str) -> Option<Reply> {
    let (media, body) = match path {
        "/" | "/index.html" => ("text/html; charset=utf-8", INDEX),
        "/app.js" => ("text/javascript; charset=utf-8", SCRIPT),
        "/style.css" => ("text/css; charset=utf-8", STYLE),
        _ => return None,
    };
    Some(Reply::ok(media, body))
}
