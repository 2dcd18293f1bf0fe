//! Login: LOGIN with a password, or AUTHENTICATE XOAUTH2 with a bearer
//! token given in the configuration or printed by a command.
//!
//! Input: a greeted client. Output: a session. Failure: the server saying
//! NO/BAD to the credentials is `Auth` (not retried); a failing token
//! command is `Auth` naming its exit status. No error or log line carries
//! the password or the token.

use std::process::Stdio;

use async_imap::error::Error as ImapError;
use async_imap::{Authenticator, Client};
use secrecy::{ExposeSecret, SecretString};

use super::super::SourceError;
use super::connect::Conn;
use super::error::Ctx;
use super::session::ImapSession;
use super::{ImapAuth, ImapConfig};

pub(super) async fn login(client: Client<Conn>, cfg: &ImapConfig, ctx: &Ctx) -> Result<ImapSession, SourceError> {
    let attempt = match &cfg.auth {
        ImapAuth::Password(password) => {
            let login = client.login(&cfg.username, password.expose_secret());
            tokio::time::timeout(ctx.timeout, login).await
        }
        ImapAuth::XOAuth2 { token, command } => {
            let token = match (token, command) {
                (Some(token), _) => token.clone(),
                (None, Some(command)) => token_from_command(command, ctx).await?,
                (None, None) => return Err(ctx.auth("XOAUTH2 needs a token or a token command")),
            };
            let auth = XOAuth2 { response: Some(xoauth2_response(&cfg.username, &token)) };
            tokio::time::timeout(ctx.timeout, client.authenticate("XOAUTH2", auth)).await
        }
    };
    match attempt {
        Err(_) => Err(ctx.timed_out("login")),
        Ok(Ok(session)) => Ok(session),
        Ok(Err((ImapError::No(reason) | ImapError::Bad(reason), _))) => Err(ctx.auth(reason)),
        Ok(Err((ImapError::Validate(e), _))) => Err(ctx.auth(format!("credentials cannot be sent: {e}"))),
        Ok(Err((e, _))) => Err(ctx.imap("login", e)),
    }
}

/// The SASL XOAUTH2 initial response (before base64, which async-imap
/// adds).
pub(super) fn xoauth2_response(user: &str, token: &SecretString) -> SecretString {
    SecretString::from(format!("user={user}\x01auth=Bearer {}\x01\x01", token.expose_secret()))
}

/// Answers the server's first (empty) challenge with the token. A second
/// challenge is the server's JSON error; the empty answer lets it finish
/// with NO instead of waiting.
struct XOAuth2 {
    response: Option<SecretString>,
}

impl Authenticator for XOAuth2 {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        self.response.take().map(|r| r.expose_secret().to_string()).unwrap_or_default()
    }
}

/// Runs `sh -c command` and takes its trimmed standard output as the token.
async fn token_from_command(command: &str, ctx: &Ctx) -> Result<SecretString, SourceError> {
    let run = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = match tokio::time::timeout(ctx.timeout, run).await {
        Err(_) => return Err(ctx.timed_out("token command")),
        Ok(Err(e)) => return Err(ctx.auth(format!("cannot run token command `{command}`: {e}"))),
        Ok(Ok(output)) => output,
    };
    if !output.status.success() {
        // Its standard error is the helper's diagnostic, never the token
        // (that goes to standard output, which is not shown).
        let stderr = String::from_utf8_lossy(&output.stderr);
        tracing::warn!(command, status = %output.status, stderr = %stderr.trim(), "XOAUTH2 token command failed");
        return Err(ctx.auth(format!("token command `{command}` failed: {}", output.status)));
    }
    let token = String::from_utf8(output.stdout)
        .map_err(|_| ctx.auth(format!("token command `{command}` printed something that is not UTF-8")))?;
    let token = token.trim();
    if token.is_empty() {
        return Err(ctx.auth(format!("token command `{command}` printed no token")));
    }
    Ok(SecretString::from(token.to_string()))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn ctx() -> Ctx {
        Ctx { target: "imap.example:993".into(), timeout: Duration::from_secs(5) }
    }

    #[test]
    fn the_xoauth2_response_follows_the_sasl_layout() {
        let token = SecretString::from("ya29.abc".to_string());
        let response = xoauth2_response("ops@example.com", &token);
        assert_eq!(response.expose_secret(), "user=ops@example.com\x01auth=Bearer ya29.abc\x01\x01");
    }

    #[test]
    fn the_authenticator_answers_once_then_lets_the_server_fail() {
        let mut auth = XOAuth2 { response: Some(SecretString::from("first".to_string())) };
        assert_eq!(auth.process(b""), "first");
        assert_eq!(auth.process(br#"{"status":"401"}"#), "");
    }

    #[tokio::test]
    async fn a_token_command_prints_the_token_on_stdout() {
        let token = token_from_command("printf '  tok-123\\n'", &ctx()).await.unwrap();
        assert_eq!(token.expose_secret(), "tok-123");
    }

    #[tokio::test]
    async fn a_failing_token_command_is_an_auth_error_naming_its_status_not_its_output() {
        let err = token_from_command("echo tok-$((40 + 2)); exit 3", &ctx()).await.unwrap_err();
        assert!(matches!(err, SourceError::Auth { .. }), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("exit status: 3"), "{text}");
        assert!(!text.contains("tok-42"), "{text}");
    }

    #[tokio::test]
    async fn a_token_command_printing_nothing_is_refused() {
        let err = token_from_command("true", &ctx()).await.unwrap_err();
        assert!(err.to_string().contains("printed no token"), "{err}");
    }
}
