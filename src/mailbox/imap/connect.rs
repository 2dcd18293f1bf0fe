//! TCP, TLS (implicit or STARTTLS) and the server greeting.
//!
//! Input: the configuration. Output: an unauthenticated async-imap client
//! whose greeting has been read. Failure: `Connect`/`Timeout` for the
//! network (retried), `Refused` for what configuration must fix (a
//! certificate the trust store rejects, plain IMAP to a remote host, a
//! server that refuses STARTTLS).

use std::io;
use std::net::IpAddr;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use async_imap::Client;
use async_imap::imap_proto::{Response, Status};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

use super::super::SourceError;
use super::error::Ctx;
use super::{ImapConfig, TlsMode};

/// The byte stream under async-imap: plain TCP (loopback, or before
/// STARTTLS) or TLS.
#[derive(Debug)]
pub(super) enum Conn {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

/// The TLS client configuration: the webpki roots plus the optional extra
/// CA, with the ring provider named explicitly (no process default needed).
pub(super) fn tls_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, String> {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(path) = ca_file {
        let shown = path.display();
        let certs = CertificateDer::pem_file_iter(path).map_err(|e| format!("cannot read ca_file {shown}: {e}"))?;
        let mut added = 0;
        for cert in certs {
            let cert = cert.map_err(|e| format!("bad PEM in ca_file {shown}: {e}"))?;
            roots.add(cert).map_err(|e| format!("unusable certificate in ca_file {shown}: {e}"))?;
            added += 1;
        }
        if added == 0 {
            return Err(format!("no certificate in ca_file {shown}"));
        }
    }
    let config = ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Connects, secures the stream as configured and reads the greeting.
pub(super) async fn open(
    cfg: &ImapConfig,
    ctx: &Ctx,
    tls: Option<Arc<ClientConfig>>,
) -> Result<Client<Conn>, SourceError> {
    if cfg.tls == TlsMode::None && !is_loopback(&cfg.host) {
        return Err(ctx.refused("connect", "plain IMAP (tls = none) is only allowed to a loopback host"));
    }
    let tcp = match tokio::time::timeout(ctx.timeout, TcpStream::connect((cfg.host.as_str(), cfg.port))).await {
        Err(_) => return Err(ctx.timed_out("connect")),
        Ok(Err(e)) => return Err(ctx.connect(e)),
        Ok(Ok(tcp)) => tcp,
    };
    // Commands are small and waited on; do not let Nagle delay them.
    tcp.set_nodelay(true).map_err(|e| ctx.connect(e))?;
    let tls = || tls.clone().ok_or_else(|| ctx.refused("connect", "TLS is not configured"));
    match cfg.tls {
        TlsMode::None => greeted(ctx, Client::new(Conn::Plain(tcp))).await,
        TlsMode::Implicit => {
            let stream = handshake(ctx, tls()?, &cfg.host, tcp).await?;
            greeted(ctx, Client::new(stream)).await
        }
        TlsMode::StartTls => {
            let mut client = greeted(ctx, Client::new(Conn::Plain(tcp))).await?;
            ctx.io("starttls", client.run_command_and_check_ok("STARTTLS", None)).await?;
            // Anything the server sent after its OK is dropped with the
            // plain client: nothing may be read before the handshake.
            let Conn::Plain(tcp) = client.into_inner() else {
                return Err(ctx.refused("starttls", "stream already encrypted"));
            };
            let stream = handshake(ctx, tls()?, &cfg.host, tcp).await?;
            Ok(Client::new(stream))
        }
    }
}

async fn handshake(ctx: &Ctx, config: Arc<ClientConfig>, host: &str, tcp: TcpStream) -> Result<Conn, SourceError> {
    let name = ServerName::try_from(host.to_string())
        .map_err(|e| ctx.refused("tls handshake", format!("invalid server name {host:?}: {e}")))?;
    match tokio::time::timeout(ctx.timeout, TlsConnector::from(config).connect(name, tcp)).await {
        Err(_) => Err(ctx.timed_out("tls handshake")),
        // rustls refusing the peer (certificate, protocol) is not a
        // network fault: reconnecting would fail the same way.
        Ok(Err(e)) if e.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) => {
            Err(ctx.refused("tls handshake", e))
        }
        Ok(Err(e)) => Err(ctx.connect(format!("TLS handshake: {e}"))),
        Ok(Ok(stream)) => Ok(Conn::Tls(Box::new(stream))),
    }
}

/// Reads the server greeting, which must come before any command.
async fn greeted(ctx: &Ctx, mut client: Client<Conn>) -> Result<Client<Conn>, SourceError> {
    let greeting = match tokio::time::timeout(ctx.timeout, client.read_response()).await {
        Err(_) => return Err(ctx.timed_out("greeting")),
        Ok(Err(e)) => return Err(ctx.connect(format!("reading the greeting: {e}"))),
        Ok(Ok(None)) => return Err(ctx.connect("closed before the greeting")),
        Ok(Ok(Some(greeting))) => greeting,
    };
    match greeting.parsed() {
        Response::Data { status: Status::Ok, .. } => Ok(client),
        Response::Data { status: Status::Bye, outcome } => {
            Err(ctx.connect(format!("server said BYE: {}", outcome.information.as_deref().unwrap_or(""))))
        }
        other => Err(ctx.connect(format!("unexpected greeting: {other:?}"))),
    }
}

/// `localhost` or a loopback address: where plain IMAP may be used.
pub(super) fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl AsyncRead for Conn {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_count_as_loopback() {
        for host in ["localhost", "LocalHost", "127.0.0.1", "127.8.9.1", "::1", "[::1]"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["imap.example.com", "10.0.0.1", "localhost.example.com", ""] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn a_missing_or_empty_ca_file_is_a_clear_error() {
        let err = tls_config(Some(Path::new("/nonexistent/ca.pem"))).unwrap_err();
        assert!(err.contains("/nonexistent/ca.pem"), "{err}");
        let empty = tempfile::NamedTempFile::new().unwrap();
        let err = tls_config(Some(empty.path())).unwrap_err();
        assert!(err.contains("no certificate"), "{err}");
        assert!(tls_config(None).is_ok());
    }
}
