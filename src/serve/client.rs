//! The client side of `POST /documents`, for `parley build --server`: the
//! documents are extracted where the command runs and only their quads
//! travel, so the server spends its time answering queries.

use std::time::Duration;

use serde::Deserialize;

use crate::error::ParleyError;

/// What the server says it did with one request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct IngestReport {
    /// Documents stored (each replacing the one of the same id).
    pub added: usize,
    /// Documents refused, with the reasons in `errors`.
    pub skipped: usize,
    /// Quads written.
    pub quads: usize,
    pub errors: Vec<String>,
}

/// A `parley serve` that accepts documents.
pub struct IngestClient {
    documents_url: String,
    base: String,
    token: String,
    agent: ureq::Agent,
}

/// Time allowed for one request, sending and storing a batch included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(600);

impl IngestClient {
    /// A client of the server at `base` (`http://host:port`), sending `token`.
    pub fn new(base: &str, token: String) -> IngestClient {
        let base = base.trim_end_matches('/').to_owned();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(REQUEST_TIMEOUT))
            .build()
            .new_agent();
        IngestClient {
            documents_url: format!("{base}/documents"),
            base,
            token,
            agent,
        }
    }

    /// Checks that the server answers at all (`GET /health`), before any
    /// extraction work.
    pub fn check(&self) -> Result<(), ParleyError> {
        let url = format!("{}/health", self.base);
        let mut response = self.agent.get(&url).call().map_err(|e| self.unreachable(e))?;
        if response.status() != 200 {
            let message = response.body_mut().read_to_string().unwrap_or_default();
            return Err(self.refused(response.status().as_u16(), &message));
        }
        Ok(())
    }

    /// Sends document graphs as N-Quads (every quad in its document's graph).
    pub fn send_nquads(&self, body: &[u8]) -> Result<IngestReport, ParleyError> {
        let mut response = self
            .agent
            .post(&self.documents_url)
            .header("Content-Type", "application/n-quads")
            .header("Authorization", &format!("Bearer {}", self.token))
            .send(body)
            .map_err(|e| self.unreachable(e))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(16 << 20)
            .read_to_string()
            .map_err(|e| self.unreachable(e))?;
        if status != 200 {
            return Err(self.refused(status, &text));
        }
        serde_json::from_str(&text).map_err(|error| ParleyError::Server {
            url: self.documents_url.clone(),
            message: format!("unexpected answer ({error})"),
        })
    }

    fn unreachable(&self, error: ureq::Error) -> ParleyError {
        ParleyError::Server {
            url: self.base.clone(),
            message: error.to_string(),
        }
    }

    fn refused(&self, status: u16, message: &str) -> ParleyError {
        ParleyError::Server {
            url: self.base.clone(),
            message: format!("{status} {}", message.trim()),
        }
    }
}
